"""Principles of extension-based semantics, as checks that return a counterexample.

A *semantics* here is a built-in code or name (``"PR"``, ``"preferred"``) or any function
from a :class:`~argmap.Framework` to a collection of extensions, so a researcher can test a
semantics of their own. :meth:`Principle.check` looks at one framework and returns a
:class:`Violation` explaining what fails, or None; :func:`find_counterexample` tries many
frameworks; :func:`assert_principle` is a one-line hypothesis test.

>>> violation = REINSTATEMENT.check("naive", Framework.from_attacks([("a", "b"), ("b", "c")]))
>>> print(violation.explanation)
{'b'} defends 'a' but does not contain it

References
----------
Baroni, P. and Giacomin, M. (2007). On principle-based evaluation of extension-based
argumentation semantics. Artificial Intelligence 171(10-15).
van der Torre, L. and Vesic, S. (2017). The principle-based approach to abstract
argumentation semantics. IfCoLog Journal of Logics and their Applications 4(8).
Kampik, T. and Nieves, J. C. (2020). Abstract argumentation and the rational man. Journal of
Logic and Computation 31(2).
Kampik, T., Nieves, J. C. and Gabbay, D. (2022). Ensuring reference independence and cautious
monotony in abstract argumentation. International Journal of Approximate Reasoning 140.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable
from typing import Any

import attrs

from argmap.framework import Framework, natural_key
from argmap.semantics import extensions, resolve_semantics

__all__ = [
    "ADMISSIBILITY",
    "CF_REINSTATEMENT",
    "CONFLICT_FREENESS",
    "DIRECTIONALITY",
    "I_MAXIMALITY",
    "LANGUAGE_INDEPENDENCE",
    "MODULARIZATION",
    "NAIVETY",
    "PRINCIPLES",
    "PUBLISHED",
    "REFERENCE_INDEPENDENCE",
    "REINSTATEMENT",
    "RESOLUTION_ADEQUACY",
    "SCC_RECURSIVENESS",
    "STRONG_ADMISSIBILITY",
    "WEAK_REFERENCE_INDEPENDENCE",
    "WEAK_REINSTATEMENT",
    "Principle",
    "Violation",
    "assert_principle",
    "find_counterexample",
    "principle_table",
    "small_frameworks",
    "table_markdown",
]

Semantics = str | Callable[[Framework], Iterable[Collection[str]]]
Ext = frozenset[str]


def _extensions_of(semantics: Semantics, af: Framework) -> frozenset[Ext]:
    if isinstance(semantics, str):
        return extensions(af, semantics)
    return frozenset(frozenset(e) for e in semantics(af))


def _show(names: Iterable[str]) -> str:
    ordered = sorted(names, key=natural_key)
    return "{" + ", ".join(repr(n) for n in ordered) + "}"


@attrs.frozen
class Violation:
    """A framework on which a semantics breaks a principle, and why."""

    principle: str
    framework: Framework
    explanation: str

    def __str__(self) -> str:
        return f"{self.principle} fails on {self.framework!r}: {self.explanation}"


@attrs.frozen
class Principle:
    """A property a semantics may have, checkable on one framework."""

    name: str
    reference: str
    description: str
    _check: Callable[[Semantics, Framework], str | None]

    def check(self, semantics: Semantics, af: Framework) -> Violation | None:
        """A :class:`Violation` on ``af``, or None when the principle holds there."""
        if isinstance(semantics, str):
            semantics = resolve_semantics(semantics)
        reason = self._check(semantics, af)
        return None if reason is None else Violation(self.name, af, reason)


# -- the checks -------------------------------------------------------------------------------
def _attacked_by(af: Framework, members: Collection[str]) -> frozenset[str]:
    return af.attacked_by_set(members)


def _defends(af: Framework, members: Collection[str], name: str) -> bool:
    attacked = _attacked_by(af, members)
    return all(b in attacked for b in af.attackers(name))


def _strongly_defends(af: Framework, members: frozenset[str], name: str) -> bool:
    """Baroni and Giacomin (2007), Definition 7: every attacker of ``name`` is attacked by some
    ``c`` in ``members - {name}`` that is itself strongly defended by ``members - {name}``."""
    rest = members - {name}
    return all(
        any((c, b) in af.attacks and _strongly_defends(af, rest, c) for c in rest)
        for b in af.attackers(name)
    )


def _conflict_free(semantics: Semantics, af: Framework) -> str | None:
    for e in _extensions_of(semantics, af):
        for a, b in sorted(af.attacks):
            if a in e and b in e:
                return f"extension {_show(e)} contains {a!r} and {b!r}, and {a!r} attacks {b!r}"
    return None


def _admissibility(semantics: Semantics, af: Framework) -> str | None:
    for e in _extensions_of(semantics, af):
        for a in sorted(e, key=natural_key):
            if not _defends(af, e, a):
                return f"extension {_show(e)} does not defend its member {a!r}"
    return _conflict_free(semantics, af)


def _strong_admissibility(semantics: Semantics, af: Framework) -> str | None:
    for e in _extensions_of(semantics, af):
        for a in sorted(e, key=natural_key):
            if not _strongly_defends(af, e, a):
                return f"extension {_show(e)} does not strongly defend its member {a!r}"
    return None


def _reinstatement(semantics: Semantics, af: Framework) -> str | None:
    for e in _extensions_of(semantics, af):
        for a in af.sorted_arguments:
            if a not in e and _defends(af, e, a):
                return f"{_show(e)} defends {a!r} but does not contain it"
    return None


def _weak_reinstatement(semantics: Semantics, af: Framework) -> str | None:
    for e in _extensions_of(semantics, af):
        for a in af.sorted_arguments:
            if a not in e and _strongly_defends(af, e | {a}, a):
                return f"{_show(e)} strongly defends {a!r} but does not contain it"
    return None


def _cf_reinstatement(semantics: Semantics, af: Framework) -> str | None:
    for e in _extensions_of(semantics, af):
        for a in af.sorted_arguments:
            grown = e | {a}
            conflict = any(x in grown and y in grown for x, y in af.attacks)
            if a not in e and _defends(af, e, a) and not conflict:
                return (
                    f"{_show(e)} defends {a!r} and stays conflict-free with it, but does "
                    "not contain it"
                )
    return None


def _i_maximality(semantics: Semantics, af: Framework) -> str | None:
    found = sorted(_extensions_of(semantics, af), key=lambda e: (len(e), sorted(e)))
    for small, large in itertools.combinations(found, 2):
        if small < large:
            return f"extension {_show(small)} is a proper subset of extension {_show(large)}"
    return None


def _naivety(semantics: Semantics, af: Framework) -> str | None:
    naive = extensions(af, "NA")
    for e in _extensions_of(semantics, af):
        if e not in naive:
            return f"extension {_show(e)} is not a maximal conflict-free set"
    return None


def _unattacked_sets(af: Framework) -> list[frozenset[str]]:
    """Every non-empty set no outside argument attacks: unions of upward-closed SCC sets."""
    components = af.components()
    result = set()
    for size in range(1, len(components) + 1):
        for chosen in itertools.combinations(components, size):
            members = frozenset().union(*chosen)
            if not any(b in members and a not in members for a, b in af.attacks):
                result.add(members)
    return sorted(result, key=lambda s: (len(s), sorted(s)))


def _directionality(semantics: Semantics, af: Framework) -> str | None:
    whole = _extensions_of(semantics, af)
    for unattacked in _unattacked_sets(af):
        alone = _extensions_of(semantics, af.restrict(unattacked))
        projected = frozenset(e & unattacked for e in whole)
        if alone != projected:
            return (
                f"on the unattacked set {_show(unattacked)} alone the extensions are "
                f"{sorted(map(sorted, alone))}, but the whole framework's extensions "
                f"restricted to it are {sorted(map(sorted, projected))}"
            )
    return None


def _language_independence(semantics: Semantics, af: Framework) -> str | None:
    names = af.sorted_arguments
    renamed = {name: f"x{len(names) - i}" for i, name in enumerate(names)}
    other = Framework.from_attacks(
        [(renamed[a], renamed[b]) for a, b in af.attacks], arguments=renamed.values()
    )
    expected = frozenset(frozenset(renamed[n] for n in e) for e in _extensions_of(semantics, af))
    if _extensions_of(semantics, other) != expected:
        return "renaming the arguments changes the extensions beyond the renaming"
    return None


def _standard_framework(
    af: Framework, component: frozenset[str], chosen: Ext, before: frozenset[str]
) -> Framework:
    """The standard framework of ``component`` given the labelling of earlier components by
    ``chosen`` (Baroni et al. 2014): an IN input stays as an unattacked attacker, an OUT one
    is dropped, an UNDEC one becomes a self-attacking attacker."""
    out = af.attacked_by_set(chosen) & before
    inputs = {a for a, b in af.attacks if b in component and a in before and a not in out}
    attacks = {(a, b) for a, b in af.attacks if b in component and (a in component or a in inputs)}
    attacks |= {(a, a) for a in inputs if a not in chosen}
    return Framework(component | inputs, frozenset(attacks))


def _scc_recursiveness(semantics: Semantics, af: Framework) -> str | None:
    partial: set[Ext] = {frozenset()}
    before: frozenset[str] = frozenset()
    for component in af.components():
        grown = set()
        for chosen in partial:
            local = _standard_framework(af, component, chosen, before)
            for extension in _extensions_of(semantics, local):
                grown.add(chosen | (extension & component))
        partial = grown
        before = before | component
    got = _extensions_of(semantics, af)
    if got != partial:
        return (
            f"solving component by component gives {sorted(map(sorted, partial))}, the "
            f"whole framework gives {sorted(map(sorted, got))}"
        )
    return None


def _reduct(af: Framework, members: Collection[str]) -> Framework:
    return af.restrict(af.arguments - af.range_of(members))


def _modularization(semantics: Semantics, af: Framework) -> str | None:
    whole = _extensions_of(semantics, af)
    for first in sorted(whole, key=sorted):
        for second in _extensions_of(semantics, _reduct(af, first)):
            if first | second not in whole:
                return (
                    f"{_show(first)} is an extension and {_show(second)} an extension of "
                    f"its reduct, but their union is not an extension"
                )
    return None


def _full_resolutions(af: Framework) -> Iterable[Framework]:
    """Every framework obtained by keeping exactly one direction of each mutual attack between
    two different arguments (Baroni and Giacomin 2007)."""
    mutual = sorted(
        (a, b) for a, b in af.attacks if (b, a) in af.attacks and natural_key(a) < natural_key(b)
    )
    for dropped in itertools.product(*(((b, a), (a, b)) for a, b in mutual)):
        yield Framework(af.arguments, af.attacks - set(dropped))


def _resolution_adequacy(semantics: Semantics, af: Framework) -> str | None:
    whole = _extensions_of(semantics, af)
    for resolved in _full_resolutions(af):
        for e in sorted(_extensions_of(semantics, resolved), key=sorted):
            if not any(e <= kept for kept in whole):
                return (
                    f"{_show(e)} is an extension of the resolution {resolved!r} but is in no "
                    "extension of the framework"
                )
    return None


def _sub_frameworks(af: Framework) -> Iterable[Framework]:
    """Every framework of which ``af`` is a normal expansion: ``af`` restricted to a subset of
    its arguments (a normal expansion adds arguments and only attacks that involve them)."""
    names = af.sorted_arguments
    for size in range(len(names) + 1):
        for chosen in itertools.combinations(names, size):
            yield af.restrict(chosen)


def _reference_independence(semantics: Semantics, af: Framework) -> str | None:
    expanded = sorted(_extensions_of(semantics, af), key=sorted)
    for smaller in _sub_frameworks(af):
        for e in sorted(_extensions_of(semantics, smaller), key=sorted):
            for other in expanded:
                if other <= smaller.arguments and other != e:
                    return (
                        f"{_show(e)} is an extension of {smaller!r}; the expansion has the "
                        f"extension {_show(other)}, made only of old arguments"
                    )
    return None


def _weak_reference_independence(semantics: Semantics, af: Framework) -> str | None:
    expanded = _extensions_of(semantics, af)
    for smaller in _sub_frameworks(af):
        for e in sorted(_extensions_of(semantics, smaller), key=sorted):
            if not any(other == e or not other <= smaller.arguments for other in expanded):
                return (
                    f"{_show(e)} is an extension of {smaller!r}, but every extension of the "
                    "expansion is another set of old arguments"
                )
    return None


def _principle(
    name: str, reference: str, description: str, check: Callable[[Semantics, Framework], str | None]
) -> Principle:
    return Principle(name, reference, description, check)


_BG2007 = "Baroni and Giacomin (2007)"
CONFLICT_FREENESS = _principle(
    "conflict-freeness", "Dung (1995)", "no extension contains an attack", _conflict_free
)
ADMISSIBILITY = _principle(
    "admissibility",
    _BG2007,
    "every extension is conflict-free and defends its members",
    _admissibility,
)
STRONG_ADMISSIBILITY = _principle(
    "strong admissibility",
    _BG2007,
    "every member is strongly defended by its extension",
    _strong_admissibility,
)
REINSTATEMENT = _principle(
    "reinstatement", _BG2007, "every argument an extension defends is in it", _reinstatement
)
WEAK_REINSTATEMENT = _principle(
    "weak reinstatement",
    _BG2007,
    "every argument an extension strongly defends is in it",
    _weak_reinstatement,
)
CF_REINSTATEMENT = _principle(
    "CF-reinstatement",
    _BG2007,
    "every argument an extension defends and is conflict-free with is in it",
    _cf_reinstatement,
)
I_MAXIMALITY = _principle(
    "I-maximality", _BG2007, "no extension is a proper subset of another", _i_maximality
)
NAIVETY = _principle(
    "naivety",
    "van der Torre and Vesic (2017)",
    "every extension is a maximal conflict-free set",
    _naivety,
)
DIRECTIONALITY = _principle(
    "directionality",
    _BG2007,
    "on an unattacked set, the extensions are those of that set alone",
    _directionality,
)
LANGUAGE_INDEPENDENCE = _principle(
    "language independence",
    _BG2007,
    "renaming arguments renames extensions and nothing else",
    _language_independence,
)
SCC_RECURSIVENESS = _principle(
    "SCC-recursiveness",
    "Baroni, Giacomin and Guida (2005); Baroni, Boella, Cerutti, "
    "Giacomin, van der Torre and Villata (2014)",
    "the extensions are obtained component by component, each "
    "solved on its standard framework given the earlier ones "
    "(SCC-decomposability)",
    _scc_recursiveness,
)
MODULARIZATION = _principle(
    "modularization",
    "Baumann, Brewka and Ulbricht (2020)",
    "an extension joined with an extension of its reduct is an extension",
    _modularization,
)

RESOLUTION_ADEQUACY = _principle(
    "resolution adequacy",
    _BG2007,
    "every extension of a full resolution (each mutual attack kept in one direction only) is "
    "included in an extension of the framework",
    _resolution_adequacy,
)
_KN = "Kampik and Nieves (2020); Kampik, Nieves and Gabbay (2022)"
REFERENCE_INDEPENDENCE = _principle(
    "reference independence",
    _KN,
    "the framework, as a normal expansion of any part of it, has no extension that is a "
    "different set of old arguments",
    _reference_independence,
)
WEAK_REFERENCE_INDEPENDENCE = _principle(
    "weak reference independence",
    _KN,
    "the framework, as a normal expansion of any part of it, keeps each old extension or has "
    "one that uses a new argument",
    _weak_reference_independence,
)

PRINCIPLES: tuple[Principle, ...] = (
    CONFLICT_FREENESS,
    ADMISSIBILITY,
    STRONG_ADMISSIBILITY,
    REINSTATEMENT,
    WEAK_REINSTATEMENT,
    CF_REINSTATEMENT,
    I_MAXIMALITY,
    NAIVETY,
    DIRECTIONALITY,
    LANGUAGE_INDEPENDENCE,
    SCC_RECURSIVENESS,
    MODULARIZATION,
    RESOLUTION_ADEQUACY,
    REFERENCE_INDEPENDENCE,
    WEAK_REFERENCE_INDEPENDENCE,
)


# -- searching --------------------------------------------------------------------------------
def small_frameworks(max_arguments: int = 3) -> Iterable[Framework]:
    """Every framework on ``a1 .. an`` for ``n <= max_arguments`` (self-attacks included).

    >>> sum(1 for _ in small_frameworks(2))
    19
    """
    for count in range(max_arguments + 1):
        names = [f"a{i}" for i in range(1, count + 1)]
        pairs = [(a, b) for a in names for b in names]
        for mask in range(2 ** len(pairs)):
            chosen = [pair for bit, pair in enumerate(pairs) if mask >> bit & 1]
            yield Framework.from_attacks(chosen, arguments=names)


def find_counterexample(
    principle: Principle, semantics: Semantics, frameworks: Iterable[Framework]
) -> Violation | None:
    """The first framework on which ``semantics`` breaks ``principle``, or None."""
    for af in frameworks:
        violation = principle.check(semantics, af)
        if violation is not None:
            return violation
    return None


def assert_principle(principle: Principle, semantics: Semantics, **bounds: Any) -> None:
    """A hypothesis test in one line: search random frameworks for a counterexample and fail
    with the smallest one found and its explanation. ``bounds`` go to
    :func:`argmap.strategies.frameworks`; ``max_examples`` sets the search effort.

    >>> assert_principle(ADMISSIBILITY, "preferred", max_arguments=4, max_examples=30)
    """
    from hypothesis import given, settings

    from argmap.strategies import frameworks

    examples = bounds.pop("max_examples", 200)

    @settings(max_examples=examples, deadline=None, database=None)
    @given(frameworks(**bounds))
    def search(af: Framework) -> None:
        violation = principle.check(semantics, af)
        assert violation is None, str(violation)

    search()


# -- the published table ----------------------------------------------------------------------
def _rows(codes: str, value: bool) -> dict[str, bool]:
    return dict.fromkeys(codes.split(), value)


_BG = "GR CO PR ST SST ID CF2"
#: Entries published in the literature: (principle, semantics code) -> satisfied.
#: Baroni and Giacomin (2007), Table 1, for GR CO PR ST SST ID CF2; Dvořák and Gaggl (2016)
#: for stage and stage2; naivety and conflict-freeness follow from the definitions; Baroni,
#: Giacomin and Guida (2005) for SCC-recursiveness (directionality fails for SST and STG, so
#: SCC-recursiveness does too); Baumann, Brewka and Ulbricht (2020) for modularization;
#: Baroni and Giacomin (2007) for resolution adequacy; Kampik and Nieves (2020) for weak
#: reference independence (naive and CF2 satisfy it, Dung's semantics do not); Caminada
#: (2014) for strongly admissible sets, which are admissible.
PUBLISHED: dict[tuple[str, str], bool] = {
    **{
        ("conflict-freeness", c): True
        for c in _rows("CF AD SAD CO GR PR ST SST STG ID EA NA CF2 STG2", True)
    },
    ("admissibility", "SAD"): True,
    ("strong admissibility", "SAD"): True,
    **{
        ("admissibility", c): v
        for c, v in {**_rows(_BG, True), "CF2": False, "STG": False, "STG2": False}.items()
    },
    **{
        ("strong admissibility", c): v
        for c, v in {**_rows(_BG, False), "GR": True, "STG": False, "STG2": False}.items()
    },
    **{
        ("reinstatement", c): v
        for c, v in {**_rows(_BG, True), "CF2": False, "STG": False, "STG2": False}.items()
    },
    **{
        ("weak reinstatement", c): v
        for c, v in {**_rows(_BG, True), "STG": False, "STG2": True}.items()
    },
    **{
        ("CF-reinstatement", c): v
        for c, v in {**_rows(_BG, True), "STG": True, "STG2": True}.items()
    },
    **{
        ("I-maximality", c): v
        for c, v in {**_rows(_BG, True), "CO": False, "STG": True, "STG2": True}.items()
    },
    **{
        ("directionality", c): v
        for c, v in {
            **_rows(_BG, True),
            "ST": False,
            "SST": False,
            "STG": False,
            "STG2": True,
        }.items()
    },
    **{("naivety", c): True for c in ["NA", "ST", "STG", "CF2", "STG2"]},
    **{("naivety", c): False for c in ["CF", "AD", "CO", "GR", "PR", "SST"]},
    **{("language independence", c): True for c in _BG.split()},
    **{
        ("SCC-recursiveness", c): v
        for c, v in {**_rows("GR CO PR ST CF2 STG2", True), "SST": False, "STG": False}.items()
    },
    **{("modularization", c): True for c in ["AD", "CO", "GR", "PR", "ST"]},
    **{
        ("resolution adequacy", c): v
        for c, v in {**_rows(_BG, True), "GR": False, "SST": False, "ID": False}.items()
    },
    **{
        ("weak reference independence", c): v
        for c, v in {**_rows("GR CO PR ST", False), "NA": True, "CF2": True}.items()
    },
}


def principle_table(
    frameworks: Iterable[Framework], codes: Iterable[str] | None = None
) -> dict[tuple[str, str], Violation | None]:
    """For each principle and semantics, a violation found among ``frameworks``, or None."""
    from argmap.semantics.registry import SEMANTICS

    pool = list(frameworks)
    chosen = list(codes) if codes is not None else list(SEMANTICS)
    return {
        (principle.name, code): find_counterexample(principle, code, pool)
        for principle in PRINCIPLES
        for code in chosen
    }


def table_markdown(results: dict[tuple[str, str], Violation | None]) -> str:
    """A Markdown table of ``principle_table`` results; published entries are in bold."""
    codes = list(dict.fromkeys(code for _, code in results))
    lines = ["| principle | " + " | ".join(codes) + " |", "|---|" + "---|" * len(codes)]
    for principle in PRINCIPLES:
        cells = []
        for code in codes:
            word = "yes" if results[(principle.name, code)] is None else "no"
            cells.append(f"**{word}**" if (principle.name, code) in PUBLISHED else word)
        lines.append(f"| {principle.name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
