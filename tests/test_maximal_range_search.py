"""Semi-stable acceptance on a generated benchmark framework, counted in solver calls.

A change in how the range search rules out dominated candidates once turned semi-stable
acceptance on the 1,000-argument Watts-Strogatz framework from under 300 solver calls into a
search that ran for minutes; the oracle tests, on frameworks of a few arguments, could not
see it. The count of calls is the behaviour checked here, not the time."""

import sys
from pathlib import Path

import pytest

from argmap.semantics import engine, sat
from argmap.semantics.acceptance import credulously_accepted, sceptically_accepted

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from generate import generate

#: Far above what the search needs (74 and 297 calls for semi-stable acceptance), far below
#: what it made when it went wrong.
CALLS_AT_MOST = 3_000


class TooManyCalls(Exception):
    pass


@pytest.fixture
def counted(monkeypatch):
    calls = []
    solve = sat.Encoding.solve

    def counting(self, *args):
        calls.append(1)
        if len(calls) > CALLS_AT_MOST:
            raise TooManyCalls
        return solve(self, *args)

    monkeypatch.setattr(sat.Encoding, "solve", counting)
    return calls


def test_semi_stable_acceptance_on_watts_strogatz_takes_few_solver_calls(counted):
    af = generate("WS", 1000, 0)
    credulous = credulously_accepted(af, "SST")
    sceptical = sceptically_accepted(af, "SST")
    assert len(counted) <= CALLS_AT_MOST
    # semi-stable extensions are complete and exist: each holds the grounded extension
    assert engine.grounded(af) <= sceptical < credulous
