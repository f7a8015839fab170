"""One named function per semantics, each citing its paper, each with its checker."""

from __future__ import annotations

from collections.abc import Collection

from argmap.framework import Framework
from argmap.semantics import engine
from argmap.semantics.api import extensions, is_extension

__all__ = [
    "admissible_extensions",
    "cf2_extensions",
    "complete_extensions",
    "conflict_free_extensions",
    "eager_extension",
    "grounded_extension",
    "ideal_extension",
    "is_admissible",
    "is_cf2",
    "is_complete",
    "is_conflict_free",
    "is_eager",
    "is_grounded",
    "is_ideal",
    "is_naive",
    "is_preferred",
    "is_semi_stable",
    "is_stable",
    "is_stage",
    "is_stage2",
    "is_strongly_admissible",
    "naive_extensions",
    "preferred_extensions",
    "semi_stable_extensions",
    "stable_extensions",
    "stage2_extensions",
    "stage_extensions",
    "strongly_admissible_extensions",
]


def conflict_free_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Conflict-free sets: no member attacks a member.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in conflict_free_extensions(af))
    [[], ['a'], ['b']]

    Notes
    -----
    Checking is linear; there can be 2^|A| of them.

    References
    ----------
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental role in nonmonotonic
    reasoning, logic programming and n-person games. Artificial Intelligence 77(2).
    """
    return extensions(af, "CF")


def is_conflict_free(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a conflict-free extension of ``af`` (see
    :func:`conflict_free_extensions`)."""
    return is_extension(af, arguments, "CF")


def admissible_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Admissible sets: conflict-free sets that defend each of their members.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in admissible_extensions(af))
    [[], ['a']]

    Notes
    -----
    Credulous acceptance is NP-complete; enumeration uses SAT.

    References
    ----------
    Dung (1995), Definition 6.
    """
    return extensions(af, "AD")


def is_admissible(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is an admissible extension of ``af`` (see
    :func:`admissible_extensions`)."""
    return is_extension(af, arguments, "AD")


def strongly_admissible_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Strongly admissible sets: each member is defended by other members, each defended in
    turn, down to unattacked arguments; equally, the sets built up from the empty set by
    adding one argument at a time that the set so far defends.

    Each is admissible and lies inside the grounded extension, the largest of them; a small
    one holding an argument shows why grounded semantics accepts it, which is what the
    rounds of :func:`~argmap.semantics.explain_argument` list.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    >>> sorted(sorted(e) for e in strongly_admissible_extensions(af))
    [[], ['a'], ['a', 'c']]

    Here ``{c}`` is admissible, since ``c`` defends itself against ``b``, but not strongly
    admissible: only ``a`` defends ``c`` without ``c``'s help.

    Notes
    -----
    Checking a set and credulous acceptance (membership of the grounded extension) take
    linear time; sceptical acceptance is trivial (the empty set is strongly admissible).
    There can be exponentially many; they are listed with polynomial delay
    (:func:`argmap.semantics.strong.strongly_admissible_sets`).

    References
    ----------
    Baroni, P. and Giacomin, M. (2007). On principle-based evaluation of extension-based
    argumentation semantics. Artificial Intelligence 171(10-15), Definition 7.

    Caminada, M. (2014). Strong admissibility revisited. Computational Models of Argument
    (COMMA 2014).
    """
    return extensions(af, "SAD")


def is_strongly_admissible(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is strongly admissible in ``af`` (see
    :func:`strongly_admissible_extensions`)."""
    return is_extension(af, arguments, "SAD")


def complete_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Complete extensions: admissible sets that contain every argument they defend.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in complete_extensions(af))
    [['a']]

    Notes
    -----
    Credulous acceptance is NP-complete; sceptical is in P (grounded).

    References
    ----------
    Dung (1995), Definition 23.
    """
    return extensions(af, "CO")


def is_complete(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a complete extension of ``af`` (see :func:`complete_extensions`)."""
    return is_extension(af, arguments, "CO")


def preferred_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Preferred extensions: maximal (by inclusion) admissible sets.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in preferred_extensions(af))
    [['a']]

    Notes
    -----
    Credulous acceptance is NP-complete, sceptical is Π2P-complete; SAT maximisation loops.

    References
    ----------
    Dung (1995), Definition 7.
    """
    return extensions(af, "PR")


def is_preferred(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a preferred extension of ``af`` (see
    :func:`preferred_extensions`)."""
    return is_extension(af, arguments, "PR")


def stable_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Stable extensions: conflict-free sets that attack every argument outside them.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in stable_extensions(af))
    [['a']]

    Notes
    -----
    Credulous acceptance is NP-complete, sceptical coNP-complete; a framework may have none.

    References
    ----------
    Dung (1995), Definition 13.
    """
    return extensions(af, "ST")


def is_stable(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a stable extension of ``af`` (see :func:`stable_extensions`)."""
    return is_extension(af, arguments, "ST")


def semi_stable_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Semi-stable extensions: complete extensions whose range ``E ∪ E+`` is maximal.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in semi_stable_extensions(af))
    [['a']]

    Notes
    -----
    Σ2P-complete (credulous), Π2P-complete (sceptical); equal to stable when a stable extension
    exists.

    References
    ----------
    Caminada, M. (2006). Semi-stable semantics. COMMA 2006. Caminada, M., Carnielli, W. and Dunne,
    P. (2012). Semi-stable semantics. Journal of Logic and Computation 22(5).
    """
    return extensions(af, "SST")


def is_semi_stable(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a semi-stable extension of ``af`` (see
    :func:`semi_stable_extensions`)."""
    return is_extension(af, arguments, "SST")


def stage_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Stage extensions: conflict-free sets whose range ``E ∪ E+`` is maximal.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in stage_extensions(af))
    [['a']]

    Notes
    -----
    Σ2P-complete (credulous), Π2P-complete (sceptical); equal to stable when a stable extension
    exists.

    References
    ----------
    Verheij, B. (1996). Two approaches to dialectical argumentation: admissible sets and
    argumentation stages. NAIC 1996.
    """
    return extensions(af, "STG")


def is_stage(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a stage extension of ``af`` (see :func:`stage_extensions`)."""
    return is_extension(af, arguments, "STG")


def naive_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Naive extensions: maximal (by inclusion) conflict-free sets.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in naive_extensions(af))
    [['a'], ['b']]

    Notes
    -----
    Credulous and sceptical acceptance are decidable in linear time; enumeration uses SAT.

    References
    ----------
    Bondarenko, A., Dung, P. M., Kowalski, R. and Toni, F. (1997). An abstract, argumentation-
    theoretic approach to default reasoning. Artificial Intelligence 93.
    """
    return extensions(af, "NA")


def is_naive(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a naive extension of ``af`` (see :func:`naive_extensions`)."""
    return is_extension(af, arguments, "NA")


def cf2_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """CF2 extensions: the SCC-recursive semantics with naive extensions as base.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in cf2_extensions(af))
    [['a']]

    Notes
    -----
    Credulous acceptance is NP-complete, sceptical coNP-complete (Gaggl and Woltran 2013).

    References
    ----------
    Baroni, P., Giacomin, M. and Guida, G. (2005). SCC-recursiveness: a general schema for
    argumentation semantics. Artificial Intelligence 168(1-2).
    """
    return extensions(af, "CF2")


def is_cf2(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a cf2 extension of ``af`` (see :func:`cf2_extensions`)."""
    return is_extension(af, arguments, "CF2")


def stage2_extensions(af: Framework) -> frozenset[frozenset[str]]:
    """Stage2 extensions: the SCC-recursive semantics with stage extensions as base.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b")])
    >>> sorted(sorted(e) for e in stage2_extensions(af))
    [['a']]

    Notes
    -----
    Σ2P-complete (credulous), Π2P-complete (sceptical).

    References
    ----------
    Dvořák, W. and Gaggl, S. A. (2016). Stage semantics and the SCC-recursive schema for
    argumentation semantics. Journal of Logic and Computation 26(4).
    """
    return extensions(af, "STG2")


def is_stage2(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is a stage2 extension of ``af`` (see :func:`stage2_extensions`)."""
    return is_extension(af, arguments, "STG2")


def grounded_extension(af: Framework) -> frozenset[str]:
    """The grounded extension: the least complete extension, the least fixed point of the
    characteristic function.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c"), ("c", "c")])
    >>> sorted(grounded_extension(af))
    []

    Notes
    -----
    Linear time in |A| + |R| (propagation).

    References
    ----------
    Dung (1995), Definition 20.
    """
    return engine.grounded(af)


def is_grounded(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is the grounded extension of ``af`` (see
    :func:`grounded_extension`)."""
    return is_extension(af, arguments, "GR")


def ideal_extension(af: Framework) -> frozenset[str]:
    """The ideal extension: the greatest admissible set contained in every preferred extension.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c"), ("c", "c")])
    >>> sorted(ideal_extension(af))
    []

    Notes
    -----
    In FP^NP|| (Dunne 2009). It holds no argument that a credulously accepted argument
    attacks, nor any that is not credulously accepted itself (Dunne 2009). The search keeps a
    bound that holds it (the arguments not yet excluded so, as far as they defend one
    another) and asks only about the arguments attacking the bound: disputes, then SAT
    encodings of stable and of complete extensions, until no attacker of the bound can be
    credulously accepted; the bound is then the ideal extension. The arguments grounded
    decides are settled first.

    References
    ----------
    Dung, P. M., Mancarella, P. and Toni, F. (2007). Computing ideal sceptical argumentation.
    Artificial Intelligence 171(10-15).
    Dunne, P. E. (2009). The computational complexity of ideal semantics. Artificial
    Intelligence 173(18).
    """
    return engine.ideal(af)


def is_ideal(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is the ideal extension of ``af`` (see :func:`ideal_extension`)."""
    return is_extension(af, arguments, "ID")


def eager_extension(af: Framework) -> frozenset[str]:
    """The eager extension: the greatest admissible set contained in every semi-stable extension.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c"), ("c", "c")])
    >>> sorted(eager_extension(af))
    ['b']

    Notes
    -----
    FP^Σ2P||-hard; here: the sceptical core of semi-stable, then its greatest admissible subset.

    References
    ----------
    Caminada, M. (2007). Comparing two unique extension semantics for formal argumentation: ideal
    and eager. BNAIC 2007.
    """
    return engine.eager(af)


def is_eager(af: Framework, arguments: Collection[str]) -> bool:
    """Whether ``arguments`` is the eager extension of ``af`` (see :func:`eager_extension`)."""
    return is_extension(af, arguments, "EA")
