"""Strongly admissible sets: the sets whose every member is defended by other members, each
defended in turn, down to unattacked arguments.

Baroni and Giacomin (2007, Definition 7) call an argument strongly defended by a set ``S``
when each of its attackers is attacked by some member of ``S`` other than itself that is
strongly defended by ``S`` less the argument; ``S`` is strongly admissible when it strongly
defends each of its members. Caminada (2014) shows these are exactly the sets built up from
the empty set by adding, one at a time, an argument the set so far defends. So a set is
strongly admissible exactly when that construction, kept inside the set, reaches all of it
(:func:`is_strongly_admissible`); each such set lies inside the grounded extension, the
largest of them; and the union of two of them is one. A family of sets with these two
properties (each set can be built an element at a time, and unions stay inside) is an
antimatroid, which :func:`strongly_admissible_sets` walks without listing a set twice.

References
----------
Baroni, P. and Giacomin, M. (2007). On principle-based evaluation of extension-based
argumentation semantics. Artificial Intelligence 171(10-15).

Caminada, M. (2014). Strong admissibility revisited. Computational Models of Argument
(COMMA 2014), 197-208.
"""

from __future__ import annotations

from argmap.framework import Framework
from argmap.semantics import split
from argmap.semantics.deadline import check_deadline

TYPE_CHECKING = False  # typing is not imported at run time: the command starts sooner
if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Sequence

__all__ = [
    "cnf_fits",
    "count_strongly_admissible",
    "is_strongly_admissible",
    "strongly_admissible_cnf",
    "strongly_admissible_holding",
    "strongly_admissible_sets",
    "strongly_admissible_with",
    "strongly_admissible_within",
]

Extension = frozenset[str]

#: Sets of one part listed before the model counter, where installed, counts them instead:
#: listing is cheaper for a few, counting for many.
LISTED_BEFORE_COUNTING = 1000
#: The most literals :func:`strongly_admissible_cnf` is written with for counting: its
#: clauses grow with the attacks times the rounds (about 25 bytes a literal), and past this
#: the model counter meets formulas it takes minutes over.
CNF_LITERALS_AT_MOST = 2_000_000


def is_strongly_admissible(af: Framework, members: Collection[str]) -> bool:
    """Whether ``members`` is strongly admissible: adding, from the empty set, each member
    that the members added so far defend reaches them all. Linear in the attacks.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    >>> is_strongly_admissible(af, {"a", "c"}), is_strongly_admissible(af, {"c"})
    (True, False)
    """
    return strongly_admissible_within(af, members) == frozenset(members)


def strongly_admissible_within(af: Framework, allowed: Collection[str]) -> Extension:
    """The largest strongly admissible subset of ``allowed``: the arguments of ``allowed``
    that the construction reaches when it may add only those. (Strongly admissible sets
    are closed under union, so the largest exists.)

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("d", "e")])
    >>> sorted(strongly_admissible_within(af, {"c", "d", "e"}))
    ['d']
    """
    index, targets = af.index, af.targets_of
    pending = af.attacker_counts()  # each argument's attackers not yet attacked by the set
    inside = bytearray(len(pending))
    for name in allowed:
        inside[index[name]] = 1
    hit = bytearray(len(pending))  # attacked by the set
    added = [i for i, count in enumerate(pending) if count == 0 and inside[i]]
    for i in added:
        inside[i] = 0
    for member in added:  # the list grows as it is walked
        for target in targets[member]:
            if hit[target]:
                continue
            hit[target] = 1
            for defended in targets[target]:
                pending[defended] -= 1
                if pending[defended] == 0 and inside[defended]:
                    inside[defended] = 0
                    added.append(defended)
    names = af.sorted_arguments
    return frozenset(names[i] for i in added)


def strongly_admissible_holding(af: Framework, name: str) -> Extension | None:
    """A small strongly admissible set holding ``name``, or None when there is none (when
    ``name`` is not in the grounded extension): ``name`` with, for each of its attackers,
    the argument the grounded labelling first labels IN among those attacking it, and so on
    for theirs. Each member is defended by members labelled IN before it.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("x", "y"), ("y", "c")])
    >>> sorted(strongly_admissible_holding(af, "c"))
    ['a', 'c', 'x']
    >>> strongly_admissible_holding(af, "b") is None
    True
    """
    in_, _ = split.grounded_positions(af)
    order = {position: k for k, position in enumerate(in_)}
    start = af.index[name]
    if start not in order:
        return None
    attackers = af.attackers_of
    kept = {start}
    stack = [start]
    while stack:
        member = stack.pop()
        for attacker in attackers[member]:
            # the first IN argument to attack it is the one that labelled it OUT, earlier
            # than ``member`` in the order the grounded labelling takes its IN arguments
            defender = min((d for d in attackers[attacker] if d in order), key=order.__getitem__)
            if defender not in kept:
                kept.add(defender)
                stack.append(defender)
    names = af.sorted_arguments
    return frozenset(names[i] for i in kept)


def strongly_admissible_sets(af: Framework) -> Iterator[Extension]:
    """Every strongly admissible set of ``af``, each once, the empty set last.

    A search that splits the sets holding the current set ``S`` in two, those holding one
    more argument ``a`` that ``S`` defends and those lacking it, and returns ``S`` when
    ``S`` defends nothing more that is not set aside. It is exact because any strongly
    admissible set holding ``S`` can be reached from ``S`` by adding, one at a time, an
    argument the set so far defends (unions of strongly admissible sets are strongly
    admissible). Both halves hold a set, so the search visits fewer than twice as many
    states as it returns sets, each in time linear in the attacks of what it adds.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    >>> [sorted(s) for s in strongly_admissible_sets(af)]
    [['a', 'c'], ['a'], []]
    """
    names, targets = af.sorted_arguments, af.targets_of
    undefended = af.attacker_counts()  # attackers not yet attacked by the current set
    hits = [0] * len(undefended)  # how many members attack each argument
    members: list[int] = []
    set_aside = bytearray(len(undefended))
    # the arguments the current set defends and neither holds nor sets aside
    frontier = {i for i, count in enumerate(undefended) if count == 0}

    def add(a: int) -> None:
        members.append(a)
        frontier.discard(a)
        for b in targets[a]:
            hits[b] += 1
            if hits[b] == 1:
                for c in targets[b]:
                    undefended[c] -= 1
                    if undefended[c] == 0 and not set_aside[c]:
                        frontier.add(c)

    def remove(a: int) -> None:
        for b in targets[a]:
            hits[b] -= 1
            if hits[b] == 0:
                for c in targets[b]:
                    if undefended[c] == 0:
                        frontier.discard(c)
                    undefended[c] += 1
        members.pop()
        frontier.add(a)

    # a stack of steps: (0, None) look at the current set; (1, a) add a; (2, a) remove a;
    # (3, a) set a aside; (4, a) take it back
    steps: list[tuple[int, int]] = [(0, -1)]
    while steps:
        step, a = steps.pop()
        if step == 0:
            check_deadline()
            if not frontier:
                yield frozenset(names[i] for i in members)
                continue
            a = min(frontier)
            steps += [(4, a), (0, -1), (3, a), (2, a), (0, -1), (1, a)]
        elif step == 1:
            add(a)
        elif step == 2:
            remove(a)
        elif step == 3:
            set_aside[a] = 1
            frontier.discard(a)
        else:
            set_aside[a] = 0
            frontier.add(a)


def count_strongly_admissible(af: Framework) -> int:
    """The number of strongly admissible sets, part by part.

    They hold only grounded IN arguments, defended against OUT ones, so they are those of
    ``af`` restricted to the grounded extension and what it attacks; the number is the
    product of the numbers of each part of that restriction that no attack joins, each
    listed by :func:`strongly_admissible_sets`. Counting is #P-hard all the same: the
    strongly admissible sets can be the downsets of any partial order (each element
    attacked once for each element below it, that attack answered by that element alone),
    whose number is #P-hard to count (Provan and Ball 1983). Past
    :data:`LISTED_BEFORE_COUNTING` sets in a part, the model counter counts the models of
    :func:`strongly_admissible_cnf` where it is installed.
    """
    from argmap.semantics import counting

    in_, out = split.grounded_positions(af)
    total = 1
    for part in split.weak_components(af, in_ + out):
        local = split.induced(af, part)
        countable = counting.available() and cnf_fits(local)
        listed = 0
        for _ in strongly_admissible_sets(local):
            listed += 1
            if countable and listed > LISTED_BEFORE_COUNTING:
                listed = counting.count_extensions(local, "SAD")
                break
        total *= listed
    return total


def cnf_fits(af: Framework) -> bool:
    """Whether :func:`strongly_admissible_cnf` of ``af`` has at most
    :data:`CNF_LITERALS_AT_MOST` literals, reckoned without writing it."""
    attackers = af.attackers_of
    in_, _ = split.grounded_positions(af)
    grounded = set(in_)
    literals = 0
    for a, last in _rounds(af, in_).items():
        beating = sum(3 * sum(1 for c in attackers[b] if c in grounded) + 1 for b in attackers[a])
        literals += last * (3 * len(attackers[a]) + 4 + beating)
    return literals <= CNF_LITERALS_AT_MOST


def strongly_admissible_cnf(af: Framework) -> tuple[list[list[int]], int]:
    """Clauses whose models are the strongly admissible sets of ``af``, one model each, and
    the number of variables: variable ``i + 1`` holds the argument at position ``i``.

    The construction is written out round by round: an argument is added in a round when
    it is held and each of its attackers is attacked by an argument added before; every
    argument held must be added by its last round. An argument needs no more rounds than
    the longest chain of arguments each defending the next can have up to it
    (:func:`_rounds`), which is how many each is written out for. Every other variable is
    defined by the held ones, so the models, projected on the first ``len(af)`` variables
    or not, are as many as the sets: a model counter counts them
    (:mod:`argmap.semantics.counting`).

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    >>> clauses, variables = strongly_admissible_cnf(af)
    >>> from pysat.solvers import Solver
    >>> with Solver(bootstrap_with=clauses) as solver:
    ...     models = [[v for v in model if 0 < v <= 3] for model in solver.enum_models()]
    >>> sorted(sorted(af.sorted_arguments[v - 1] for v in m) for m in models)
    [[], ['a'], ['a', 'c']]
    """
    n = len(af.sorted_arguments)
    attackers = af.attackers_of
    in_, _ = split.grounded_positions(af)
    grounded = set(in_)
    clauses: list[list[int]] = [[-(i + 1)] for i in range(n) if i not in grounded]
    rounds = _rounds(af, in_)
    variables = n + 1
    clauses.append([-variables])  # a variable set false: nothing is added before round 1
    # added[a]: the literal "a is added by now" (for unattacked arguments, "held")
    added = {a: a + 1 for a in in_}
    added.update(dict.fromkeys(rounds, variables))
    for k in range(1, max(rounds.values(), default=0) + 1):
        active = [a for a, last in rounds.items() if last >= k]
        # hit[b]: b is attacked by an argument added before this round
        hit: dict[int, int] = {}
        for b in sorted({b for a in active for b in attackers[a]}):
            variables += 1
            y = hit[b] = variables
            ends = [added[c] for c in attackers[b] if c in grounded]
            clauses.append([-y, *ends])
            clauses.extend([y, -end] for end in ends)
        for a in active:
            variables += 1
            x = added[a] = variables
            needs = [a + 1, *(hit[b] for b in attackers[a])]
            clauses.append([x, *(-need for need in needs)])
            clauses.extend([-x, need] for need in needs)
    clauses.extend([-(a + 1), added[a]] for a in rounds)
    return clauses, variables


def _rounds(af: Framework, in_: list[int]) -> dict[int, int]:
    """For each attacked grounded IN argument (position), the rounds after the first by
    which the construction of any strongly admissible set holding it has added it.

    In such a set, an argument added in round ``r`` has a defender added in round
    ``r - 1``, that one a defender added in round ``r - 2``, and so on: a chain of distinct
    arguments, each attacking an attacker of the next. A chain meets each strongly
    connected component of that defence relation at most once, in one stretch, so it is
    no longer than the largest sum of component sizes along a path of components up to
    the argument's own. On grounded-30000 that is 29 rounds, where one round for every
    attacked grounded argument would be 11,479.
    """
    attackers = af.attackers_of
    grounded = set(in_)
    local = {a: k for k, a in enumerate(in_)}
    ends: list[int] = []  # the defence relation, numbered from 1
    for a in in_:
        for b in attackers[a]:
            for c in attackers[b]:
                if c in grounded:
                    ends += (local[c] + 1, local[a] + 1)
    defence = Framework._numbered(len(in_), ends)
    longest = [0] * len(in_)
    into = defence.attackers_of
    for component in split.components(defence, range(len(in_))):  # defenders first
        inside = set(component)
        before = max((longest[u] for v in component for u in into[v] if u not in inside), default=0)
        for v in component:
            longest[v] = before + len(component)
    return {a: longest[local[a]] - 1 for a in in_ if attackers[a]}


def strongly_admissible_with(
    af: Framework, clauses: Sequence[Sequence[tuple[int, bool]]]
) -> Extension | None:
    """A strongly admissible set satisfying every clause (each a sequence of (position,
    held) pairs, one of which must hold), or None: a model of
    :func:`strongly_admissible_cnf` with the clauses added.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    >>> sorted(strongly_admissible_with(af, [[(2, True)]]))
    ['a', 'c']
    >>> strongly_admissible_with(af, [[(2, True)], [(0, False)]]) is None
    True
    """
    from argmap.semantics.satsolvers import Glucose

    check_deadline()
    kept, variables = strongly_admissible_cnf(af)
    solver = Glucose()
    try:
        for clause in kept:
            solver.add_clause(clause)
        for pairs in clauses:
            solver.add_clause([i + 1 if held else -(i + 1) for i, held in pairs])
        solver.add_clause([variables, -variables])  # so the model gives every variable
        if not solver.solve([]):
            return None
        model = solver.get_model()
    finally:
        solver.delete()
    names = af.sorted_arguments
    return frozenset(names[i] for i in range(len(names)) if model[i] > 0)
