"""Strongly admissible sets: the search lists each set of Baroni and Giacomin's definition
once, and the sets have the structure Caminada (2014) proves they have."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pysat.solvers import Solver

from argmap import Framework, count_extensions
from argmap.semantics import counting, strongly_admissible_extensions
from argmap.semantics.strong import (
    _rounds,
    count_strongly_admissible,
    is_strongly_admissible,
    strongly_admissible_cnf,
    strongly_admissible_holding,
    strongly_admissible_sets,
    strongly_admissible_with,
    strongly_admissible_within,
)
from argmap.strategies import frameworks

import oracle


@given(af=frameworks(max_arguments=7))
def test_the_search_lists_each_set_of_the_definition_once_the_empty_set_last(af):
    listed = list(strongly_admissible_sets(af))
    assert len(listed) == len(set(listed))
    assert set(listed) == oracle.strongly_admissible(af)
    assert listed[-1] == frozenset()
    assert count_strongly_admissible(af) == len(listed)


@given(af=frameworks(max_arguments=6))
def test_the_sets_are_built_up_from_below_inside_the_grounded_extension(af):
    # Caminada (2014): each is admissible and inside the grounded extension, the largest of
    # them; unions of them are strongly admissible, and each non-empty one loses a member
    # and stays strongly admissible
    sets = oracle.strongly_admissible(af)
    grounded = oracle.grounded(af)
    assert max(sets, key=len) == grounded
    for s in sets:
        assert oracle.admissible(af, s) and s <= grounded
        assert not s or any(s - {a} in sets for a in s)
    for s, t in itertools.combinations(sets, 2):
        assert s | t in sets
    for candidate in oracle.subsets(af.arguments):
        assert is_strongly_admissible(af, candidate) == (candidate in sets)


@given(af=frameworks(max_arguments=6))
def test_the_set_holding_an_argument_is_strongly_admissible_and_small(af):
    sets = oracle.strongly_admissible(af)
    for name in sorted(af.arguments):
        found = strongly_admissible_holding(af, name)
        holding = [s for s in sets if name in s]
        assert (found is None) == (not holding)
        if found is not None:
            assert found in sets and name in found
            # nothing but the argument and, for each attacker, one argument attacking it,
            # and theirs in turn
            assert len(found) <= 1 + sum(len(af.attackers(m)) for m in found)


@given(af=frameworks(max_arguments=6))
def test_the_largest_set_within_given_arguments(af):
    sets = oracle.strongly_admissible(af)
    for allowed in oracle.subsets(af.arguments):
        inside = [s for s in sets if s <= allowed]
        assert strongly_admissible_within(af, allowed) == frozenset().union(*inside)


def test_admissible_is_not_enough():
    # c defends itself against b, so {c} is admissible; only a defends c without c's help
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    assert strongly_admissible_extensions(af) == {
        frozenset(),
        frozenset("a"),
        frozenset("ac"),
    }
    assert strongly_admissible_holding(af, "c") == frozenset("ac")
    assert not is_strongly_admissible(af, {"c"})


def test_a_chain_of_defence_is_held_down_to_its_unattacked_start():
    # a -> b -> c -> d -> e: e is defended by c, c by a
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")])
    assert strongly_admissible_holding(af, "e") == frozenset("ace")
    assert strongly_admissible_holding(af, "d") is None


@pytest.mark.parametrize("size", [40, 200])
def test_sets_are_counted_part_by_part(size):
    # unattacked arguments side by side: every subset is strongly admissible, counted as a
    # product rather than listed one by one
    af = Framework.from_attacks([], arguments=[f"a{i}" for i in range(size)])
    assert count_strongly_admissible(af) == 2**size
    assert count_extensions(af, "SAD") == 2**size


@given(af=frameworks(max_arguments=7))
def test_the_clauses_have_one_model_for_each_set(af):
    clauses, variables = strongly_admissible_cnf(af)
    names = af.sorted_arguments
    with Solver(bootstrap_with=[*clauses, [variables, -variables]]) as solver:
        models = [
            frozenset(names[v - 1] for v in model if 0 < v <= len(names))
            for model in solver.enum_models()
        ]
    assert len(models) == len(set(models))
    assert set(models) == oracle.strongly_admissible(af)


@given(af=frameworks(max_arguments=6), data=st.data())
def test_a_set_satisfying_clauses_is_found_exactly_when_one_exists(af, data):
    positions = range(len(af.sorted_arguments))
    literals = st.tuples(st.sampled_from(positions), st.booleans())
    clauses = (
        data.draw(st.lists(st.lists(literals, min_size=1, max_size=3), max_size=3)) if af else []
    )
    names = af.sorted_arguments

    def satisfies(s):
        return all(any((names[i] in s) == held for i, held in clause) for clause in clauses)

    found = strongly_admissible_with(af, clauses)
    possible = [s for s in oracle.strongly_admissible(af) if satisfies(s)]
    assert (found is None) == (not possible)
    assert found is None or found in possible


@pytest.mark.skipif(not counting.available(), reason="the model counter is not installed")
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(af=frameworks(max_arguments=7))
def test_the_model_counter_counts_the_sets(af, monkeypatch_counting):
    assert count_strongly_admissible(af) == len(oracle.strongly_admissible(af))


@pytest.fixture
def monkeypatch_counting(monkeypatch):
    # every part past its first set is counted by the model counter, not listed
    monkeypatch.setattr("argmap.semantics.strong.LISTED_BEFORE_COUNTING", 0)


def test_a_part_too_large_for_the_clauses_is_listed_not_counted(monkeypatch):
    monkeypatch.setattr("argmap.semantics.strong.LISTED_BEFORE_COUNTING", 0)
    monkeypatch.setattr("argmap.semantics.strong.CNF_LITERALS_AT_MOST", -1)
    calls = []
    monkeypatch.setattr(counting, "count_extensions", lambda *a: calls.append(a))
    chain = Framework.from_attacks([("a", "b"), ("b", "c"), ("x", "y")])
    assert count_strongly_admissible(chain) == 3 * 2 and not calls


@given(af=frameworks(max_arguments=7))
def test_each_argument_is_added_within_its_rounds(af):
    # in every strongly admissible set, the construction kept inside the set adds each
    # attacked member within the rounds after the first that the clauses write out for it
    rounds = _rounds(af, sorted(af.index[a] for a in oracle.grounded(af)))
    for s in oracle.strongly_admissible(af):
        added: dict[str, int] = {}
        step = 0
        while len(added) < len(s):
            step += 1
            now = {a for a in s - added.keys() if oracle.acceptable(af, a, frozenset(added))}
            assert now  # the set is strongly admissible, so the construction reaches it
            added.update(dict.fromkeys(now, step))
        for a, step in added.items():
            if af.attackers(a):
                assert step - 1 <= rounds[af.index[a]], a
            else:
                assert step == 1
