"""The dispute for an admissible set holding one argument (argmap.semantics.dispute)."""

from hypothesis import given
from hypothesis import strategies as st

from argmap import Framework
from argmap.semantics import split
from argmap.semantics.dispute import admissible_holding, least_complete_holding
from argmap.strategies import frameworks

import oracle


def open_positions(state):
    return [i for i, label in enumerate(state) if label == split.OPEN]


def grounded_in(af, state):
    return frozenset(af.sorted_arguments[i] for i, label in enumerate(state) if label == split.IN)


@given(af=frameworks(max_arguments=7, density=0.35))
def test_a_dispute_without_a_budget_decides_as_the_definition_does(af):
    state = split.grounded_state(af)
    admissible = [s for s in oracle.subsets(af.arguments) if oracle.admissible(af, s)]
    names = af.sorted_arguments
    for position in open_positions(state):
        decided, members = admissible_holding(af, position, state, steps=10**6)
        assert decided
        name = names[position]
        assert (members is not None) == any(name in s for s in admissible)
        if members is not None:
            assert members[0] == position
            assert all(state[i] == split.OPEN for i in members)
            found = frozenset(names[i] for i in members)
            # the grounded extension answers the OUT attackers
            assert oracle.admissible(af, found | grounded_in(af, split.grounded_state(af)))


@given(af=frameworks(max_arguments=7, density=0.35), steps=st.integers(0, 6))
def test_a_dispute_past_its_budget_says_so_and_never_answers_wrongly(af, steps):
    state = split.grounded_state(af)
    names = af.sorted_arguments
    for position in open_positions(state):
        decided, members = admissible_holding(af, position, state, steps=steps)
        truth = admissible_holding(af, position, state, steps=10**6)[1] is not None
        assert members is None or decided
        if decided:
            assert (members is not None) == truth, names[position]


@given(af=frameworks(max_arguments=7, density=0.35))
def test_the_least_complete_labelling_over_a_found_set_is_the_least_complete_extension(af):
    complete = [s for s in oracle.subsets(af.arguments) if oracle.complete(af, s)]
    names = af.sorted_arguments
    for position in open_positions(split.grounded_state(af)):
        state = split.grounded_state(af)
        members = admissible_holding(af, position, state, steps=10**6)[1]
        if members is None:
            continue
        found = frozenset(names[i] for i in members)
        labels = least_complete_holding(af, state, members)
        extension = split.members(af, labels)
        assert oracle.complete(af, extension)
        assert extension == frozenset.intersection(*(s for s in complete if found <= s))
        attacked = oracle.attacked_by(af, extension)
        for i, label in enumerate(labels):  # IN, OUT as the set says; OPEN is undecided
            assert (label == split.IN) == (names[i] in extension)
            assert (label == split.OUT) == (names[i] in attacked)


def even_cycle(length):
    """x0 <- x1 <- ... <- x(length-1) <- x0: the admissible sets hold every other argument."""
    return Framework.from_attacks([(f"x{(i + 1) % length:03}", f"x{i:03}") for i in range(length)])


def test_a_long_dispute_runs_out_of_steps_and_a_longer_budget_wins_it():
    af = even_cycle(100)
    state = split.grounded_state(af)
    position = af.index["x000"]
    assert admissible_holding(af, position, state, steps=10) == (False, None)
    decided, members = admissible_holding(af, position, state, steps=100)
    assert decided
    assert sorted(af.sorted_arguments[i] for i in members) == [f"x{i:03}" for i in range(0, 100, 2)]


def test_a_lost_line_is_left_for_the_next_answer():
    # b attacks a; c and d answer b. c, which attacks more, is tried first, but its attacker
    # e attacks itself and nothing else attacks e, so that line is lost; d is attacked only by
    # b, which d attacks: {a, d} is admissible.
    af = Framework.from_attacks(
        [("b", "a"), ("c", "b"), ("c", "f"), ("d", "b"), ("b", "d"), ("e", "c"), ("e", "e")]
    )
    state = split.grounded_state(af)
    assert admissible_holding(af, af.index["a"], state, steps=2) == (False, None)
    decided, members = admissible_holding(af, af.index["a"], state, steps=3)
    assert decided
    assert sorted(af.sorted_arguments[i] for i in members) == ["a", "d"]


def test_an_argument_attacking_itself_is_refused_at_once():
    af = Framework.from_attacks([("a", "a"), ("a", "b")])
    state = split.grounded_state(af)
    assert admissible_holding(af, af.index["a"], state, steps=0) == (True, None)


def test_an_attacker_no_possible_member_answers_loses_the_dispute_at_its_first_step():
    # q's attacker a is attacked by b alone, and q attacks b: grounded decides nothing here
    cycle = Framework.from_attacks([("b", "a"), ("a", "q"), ("q", "b")])
    state = split.grounded_state(cycle)
    assert set(state) == {split.OPEN}
    assert admissible_holding(cycle, cycle.index["q"], state, steps=1) == (True, None)
    # a's attackers: b, OUT in the grounded labelling (g attacks it), and c, which attacks
    # itself; neither can be in an admissible set, though q stays undecided
    beaten = Framework.from_attacks([("a", "q"), ("b", "a"), ("c", "a"), ("c", "c"), ("g", "b")])
    state = split.grounded_state(beaten)
    assert state[beaten.index["b"]] == split.OUT
    assert state[beaten.index["q"]] == split.OPEN
    assert admissible_holding(beaten, beaten.index["q"], state, steps=1) == (True, None)
    assert not any("q" in s for s in oracle.extensions(beaten, "AD"))
    # q's attackers a and c answer each other only: each would answer the other while
    # attacking q, so neither is an answer
    rivals = Framework.from_attacks([("a", "q"), ("c", "q"), ("a", "c"), ("c", "a")])
    state = split.grounded_state(rivals)
    assert set(state) == {split.OPEN}
    assert admissible_holding(rivals, rivals.index["q"], state, steps=1) == (True, None)
    assert not any("q" in s for s in oracle.extensions(rivals, "AD"))
    # q counterattacks its attacker itself
    mutual = Framework.from_attacks([("a", "q"), ("q", "a")])
    state = split.grounded_state(mutual)
    q = mutual.index["q"]
    assert admissible_holding(mutual, q, state, steps=1) == (True, [q])
