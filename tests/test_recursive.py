"""CF2 and stage2 by the sets of arguments each component is left with
(argmap.semantics.recursive), against the exhaustive oracle and on frameworks whose extensions
are far too many to list."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Framework, accepted_arguments, is_extension
from argmap.semantics import counting, engine, recursive, split
from argmap.semantics.deadline import time_limit
from argmap.semantics.recursive import Search
from argmap.strategies import frameworks

import oracle

RECURSIVE = ["CF2", "STG2"]


@pytest.mark.parametrize("code", RECURSIVE)
@given(data=st.data(), af=frameworks(max_arguments=7))
def test_outcomes_are_what_the_extensions_hold_of_the_arguments_asked(code, data, af):
    keep = (
        frozenset(data.draw(st.sets(st.sampled_from(sorted(af.arguments))))) if af else frozenset()
    )
    expected = {extension & keep for extension in oracle.extensions(af, code)}
    found = list(Search(code).outcomes(af, keep))
    projections = [projection for projection, _ in found]
    assert len(projections) == len(set(projections))  # each outcome once
    assert set(projections) == expected
    for projection, extension in found:
        assert extension in oracle.extensions(af, code)
        assert extension & keep == projection


@pytest.mark.parametrize("code", RECURSIVE)
@given(af=frameworks(max_arguments=7))
def test_acceptance_by_states_is_acceptance_by_the_extensions(code, af):
    every = oracle.extensions(af, code)
    assert Search(code).accepted(af, credulous=True) == frozenset().union(*every)
    assert Search(code).accepted(af, credulous=False) == frozenset.intersection(*every)


@pytest.mark.parametrize("code", RECURSIVE)
@given(af=frameworks(max_arguments=8))
def test_acceptance_by_queries_is_acceptance_by_the_extensions(code, af):
    # with no state allowed past the first component, every part of more than one component
    # is accepted one query at a time
    every = oracle.extensions(af, code)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(recursive, "STATES_AT_MOST", 0)
        assert Search(code).accepted(af, credulous=True) == frozenset().union(*every)
        assert Search(code).accepted(af, credulous=False) == frozenset.intersection(*every)


@pytest.mark.parametrize("code", RECURSIVE)
@given(af=frameworks(max_arguments=7))
def test_the_sets_a_component_is_left_with_are_those_some_extension_leaves_it(code, af):
    parts = split.components(af, range(len(af)))
    if len(parts) < 2:
        return
    *upstream, own = parts
    names = af.sorted_arguments
    before = split.induced(af, [i for part in upstream for i in part])
    expected = {
        frozenset(i for i in own if not any(names[j] in e for j in af.attackers_of[i]))
        for e in oracle.extensions(before, code)
    }
    found = list(Search(code).left_for(af, parts))
    assert len(found) == len({left for left, _ in found})
    assert {left for left, _ in found} == expected
    for left, chosen in found:
        assert chosen in oracle.extensions(before, code)
        assert left == {i for i in own if not any(names[j] in chosen for j in af.attackers_of[i])}


@given(data=st.data(), af=frameworks(min_arguments=1, max_arguments=10, min_density=0.15))
def test_stage_outcomes_are_what_the_stage_extensions_hold(data, af):
    # the SAT search for a component's stage outcomes, on frameworks larger than above
    keep = frozenset(data.draw(st.sets(st.sampled_from(sorted(af.arguments)), max_size=5)))
    expected = {extension & keep for extension in oracle.extensions(af, "STG")}
    found = list(recursive._stage_outcomes(af, keep))
    assert sorted(map(sorted, (p for p, _ in found))) == sorted(map(sorted, expected))
    for projection, extension in found:
        assert extension in oracle.extensions(af, "STG")
        assert extension & keep == projection


def test_stage_outcomes_do_not_list_the_extensions():
    # one strongly connected component: h attacks each a_i and b_i, each a_i attacks h, and
    # a_i <-> b_i. {h} and every choice of one from each pair with some a_i are stable, so
    # stage: 2 ** 30 extensions, which hold of {h, a0} only {h}, {a0} and neither
    pairs = 30
    attacks = [("h", f"{x}{i}") for i in range(pairs) for x in "ab"]
    attacks += [(f"a{i}", "h") for i in range(pairs)]
    attacks += [(f"a{i}", f"b{i}") for i in range(pairs)] + [
        (f"b{i}", f"a{i}") for i in range(pairs)
    ]
    af = Framework.from_attacks(attacks)
    assert len(split.components(af, range(len(af)))) == 1
    with time_limit(60):  # listing them would run on, not fail
        found = list(recursive._stage_outcomes(af, frozenset({"h", "a0"})))
    assert sorted(map(sorted, (p for p, _ in found))) == [[], ["a0"], ["h"]]
    for projection, extension in found:
        assert is_extension(af, extension, "STG")
        assert extension & {"h", "a0"} == projection


@pytest.mark.parametrize("code", RECURSIVE)
@given(af=frameworks(max_arguments=8))
def test_the_grounded_part_joins_every_extension_of_the_rest(code, af):
    grounded_part, rest = engine.grounded_reduct(af)
    assert grounded_part == engine.grounded(af)
    expected = oracle.extensions(af, code)
    assert {grounded_part | e for e in oracle.extensions(rest, code)} == expected


@pytest.mark.parametrize("code", RECURSIVE)
@given(af=frameworks(min_arguments=4, max_arguments=9, density=0.3))
def test_queries_about_one_argument_match_the_extensions(code, af):
    # sparse frameworks: chains of one-argument components, which a query follows upstream
    _assert_queries_match(af, code, sorted(af.arguments))


def _assert_queries_match(af: Framework, code: str, names: list[str]) -> None:
    """Both questions about each of ``names`` answer as the oracle's extensions do."""
    expected = oracle.extensions(af, code)
    for name in names:
        for wanted in (True, False):
            found = engine.find(af, code, [(name, wanted)])
            if found is None:
                assert all((name in e) != wanted for e in expected)
            else:
                assert found in expected
                assert (name in found) == wanted


@st.composite
def _upstream_of_a_cycle(draw: st.DrawFn) -> Framework:
    """Components in a row, each a cycle of one to three arguments (a lone one attacking
    itself or not), every attack between two of them forward, and last a cycle of two or
    three (``q0``, ``q1``, ...): a query there goes over the sets upstream leaves it, through
    components that bear on what it needs and components that do not."""
    sizes = draw(st.lists(st.integers(1, 3), min_size=2, max_size=4))
    names = [[f"u{k}_{i}" for i in range(size)] for k, size in enumerate(sizes)]
    names.append([f"q{i}" for i in range(draw(st.integers(2, 3)))])
    attacks = []
    for cycle in names:
        if len(cycle) > 1 or draw(st.booleans()):
            attacks += [(a, cycle[(i + 1) % len(cycle)]) for i, a in enumerate(cycle)]
    earlier = []
    for cycle in names:
        for target in cycle:
            for source in earlier:
                if draw(st.integers(0, 3)) == 0:
                    attacks.append((source, target))
        earlier += cycle
    return Framework.from_attacks(attacks, arguments=earlier)


@pytest.mark.parametrize("code", RECURSIVE)
@given(af=_upstream_of_a_cycle())
def test_queries_in_a_component_below_others_match_the_extensions(code, af):
    _assert_queries_match(af, code, sorted(a for a in af.arguments if a.startswith("q")))


@pytest.mark.parametrize("code", RECURSIVE)
@given(data=st.data(), af=frameworks(min_arguments=1, max_arguments=8, density=0.4))
def test_an_extension_meeting_several_needs_is_found_when_one_exists(code, data, af):
    asked = data.draw(st.sets(st.sampled_from(sorted(af.arguments)), min_size=1, max_size=3))
    needs = {name: data.draw(st.booleans()) for name in sorted(asked)}
    meeting = [
        e for e in oracle.extensions(af, code) if all((n in e) == w for n, w in needs.items())
    ]
    found = Search(code).meeting(af, needs)
    if found is None:
        assert not meeting
    else:
        assert found in meeting


@pytest.mark.parametrize("code", RECURSIVE)
@given(af=frameworks(max_arguments=8))
def test_counting_by_states_is_the_number_of_extensions(code, af):
    assert Search(code).count(af) == len(oracle.extensions(af, code))


@pytest.mark.parametrize("code", RECURSIVE)
@given(data=st.data(), af=frameworks(min_arguments=1, max_arguments=8))
def test_extensions_grouped_by_what_they_hold_are_counted(code, data, af):
    keep = frozenset(data.draw(st.sets(st.sampled_from(sorted(af.arguments)), max_size=4)))
    expected: dict = {}
    for extension in oracle.extensions(af, code):
        expected[extension & keep] = expected.get(extension & keep, 0) + 1
    assert Search(code)._grouped(af, keep) == expected


@given(data=st.data(), af=frameworks(min_arguments=2, max_arguments=8, min_density=0.2))
def test_naive_outcomes_counted_by_the_model_counter(data, af):
    # with nothing listed first, each outcome of a single component is counted by Ganak
    if len(split.components(af, range(len(af)))) != 1 or not counting.available():
        return
    keep = frozenset(data.draw(st.sets(st.sampled_from(sorted(af.arguments)), max_size=4)))
    expected: dict = {}
    for extension in oracle.extensions(af, "NA"):
        expected[extension & keep] = expected.get(extension & keep, 0) + 1
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(recursive, "LISTED_BEFORE_COUNTING", 1)
        assert Search("CF2")._grouped_single(af, keep) == expected


def test_counting_does_not_list_the_extensions():
    af = _parallel_choices(40)
    with time_limit(60):  # listing them would run on, not fail
        assert engine.count(af, "CF2") == engine.count(af, "STG2") == 2**40


def _parallel_choices(pairs: int) -> Framework:
    """``pairs`` mutual attacks a_i <-> b_i, every a_i attacking x, x attacking y, and z alone:
    2 ** pairs CF2 and stage2 extensions, which leave x only two sets, {x} (every b_i in)
    and none."""
    attacks = [(f"a{i}", f"b{i}") for i in range(pairs)] + [
        (f"b{i}", f"a{i}") for i in range(pairs)
    ]
    attacks += [(f"a{i}", "x") for i in range(pairs)] + [("x", "y")]
    return Framework.from_attacks(attacks, arguments=["z"])


@pytest.mark.parametrize("code", RECURSIVE)
def test_acceptance_does_not_list_the_extensions(code):
    af = _parallel_choices(40)  # 2 ** 40 extensions
    with time_limit(60):  # listing them would run on, not fail
        assert accepted_arguments(af, code, mode="credulous") == af.arguments
        assert accepted_arguments(af, code, mode="sceptical") == {"z"}
        holding_x = engine.find(af, code, [("x", True)])
        lacking_y = engine.find(af, code, [("y", False)])
        lacking_x = engine.find(af, code, [("x", False)])
    assert holding_x is not None and "x" in holding_x
    assert {f"b{i}" for i in range(40)} <= holding_x  # x stays only when no a_i is in
    assert lacking_y is not None and "y" not in lacking_y and "x" in lacking_y
    assert lacking_x is not None and "x" not in lacking_x and "y" in lacking_x
    for witness in (holding_x, lacking_y, lacking_x):
        assert is_extension(af, witness, code)


@pytest.mark.parametrize("code", RECURSIVE)
def test_a_query_no_extension_answers_is_settled_by_the_states(code):
    # x is attacked by every a_i and by w, which nothing attacks: no extension holds x, and
    # every one of the 2 ** 40 choices upstream would have to be tried to see it one by one
    af = _parallel_choices(40)
    af = Framework.from_attacks([*af.attacks, ("w", "x")], arguments=af.arguments)
    with time_limit(60):
        assert engine.find(af, code, [("x", True)]) is None
        assert engine.find(af, code, [("y", False)]) is None  # y is in every extension


def test_each_set_a_component_is_left_with_is_solved_once(monkeypatch):
    # four mutual attacks upstream (16 choices), a0 attacking c, c attacking a 3-cycle: eight
    # choices (a0 in) leave the cycle whole, eight leave it without x
    upstream = [(f"a{i}", f"b{i}") for i in range(4)] + [(f"b{i}", f"a{i}") for i in range(4)]
    cycle = [("x", "y"), ("y", "z"), ("z", "x")]
    af = Framework.from_attacks(upstream + cycle + [("a0", "c"), ("c", "x")])
    from argmap.semantics import acceptance

    solved = []
    base = acceptance.credulously_accepted

    def counting(framework, code):
        solved.append(framework.arguments)
        return base(framework, code)

    monkeypatch.setattr(acceptance, "credulously_accepted", counting)
    search = Search("CF2")
    searched = []
    outcomes = search._search_outcomes

    def counting_outcomes(framework, keep):
        searched.append((framework.arguments, keep))
        return outcomes(framework, keep)

    monkeypatch.setattr(search, "_search_outcomes", counting_outcomes)
    assert search.accepted(af, credulous=True) == af.arguments
    assert len(solved) == len(set(solved))
    assert len(searched) == len(set(searched))
    # each mutual attack, and the whole cycle (left it by eight choices), once; the cycle
    # without x is a chain of one-argument components, which need no search
    expected = [frozenset({f"a{i}", f"b{i}"}) for i in range(4)] + [frozenset("xyz")]
    assert sorted(solved, key=sorted) == sorted(expected, key=sorted)
