"""An admissible set holding one argument, found by a dispute around it.

Credulous acceptance under admissible, complete and preferred semantics asks one thing: is
some admissible set holding the argument? The dialectical proof procedures answer it as a
dispute (Cayrol, Doutre and Mengin 2003; Modgil and Caminada 2009): the proponent holds the
argument; the opponent names an attacker the proponent's arguments do not yet attack; the
proponent answers with one of that attacker's attackers that conflicts with nothing it holds,
and so on until no attacker is left unanswered (the proponent's arguments are then an
admissible set) or some attacker has no answer (that line of the dispute is lost).

The search here tries every answer to one attacker at each step, so when every line is lost
no admissible set holds the argument: any admissible set ``T`` holding it would answer each
attacker with a member of ``T``, and that line never loses. It works over the arguments the
grounded labelling leaves open: an OUT argument is in no admissible set, and an OUT attacker
is answered already by the grounded extension, which every complete extension holds.

A dispute only looks at the arguments it meets, so on a large framework it often answers in
a few hundred steps where a SAT encoding must first be written for the argument's whole cone
of influence; but a lost dispute may need to try exponentially many lines. So it is given a
budget of steps and, past it, says it has not decided.

References
----------
Cayrol, C., Doutre, S. and Mengin, J. (2003). On decision problems related to the preferred
semantics of argumentation frameworks. Journal of Logic and Computation 13(3).
Modgil, S. and Caminada, M. (2009). Proof theories and algorithms for abstract argumentation
frameworks. In Argumentation in Artificial Intelligence, Springer.
"""

from __future__ import annotations

from argmap.framework import Framework
from argmap.semantics.split import IN, OPEN, OUT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["DISPUTE_STEPS", "admissible_holding", "least_complete_holding"]

#: Lines of dispute a search may take up before it gives up undecided. Over 40 to 60 random
#: undecided arguments of each benchmark framework of 1,000 to 30,000 arguments, every dispute
#: that was won took at most 61 steps; one that runs out of these steps costs about 4 ms on
#: the 5,000-argument stable framework and 7 ms on the 1,000-argument Erdős–Rényi one.
DISPUTE_STEPS = 200


def admissible_holding(
    af: Framework, position: int, state: Sequence[int], steps: int = DISPUTE_STEPS
) -> tuple[bool, list[int] | None]:
    """Whether the search decided within ``steps``, and if it did, an admissible set holding
    the argument at ``position`` (positions of open arguments, the argument first), or None
    when there is none. ``state`` is the grounded labelling (:func:`~argmap.semantics.split.
    grounded_state`); the argument must be open in it.

    >>> from argmap.semantics.split import grounded_state
    >>> af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c"), ("d", "d"), ("d", "b")])
    >>> state = grounded_state(af)
    >>> found = admissible_holding(af, af.index["c"], state)
    >>> found[0], sorted(af.sorted_arguments[i] for i in found[1])
    (True, ['a', 'c'])
    >>> admissible_holding(af, af.index["b"], state)  # d attacks b, and only d attacks d
    (True, None)
    """
    attackers, targets = af.attackers_of, af.targets_of

    def opponents(member: int) -> list[int]:
        return [j for j in attackers[member] if state[j] == OPEN]

    # for each attacker met, its open attackers that do not attack themselves: every answer
    # it could have
    candidates: dict[int, list[int]] = {}

    def answers_to(threat: int) -> list[int]:
        found = candidates.get(threat)
        if found is None:
            found = candidates[threat] = [
                z for z in attackers[threat] if state[z] == OPEN and z not in attackers[z]
            ]
        return found

    if position in attackers[position]:
        return True, None
    start = frozenset((position,))
    hit = frozenset(j for j in targets[position] if state[j] == OPEN)
    # each line: the proponent's arguments, the open arguments they attack, and the attackers
    # still unanswered. Every open attacker of the proponent's arguments is in one of the last
    # two, so an open argument conflicts with them exactly when it is in either.
    lines = [(start, hit, frozenset(j for j in opponents(position) if j not in hit))]
    seen = {start}
    while lines:
        steps -= 1
        if steps < 0:
            return False, None
        members, hit, threats = lines.pop()
        if not threats:
            return True, [position, *(i for i in members if i != position)]
        answers = None
        for threat in threats:
            replies = [z for z in answers_to(threat) if z not in hit and z not in threats]
            if answers is None or len(replies) < len(answers):
                answers = replies
                if not replies:
                    break  # an attacker no argument answers: this line is lost
        assert answers is not None  # a line with threats has at least one
        # the most promising answer is tried first, so it is pushed last: the one with the
        # fewest attackers (new threats) for the most targets (threats it may answer at once)
        answers.sort(key=lambda z: len(attackers[z]) - len(targets[z]), reverse=True)
        for reply in answers:
            grown = members | {reply}
            if grown in seen:
                continue
            seen.add(grown)
            reached = hit.union(j for j in targets[reply] if state[j] == OPEN)
            unanswered = {t for t in threats if t not in reached}
            unanswered.update(j for j in opponents(reply) if j not in reached)
            lines.append((grown, reached, frozenset(unanswered)))
    return True, None


def least_complete_holding(af: Framework, state: list[int], members: Sequence[int]) -> list[int]:
    """The least complete labelling whose IN arguments hold the admissible set ``members``
    (positions), from the grounded labelling ``state``, which it changes and returns.

    The arguments the set attacks go OUT; an argument all of whose attackers are OUT comes IN
    (the set defends it) and what it attacks goes OUT, until nothing changes; what is still
    open is left OPEN (undecided). Only the arguments the change reaches are visited: each
    attacker count is taken when the change first reaches its argument.
    """
    attackers, targets = af.attackers_of, af.targets_of
    went_out: set[int] = set()  # OUT through this change, each counted down once below
    left: dict[int, int] = {}  # attackers of a reached open argument that are not yet OUT
    queue = list(members)
    for i in members:
        state[i] = IN
    for i in queue:  # grows as the loop runs
        if state[i] == IN:
            for target in targets[i]:
                if state[target] == OPEN:
                    state[target] = OUT
                    went_out.add(target)
                    queue.append(target)
            continue
        for target in targets[i]:
            if state[target] != OPEN:
                continue
            if target not in left:
                row = attackers[target]
                left[target] = sum(1 for j in row if state[j] != OUT or j in went_out)
            left[target] -= 1
            if left[target] == 0:
                state[target] = IN
                queue.append(target)
    return state
