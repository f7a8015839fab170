"""Exact counting by the model counter: the same numbers as the definitions, in or out of a
child process, and the deadline holds."""

import sys
import time
from unittest import mock

import pytest
from hypothesis import given

from argmap import Framework, SolverTimeout, count_extensions
from argmap.semantics import asp, counting, engine
from argmap.semantics.deadline import Alarm, time_limit
from argmap.strategies import frameworks

import oracle

pytestmark = pytest.mark.skipif(not counting.available(), reason="pyganak is not installed")

CODES = sorted(counting.COUNTED)


def _pairs(k: int) -> Framework:
    """``k`` pairs of arguments attacking each other: 2^k stable, 3^k complete extensions."""
    attacks = [(f"a{i}", f"b{i}") for i in range(k)] + [(f"b{i}", f"a{i}") for i in range(k)]
    return Framework.from_attacks(attacks)


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=7))
def test_the_counter_counts_exactly_the_extensions(code, af):
    assert counting.count_extensions(af, code) == len(oracle.extensions(af, code))


def _forbidden(*arguments):
    raise AssertionError("counted the other way")


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=7))
def test_counting_handed_to_the_counter_after_one_extension_agrees(code, af):
    with (
        mock.patch.object(engine, "SAT_ENUMERATION_LIMIT", 1),
        mock.patch.object(asp, "count_extensions", _forbidden),
    ):
        assert count_extensions(af, code) == len(oracle.extensions(af, code))


@given(af=frameworks(max_arguments=7))
def test_preferred_counts_go_to_the_counter_where_they_are_stable_ones(af):
    # coherent parts are counted as stable extensions; the others are listed
    with mock.patch.object(engine, "SAT_ENUMERATION_LIMIT", 1):
        assert count_extensions(af, "PR") == len(oracle.extensions(af, "PR"))


def test_numbers_far_past_listing():
    af = _pairs(60)
    assert count_extensions(af, "ST") == count_extensions(af, "PR") == 2**60
    assert count_extensions(af, "CO") == 3**60
    assert count_extensions(af, "AD") == 3**60  # each pair: neither, a, or b
    assert count_extensions(af, "CF") == 3**60
    assert count_extensions(af, "NA") == 2**60


def test_the_counter_and_clingo_agree_on_a_grid():
    cells = [(r, c) for r in range(5) for c in range(5)]
    attacks = [
        (f"g{r}_{c}", f"g{r + dr}_{c + dc}")
        for r, c in cells
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))
        if (r + dr, c + dc) in cells
    ]
    af = Framework.from_attacks(attacks)
    for code in CODES:
        assert counting.count_extensions(af, code) == asp.count_extensions(af, code)


def test_under_a_time_limit_the_count_runs_in_a_child_and_agrees():
    af = _pairs(40)
    with time_limit(60):
        assert counting.count_extensions(af, "CO") == 3**40
    assert count_extensions(af, "ST", timeout=60) == 2**40


def test_the_child_is_stopped_at_the_deadline(monkeypatch, tmp_path):
    finished = tmp_path / "finished"
    slow = f"import pathlib, time; time.sleep(2); pathlib.Path({str(finished)!r}).touch()"
    monkeypatch.setattr(counting, "_CHILD", [sys.executable, "-c", slow])
    with pytest.raises(SolverTimeout), time_limit(0.3):
        counting.count_models([[1, 2]], 2, [1, 2])
    time.sleep(2.5)  # long enough for a child left running to finish its work
    assert not finished.exists()


def test_a_failing_child_is_an_error_not_a_number(monkeypatch):
    monkeypatch.setattr(counting, "_CHILD", [sys.executable, "-c", "raise SystemExit(5)"])
    with pytest.raises(RuntimeError, match="exit status 5"), time_limit(30):
        counting.count_models([[1, 2]], 2, [1, 2])


def test_counts_under_a_time_limit_share_one_child(monkeypatch):
    counting._close_idle()
    started = []
    start = counting._Worker.__init__
    monkeypatch.setattr(
        counting._Worker, "__init__", lambda self, command: started.append(start(self, command))
    )
    with time_limit(60):
        for k in range(1, 6):
            assert counting.count_extensions(_pairs(k), "ST") == 2**k
            assert counting.count_extensions(_pairs(k), "CO") == 3**k
    assert len(started) == 1


def test_after_a_deadline_the_next_count_starts_a_new_child(monkeypatch):
    counting._close_idle()
    slow = "import time; time.sleep(5)"
    monkeypatch.setattr(counting, "_CHILD", [sys.executable, "-c", slow])
    with pytest.raises(SolverTimeout), time_limit(0.3):
        counting.count_models([[1, 2]], 2, [1, 2])
    assert counting._idle == []  # the killed child is not kept
    monkeypatch.undo()
    with time_limit(60):
        assert counting.count_models([[1, 2]], 2, [1, 2]) == 3


def test_a_child_idle_too_long_is_closed(monkeypatch):
    counting._close_idle()
    monkeypatch.setattr(counting, "IDLE_SECONDS", 0.2)
    with time_limit(60):
        assert counting.count_models([[1, 2]], 2, [1, 2]) == 3
    (worker,) = counting._idle
    time.sleep(1.0)
    assert counting._idle == [] and worker.child.poll() is not None
    with time_limit(60):  # a new child counts the next formula
        assert counting.count_models([[1, 2]], 2, [1, 2]) == 3
    monkeypatch.setattr(counting, "IDLE_SECONDS", 60.0)
    with time_limit(60):  # one taken before it retires is not closed under its count
        assert counting.count_models([[1], [2]], 2, [1, 2]) == 1
    assert len(counting._idle) == 1 and counting._idle[0].alive


def test_an_interrupt_stops_the_child(monkeypatch, tmp_path):
    import signal
    import threading

    main = threading.main_thread().ident
    assert main is not None
    # a process started in the background of a shell ignores SIGINT from birth, and Python
    # then leaves it ignored: the interrupt this test sends must raise KeyboardInterrupt
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    counting._close_idle()
    finished = tmp_path / "finished"
    slow = f"import pathlib, time; time.sleep(2); pathlib.Path({str(finished)!r}).touch()"
    monkeypatch.setattr(counting, "_CHILD", [sys.executable, "-c", slow])
    alarm = Alarm(0.3, lambda: signal.pthread_kill(main, signal.SIGINT))
    try:
        with pytest.raises(KeyboardInterrupt), time_limit(30):
            counting.count_models([[1, 2]], 2, [1, 2])
    finally:
        alarm.cancel()
        signal.signal(signal.SIGINT, previous)
    time.sleep(2.5)
    assert not finished.exists()
    assert counting._idle == []


def test_an_error_the_child_reports_is_raised(monkeypatch):
    report = "import sys; sys.stdin.readline(); print('ValueError: no such variable', flush=True)"
    monkeypatch.setattr(counting, "_CHILD", [sys.executable, "-c", report])
    failed = pytest.raises(RuntimeError, match="failed: ValueError: no such variable")
    with failed, time_limit(30):
        counting.count_models([[1, 2]], 2, [1, 2])


def test_the_counter_writes_nothing_to_standard_output(capfd):
    # on a formula without models Ganak reports an intermediate count on standard output
    assert counting.count_models([[1], [-1]], 1, [1]) == 0
    assert counting.count_models([[1, 2], [-1, -2]], 3, [1, 2, 3]) == 4  # 3 is free
    assert capfd.readouterr().out == ""


def test_without_the_counter_clingo_counts(monkeypatch):
    monkeypatch.setattr(counting, "available", lambda: False)
    monkeypatch.setattr(counting, "count_extensions", _forbidden)  # must not be reached
    af = _pairs(7)
    assert count_extensions(af, "ST") == 2**7
    assert count_extensions(af, "CO") == 3**7
