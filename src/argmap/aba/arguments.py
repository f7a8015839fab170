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

from argmap.errors import TooManyArgumentsError
from argmap.framework import Framework, natural_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from argmap.aba.framework import ABAFramework

__all__ = ["argument_name", "instantiate", "supports"]

#: How many arguments :func:`instantiate` builds at most, unless told otherwise.
LIMIT = 10_000


def supports(aba: ABAFramework, *, limit: int = LIMIT) -> dict[str, list[frozenset[str]]]:
    """For each atom, the subset-minimal sets of assumptions it is derived from, smallest
    first (none for an atom nothing derives).

    Raises :class:`~argmap.errors.TooManyArgumentsError` past ``limit`` supports in all.

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework(
    ...     [("p", ["a"]), ("p", ["b", "c"]), ("q", ["p", "c"])],
    ...     ["a", "b", "c"],
    ...     {"a": "x", "b": "y", "c": "z"},
    ... )
    >>> [sorted(s) for s in supports(aba)["q"]]
    [['a', 'c'], ['b', 'c']]
    """
    found: dict[str, list[frozenset[str]]] = {atom: [] for atom in aba.atoms}
    for assumption in aba.assumptions:
        found[assumption] = [frozenset([assumption])]
    total = len(aba.assumptions)
    changed = True
    while changed:  # each pass adds supports built from those of the last; all are finite
        changed = False
        for rule in aba.rules:
            combined: list[frozenset[str]] = [frozenset()]
            for atom in rule.body:
                combined = [s | t for s in combined for t in found[atom]]
                if not combined:
                    break
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
