"""The semantics of flat ABA frameworks: extensions are sets of assumptions.

A set ``S`` of assumptions is, after Bondarenko et al. (1997) and Čyras et al. (2018, sec. 2):

* **conflict-free** (CF) if it attacks none of its own members;
* **admissible** (AD) if conflict-free and it defends each of its members (it attacks every
  set of assumptions that attacks the member);
* **complete** (CO) if admissible and it holds every assumption it defends;
* **grounded** (GR): the least complete set, the least fixed point of defence;
* **preferred** (PR): a subset-maximal admissible set;
* **stable** (ST) if conflict-free and it attacks every assumption outside it.

An atom is accepted by an extension that derives it: credulously when some extension does,
sceptically when every one does. That is how the ICCMA ABA track asks about atoms.

Complexity, in the size of the framework: derivation, attack and defence are linear (one
closure each, :meth:`ABAFramework.defended_by`), so checking CF, AD, CO, ST and computing
GR is polynomial; credulous acceptance is NP-complete for AD, CO, PR and ST, sceptical
acceptance coNP-complete for ST and Π2-complete for PR (Dimopoulos, Nebel and Toni 2002).
The searches go to clingo (:mod:`argmap.aba.asp`).

References
----------
Bondarenko, A., Dung, P. M., Kowalski, R. A. and Toni, F. (1997). An abstract,
argumentation-theoretic approach to default reasoning. Artificial Intelligence 93(1-2).
Čyras, K., Fan, X., Schulz, C. and Toni, F. (2018). Assumption-based argumentation: disputes,
explanations, preferences. Handbook of Formal Argumentation, chapter 7.
Dimopoulos, Y., Nebel, B. and Toni, F. (2002). On the computational complexity of
assumption-based argumentation for default reasoning. Artificial Intelligence 141(1-2).
"""

from __future__ import annotations

from argmap.aba import asp
from argmap.errors import UnknownNameError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from argmap.aba.framework import ABAFramework

__all__ = [
    "ABA_SEMANTICS",
    "accepted",
    "accepted_atoms",
    "count_extensions",
    "credulous_witness",
    "extensions",
    "grounded_extension",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_extension",
    "is_grounded",
    "is_preferred",
    "is_stable",
    "iter_extensions",
    "resolve_aba_semantics",
    "sceptical_counterexample",
    "some_extension",
]

#: The semantics of flat ABA frameworks argmap computes.
ABA_SEMANTICS = ("CF", "AD", "CO", "GR", "PR", "ST")


def resolve_aba_semantics(semantics: str) -> str:
    """The code of a semantics of :data:`ABA_SEMANTICS`, given by code or name.

    >>> resolve_aba_semantics("preferred")
    'PR'
    >>> resolve_aba_semantics("SST")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownNameError: unknown semantics for ABA frameworks: 'SST' (did you mean ...
    """
    from argmap.errors import UnknownSemanticsError
    from argmap.semantics.registry import resolve_semantics

    try:
        code = resolve_semantics(semantics)
    except UnknownSemanticsError:
        code = semantics
    if code not in ABA_SEMANTICS:
        raise UnknownNameError("semantics for ABA frameworks", semantics, ABA_SEMANTICS)
    return code


def is_conflict_free(aba: ABAFramework, assumptions: Iterable[str]) -> bool:
    """Whether the set attacks none of its own members."""
    given = aba._check_assumptions(assumptions)
    return not aba.attacked_by(given) & given


def is_admissible(aba: ABAFramework, assumptions: Iterable[str]) -> bool:
    """Whether the set is conflict-free and defends each of its members.

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework([("x", ["b"]), ("y", ["a"])], ["a", "b"], {"a": "x", "b": "y"})
    >>> is_admissible(aba, {"a"}), is_admissible(aba, {"a", "b"})
    (True, False)
    """
    given = aba._check_assumptions(assumptions)
    return is_conflict_free(aba, given) and given <= aba.defended_by(given)


def is_complete(aba: ABAFramework, assumptions: Iterable[str]) -> bool:
    """Whether the set is conflict-free and holds exactly the assumptions it defends."""
    given = aba._check_assumptions(assumptions)
    return is_conflict_free(aba, given) and given == aba.defended_by(given)


def is_stable(aba: ABAFramework, assumptions: Iterable[str]) -> bool:
    """Whether the set is conflict-free and attacks every assumption outside it."""
    given = aba._check_assumptions(assumptions)
    return is_conflict_free(aba, given) and aba.attacked_by(given) == aba.assumptions - given


def grounded_extension(aba: ABAFramework) -> frozenset[str]:
    """The grounded set of assumptions: from the empty set, add what the set defends until
    nothing changes. Defence is monotone, so this reaches its least fixed point, the least
    complete set, in at most one round per assumption; each round is linear.

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework([("x", ["b"]), ("y", ["c"])], ["a", "b", "c"],
    ...                    {"a": "x", "b": "y", "c": "z"})
    >>> sorted(grounded_extension(aba))
    ['a', 'c']
    """
    current: frozenset[str] = frozenset()
    while (following := aba.defended_by(current)) != current:
        current = following
    return current


def is_grounded(aba: ABAFramework, assumptions: Iterable[str]) -> bool:
    """Whether the set is the grounded one."""
    return aba._check_assumptions(assumptions) == grounded_extension(aba)


def is_preferred(aba: ABAFramework, assumptions: Iterable[str]) -> bool:
    """Whether the set is admissible and no larger set is (one search for a larger one)."""
    given = aba._check_assumptions(assumptions)
    if not is_admissible(aba, given):
        return False
    return asp.larger_admissible(aba, given) is None


_CHECKERS = {
    "CF": is_conflict_free,
    "AD": is_admissible,
    "CO": is_complete,
    "GR": is_grounded,
    "PR": is_preferred,
    "ST": is_stable,
}


def is_extension(aba: ABAFramework, assumptions: Iterable[str], semantics: str) -> bool:
    """Whether the set of assumptions is an extension under ``semantics``."""
    return _CHECKERS[resolve_aba_semantics(semantics)](aba, assumptions)


def iter_extensions(aba: ABAFramework, semantics: str) -> Iterator[frozenset[str]]:
    """Every extension, each once, as the search finds it."""
    code = resolve_aba_semantics(semantics)
    if code == "GR":
        return iter([grounded_extension(aba)])
    return asp.enumerate_sets(aba, code)


def extensions(aba: ABAFramework, semantics: str) -> frozenset[frozenset[str]]:
    """Every extension under ``semantics``.

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework([("x", ["b"]), ("y", ["a"])], ["a", "b"], {"a": "x", "b": "y"})
    >>> sorted(sorted(e) for e in extensions(aba, "PR"))
    [['a'], ['b']]
    """
    return frozenset(iter_extensions(aba, semantics))


def some_extension(aba: ABAFramework, semantics: str) -> frozenset[str] | None:
    """One extension, or None where there is none (stable semantics only). For CF the empty
    set; for AD and CO the grounded set, which is both."""
    code = resolve_aba_semantics(semantics)
    if code == "CF":
        return frozenset()
    grounded = grounded_extension(aba)
    if code in ("AD", "CO", "GR"):
        return grounded
    return asp.find(aba, code, None, derives=True, held=grounded)


def count_extensions(aba: ABAFramework, semantics: str) -> int:
    """The number of extensions, counted without listing them."""
    code = resolve_aba_semantics(semantics)
    return 1 if code == "GR" else asp.count(aba, code)


def credulous_witness(aba: ABAFramework, semantics: str, atom: str) -> frozenset[str] | None:
    """An extension that derives ``atom``, or None if none does.

    For CO the witness is the least complete set holding an admissible set that derives the
    atom: some complete set derives it exactly when an admissible one does, since derivation
    is monotone.

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework(
    ...     [("x", ["b"]), ("y", ["a"]), ("p", ["a"])], ["a", "b"], {"a": "x", "b": "y"}
    ... )
    >>> sorted(credulous_witness(aba, "PR", "p")), sorted(credulous_witness(aba, "ST", "x"))
    (['a'], ['b'])
    >>> print(credulous_witness(aba, "GR", "p"))
    None
    """
    code = resolve_aba_semantics(semantics)
    aba.check(atom)
    if code == "CF":
        return asp.find(aba, code, atom, derives=True)
    grounded = grounded_extension(aba)
    if code == "GR":
        return grounded if aba.derives(grounded, atom) else None
    # the grounded set lies within every complete set, so within one that derives the atom
    found = asp.find(aba, "AD" if code == "CO" else code, atom, derives=True, held=grounded)
    return _completed(aba, found) if found is not None and code == "CO" else found


def _completed(aba: ABAFramework, admissible: frozenset[str]) -> frozenset[str]:
    """The least complete set holding an admissible set: add what the set defends until
    nothing changes. An admissible set that defends an assumption stays admissible with it
    (Bondarenko et al. 1997, Theorem 5.7, for flat frameworks), and defence is monotone."""
    current = admissible
    while (following := aba.defended_by(current)) != current:
        current = following
    return current


def sceptical_counterexample(aba: ABAFramework, semantics: str, atom: str) -> frozenset[str] | None:
    """An extension that does not derive ``atom``, or None if every one does.

    For CO the grounded set decides (it lies within every complete set); for AD and CF the
    empty set does (it is admissible, and derivation is monotone).
    """
    code = resolve_aba_semantics(semantics)
    aba.check(atom)
    if code in ("CO", "GR"):
        grounded = grounded_extension(aba)
        return None if aba.derives(grounded, atom) else grounded
    if code in ("AD", "CF"):
        return None if aba.derives((), atom) else frozenset()
    # the grounded set lies within every preferred and every stable set
    if code == "PR":
        return asp.preferred_counterexample(aba, atom, held=grounded_extension(aba))
    return asp.find(aba, code, atom, derives=False, held=grounded_extension(aba))


def accepted(aba: ABAFramework, atom: str, semantics: str, mode: str = "credulous") -> bool:
    """Whether some extension (``mode="credulous"``) or every one (``"sceptical"``) derives
    ``atom``."""
    if mode == "credulous":
        return credulous_witness(aba, semantics, atom) is not None
    if mode in ("sceptical", "skeptical"):
        return sceptical_counterexample(aba, semantics, atom) is None
    raise UnknownNameError("mode", mode, ["credulous", "sceptical"])


def accepted_atoms(aba: ABAFramework, semantics: str, mode: str = "credulous") -> frozenset[str]:
    """Every atom that some extension (``mode="credulous"``) or every extension
    (``"sceptical"``) derives, found together rather than one query per atom.

    Credulous: each round a search for an extension deriving some atom not yet found, until
    there is none. Sceptical: the atoms one extension derives, narrowed each round by an
    extension that fails to derive one of them (for preferred semantics, by one
    counterexample loop for all of them, :func:`~argmap.aba.asp.sceptically_preferred`);
    the grounded set decides complete and grounded semantics, the empty set admissible and
    conflict-free ones.

    >>> from argmap.aba import ABAFramework
    >>> aba = ABAFramework(
    ...     [("x", ["b"]), ("y", ["a"]), ("p", ["a"]), ("p", ["b"])], ["a", "b"],
    ...     {"a": "x", "b": "y"},
    ... )
    >>> sorted(accepted_atoms(aba, "PR")), sorted(accepted_atoms(aba, "PR", mode="sceptical"))
    (['a', 'b', 'p', 'x', 'y'], ['p'])
    """
    code = resolve_aba_semantics(semantics)
    if mode not in ("credulous", "sceptical", "skeptical"):
        raise UnknownNameError("mode", mode, ["credulous", "sceptical"])
    every = range(len(aba.atoms))
    if code == "GR" or (code == "CO" and mode != "credulous"):
        return aba.closure(grounded_extension(aba))
    if code in ("AD", "CF") and mode != "credulous":
        return aba.closure(())
    held = () if code == "CF" else grounded_extension(aba)
    searched = "AD" if code in ("CO", "PR") else code
    if mode == "credulous":
        found = [False] * len(aba.atoms)
        for closure in asp.covering(aba, searched, every, derived=True, held=held):
            found = [a or b for a, b in zip(found, closure, strict=True)]
        return frozenset(atom for atom, held_ in zip(aba.atoms, found, strict=True) if held_)
    first = some_extension(aba, code)
    if first is None:  # no extension: every atom, vacuously
        return frozenset(aba.atoms)
    left = aba.closure(first)
    if code == "PR":
        kept = asp.sceptically_preferred(aba, [aba.index[atom] for atom in left], held=held)
        return frozenset(aba.atoms[i] for i in kept)
    start = [aba.index[atom] for atom in left]
    for closure in asp.covering(aba, code, start, derived=False, held=held):
        left = frozenset(atom for atom in left if closure[aba.index[atom]])
    return left
