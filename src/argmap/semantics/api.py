"""One query API for every semantics: enumerate, find one, accept, count, check."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator
from typing import Literal

from argmap.framework import Framework
from argmap.semantics import engine
from argmap.semantics.deadline import time_limit
from argmap.semantics.labelling import Labelling
from argmap.semantics.registry import is_credulous, resolve_semantics

__all__ = [
    "accepted",
    "accepted_arguments",
    "count_extensions",
    "credulous_witness",
    "extensions",
    "is_extension",
    "iter_extensions",
    "labellings",
    "sceptical_counterexample",
    "some_extension",
]

Mode = Literal["credulous", "sceptical", "skeptical"]


def iter_extensions(
    af: Framework, semantics: str, *, limit: int | None = None
) -> Iterator[frozenset[str]]:
    """Stream the extensions of ``af`` one at a time, as the engine finds them.

    Use :func:`argmap.semantics.deadline.time_limit` around the loop to bound the time.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in iter_extensions(af, "stable"))
    [['a'], ['b']]
    >>> len(list(iter_extensions(af, "CF", limit=2)))
    2
    """
    code = resolve_semantics(semantics)
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be a non-negative number, got {limit!r}")
    return itertools.islice(engine.iterate(af, code), limit)


def extensions(
    af: Framework, semantics: str, *, timeout: float | None = None
) -> frozenset[frozenset[str]]:
    """All extensions of ``af`` under a semantics given by code (``"PR"``) or name.

    Parameters
    ----------
    af : Framework
    semantics : str
        One of CF AD SAD CO GR PR ST SST STG ID EA NA CF2 STG2, or its full name.
    timeout : float, optional
        Seconds; past it :class:`~argmap.errors.SolverTimeout` is raised, never a partial answer.

    Returns
    -------
    frozenset of frozenset of str
        Empty when the semantics has no extension (stable on an odd cycle); ``{∅}`` when the
        empty set is the only extension.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "a")], arguments=["c"])
    >>> sorted(sorted(e) for e in extensions(af, "PR"))
    [['a', 'c'], ['b', 'c']]
    >>> extensions(Framework.from_attacks([("a", "a")]), "stable")
    frozenset()
    """
    code = resolve_semantics(semantics)
    with time_limit(timeout):
        return frozenset(engine.iterate(af, code))


def some_extension(
    af: Framework, semantics: str, *, timeout: float | None = None
) -> frozenset[str] | None:
    """One extension, or None when there is none.

    >>> sorted(some_extension(Framework.from_attacks([("a", "b")]), "GR"))
    ['a']
    """
    code = resolve_semantics(semantics)
    with time_limit(timeout):
        return engine.some(af, code)


def credulous_witness(
    af: Framework, argument: str, semantics: str, *, timeout: float | None = None
) -> frozenset[str] | None:
    """An extension that contains ``argument``, or None when no extension does.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "a")])
    >>> sorted(credulous_witness(af, "b", "PR"))
    ['b']
    """
    code = resolve_semantics(semantics)
    af.check(argument)
    with time_limit(timeout):
        return engine.find(af, code, [(argument, True)])


def sceptical_counterexample(
    af: Framework, argument: str, semantics: str, *, timeout: float | None = None
) -> frozenset[str] | None:
    """An extension that does not contain ``argument``, or None when every extension does.

    When the semantics has no extension at all, every extension vacuously contains the
    argument, so the answer is None (sceptically accepted, as in ICCMA).

    >>> af = Framework.from_attacks([("a", "b"), ("b", "a")])
    >>> sorted(sceptical_counterexample(af, "a", "PR"))
    ['b']
    """
    code = resolve_semantics(semantics)
    af.check(argument)
    with time_limit(timeout):
        return engine.find(af, code, [(argument, False)])


def accepted(
    af: Framework,
    argument: str,
    semantics: str,
    *,
    mode: Mode = "credulous",
    timeout: float | None = None,
) -> bool:
    """Whether ``argument`` is in some (credulous) or in every (sceptical) extension.

    The answer alone: where a piece of the framework settles it (the grounded labelling,
    the argument's cone or its part), no whole extension is made, as
    :func:`credulous_witness` and :func:`sceptical_counterexample` make one.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "a")], arguments=["c"])
    >>> accepted(af, "a", "PR", mode="credulous"), accepted(af, "a", "PR", mode="sceptical")
    (True, False)
    >>> accepted(af, "c", "PR", mode="sceptical")
    True
    """
    credulous = is_credulous(mode)
    code = resolve_semantics(semantics)
    af.check(argument)
    with time_limit(timeout):
        return engine.holds(af, code, [(argument, credulous)]) == credulous


def accepted_arguments(
    af: Framework,
    semantics: str,
    *,
    mode: Mode = "credulous",
    timeout: float | None = None,
) -> frozenset[str]:
    """Every argument accepted under a semantics: in some extension (credulous) or in every
    extension (sceptical).

    The same answers as :func:`accepted` asked of each argument, found together: one encoding
    answers for many arguments, each extension found settling all its members (see
    :mod:`argmap.semantics.acceptance`). On a 1,000-argument framework this takes
    milliseconds where asking argument by argument takes seconds.

    Parameters
    ----------
    af : Framework
    semantics : str
        A code (``"PR"``) or name, as for :func:`extensions`.
    mode : {"credulous", "sceptical", "skeptical"}
    timeout : float, optional
        Seconds; past it :class:`~argmap.errors.SolverTimeout` is raised.

    Returns
    -------
    frozenset of str
        When the semantics gives no extension at all (stable on an odd cycle), nothing is
        credulously accepted and everything is sceptically accepted, as in ICCMA.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(accepted_arguments(af, "PR"))
    ['a', 'b', 'c']
    >>> sorted(accepted_arguments(af, "PR", mode="sceptical"))
    []
    >>> sorted(accepted_arguments(af, "ST", mode="sceptical"))
    []
    >>> sorted(accepted_arguments(Framework.from_attacks([("a", "a")]), "ST", mode="sceptical"))
    ['a']
    """
    from argmap.semantics import acceptance

    credulous = is_credulous(mode)
    code = resolve_semantics(semantics)
    with time_limit(timeout):
        if credulous:
            return acceptance.credulously_accepted(af, code)
        return acceptance.sceptically_accepted(af, code)


def count_extensions(af: Framework, semantics: str, *, timeout: float | None = None) -> int:
    """The number of extensions.

    >>> count_extensions(Framework.from_attacks([("a", "b")], arguments=["c"]), "CF")
    6
    """
    code = resolve_semantics(semantics)
    with time_limit(timeout):
        return engine.count(af, code)


def is_extension(af: Framework, arguments: Collection[str], semantics: str) -> bool:
    """Whether the given set is an extension under a semantics.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c")])
    >>> is_extension(af, {"a", "c"}, "ST"), is_extension(af, {"a"}, "CO")
    (True, False)
    """
    code = resolve_semantics(semantics)
    members = frozenset(af.check(name) for name in arguments)
    return engine.check(af, members, code)


def labellings(af: Framework, semantics: str, *, timeout: float | None = None) -> list[Labelling]:
    """The labelling ``(E, E+, rest)`` of each extension, in a deterministic order.

    For complete-based semantics (CO, GR, PR, ST, SST, ID, EA) these are exactly the
    complete labellings that semantics selects (Caminada 2006).

    >>> labellings(Framework.from_attacks([("a", "b"), ("b", "a")]), "PR")
    [Labelling(in=['a'], out=['b'], undec=[]), Labelling(in=['b'], out=['a'], undec=[])]
    """
    return Labelling.in_order(af, extensions(af, semantics, timeout=timeout))
