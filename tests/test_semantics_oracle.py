"""Every semantics against the exhaustive reference, on small random frameworks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from answers import assert_answers_match
from argmap import (
    SEMANTICS,
    Framework,
    accepted,
    accepted_arguments,
    count_extensions,
    extensions,
    is_extension,
)
from argmap.semantics import dispute, engine, sceptical_counterexample, some_extension
from argmap.semantics.sat import Encoding
from argmap.strategies import frameworks

import oracle

CODES = sorted(SEMANTICS)


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=6))
def test_extensions_match_reference(code, af):
    assert extensions(af, code) == oracle.extensions(af, code)


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=5))
def test_acceptance_witnesses_and_checkers_match_reference(code, af):
    expected = oracle.extensions(af, code)
    assert count_extensions(af, code) == len(expected)
    one = some_extension(af, code)
    assert (one is None) == (not expected)
    assert one is None or one in expected
    assert_answers_match(af, code, expected)
    for name in sorted(af.arguments):
        sceptical = all(name in e for e in expected)
        assert accepted(af, name, code, mode="sceptical") == sceptical
    for candidate in oracle.subsets(af.arguments):
        assert is_extension(af, candidate, code) == (candidate in expected)


def test_empty_framework_has_the_empty_extension_everywhere():
    empty = Framework.from_attacks([])
    for code in CODES:
        assert extensions(empty, code) == {frozenset()}, code


def _expected_accepted(af, code, mode):
    expected = oracle.extensions(af, code)
    if mode == "credulous":
        return frozenset().union(*expected)
    return frozenset(af.arguments).intersection(*expected)


@pytest.mark.parametrize("mode", ["credulous", "sceptical"])
@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=6))
def test_accepted_arguments_match_reference(code, mode, af):
    assert accepted_arguments(af, code, mode=mode) == _expected_accepted(af, code, mode)


@pytest.mark.parametrize("mode", ["credulous", "sceptical"])
@pytest.mark.parametrize("code", ["CO", "PR", "ST", "SST", "STG"])
@given(af=frameworks(min_arguments=6, max_arguments=9, density=0.15))
def test_accepted_arguments_of_sparse_frameworks_match_reference(code, mode, af):
    # sparse frameworks fall into several parts, which complete, preferred and stable
    # acceptance answer one by one
    assert accepted_arguments(af, code, mode=mode) == _expected_accepted(af, code, mode)


@pytest.mark.parametrize("code", ["CO", "PR", "ID"])
@given(af=frameworks(max_arguments=9, density=0.3), steps=st.integers(0, 3))
def test_credulous_sweeps_agree_when_disputes_leave_arguments_to_the_encoding(code, af, steps):
    # with a few steps or none, disputes settle some arguments and leave the rest (past
    # the first eight undecided ones, all that are still open) to the SAT sweep
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "SWEEP_DISPUTE_STEPS", steps)
        patch.setattr(engine, "SWEEP_UNDECIDED_DISPUTES", 2)
        mode = "sceptical" if code == "ID" else "credulous"
        assert accepted_arguments(af, code, mode=mode) == _expected_accepted(af, code, mode)


def test_one_part_without_a_stable_extension_leaves_the_framework_without_one():
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("c", "c"), ("d", "e")])
    assert accepted_arguments(af, "ST") == frozenset()
    assert accepted_arguments(af, "ST", mode="sceptical") == af.arguments
    # semi-stable falls back on range maximality: c stays outside every range
    assert accepted_arguments(af, "SST") == {"a", "b", "d"}
    assert accepted_arguments(af, "SST", mode="sceptical") == {"d"}


@given(af=frameworks(max_arguments=6))
def test_a_lone_self_attacker_rules_out_stable_extensions(af):
    lone = any(af.attackers(name) == {name} for name in af.arguments)
    assert engine.lone_self_attacker(af) == lone
    if lone:
        assert oracle.extensions(af, "ST") == set()
        assert not engine.has_stable(af)


def _undecided_within_budget(encoding, assumptions, propagations):
    return False, None  # as if Glucose had used up its propagations


@given(af=frameworks(max_arguments=6))
def test_sceptical_preferred_answers_the_same_when_the_first_question_moves_to_cadical(af):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dispute, "DISPUTE_STEPS", 0)  # the first question goes to Glucose
        patch.setattr(Encoding, "solve_within", _undecided_within_budget)
        patch.setattr(engine, "coherent", lambda af: False)  # no stable shortcut
        assert_answers_match(af, "PR", oracle.extensions(af, "PR"))


def test_a_sceptical_preferred_query_past_its_propagation_budget_moves_to_cadical():
    # b and c attack each other and both attack d, which attacks e
    af = Framework.from_attacks([("b", "c"), ("c", "b"), ("b", "d"), ("c", "d"), ("d", "e")])
    solvers = []
    counterexample = engine.preferred_counterexample

    def spy(encoding, position, **options):
        solvers.append(type(encoding.solver).__name__)
        return counterexample(encoding, position, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "preferred_counterexample", spy)
        patch.setattr(dispute, "DISPUTE_STEPS", 0)
        patch.setattr(Encoding, "solve_within", _undecided_within_budget)
        patch.setattr(engine, "coherent", lambda af: False)  # no stable shortcut
        found = sceptical_counterexample(af, "d", "PR")
    assert solvers == ["Cadical"]
    assert found in ({"b", "e"}, {"c", "e"})


def test_accepted_arguments_names_an_unknown_mode():
    af = Framework.from_attacks([("a", "b")])
    with pytest.raises(ValueError, match=r"'certain'.*credulous.*sceptical"):
        accepted_arguments(af, "PR", mode="certain")


@pytest.mark.parametrize("code", ["CO", "PR", "SST", "ID", "EA"])
@given(af=frameworks(max_arguments=6))
def test_answers_are_the_same_when_the_dispute_gives_up_at_once(code, af):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dispute, "DISPUTE_STEPS", 0)  # every query goes to the SAT encoding
        assert_answers_match(af, code, oracle.extensions(af, code))


def test_a_sceptical_preferred_query_whose_attacker_wins_a_dispute_asks_no_solver():
    # b and c attack each other and both attack d: the dispute for b wins at once
    af = Framework.from_attacks([("b", "c"), ("c", "b"), ("b", "d"), ("c", "d"), ("d", "e")])
    calls = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Encoding, "solve_within", lambda *args: calls.append(args))
        found = sceptical_counterexample(af, "d", "PR")
    assert calls == []
    assert found in ({"b", "e"}, {"c", "e"})
