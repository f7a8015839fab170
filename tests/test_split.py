"""Splitting: components, cones and completions against the definitions and the reference."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from answers import assert_answers_match
from argmap import Framework, accepted, accepted_arguments, count_extensions, extensions
from argmap.semantics import (
    credulous_witness,
    engine,
    sceptical_counterexample,
    some_extension,
    split,
)
from argmap.semantics.sat import Encoding
from argmap.strategies import frameworks
from parts import separate_parts

import oracle


@given(af=frameworks(max_arguments=9, density=0.25))
def test_components_partition_into_strongly_connected_parts_in_topological_order(af):
    names = af.sorted_arguments
    found = split.components(af, range(len(names)))
    as_names = [frozenset(names[i] for i in component) for component in found]
    assert sorted(map(sorted, as_names)) == sorted(map(sorted, af.components()))
    place = {name: k for k, component in enumerate(as_names) for name in component}
    assert all(place[a] <= place[b] for a, b in af.attacks)


def test_components_of_a_long_chain_need_no_recursion():
    size = 20_000
    chain = [(f"a{i}", f"a{i + 1}") for i in range(1, size)] + [(f"a{size}", f"a{size - 1}")]
    af = Framework.from_attacks(chain)
    found = split.components(af, range(size))
    assert len(found) == size - 1
    assert [af.sorted_arguments[i] for i in found[0]] == ["a1"]


@given(af=frameworks(max_arguments=8, density=0.3))
def test_grounded_state_is_the_grounded_labelling(af):
    state = split.grounded_state(af)
    grounded = oracle.grounded(af)
    assert split.members(af, state) == grounded
    names = af.sorted_arguments
    out = {names[i] for i, label in enumerate(state) if label == split.OUT}
    assert out == af.attacked_by_set(grounded)
    assert set(state) <= {split.IN, split.OUT, split.OPEN}
    # propagation from an all-open start reaches the same labelling
    assert split.propagate(af, [split.OPEN] * len(names)) == state


@given(af=frameworks(max_arguments=8, density=0.3))
def test_grounded_counts_attackers_without_listing_them(af):
    # the list of each argument's attackers took half of grounded's time on a million attacks
    fresh = Framework(af.arguments, af.attacks)
    assert split.members(fresh, split.grounded_state(fresh)) == oracle.grounded(af)
    assert "attackers_of" not in fresh.__dict__


@pytest.mark.parametrize("code", ["CO", "PR"])
@given(af=frameworks(max_arguments=8, density=0.3))
def test_split_answers_are_whole_extensions(code, af):
    expected = oracle.extensions(af, code)
    assert some_extension(af, code) in expected
    assert_answers_match(af, code, expected)


def _credulous_complete_matches_reference(af):
    complete = oracle.extensions(af, "CO")
    for name in af.sorted_arguments:
        witness = credulous_witness(af, name, "CO")
        assert (witness is not None) == any(name in e for e in complete)
        assert witness is None or (witness in complete and name in witness)


@given(af=frameworks(max_arguments=8, density=0.3))
def test_credulous_complete_answers_on_the_cone_when_the_dispute_leaves_them(af):
    # the dispute settles every small framework: without it, the cone is asked, for a stable
    # extension holding the argument first and then for an admissible set holding it
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine.dispute, "admissible_holding", lambda *args: (False, None))
        _credulous_complete_matches_reference(af)


@given(af=frameworks(max_arguments=8, density=0.3))
def test_credulous_complete_answers_the_same_when_its_admissible_query_moves_to_cadical(af):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine.dispute, "admissible_holding", lambda *args: (False, None))
        # as if Glucose had used up its propagations on every query
        patch.setattr(Encoding, "solve_within", lambda *args: (False, None))
        _credulous_complete_matches_reference(af)


@given(af=frameworks(max_arguments=8, density=0.3))
def test_credulous_preferred_answers_on_the_cone_when_the_dispute_leaves_them(af):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine.dispute, "admissible_holding", lambda *args: (False, None))
        patch.setattr(engine, "coherent", lambda af: False)  # no stable shortcut
        preferred = oracle.extensions(af, "PR")
        for name in af.sorted_arguments:
            witness = credulous_witness(af, name, "PR")
            assert (witness is not None) == any(name in e for e in preferred)
            assert witness is None or (witness in preferred and name in witness)


def test_credulous_complete_acceptance_falls_back_where_no_stable_extension_holds_it(
    monkeypatch,
):
    monkeypatch.setattr(engine.dispute, "admissible_holding", lambda *args: (False, None))
    # q and a attack each other, and z, which attacks itself, attacks a: no stable extension
    # (nothing can attack z), while {q} defends itself and is complete
    af = Framework.from_attacks([("a", "q"), ("q", "a"), ("z", "a"), ("z", "z")])
    assert oracle.extensions(af, "ST") == set()
    assert credulous_witness(af, "q", "CO") == {"q"}
    assert frozenset("q") in oracle.extensions(af, "CO")


def test_a_credulous_witness_is_grown_from_an_admissible_set_where_no_stable_one_holds_it(
    monkeypatch,
):
    monkeypatch.setattr(engine.dispute, "admissible_holding", lambda *args: (False, None))
    # as above, and q defends r against a: {q} is admissible but not complete, and no
    # admissible set holds a, whom z attacks
    af = Framework.from_attacks([("a", "q"), ("q", "a"), ("z", "a"), ("z", "z"), ("a", "r")])
    assert oracle.extensions(af, "ST") == set()
    assert oracle.extensions(af, "CO") == {frozenset(), frozenset("qr")}
    assert credulous_witness(af, "a", "CO") is None
    asked = []

    def smallest(part, position):
        # the admissible query answers {q} alone, for q and for r
        asked.append(part.sorted_arguments[position])
        return [part.index["q"]]

    monkeypatch.setattr(engine, "_admissible_holding", smallest)
    assert credulous_witness(af, "q", "CO") == {"q", "r"}
    assert credulous_witness(af, "r", "CO") == {"q", "r"}
    # credulous preferred acceptance grows the same set into a preferred extension
    assert credulous_witness(af, "q", "PR") == {"q", "r"}
    assert asked == ["q", "r", "q"]
    assert oracle.extensions(af, "PR") == {frozenset("qr")}


def test_a_cone_and_its_completion():
    # q sits downstream of a mutual attack; a separate odd cycle and a separate even cycle do
    # not reach it. The witness holding q is extended to a whole preferred extension: the
    # odd cycle stays out, the even cycle gets one side.
    cone_part = [("a", "b"), ("b", "a"), ("b", "q")]
    odd_cycle = [("x", "y"), ("y", "z"), ("z", "x")]
    even_cycle = [("u", "v"), ("v", "u"), ("q", "u")]
    af = Framework.from_attacks(cone_part + odd_cycle + even_cycle)
    state = split.grounded_state(af)
    cone = split.cone(af, af.index["q"], state)
    assert {af.sorted_arguments[i] for i in cone} == {"a", "b", "q"}
    witness = credulous_witness(af, "q", "PR")
    assert witness == {"a", "q", "v"}
    assert witness in extensions(af, "PR")
    counter = sceptical_counterexample(af, "q", "PR")
    assert counter in extensions(af, "PR") and "q" not in counter


def test_a_credulous_preferred_witness_grows_the_disputes_set_through_its_reduct(monkeypatch):
    # the dispute finds {a, q}; its least complete extension leaves the even cycle u, v and
    # the odd cycle x, y, z undecided, and a preferred extension of what it leaves takes v,
    # which defends itself against u, whom z attacks: no question goes to the cone
    def asked(*args):
        raise AssertionError("the cone was asked")

    monkeypatch.setattr(engine, "_find_whole", asked)
    monkeypatch.setattr(engine, "_preferred_without", asked)
    cycles = [("u", "v"), ("v", "u"), ("x", "y"), ("y", "z"), ("z", "x"), ("z", "u")]
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "q"), *cycles])
    assert credulous_witness(af, "q", "PR") == {"a", "q", "v"}
    assert credulous_witness(af, "q", "CO") == {"a", "q"}
    assert oracle.extensions(af, "PR") == {frozenset("aqv"), frozenset("bv")}


def test_undecided_attackers_block_a_component():
    # the odd cycle x, y, z is undecided and attacks c, so c cannot be defended; d defends
    # itself against c and is accepted.
    af = Framework.from_attacks(
        [("x", "y"), ("y", "z"), ("z", "x"), ("z", "c"), ("c", "d"), ("d", "c")]
    )
    assert extensions(af, "PR") == {frozenset({"d"})}
    assert some_extension(af, "PR") == {"d"}
    assert credulous_witness(af, "c", "PR") is None


@given(af=frameworks(max_arguments=9, density=0.3), data=st.data())
def test_induced_is_the_restriction_to_the_chosen_arguments(af, data):
    names = af.sorted_arguments
    part = data.draw(
        st.lists(st.sampled_from(range(len(names))), unique=True) if names else st.just([])
    )
    sub = split.induced(af, part)
    kept = {names[i] for i in part}
    expected = Framework(kept, {(a, b) for a, b in af.attacks if a in kept and b in kept})
    assert sub == expected
    # the integer views agree with the names, in natural order
    assert sub.sorted_arguments == expected.sorted_arguments
    assert sub.attackers_of == expected.attackers_of and sub.targets_of == expected.targets_of


@given(af=frameworks(max_arguments=9, density=0.2))
def test_weak_components_are_the_parts_no_attack_joins(af):
    names = af.sorted_arguments
    keep = [i for i in range(len(names)) if i % 3 != 1]  # a restriction, to test members too
    found = split.weak_components(af, keep)
    assert sorted(i for part in found for i in part) == keep
    place = {i: k for k, part in enumerate(found) for i in part}
    for a, b in af.attacks:
        i, j = af.index[a], af.index[b]
        if i in place and j in place:
            assert place[i] == place[j]
    sub = split.induced(af, keep)
    for part in found:  # each part is connected: a search from its first member reaches all
        inner = split.induced(af, part)
        reach, stack = {part[0]}, [names[part[0]]]
        while stack:
            name = stack.pop()
            for other in inner.attackers(name) | inner.targets(name):
                if af.index[other] not in reach:
                    reach.add(af.index[other])
                    stack.append(other)
        assert reach == set(part)
    assert sub == oracle.restrict(af, frozenset(names[i] for i in keep))


def test_credulous_semi_stable_refuses_an_argument_no_admissible_set_holds_before_any_search(
    monkeypatch,
):
    def no_search(*args):
        raise AssertionError("searched")

    monkeypatch.setattr(engine, "_stable_with", no_search)
    # q's attacker a is attacked by b alone, and q attacks b
    cycle = Framework.from_attacks([("b", "a"), ("a", "q"), ("q", "b"), ("q", "r"), ("r", "q")])
    assert not accepted(cycle, "q", "SST", mode="credulous")
    assert oracle.extensions(cycle, "SST") == frozenset({frozenset({"b", "r"})})
    # b answers a, but b's attacker d is attacked only by s, which attacks itself: a lost
    # line one step further from q; grounded decides nothing
    deeper = Framework.from_attacks(
        [("a", "q"), ("b", "a"), ("d", "b"), ("s", "d"), ("s", "s"), ("q", "r"), ("r", "q")]
    )
    assert set(split.grounded_state(deeper)) == {split.OPEN}
    assert not accepted(deeper, "q", "SST", mode="credulous")
    assert not any("q" in e for e in oracle.extensions(deeper, "SST"))


def test_credulous_semi_stable_asks_the_cone_for_an_admissible_set_before_its_search(
    monkeypatch,
):
    def no_search(*args):
        raise AssertionError("searched")

    # the dispute runs out of steps; no stable extension exists (nothing attacks s, which
    # attacks itself), and the cone's admissible query finds none holding q
    monkeypatch.setattr(engine.dispute, "admissible_holding", lambda *args: (False, None))
    monkeypatch.setattr(engine, "_maximal_whole", no_search)
    monkeypatch.setattr(engine, "_find_whole", no_search)
    deeper = Framework.from_attacks(
        [("a", "q"), ("b", "a"), ("d", "b"), ("s", "d"), ("s", "s"), ("q", "r"), ("r", "q")]
    )
    assert oracle.extensions(deeper, "ST") == set()
    assert not accepted(deeper, "q", "SST", mode="credulous")
    assert credulous_witness(deeper, "q", "SST") is None


@given(af=frameworks(max_arguments=7, density=0.3))
def test_largest_admissible_subset_matches_the_definition(af):
    from argmap.semantics.engine import largest_admissible_subset

    for candidate in oracle.subsets(af.arguments):
        if not oracle.conflict_free(af, candidate):
            continue
        admissible = [s for s in oracle.subsets(candidate) if oracle.admissible(af, s)]
        greatest = max(admissible, key=len)
        assert all(s <= greatest for s in admissible)
        assert largest_admissible_subset(af, candidate) == greatest


@given(af=frameworks(min_arguments=10, max_arguments=40, density=0.06))
def test_credulous_acceptance_by_parts_equals_asking_the_whole_framework(af):
    from argmap.semantics import engine

    whole = engine.credulous_cover(af, "ad")
    assert engine.credulously_admissible(af) == whole == engine.credulous_cover(af, "co")


@given(af=frameworks(min_arguments=10, max_arguments=24, density=0.12))
def test_sceptical_preferred_refinement_agrees_with_enumerating_preferred_extensions(af):
    # the counterexample-guided search against the preferred extensions themselves, listed by
    # the SAT maximisation loop, on frameworks beyond the exhaustive reference's reach
    from argmap.semantics import engine

    preferred = list(engine.iterate(af, "PR"))
    for name in sorted(af.arguments):
        found = engine._preferred_without(af, name)
        if found is None:
            assert all(name in extension for extension in preferred), name
        else:
            assert name not in found and found in preferred, name


def test_an_argument_defended_either_way_is_sceptically_preferred_but_not_ideal():
    # b attacks q; c and d attack each other and both attack b. Each preferred extension
    # holds c or d, so defends q; no admissible set attacks q, yet q is not ideal. The
    # first candidate found ({c}, or {d}) grows to hold q, and the refinement must rule
    # out both before answering.
    af = Framework.from_attacks([("b", "q"), ("c", "b"), ("d", "b"), ("c", "d"), ("d", "c")])
    assert sceptical_counterexample(af, "q", "PR") is None
    assert accepted_arguments(af, "PR", mode="sceptical") == {"q"}
    assert extensions(af, "ID") == {frozenset()}
    assert sceptical_counterexample(af, "c", "PR") == {"d", "q"}


@given(af=frameworks(max_arguments=7, density=0.3))
def test_admissible_core_is_an_admissible_subset_holding_the_argument(af):
    # the refinement's clauses are sound only if every core is admissible and holds the
    # argument: then a set that does not attack it could be joined with it
    from argmap.semantics import engine

    index = af.index
    for within in oracle.subsets(af.arguments):
        if not oracle.admissible(af, within):
            continue
        for name in within:
            positions = [index[member] for member in within]
            core = engine._admissible_core(af, index[name], positions)
            members = frozenset(af.sorted_arguments[i] for i in core)
            assert name in members and members <= within
            assert oracle.admissible(af, members)


@given(af=frameworks(max_arguments=9, density=0.2))
def test_open_and_conflict_parts_split_the_framework_as_documented(af):
    names = af.sorted_arguments
    state = split.grounded_state(af)
    fixed, parts = split.open_parts(af)
    assert fixed == [i for i, label in enumerate(state) if label == split.IN]
    assert sorted(i for part in parts for i in part) == [
        i for i, label in enumerate(state) if label == split.OPEN
    ]
    free, linked = split.conflict_parts(af)
    in_conflict = {a for pair in af.attacks for a in pair if pair[0] != pair[1]}
    assert {names[i] for i in free} == af.arguments - in_conflict - {
        a for a, b in af.attacks if a == b
    }
    assert {names[i] for part in linked for i in part} == in_conflict
    assert all(len(part) >= 2 for part in linked)


@pytest.mark.parametrize("code", ["SST", "STG"])
@given(af=separate_parts())
def test_semi_stable_and_stage_part_by_part_match_the_reference(code, af):
    expected = oracle.extensions(af, code)
    assert extensions(af, code) == expected
    assert count_extensions(af, code) == len(expected)
    assert some_extension(af, code) in expected
    assert_answers_match(af, code, expected)
    for mode in ("credulous", "sceptical"):
        combine = frozenset.union if mode == "credulous" else frozenset.intersection
        assert accepted_arguments(af, code, mode=mode) == combine(*expected)


def test_semi_stable_extensions_join_the_parts_with_and_without_stable_extensions():
    # g is grounded and defeats x; what is left open falls into three parts: a mutual
    # attack (two stable extensions), a three-cycle (none: its only semi-stable extension
    # is the empty set) and two mutual attacks in a row, c <-> d -> e <-> f (three stable
    # extensions: {c, e}, {c, f} and {d, f}). The whole framework has no stable extension,
    # yet the parts that have some contribute exactly those.
    grounded_and_pair = [("g", "x"), ("x", "a"), ("a", "b"), ("b", "a")]
    three_cycle = [("p", "q"), ("q", "r"), ("r", "p")]
    two_pairs = [("c", "d"), ("d", "c"), ("d", "e"), ("e", "f"), ("f", "e")]
    af = Framework.from_attacks([*grounded_and_pair, *three_cycle, *two_pairs])
    expected = oracle.extensions(af, "SST")
    assert extensions(af, "SST") == expected
    assert len(expected) == 2 * 1 * 3
    assert all({"g"} <= e and not {"x", "p", "q", "r"} & e for e in expected)
    # the stage extensions need not hold the grounded extension, and do not split after it
    assert extensions(af, "STG") == oracle.extensions(af, "STG")


def _refuse(*_args, **_kwargs):
    raise AssertionError("a whole extension was made for a yes or no")


def test_acceptance_makes_no_whole_extension_where_grounded_or_a_dispute_answers(monkeypatch):
    # a and b attack each other; c defeats d; e and f attack each other: grounded labels c IN
    # and d OUT, and leaves the two mutual attacks open
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("c", "d"), ("e", "f"), ("f", "e")])
    monkeypatch.setattr(split, "complete_labels", _refuse)
    monkeypatch.setattr(engine, "_preferred_holding", _refuse)
    monkeypatch.setattr(engine.dispute, "least_complete_holding", _refuse)
    for code in ("CO", "PR"):
        assert not accepted(af, "d", code, mode="sceptical")  # grounded: d is OUT
        assert not accepted(af, "d", code, mode="credulous")
        assert accepted(af, "c", code, mode="sceptical")  # grounded: c is IN
        assert accepted(af, "a", code, mode="credulous")  # the dispute holds {a}
        with pytest.raises(AssertionError, match="whole extension"):
            sceptical_counterexample(af, "d", code)  # the witness is a whole extension


def test_acceptance_makes_no_whole_extension_where_the_cone_answers(monkeypatch):
    # a and b attack each other and b attacks c: the sceptical query about c is asked of
    # c's cone {a, b, c}, which has a preferred extension lacking c; d and e lie outside it
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c"), ("d", "e"), ("e", "d")])
    monkeypatch.setattr(split, "complete_labels", _refuse)
    assert not accepted(af, "c", "PR", mode="sceptical")  # {b, ...} lacks c
    assert not accepted(af, "c", "CO", mode="sceptical")
    with pytest.raises(AssertionError, match="whole extension"):
        sceptical_counterexample(af, "c", "PR")


@pytest.mark.parametrize("code", ["SST", "STG"])
def test_acceptance_makes_no_extension_of_the_other_parts(monkeypatch, code):
    # two parts no attack joins: a mutual attack beside an odd cycle, which leaves the whole
    # framework without a stable extension; the query about a is asked of its part alone
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("c", "d"), ("d", "e"), ("e", "c")])
    assert not extensions(af, "ST")
    monkeypatch.setattr(engine, "some", _refuse)
    assert accepted(af, "a", code, mode="credulous")
    assert not accepted(af, "a", code, mode="sceptical")
    with pytest.raises(AssertionError, match="whole extension"):
        credulous_witness(af, "a", code)


@st.composite
def _one_part_beside_settled_arguments(draw):
    """One conflict part (a cycle through its arguments, and more attacks), beside arguments
    in no conflict and arguments that attack themselves and are attacked by no other."""
    part = draw(frameworks(min_arguments=2, max_arguments=6, density=0.5, family="one-scc"))
    free = [f"f{k}" for k in range(draw(st.integers(0, 2)))]
    lone = [f"s{k}" for k in range(draw(st.integers(0, 2)))]
    attacks = [*part.attacks, *((s, s) for s in lone)]
    return Framework.from_attacks(attacks, arguments=[*part.arguments, *free, *lone])


@given(af=_one_part_beside_settled_arguments())
def test_a_stage_search_of_the_one_part_over_the_whole_framework_matches_the_reference(af):
    expected = oracle.extensions(af, "STG")
    with pytest.MonkeyPatch.context() as patch:
        # every one part is searched whole, and no copy of it is made
        patch.setattr(engine, "WHOLE_STAGE_SHARE", 0.0)
        patch.setattr(split, "induced", _refuse)
        assert some_extension(af, "STG") in expected
        for name in af.sorted_arguments:
            witness = credulous_witness(af, name, "STG")
            assert (witness is not None) == any(name in e for e in expected)
            assert witness is None or (name in witness and witness in expected)
            counter = sceptical_counterexample(af, name, "STG")
            assert (counter is None) == all(name in e for e in expected)
            assert counter is None or (name not in counter and counter in expected)


def test_a_stage_search_runs_over_the_whole_framework_only_where_its_one_part_is_most_of_it():
    cycle = [(f"a{i}", f"a{(i + 1) % 9}") for i in range(9)]
    nine_of_ten = Framework.from_attacks(cycle, arguments=["free"])
    assert engine._stage_searched_whole(nine_of_ten, split.conflict_parts(nine_of_ten)[1])
    short_cycle = [(f"a{i}", f"a{(i + 1) % 8}") for i in range(8)]
    eight_of_ten = Framework.from_attacks(short_cycle, arguments=["x", "y"])
    assert not engine._stage_searched_whole(eight_of_ten, split.conflict_parts(eight_of_ten)[1])
    two_parts = Framework.from_attacks([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")])
    assert not engine._stage_searched_whole(two_parts, split.conflict_parts(two_parts)[1])
