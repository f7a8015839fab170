"""The abstract framework a flat ABA framework instantiates: arguments and their attacks.

An argument is a finite derivation of an atom, its claim, from assumptions, its support;
argmap writes it ``{a, b} |- c``. An argument attacks every argument whose support holds an
assumption whose contrary is its claim. Only arguments with subset-minimal supports are
built: an argument with a larger support for the same claim attacks the same arguments and
is attacked by more, so it changes no extension's assumptions.

For flat frameworks the two views agree (Bondarenko et al. 1997; Čyras et al. 2018, sec. 2):
a set of assumptions is admissible, complete, grounded, preferred or stable exactly when the
arguments supported within it form an extension of the same semantics, and each such
extension is the set of arguments supported within the union of its supports. The
arguments can be exponentially many: this is for drawing and explaining small frameworks,
and for checking the assumption-level engine, with a limit on their number.

References
----------
Bondarenko, A., Dung, P. M., Kowalski, R. A. and Toni, F. (1997). An abstract,
argumentation-theoretic approach to default reasoning. Artificial Intelligence 93(1-2).
Čyras, K., Fan, X., Schulz, C. and Toni, F. (2018). Assumption-based argumentation: disputes,
explanations, preferences. Handbook of Formal Argumentation, chapter 7.
"""

from __future__ import annotations

from argmap.errors import TooManyArgumentsError, UnknownNameError
from argmap.framework import Framework, natural_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from argmap.aba.framework import ABAFramework

__all__ = ["argument_name", "explain_atom", "instantiate", "supports"]

#: How many arguments :func:`instantiate` builds at most, unless told otherwise.
LIMIT = 10_000


def supports(aba: ABAFramework, *, limit: int = LIMIT) -> dict[str, list[frozenset[str]]]:
    """For each atom, the subset-minimal sets of assumptions it is derived from, smallest
    first (none for an atom nothing derives).

    Raises :class:`~argmap.errors.TooManyArgumentsError` past ``limit`` supports in all, or
    past ``limit`` combinations of its body atoms' supports for one rule (which is where
    the count grows exponentially).

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework(
    ...     [("p", ["a"]), ("p", ["b", "c"]), ("q", ["p", "c"])],
    ...     ["a", "b", "c"],
    ...     {"a": "x", "b": "y", "c": "z"},
    ... )
    >>> list(map(sorted, supports(aba)["q"]))
    [['a', 'c'], ['b', 'c']]
    """
    found: dict[str, list[frozenset[str]]] = {atom: [] for atom in aba.atoms}
    for assumption in aba.assumptions:
        found[assumption] = [frozenset([assumption])]
    total = len(aba.assumptions)
    if total > limit:
        raise TooManyArgumentsError(
            f"the framework has more than {limit} arguments with minimal supports"
        )
    changed = True
    while changed:  # each pass adds supports built from those of the last; all are finite
        changed = False
        for rule in aba.rules:
            combined: list[frozenset[str]] = [frozenset()]
            for atom in rule.body:
                combined = list({s | t for s in combined for t in found[atom]})
                if not combined:
                    break
                if len(combined) > limit:  # more candidates than arguments allowed
                    raise TooManyArgumentsError(
                        f"the rule {str(rule)!r} combines its body's supports into more than "
                        f"{limit} sets"
                    )
            known = found[rule.head]
            for candidate in combined:
                if any(old <= candidate for old in known):
                    continue
                kept = [old for old in known if not candidate <= old]
                total += 1 - (len(known) - len(kept))
                if total > limit:
                    raise TooManyArgumentsError(
                        f"the framework has more than {limit} arguments with minimal supports"
                    )
                known[:] = [*kept, candidate]
                changed = True
    return {
        atom: sorted(found[atom], key=lambda s: (len(s), sorted(s, key=natural_key)))
        for atom in aba.atoms
    }


def argument_name(claim: str, support: frozenset[str]) -> str:
    """``{a, b} |- c``, the support in natural order.

    >>> argument_name("innocent", frozenset({"not_guilty"}))
    '{not_guilty} |- innocent'
    """
    return "{" + ", ".join(sorted(support, key=natural_key)) + "} |- " + claim


def instantiate(
    aba: ABAFramework, *, limit: int = LIMIT
) -> tuple[Framework, dict[str, tuple[str, frozenset[str]]]]:
    """The abstract framework of ``aba``'s arguments, and each argument's claim and support
    by its name (see :func:`argument_name`).

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework([("x", ["b"]), ("y", ["a"])], ["a", "b"], {"a": "x", "b": "y"})
    >>> af, parts = instantiate(aba)
    >>> for attack in sorted(af.attacks):
    ...     print(*attack, sep="  attacks  ")
    {a} |- y  attacks  {b} |- b
    {a} |- y  attacks  {b} |- x
    {b} |- x  attacks  {a} |- a
    {b} |- x  attacks  {a} |- y
    """
    parts = {
        argument_name(claim, support): (claim, support)
        for claim, found in supports(aba, limit=limit).items()
        for support in found
    }
    by_assumption: dict[str, list[str]] = {a: [] for a in aba.assumptions}
    for name, (_, support) in parts.items():
        for assumption in support:
            by_assumption[assumption].append(name)
    attacked_by_claim: dict[str, list[str]] = {}
    for assumption, contrary in aba.contraries:
        attacked_by_claim.setdefault(contrary, []).extend(by_assumption[assumption])
    attacks = [
        (name, target)
        for name, (claim, _) in parts.items()
        for target in attacked_by_claim.get(claim, ())
    ]
    return Framework.from_attacks(attacks, arguments=parts), parts


#: How many arguments for one atom :func:`explain_atom` explains.
EXPLAINED = 3
#: The semantics under which a framework's extensions and its arguments' correspond.
EXPLAINABLE = ("AD", "CO", "GR", "PR", "ST")


def explain_atom(
    aba: ABAFramework, atom: str, semantics: str = "grounded", *, timeout: float | None = None
) -> str:
    """Plain sentences on why ``atom`` is, or is not, accepted under ``semantics``: the
    answer for the framework, then, for each of the first few arguments for the atom (fewest
    assumptions first), why that argument stands or falls among the arguments, as
    :func:`~argmap.semantics.explain_argument` says it (an extension derives the atom
    exactly when the arguments it supports include one for it).

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework([("x", ["b"]), ("p", ["a"])], ["a", "b"], {"a": "x", "b": "y"})
    >>> print(explain_atom(aba, "p"))
    p is not accepted under grounded semantics: the grounded set of assumptions, {b}, does not
    derive it. One argument derives it:
    {a} |- p is OUT under grounded semantics, in round 1 of 1: {b} |- x, IN in round 1, attacks it.
    - {b} |- x is IN in round 1: nothing attacks it.
    """
    import textwrap

    from argmap.aba.semantics import accepted, grounded_extension, resolve_aba_semantics
    from argmap.semantics import explain_argument
    from argmap.semantics.deadline import time_limit
    from argmap.semantics.registry import SEMANTICS

    code = resolve_aba_semantics(semantics)
    if code == "CF":  # conflict-free sets of arguments are not those of assumptions
        raise UnknownNameError("semantics for explaining an atom", semantics, EXPLAINABLE)
    aba.check(atom)
    name = SEMANTICS[code].name
    with time_limit(timeout):
        if code == "GR":
            grounded = grounded_extension(aba)
            shown = "{" + ", ".join(sorted(grounded, key=natural_key)) + "}"
            verdict = "accepted" if aba.derives(grounded, atom) else "not accepted"
            reason = f"the grounded set of assumptions, {shown}, " + (
                "derives it" if verdict == "accepted" else "does not derive it"
            )
        else:
            sceptical = accepted(aba, atom, code, mode="sceptical")
            credulous = accepted(aba, atom, code)
            verdict = (
                "sceptically accepted"
                if sceptical
                else "credulously but not sceptically accepted"
                if credulous
                else "rejected"
            )
            reason = (
                f"every {name} set of assumptions derives it"
                if sceptical and credulous
                else f"vacuously, as there is no {name} set of assumptions"
                if sceptical
                else f"some {name} set of assumptions derives it and some does not"
                if credulous
                else f"no {name} set of assumptions derives it"
            )
        found = supports(aba)[atom]
        af, _ = instantiate(aba) if found else (None, None)
        count = len(found)
        head = f"{atom} is {verdict} under {name} semantics: {reason}. " + (
            "No argument derives it: no set of assumptions does."
            if not found
            else "One argument derives it:"
            if count == 1
            else f"{count} arguments derive it"
            + (f"; the first {EXPLAINED}:" if count > EXPLAINED else ":")
        )
        parts = [textwrap.fill(head, width=96, break_on_hyphens=False)]
        for support in found[:EXPLAINED]:
            assert af is not None
            parts.append(explain_argument(af, argument_name(atom, support), code))
    return "\n".join(parts)
