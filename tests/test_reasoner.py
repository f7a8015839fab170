"""A Reasoner answers many queries on one framework as the one-off functions do."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import (
    SEMANTICS,
    Framework,
    Reasoner,
    SolverTimeout,
    UnknownArgumentError,
    UnknownSemanticsError,
    accepted,
)
from argmap.semantics import engine
from argmap.semantics import reasoner as reasoner_module
from argmap.strategies import frameworks
from parts import separate_parts

import oracle

CODES = sorted(SEMANTICS)
QUESTIONS = [
    "credulous",
    "sceptical",
    "witness",
    "counterexample",
    "all credulous",
    "all sceptical",
]


def assert_answer(reasoner, af, expected, name, code, question):
    """The reasoner's answer to one question against the reference extensions."""
    holding = [e for e in expected if name in e]
    lacking = [e for e in expected if name not in e]
    if question == "credulous":
        assert reasoner.accepted(name, code) == bool(holding)
    elif question == "sceptical":
        assert reasoner.accepted(name, code, mode="sceptical") == (not lacking)
    elif question == "witness":
        found = reasoner.credulous_witness(name, code)
        assert found in holding if holding else found is None
    elif question == "counterexample":
        found = reasoner.sceptical_counterexample(name, code)
        assert found in lacking if lacking else found is None
    else:
        mode = question.split()[1]
        got = reasoner.accepted_arguments(code, mode=mode)
        if mode == "credulous":
            assert got == frozenset().union(*expected)
        else:
            assert got == (frozenset.intersection(*expected) if expected else af.arguments)


def ask_in_turn(af, data, codes):
    """Questions drawn at random, in any order, on one reasoner: what earlier ones kept must
    never change a later answer."""
    names = sorted(af.arguments)
    references = {code: oracle.extensions(af, code) for code in codes}
    questions = st.tuples(
        st.sampled_from(names), st.sampled_from(codes), st.sampled_from(QUESTIONS)
    )
    with Reasoner(af) as reasoner:
        for name, code, question in data.draw(st.lists(questions, min_size=1, max_size=25)):
            assert_answer(reasoner, af, references[code], name, code, question)


@given(af=frameworks(min_arguments=1, max_arguments=6), data=st.data())
def test_queries_in_any_order_match_reference(af, data):
    ask_in_turn(af, data, CODES)


@given(af=frameworks(min_arguments=6, max_arguments=9, density=0.15), data=st.data())
def test_queries_on_frameworks_of_several_parts_match_reference(af, data):
    # sparse frameworks fall into several open parts, each with encodings of its own
    ask_in_turn(af, data, ["AD", "CO", "PR", "ST", "SST", "STG"])


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(min_arguments=1, max_arguments=6))
def test_every_argument_in_turn_matches_reference(code, af):
    expected = oracle.extensions(af, code)
    with Reasoner(af) as reasoner:
        for question in ("counterexample", "witness", "sceptical", "credulous"):
            for name in sorted(af.arguments):
                assert_answer(reasoner, af, expected, name, code, question)


def test_answers_survive_a_small_store_of_encodings(monkeypatch):
    # more parts than encodings kept: evicted encodings are built again when asked
    monkeypatch.setattr(reasoner_module, "ENCODINGS_KEPT", 2)
    cycles = [(f"a{k}", f"b{k}") for k in range(5)]
    af = Framework.from_attacks([*cycles, *((b, a) for a, b in cycles)])
    with Reasoner(af) as reasoner:
        for _ in range(2):
            for a, b in cycles:
                assert reasoner.accepted(a, "ST") and reasoner.accepted(b, "PR")
                assert not reasoner.accepted(a, "ST", mode="sceptical")
                witness = reasoner.credulous_witness(b, "PR")
                assert b in witness and len(witness) == 5  # one of each cycle
        assert len(reasoner._encodings) <= 2


def test_a_part_without_stable_extension_leaves_none_anywhere():
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("c", "c"), ("d", "e")])
    with Reasoner(af) as reasoner:
        assert not reasoner.accepted("a", "ST")
        assert reasoner.accepted("b", "ST", mode="sceptical")
        assert reasoner.credulous_witness("d", "ST") is None
        assert reasoner.accepted("d", "SST") and not reasoner.accepted("c", "SST")


def test_unknown_argument_semantics_and_mode_are_named():
    af = Framework.from_attacks([("a", "b")])
    with Reasoner(af) as reasoner:
        with pytest.raises(UnknownArgumentError, match=r"'z'.*\['a', 'b'\]"):
            reasoner.accepted("z", "PR")
        with pytest.raises(UnknownSemanticsError, match=r"'XX'"):
            reasoner.credulous_witness("a", "XX")
        with pytest.raises(ValueError, match=r"'certain'.*credulous.*sceptical"):
            reasoner.accepted("a", "PR", mode="certain")
        with pytest.raises(ValueError, match=r"'certain'"):
            reasoner.accepted_arguments("PR", mode="certain")


def _random_framework(size: int, density: float) -> Framework:
    import random

    rng = random.Random(7)
    names = [f"x{i}" for i in range(size)]
    attacks = [(a, b) for a in names for b in names if a != b and rng.random() < density]
    return Framework.from_attacks(attacks, arguments=names)


def test_a_query_past_its_limit_raises_and_the_next_answers_in_full():
    # a hard part (a credulous query on x1 takes seconds) beside an easy one; complete and
    # preferred acceptance in the easy part do not depend on the other
    hard = _random_framework(400, 0.02)
    easy = Framework.from_attacks(
        [("e0", "e1"), ("e1", "e0"), ("e1", "e2"), ("e2", "e3"), ("e3", "e4"), ("e4", "e2")]
    )
    af = Framework.from_attacks([*hard.attacks, *easy.attacks], arguments=hard.arguments)
    with Reasoner(af) as reasoner:
        with pytest.raises(SolverTimeout):
            reasoner.accepted("x1", "PR", timeout=0.2)
        with pytest.raises(SolverTimeout):
            reasoner.accepted("x1", "STG", mode="sceptical", timeout=1e-9)
        for code in ("CO", "PR"):
            expected = oracle.extensions(easy, code)
            for name in sorted(easy.arguments):
                assert_answer(reasoner, easy, expected, name, code, "credulous")
                assert_answer(reasoner, easy, expected, name, code, "sceptical")


def test_a_limit_ends_with_its_query():
    # a limit that quick queries did not reach must not stop later queries without one
    af = _random_framework(40, 0.06)
    with Reasoner(af) as reasoner:
        for code in ("PR", "ST", "STG"):
            reasoner.accepted("x1", code, mode="sceptical", timeout=0.5)
        time.sleep(0.6)
        for code in ("PR", "ST", "STG"):
            for mode in ("credulous", "sceptical"):
                answers = {name: reasoner.accepted(name, code, mode=mode) for name in af.arguments}
                assert answers == {name: accepted(af, name, code, mode=mode) for name in answers}


@given(af=separate_parts().filter(len), data=st.data())
def test_queries_on_frameworks_of_separate_parts_match_reference(af, data):
    # semi-stable queries are asked of the part grounded leaves open, stage queries of the
    # part of the whole framework, each with its stable extensions where it has any
    ask_in_turn(af, data, ["ST", "SST", "STG"])


@pytest.mark.parametrize("after", [0, 1, 3])
@given(af=frameworks(min_arguments=1, max_arguments=7), data=st.data())
def test_queries_after_a_sweep_match_reference(after, af, data):
    # with SWEEP_AFTER lowered, semi-stable and stage questions on parts without stable
    # extensions go to the sweep early (at once with 0), mixed with searches before it
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reasoner_module, "SWEEP_AFTER", after)
        ask_in_turn(af, data, ["SST", "STG"])


def test_a_sweep_answers_the_part_once_enough_searches_found_nothing(monkeypatch):
    # c attacks itself, a and b; d stands apart. No stable extension; the only semi-stable
    # extension is {d} and the only stage one {a, b, d}. Semi-stable: a is in no extension,
    # found by a search; the question on b is the second, and a sweep answers it. Stage: no
    # extension lacks a, found by a search; the sceptical question on b goes to a sweep.
    monkeypatch.setattr(reasoner_module, "SWEEP_AFTER", 1)
    af = Framework.from_attacks([("c", "a"), ("c", "b"), ("c", "c")], arguments=list("abcd"))
    sweeps = []
    for function in ("credulous_maximal_range", "sceptical_maximal_range"):
        original = getattr(reasoner_module.acceptance, function)

        def spy(*args, original=original, function=function):
            sweeps.append(function)
            return original(*args)

        monkeypatch.setattr(reasoner_module.acceptance, function, spy)
    with Reasoner(af) as reasoner:
        for code in ("SST", "STG"):
            expected = oracle.extensions(af, code)
            assert set(expected) == {frozenset("d") if code == "SST" else frozenset("abd")}
            for name in "abcd":
                assert_answer(reasoner, af, expected, name, code, "credulous")
                assert_answer(reasoner, af, expected, name, code, "sceptical")
                assert_answer(reasoner, af, expected, name, code, "witness")
                assert_answer(reasoner, af, expected, name, code, "counterexample")
    assert sweeps == ["credulous_maximal_range", "sceptical_maximal_range"]


@pytest.mark.parametrize("steps", [0, 1, 3])
@given(af=frameworks(min_arguments=1, max_arguments=8, density=0.3), data=st.data())
def test_queries_with_disputes_cut_short_match_reference(steps, af, data):
    # with few dispute steps, credulous admissible, complete and preferred questions are
    # settled by disputes, by the encoding when a dispute runs out of steps, and by the
    # encoding alone once the part's disputes are given up
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "SWEEP_DISPUTE_STEPS", steps)
        patch.setattr(engine, "SWEEP_UNDECIDED_DISPUTES", 2)
        ask_in_turn(af, data, ["AD", "CO", "PR"])


def test_disputes_are_given_up_on_a_part_where_they_run_out_of_steps(monkeypatch):
    monkeypatch.setattr(engine, "SWEEP_DISPUTE_STEPS", 0)
    monkeypatch.setattr(engine, "SWEEP_UNDECIDED_DISPUTES", 3)
    held = []
    original = engine.dispute.admissible_holding

    def spy(*args):
        held.append(args[1])
        return original(*args)

    monkeypatch.setattr(engine.dispute, "admissible_holding", spy)
    names = [f"c{k}" for k in range(9)]  # an odd cycle: no argument in an admissible set
    af = Framework.from_attacks(list(zip(names, [*names[1:], names[0]], strict=True)))
    expected = oracle.extensions(af, "CO")
    with Reasoner(af) as reasoner:
        for name in names:
            assert_answer(reasoner, af, expected, name, "CO", "witness")
    assert len(held) == 3


def test_the_arguments_an_unknown_argument_error_lists_come_in_natural_order():
    af = Framework.from_attacks([(str(i), str(i + 1)) for i in range(1, 30)])
    with Reasoner(af) as reasoner, pytest.raises(UnknownArgumentError) as caught:
        reasoner.accepted("0", "GR")
    assert "['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'," in str(caught.value)
    assert "... (10 more)" in str(caught.value)
