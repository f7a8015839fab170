"""Hypothesis strategies for property tests over argumentation frameworks.

Install with ``pip install argmap[testing]``. Arguments are drawn first and attacks second,
so a failing example shrinks towards fewer arguments, then fewer attacks, then smaller names:
what a reader sees at the end is the smallest framework that still fails.

>>> from hypothesis import given
>>> @given(frameworks(max_arguments=4))
... def test_grounded_is_complete(af):
...     from argmap import grounded_extension, is_extension
...     assert is_extension(af, grounded_extension(af), "CO")
>>> test_grounded_is_complete()
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st

from argmap.aba.framework import ABAFramework
from argmap.framework import Framework
from argmap.map import ArgumentMap, Confidence, Likelihood

__all__ = ["FAMILIES", "aba_frameworks", "argument_maps", "frameworks", "weights"]

FAMILIES = ("any", "acyclic", "well-founded", "symmetric", "odd-cycle-free", "one-scc")


def _check_bounds(least: int, most: int, noun: str = "arguments") -> None:
    if not isinstance(least, int) or least < 0:
        raise ValueError(f"min_{noun} must be a non-negative integer, got {least!r}")
    if not isinstance(most, int) or most < least:
        raise ValueError(f"max_{noun} must be an integer >= min_{noun} ({least}), got {most!r}")


def frameworks(
    *,
    min_arguments: int = 0,
    max_arguments: int = 6,
    density: float = 1.0,
    min_density: float = 0.0,
    self_attacks: bool = True,
    isolated: bool = True,
    family: str = "any",
) -> st.SearchStrategy[Framework]:
    """Random frameworks with between ``min_arguments`` and ``max_arguments`` arguments.

    Parameters
    ----------
    min_arguments, max_arguments : int
        Bounds on the number of arguments (named ``a1``, ``a2``, ...).
    density : float
        At most this fraction of the possible attacks is drawn (0 to 1).
    min_density : float
        At least this fraction of the possible attacks is drawn (0 to ``density``). Left at 0,
        most draws of a few dozen arguments have few attacks, since Hypothesis favours small
        sets; with ``min_density=0.04``, 30 arguments have at least 36 attacks.
    self_attacks : bool
        Whether an argument may attack itself (only in the families that allow cycles).
    isolated : bool
        Whether arguments that take part in no attack may appear.
    family : str
        ``"any"``; ``"acyclic"`` or its synonym ``"well-founded"`` (attacks only from lower to
        higher index); ``"symmetric"`` (every attack is answered); ``"odd-cycle-free"``
        (arguments fall on two sides and attacks only cross between them, so every cycle is
        even); ``"one-scc"`` (a cycle through all arguments plus extra attacks, so the whole
        framework is one strongly connected component).

    Shrinking
    ---------
    Arguments are drawn first and attacks second, so examples shrink towards fewer arguments,
    then fewer attacks, then the lowest-numbered pairs; the empty framework is the simplest
    example (one argument for ``"one-scc"``, where it attacks itself if allowed).

    Examples
    --------
    >>> from hypothesis import find
    >>> from argmap import extensions
    >>> find(frameworks(), lambda af: not extensions(af, "ST"))
    Framework(a1->a1)
    """
    _check_bounds(min_arguments, max_arguments)
    if not isinstance(density, int | float) or not 0 <= density <= 1:
        raise ValueError(f"density must be a number from 0 to 1, got {density!r}")
    if not isinstance(min_density, int | float) or not 0 <= min_density <= density:
        raise ValueError(
            f"min_density must be a number from 0 to density ({density}), got {min_density!r}"
        )
    if family not in FAMILIES:
        from argmap.errors import UnknownNameError

        raise UnknownNameError("framework family", family, FAMILIES)
    if family == "one-scc" and min_arguments == 0:
        min_arguments = 1
        max_arguments = max(max_arguments, 1)

    @st.composite
    def build(draw: Any) -> Framework:
        count = draw(st.integers(min_arguments, max_arguments))
        names = [f"a{i}" for i in range(1, count + 1)]
        sides = [draw(st.booleans()) for _ in names] if family == "odd-cycle-free" else []
        required: set[tuple[str, str]] = set()
        if family == "one-scc" and count > 1:
            required = {(names[i], names[(i + 1) % count]) for i in range(count)}
        elif family == "one-scc" and self_attacks:
            required = {(names[0], names[0])}

        def allowed(i: int, j: int) -> bool:
            if i == j:
                return self_attacks and family in ("any", "one-scc")
            if family in ("acyclic", "well-founded"):
                return i < j
            if family == "symmetric":
                return i < j
            if family == "odd-cycle-free":
                return bool(sides[i] != sides[j])
            return True

        pairs = [
            (names[i], names[j])
            for i in range(count)
            for j in range(count)
            if allowed(i, j) and (names[i], names[j]) not in required
        ]
        limit = int(density * len(pairs))
        least = min(math.ceil(min_density * len(pairs)), limit)
        chosen = (
            draw(st.sets(st.sampled_from(pairs), min_size=least, max_size=limit))
            if pairs and limit
            else set()
        )
        chosen |= required
        if family == "symmetric":
            chosen |= {(b, a) for a, b in chosen}
        af = Framework.from_attacks(chosen, arguments=names)
        if not isolated:
            touched = {name for pair in af.attacks for name in pair}
            af = af.restrict(touched)
        return af

    return build()


def weights(af: Framework, *, steps: int = 100) -> st.SearchStrategy[dict[str, float]]:
    """Weights in [0, 1] for some of the arguments of ``af`` (the others weigh 1, as
    :func:`~argmap.semantics.categoriser` takes them), each a multiple of ``1 / steps``: a
    weight so small that one plus it rounds to one would hide what a property is about.
    Shrinks towards no weights, then towards 0.

    >>> from hypothesis import find
    >>> from argmap.semantics import categoriser
    >>> af = Framework.from_attacks([("a", "b")])
    >>> find(weights(af), lambda w: categoriser(af, w)["b"] > 0.75)
    {'a': 0.0}
    """
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a positive whole number, got {steps!r}")
    one = st.integers(0, steps).map(lambda k: k / steps)
    return st.fixed_dictionaries({}, optional={name: one for name in af.sorted_arguments})


def aba_frameworks(
    *, min_atoms: int = 0, max_atoms: int = 6, max_rules: int = 8, max_body: int = 3
) -> st.SearchStrategy[ABAFramework]:
    """Random flat ABA frameworks on the atoms ``"1"`` .. ``"n"``, as ICCMA names them.

    Each atom is an assumption or not; each assumption's contrary is any atom (itself,
    another assumption, or an atom that rules may derive) or none; rules derive atoms that
    are not assumptions from bodies of up to ``max_body`` atoms, so facts, rules that no
    assumption can fire, and cycles among rules all occur.

    Shrinking
    ---------
    Atoms are drawn first, then which are assumptions, their contraries, then the rules, so
    a failing example shrinks towards fewer atoms, fewer assumptions and fewer and shorter
    rules, contraries towards atom ``"1"``; the empty framework is the simplest example.

    >>> from hypothesis import find
    >>> from argmap.aba import extensions
    >>> find(aba_frameworks(), lambda aba: not extensions(aba, "ST"))
    ABAFramework(rules=(), assumptions=frozenset({'1'}), contraries=(('1', '1'),), atoms=('1',))
    """
    _check_bounds(min_atoms, max_atoms, "atoms")
    for name, value in (("max_rules", max_rules), ("max_body", max_body)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} must be a non-negative integer, got {value!r}")

    @st.composite
    def build(draw: Any) -> ABAFramework:
        count = draw(st.integers(min_atoms, max_atoms))
        atoms = [str(i) for i in range(1, count + 1)]
        assumed = [atom for atom in atoms if draw(st.booleans())]
        given = st.one_of(st.sampled_from(atoms), st.none())
        contraries = {atom: draw(given) for atom in assumed}
        contraries = {atom: c for atom, c in contraries.items() if c is not None}
        heads = [atom for atom in atoms if atom not in assumed]
        rules = []
        if heads:
            body = st.lists(st.sampled_from(atoms), max_size=max_body, unique=True)
            rules = draw(st.lists(st.tuples(st.sampled_from(heads), body), max_size=max_rules))
        return ABAFramework(rules, assumed, contraries, atoms)

    return build()


#: The labels maps are drawn with: none first (what a failing map shrinks to), then
#: scheme names as AIFdb spells them.
_INFERENCES = (None, "Argument From Expert Opinion", "Argument From Analogy")
_CONFLICTS = (None, "Conflict From Bias", "Conflict From Expert Opinion")


def argument_maps(
    *,
    min_claims: int = 1,
    max_claims: int = 6,
    max_supports: int = 4,
    max_attacks: int = 5,
    assessments: bool = True,
    max_sources: int = 0,
) -> st.SearchStrategy[ArgumentMap]:
    """Random valid argument maps: claims, linked and convergent supports, rebuttals,
    underminings, undercuts, contradictions (each relation labelled with a scheme's name or
    not) and (optionally) likelihood assessments, each with or without a confidence.

    With ``max_sources`` above 0, up to that many sources (``S1``, ``S2``, ...) are declared,
    each claim cites one of them or none, and each source is rated with an Admiralty code
    or left unrated (with ``assessments``).

    Shrinking
    ---------
    Claims are drawn first, then supports, then attacks, then assessments, so a failing map
    shrinks towards fewer claims and fewer relations, ids ``c1``, ``c2``, ... in order.
    """
    _check_bounds(min_claims, max_claims, "claims")
    for name, value in (
        ("max_supports", max_supports),
        ("max_attacks", max_attacks),
        ("max_sources", max_sources),
    ):
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} must be a non-negative integer, got {value!r}")

    @st.composite
    def build(draw: Any) -> ArgumentMap:
        count = draw(st.integers(min_claims, max_claims))
        m = ArgumentMap("random map")
        sources = [f"S{i}" for i in range(1, draw(st.integers(0, max_sources)) + 1)]
        for source in sources:
            m.source(source)
        ids = [f"c{i}" for i in range(1, count + 1)]
        for ident in ids:
            cited = draw(st.sampled_from([None, *sources])) if sources else None
            m.claim(ident, f"claim {ident}", source=cited)
        if count >= 2:
            for _ in range(draw(st.integers(0, max_supports))):
                conclusion = draw(st.sampled_from(ids))
                others = [i for i in ids if i != conclusion]
                premises = draw(
                    st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True)
                )
                m.support(premises, conclusion, label=draw(st.sampled_from(_INFERENCES)))
            kinds = ["rebut", "undermine", "contradict"] + (["undercut"] if m.supports else [])
            for _ in range(draw(st.integers(0, max_attacks))):
                kind = draw(st.sampled_from(kinds))
                attacker = draw(st.sampled_from(ids))
                label = draw(st.sampled_from(_CONFLICTS))
                if kind == "undercut":
                    target = draw(st.sampled_from([s.id for s in m.supports]))
                    m.undercut(attacker, target, label=label)
                    continue
                target = draw(st.sampled_from([i for i in ids if i != attacker]))
                getattr(m, kind)(attacker, target, label=label)
        if assessments:
            words = [w.value for w in Likelihood]
            confidences = [None, *(c.value for c in Confidence)]
            for ident in draw(st.lists(st.sampled_from(ids), unique=True, max_size=count)):
                likelihood = draw(st.sampled_from(words))
                m.assess(
                    ident, likelihood=likelihood, confidence=draw(st.sampled_from(confidences))
                )
            ratings = [None, *(f"{r}{c}" for r in "ABCDEF" for c in "123456")]
            for source in sources:
                rating = draw(st.sampled_from(ratings))
                if rating is not None:
                    m.source(source, rating=rating)
        return m

    return build()


# ``st.from_type(Framework)`` draws small frameworks once this module is imported; the
# ``hypothesis`` entry point in pyproject.toml imports it whenever hypothesis starts.
st.register_type_strategy(Framework, frameworks())
