"""The second stage search and the turns it takes with the range search: its answers against
the reference, the scheduling of the turns, and stage queries answered while both run."""

import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Framework, Reasoner
from argmap.errors import SolverTimeout
from argmap.semantics import engine, sat, witness
from argmap.semantics.deadline import time_limit
from argmap.semantics.witness import in_turns, witness_search
from argmap.strategies import frameworks

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from generate import generate

import oracle


def run(search):
    """Drive a search to its end and return its answer."""
    while True:
        try:
            next(search)
        except StopIteration as answer:
            return answer.value


@given(af=frameworks(max_arguments=7))
def test_the_second_search_answers_as_the_reference_does(af):
    expected = oracle.extensions(af, "STG")
    for name in af.sorted_arguments:
        for wanted in (True, False):
            found = run(witness_search(af, af.index[name], wanted))
            matching = [e for e in expected if (name in e) == wanted]
            assert (found is None) == (not matching)
            assert found is None or found in matching


def test_the_second_search_refuses_a_set_whose_range_another_strictly_exceeds():
    # b's conflict-free sets are {b} and {b, d}; the range of {b, d} (b, c, d) lies strictly
    # within that of {c, e} (a, b, c, d, e), so no stage extension holds b, though {b, d}'s
    # range is the largest among the sets holding b
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "b")])
    holding = [e for e in oracle.extensions(af, "CF") if "b" in e]
    assert set(holding) == {frozenset("b"), frozenset("bd")}
    assert oracle.range_(af, frozenset("bd")) < oracle.range_(af, frozenset("ce"))
    found = run(witness_search(af, af.index["b"], True))
    assert found is None


def test_the_second_search_closes_its_solver_when_stopped(monkeypatch):
    closed = []
    close = sat.Encoding.close

    def recording(self):
        closed.append(self)
        close(self)

    monkeypatch.setattr(sat.Encoding, "close", recording)
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "b")])
    search = witness_search(af, af.index["b"], True)
    next(search)
    assert not closed
    search.close()
    assert len(closed) == 1


class Clock:
    """A clock that each step of a search moves on by that step's cost."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def costly(clock, log, label, costs, answer):
    """A search whose steps take ``costs`` seconds each, logged by ``label``."""
    try:
        for cost in costs:
            clock.now += cost
            log.append(label)
            yield
        return answer
    finally:
        log.append(f"{label} closed")


def test_the_first_search_runs_alone_until_its_time_is_up():
    clock, log = Clock(), []
    answer = in_turns(
        costly(clock, log, "first", [0.4] * 3, "first's"),
        lambda: costly(clock, log, "second", [0.1], "second's"),
        after=2.0,
        clock=clock,
    )
    assert answer == "first's"
    assert log == ["first"] * 3 + ["first closed"]


def test_after_that_each_step_goes_to_the_search_furthest_behind_its_share():
    clock, log = Clock(), []
    started = []

    def second():
        started.append(clock.now)
        return costly(clock, log, "second", [0.5] * 10, "second's")

    answer = in_turns(
        costly(clock, log, "first", [1.0] * 100, "first's"),
        second,
        after=2.0,
        share=0.5,
        clock=clock,
    )
    assert answer == "second's"
    assert started == [2.0]
    # two seconds alone; then the second catches up, and from there they go in step
    assert log == (
        ["first"] * 2
        + ["second"] * 4
        + (["first"] + ["second"] * 2) * 3
        + ["first", "second closed", "first closed"]
    )


def test_a_smaller_share_gives_the_second_search_less_of_the_time():
    clock, log = Clock(), []
    in_turns(
        costly(clock, log, "first", [0.1] * 1000, "first's"),
        lambda: costly(clock, log, "second", [0.1] * 10, "second's"),
        after=0.0,
        share=0.2,
        clock=clock,
    )
    # 1 s of the second's steps went with about 4 s of the first's
    assert 39 <= log.count("first") <= 41


def test_past_its_time_the_first_search_runs_alone_until_it_is_ready_for_the_second():
    clock, log = Clock(), []
    checked = []

    def ready():
        checked.append(log.count("first"))
        return log.count("first") >= 5

    answer = in_turns(
        costly(clock, log, "first", [1.0] * 100, "first's"),
        lambda: costly(clock, log, "second", [0.5] * 2, "second's"),
        after=2.0,
        share=0.5,
        clock=clock,
        ready=ready,
    )
    assert answer == "second's"
    # ready is asked only once the time is up, and the second starts once it says so
    assert checked == [2, 3, 4, 5]
    assert log == ["first"] * 5 + ["second"] * 2 + ["second closed", "first closed"]
    log.clear()
    never = in_turns(
        costly(clock, log, "first", [1.0] * 3, "first's"),
        lambda: costly(clock, log, "second", [0.1], "second's"),
        after=0.0,
        clock=clock,
        ready=lambda: False,
    )
    assert never == "first's" and "second" not in log


def test_an_error_in_either_search_closes_both():
    clock, log = Clock(), []

    def failing():
        log.append("failing")
        raise SolverTimeout(1.0)
        yield  # a generator

    with pytest.raises(SolverTimeout):
        in_turns(costly(clock, log, "first", [1.0] * 10, None), failing, after=0.5, clock=clock)
    assert log == ["first", "failing", "first closed"]


@pytest.mark.parametrize("share", [0.0, 1.0, -0.5, 2.0])
def test_a_share_outside_the_open_unit_interval_is_refused(share):
    with pytest.raises(ValueError, match="share must lie strictly between 0 and 1"):
        in_turns(iter(()), lambda: iter(()), share=share)


@contextmanager
def both_at_once(share):
    """Stage queries run both searches from their first step, the second with ``share``."""
    saved = witness.SECOND_AFTER, witness.SECOND_ROUNDS, witness.SECOND_SHARE
    witness.SECOND_AFTER, witness.SECOND_ROUNDS, witness.SECOND_SHARE = 0.0, 0, share
    try:
        yield
    finally:
        witness.SECOND_AFTER, witness.SECOND_ROUNDS, witness.SECOND_SHARE = saved


@pytest.mark.parametrize("share", [0.1, 0.5, 0.9])
@given(af=frameworks(min_arguments=1, max_arguments=7), data=st.data())
def test_stage_queries_in_turns_answer_as_the_reference_does(share, af, data):
    expected = oracle.extensions(af, "STG")
    name = data.draw(st.sampled_from(af.sorted_arguments))
    with both_at_once(share):
        for wanted in (True, False):
            found = engine.find(af, "STG", [(name, wanted)])
            matching = [e for e in expected if (name in e) == wanted]
            assert (found is None) == (not matching)
            assert found is None or found in matching
        with Reasoner(af) as reasoner:
            credulous = reasoner.accepted(name, "STG", mode="credulous")
            sceptical = reasoner.accepted(name, "STG", mode="sceptical")
    assert credulous == any(name in e for e in expected)
    assert sceptical == all(name in e for e in expected)


def test_the_second_search_is_started_once_the_first_has_had_its_time(monkeypatch):
    started = []

    def recording(af, position, wanted):
        started.append((af.sorted_arguments[position], wanted))
        return witness_search(af, position, wanted)

    monkeypatch.setattr(witness, "witness_search", recording)
    # no stable extension, so the stage search runs; {b, d} is a stage extension
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    assert not oracle.extensions(af, "ST")
    assert engine.find(af, "STG", [("b", True)]) == {"b", "d"}
    assert started == []
    with both_at_once(0.5):
        assert engine.find(af, "STG", [("b", True)]) == {"b", "d"}
    assert started == [("b", True)]
    # nor before the range search has made its rounds: here it answers in its first
    monkeypatch.setattr(witness, "SECOND_AFTER", 0.0)
    monkeypatch.setattr(witness, "SECOND_ROUNDS", 2)
    assert engine.find(af, "STG", [("b", True)]) == {"b", "d"}
    assert started == [("b", True)]


def test_a_time_limit_holds_while_both_searches_run():
    # DC-STG 262 on this framework takes either search far past the limit
    af = generate("WS", 1000, 0)
    with both_at_once(0.5), pytest.raises(SolverTimeout), time_limit(0.5):
        engine.find(af, "STG", [("262", True)])
