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
    from collections.abc import Collection, Iterator

__all__ = [
    "count_strongly_admissible",
    "is_strongly_admissible",
    "strongly_admissible_holding",
    "strongly_admissible_sets",
    "strongly_admissible_within",
]

Extension = frozenset[str]


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
    whose number is #P-hard to count (Provan and Ball 1983).
    """
    in_, out = split.grounded_positions(af)
    total = 1
    for part in split.weak_components(af, in_ + out):
        total *= sum(1 for _ in strongly_admissible_sets(split.induced(af, part)))
    return total
