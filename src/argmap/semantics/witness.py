"""A second search for stage queries about one argument, and the turns it takes with the
first.

The range search of :meth:`~argmap.semantics.sat.Encoding.maximal_models_towards` rules out,
round by round, every conflict-free set that a local exchange would enlarge. That settles
most stage queries in few rounds, but on sparse frameworks whose conflict-free sets nearly all
leave only a few arguments out of their range, a stage extension that holds (or lacks) one
particular argument can take it thousands of rounds to meet. The search here is the
counterexample-guided loop of CEGARTIX and µ-toksia without the exchange: grow a set that
satisfies the query to a range no such set exceeds, ask whether any conflict-free set's range
is strictly larger, and if one is, rule out for good every set whose range lies within it.

It answers the queries the range search struggles with, and struggles where that one does
well, so a stage query runs the range search alone for a while and then both in turns
(:func:`in_turns`), on separate solvers; the first answer ends both. The second search
joins only a range search that has met range after range without settling the query, in
many cheap rounds (:data:`SECOND_ROUNDS`): where rounds are few and costly, it only took
time from the range search. On the 1,000-argument Watts-Strogatz benchmark framework,
DC-STG about argument 767 took the range search alone 110 to 125 s and DC-STG about 841
more than 200 s; in turns, 12 s and 2.2 s. DS-STG about 923 there, which the range search
alone did not answer in 190 s, takes 4.1 to 6.8 s, and DC-STG about 945 of the seed-1
framework 2.6 s against 31 s. On copies of these two frameworks numbered by six other seeds,
the second search alone answered DC-STG 767 in 0.13 to 9.5 s, where the range search ran
past 20 s on each of three copies tried.

The second search leaves the solver as it comes (``steer=False`` of
:class:`~argmap.semantics.sat.Encoding`), and its clauses stay for good, unguarded. In a
trial of the same loop written directly on python-sat's CaDiCaL, told to branch towards
every argument in range, as the range search is, it took 13.5 s for DS-STG 923 against
0.12 s; with the clauses of each round under a guard retired at the round's end, 9,240
rounds for DC-STG 767 against 1,442, as what the solver learnt from them went with them.

References
----------
Dvořák, W., Järvisalo, M., Wallner, J. P. and Woltran, S. (2014). Complexity-sensitive
decision procedures for abstract argumentation. Artificial Intelligence 206.
Niskanen, A. and Järvisalo, M. (2020). µ-toksia: an efficient abstract argumentation
reasoner. KR 2020.
Verheij, B. (1996). Two approaches to dialectical argumentation: admissible sets and
argumentation stages. NAIC 1996.
"""

from __future__ import annotations

import time

from argmap.framework import Framework
from argmap.semantics.sat import Encoding
from argmap.semantics.satsolvers import Cadical

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Sequence
    from typing import TypeVar

    T = TypeVar("T")
    Extension = frozenset[str]
    Search = Generator[None, None, T]

__all__ = [
    "SECOND_AFTER",
    "SECOND_ROUNDS",
    "SECOND_SHARE",
    "find_stage",
    "in_turns",
    "witness_search",
]

#: Seconds the range search runs alone before the second search (:func:`witness_search`)
#: starts taking turns with it. Of the 800 stage queries of the benchmarks (DC-STG and
#: DS-STG about twenty random arguments of each framework of 1,000 and 5,000 arguments, 10 s
#: each), the range search alone answered 781, 776 of them within 2 s.
SECOND_AFTER = 2.0

#: Rounds the range search makes before the second search may join it (and not before
#: :data:`SECOND_AFTER`). Where the second search helped, on the 1,000-argument Watts-Strogatz
#: frameworks, the range search had made 660 to 720 rounds by 2 s; where it only slowed the
#: answer, 18 to 390 (DC-STG about 966 of ER-1000 18, about 1285 and DS-STG about 4343, 836
#: and 108 of SCC-5000 270 to 390, DS-STG about the middle argument of SCC-30000 35).
SECOND_ROUNDS = 500

#: The share of the time the second search is given once both run. On those 800 queries,
#: against the range search alone: with a third, 783 answered against 781, the five that
#: took it 2 to 10 s 1.4 to 1.6 times as long (DC-STG about argument 1285 of SCC-5000, 3.95 s
#: against 6.35 s); with half, 782, as one of those queries passed 10 s (DC-STG about 966 of
#: ER-1000, 6.1 s alone) and the rest took up to 2.3 times as long.
SECOND_SHARE = 1 / 3


def witness_search(af: Framework, position: int, wanted: bool) -> Search[Extension | None]:
    """A stage extension (Verheij 1996) of ``af`` that holds (``wanted``) or lacks the
    argument at ``position``, or None if there is none; a generator that yields between its
    solver calls and returns the answer. (Its rounds can take many calls each, and a turn
    of :func:`in_turns` is one step.)

    A round asks for a conflict-free set satisfying the query, grows it while a set
    satisfying the query has a strictly larger range, and asks whether any conflict-free set
    has a range strictly larger than the grown one's, R. If none has, the grown set is a
    stage extension. Each step of the growth first adds a clause that the range reach
    beyond the current one: sound once that range is known to be strictly exceeded, as
    every set whose range lies within it is then no stage extension. Only the last step's
    range is not known to be exceeded when its clause is added, and it is exceeded unless
    the round answers; so the clauses stay for good and the solver keeps what it learnt from
    them, and the encoding, which then rules out the answer's own range, ends with the search.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> search = witness_search(af, af.index["d"], False)
    >>> try:
    ...     while True:
    ...         next(search)
    ... except StopIteration as answer:
    ...     found = answer.value
    >>> sorted(found)
    ['c']
    """
    with Encoding(af, "cf", with_range=True, solver=Cadical, steer=False) as encoding:
        literal = encoding.in_var(position)
        if not wanted:
            literal = -literal
        ranges = encoding.objective_vars("rng")
        while (model := encoding.solve([literal])) is not None:
            while True:
                covered, uncovered = model.partition(ranges)
                if not uncovered:
                    return encoding.extension(model)  # a stable extension
                encoding.add(uncovered)
                yield
                larger = encoding.solve([literal, *covered])
                if larger is None:
                    break
                model = larger
            yield
            if encoding.solve(covered) is None:
                return encoding.extension(model)
            yield
        return None


def in_turns(
    first: Search[T],
    second: Callable[[], Search[T]],
    *,
    after: float = SECOND_AFTER,
    share: float = SECOND_SHARE,
    clock: Callable[[], float] = time.perf_counter,
    ready: Callable[[], bool] | None = None,
) -> T:
    """What the first of two searches to end returns. Each is a generator that yields
    between its steps and returns its answer; ``first`` runs alone for ``after`` seconds,
    and after them for as long as ``ready()`` (if given) is false; then ``second()``
    starts, and each next step goes to the search furthest behind its share of the time
    (``share`` for the second). Both end, closed, before this returns or raises.

    With a clock that moves on a second each time it is read:

    >>> from itertools import count
    >>> def counting(steps, answer):
    ...     for _ in range(steps):
    ...         yield
    ...     return answer
    >>> def race(after):
    ...     seconds = count()
    ...     first, second = counting(5, "first"), lambda: counting(2, "second")
    ...     return in_turns(first, second, after=after, share=0.5, clock=lambda: next(seconds))
    >>> race(after=0.0), race(after=60.0)
    ('second', 'first')
    """
    if not 0.0 < share < 1.0:
        raise ValueError(f"share must lie strictly between 0 and 1, got {share!r}")
    searches = [first]
    try:
        start = clock()
        while clock() - start < after or (ready is not None and not ready()):
            try:
                next(first)
            except StopIteration as answer:
                return answer.value  # type: ignore[no-any-return]
        searches.append(second())
        used = [clock() - start, 0.0]
        weights = (1.0 - share, share)
        while True:
            turn = 0 if used[0] * weights[1] <= used[1] * weights[0] else 1
            began = clock()
            try:
                next(searches[turn])
            except StopIteration as answer:
                return answer.value  # type: ignore[no-any-return]
            finally:
                used[turn] += clock() - began
    finally:
        for search in searches:
            search.close()


def find_stage(
    encoding: Encoding,
    constraint: Callable[[], Sequence[int]],
    accept: Sequence[int],
    position: int,
    wanted: bool,
    met: Callable[[Extension], object] | None = None,
) -> Extension | None:
    """A stage extension that holds (``wanted``) or lacks the argument at ``position`` of
    ``encoding``'s framework, or None: the range search on ``encoding`` (a conflict-free
    encoding with ranges) for ``constraint``, as
    :meth:`~argmap.semantics.sat.Encoding.rounds_towards` takes it, ending at the first
    model that satisfies the clause ``accept``, in turns with :func:`witness_search`.
    ``met`` is told every stage extension the range search meets. The second search joins
    once the range search has run :data:`SECOND_AFTER` seconds and :data:`SECOND_ROUNDS`
    rounds."""
    made = 0  # rounds of the range search

    def ranged() -> Search[Extension | None]:
        nonlocal made
        rounds = encoding.rounds_towards("rng", constraint)
        try:
            for model in rounds:
                made += 1
                if model is not None:
                    extension = encoding.extension(model)
                    if met is not None:
                        met(extension)
                    if model.satisfies(accept):
                        return extension
                yield
            return None
        finally:
            rounds.close()

    return in_turns(
        ranged(),
        lambda: witness_search(encoding.af, position, wanted),
        after=SECOND_AFTER,
        share=SECOND_SHARE,
        ready=lambda: made >= SECOND_ROUNDS,
    )
