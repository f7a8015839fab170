import itertools
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from answers import assert_answers_match
from argmap import extensions
from argmap.semantics import glucose
from argmap.semantics.glucose import Glucose, direct_calls_available
from argmap.strategies import frameworks

import oracle

BACKENDS = [pytest.param(True, id="extension"), pytest.param(False, id="pysat-wrapper")]

literals = st.integers(1, 5).flatmap(lambda v: st.sampled_from([v, -v]))
formulas = st.lists(st.lists(literals, min_size=1, max_size=4), max_size=14)


def _satisfiable(clauses, assumptions):
    for values in itertools.product([False, True], repeat=5):
        true = {v + 1 if value else -(v + 1) for v, value in enumerate(values)}
        if set(assumptions) <= true and all(any(lit in true for lit in c) for c in clauses):
            return True
    return False


def _pigeonhole(solver, pigeons):
    holes = pigeons - 1

    def var(pigeon, hole):
        return pigeon * holes + hole + 1

    for pigeon in range(pigeons):
        solver.add_clause([var(pigeon, hole) for hole in range(holes)])
    for hole in range(holes):
        for a, b in itertools.combinations(range(pigeons), 2):
            solver.add_clause([-var(a, hole), -var(b, hole)])


def test_python_sat_offers_the_direct_calls():
    # if a python-sat release renames them, argmap still works (fallback) but starts slower
    assert direct_calls_available()


@pytest.mark.parametrize("direct", BACKENDS)
@given(clauses=formulas, assumptions=st.lists(literals, max_size=2))
def test_answers_agree_with_truth_tables(direct, clauses, assumptions):
    solver = Glucose(direct=direct)
    try:
        for clause in clauses:
            solver.add_clause(clause)
        found = solver.solve(assumptions)
        assert found == _satisfiable(clauses, assumptions)
        if found:
            model = set(solver.get_model())
            assert set(assumptions) <= model
            assert all(any(lit in model for lit in c) for c in clauses)
        else:
            with pytest.raises(RuntimeError, match="no model"):
                solver.get_model()
    finally:
        solver.delete()


@pytest.mark.parametrize("direct", BACKENDS)
def test_phases_steer_the_model(direct):
    solver = Glucose(direct=direct)
    solver.add_clause([1, 2, 3])
    solver.set_phases([-1, -2, 3])
    assert solver.solve([]) and solver.get_model() == [-1, -2, 3]
    solver.set_phases([1, -2, -3])
    assert solver.solve([]) and solver.get_model() == [1, -2, -3]
    solver.delete()


@pytest.mark.parametrize("direct", BACKENDS)
def test_an_interrupt_from_another_thread_stops_a_hard_call(direct):
    solver = Glucose(direct=direct)
    _pigeonhole(solver, 12)  # far beyond what Glucose refutes in the time allowed here
    timer = threading.Timer(0.2, solver.interrupt)
    timer.start()
    try:
        assert solver.solve_interruptible([]) is None
    finally:
        timer.cancel()
        solver.delete()


@pytest.mark.parametrize("code", ["CO", "PR", "ST", "SST", "STG", "ID"])
@given(af=frameworks(max_arguments=5))
def test_the_engine_answers_the_same_through_the_fallback(code, af):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(glucose, "_extension", lambda: None)
        assert not direct_calls_available()
        probe = Glucose()
        assert probe._wrapper is not None  # every solver the engine makes is python-sat's own
        probe.delete()
        expected = oracle.extensions(af, code)
        assert extensions(af, code) == expected
        assert_answers_match(af, code, expected)
