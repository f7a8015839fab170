import itertools
import random
import threading
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from answers import assert_answers_match
from argmap import Framework, SolverTimeout, accepted_arguments, extensions, some_extension
from argmap.semantics import sat, satsolvers
from argmap.semantics.deadline import Alarm, remaining, time_limit
from argmap.semantics.sat import Encoding
from argmap.semantics.satsolvers import Cadical, Glucose, direct_calls_available
from argmap.strategies import frameworks

import oracle

KINDS = [pytest.param(Glucose, id="glucose"), pytest.param(Cadical, id="cadical")]
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


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("direct", BACKENDS)
@pytest.mark.parametrize("interruptible", [False, True])
@given(clauses=formulas, assumptions=st.lists(literals, max_size=2))
def test_answers_agree_with_truth_tables(kind, direct, interruptible, clauses, assumptions):
    solver = kind(direct=direct)
    try:
        # clauses go in by both ways in turn: one at a time, and by the encoders' bound adder
        adders = [solver.add_clause, solver.clause_adder()]
        for k, clause in enumerate(clauses):
            adders[k % 2](clause)
        if interruptible:
            found = solver.solve_interruptible(assumptions)
        else:
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


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("direct", BACKENDS)
@pytest.mark.parametrize("phases", [[-1, -2, 3], [1, -2, -3], [-1, 2, -3]])
def test_phases_steer_the_model(kind, direct, phases):
    solver = kind(direct=direct)
    solver.add_clause([1, 2, 3])
    solver.add_clause([-1, -2])
    solver.set_phases(phases)
    assert solver.solve([]) and solver.get_model() == phases
    solver.delete()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("direct", BACKENDS)
def test_a_new_preference_steers_the_next_call(kind, direct):
    solver = kind(direct=direct)
    solver.add_clause(list(range(1, 11)))
    solver.set_phases([-v for v in range(1, 11)])
    assert solver.solve([]) and sum(v > 0 for v in solver.get_model()) == 1
    solver.set_phases(list(range(1, 11)))
    assert solver.solve([-1]) and solver.get_model() == [-1, *range(2, 11)]
    solver.delete()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("direct", BACKENDS)
def test_an_interrupt_from_another_thread_stops_a_hard_call(kind, direct):
    solver = kind(direct=direct)
    _pigeonhole(solver, 12)  # far beyond what either solver refutes in the time allowed here
    timer = threading.Timer(0.2, solver.interrupt)
    timer.start()
    try:
        assert solver.solve_interruptible([]) is None
    finally:
        timer.cancel()
        solver.delete()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("direct", BACKENDS)
@pytest.mark.parametrize("sliced", [False, True])
def test_a_budget_gives_up_on_a_hard_call_and_ends_with_it(kind, direct, sliced):
    # Glucose counts propagations, CaDiCaL conflicts; sliced as under a time limit
    solver = kind(direct=direct)
    time_left = (lambda: 100.0) if sliced else None
    try:
        _pigeonhole(solver, 8)  # refuted within a second, not in 1,000 steps of either kind
        assert solver.solve_limited([], 1000, time_left) is None
        assert solver.solve_interruptible([]) is False  # no budget left over
        assert solver.solve_limited([], 1000, time_left) is False  # known now
    finally:
        solver.delete()


def test_cadical_spends_its_whole_budget_and_no_more_in_slices(monkeypatch):
    budgets = []
    run = Cadical._run

    def spy(solver, assumptions, conflicts):
        budgets.append(conflicts)
        return run(solver, assumptions, conflicts)

    monkeypatch.setattr(Cadical, "_run", spy)
    solver = Cadical()
    try:
        _pigeonhole(solver, 9)
        assert solver.solve_limited([], 5000, lambda: 100.0) is None
        assert budgets[0] == satsolvers.FIRST_SLICE and sum(budgets) == 5000
        budgets.clear()
        assert solver.solve_limited([], 5000) is None
        assert budgets == [5000]  # nothing can interrupt it: one call
    finally:
        solver.delete()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("direct", BACKENDS)
@pytest.mark.parametrize("sliced", [False, True])
@given(clauses=formulas, assumptions=st.lists(literals, max_size=2))
def test_a_call_within_its_budget_answers_as_without_one(
    kind, direct, sliced, clauses, assumptions
):
    solver = kind(direct=direct)
    time_left = (lambda: 100.0) if sliced else None
    try:
        for clause in clauses:
            solver.add_clause(clause)
        found = solver.solve_limited(assumptions, 10_000, time_left)
        assert found == _satisfiable(clauses, assumptions)
    finally:
        solver.delete()


@pytest.mark.parametrize("code", ["CO", "PR", "ST", "SST", "STG", "ID"])
@given(af=frameworks(max_arguments=5))
def test_the_engine_answers_the_same_through_the_fallback(code, af):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(satsolvers, "_extension", lambda prefix, calls: None)
        assert not direct_calls_available()
        for kind in (Glucose, Cadical):
            probe = kind()
            assert probe._wrapper is not None  # every solver the engine makes is python-sat's
            probe.delete()
        expected = oracle.extensions(af, code)
        assert extensions(af, code) == expected
        assert_answers_match(af, code, expected)


@pytest.mark.parametrize("kind", KINDS)
def test_the_time_limit_stops_an_encoding_inside_a_hard_call(kind):
    af = Framework.from_attacks([("a", "b")])
    with Encoding(af, "co", solver=kind) as encoding:
        # a pigeonhole formula on fresh variables, beside the framework's own
        first = encoding.next_var
        _pigeonhole(_Shifted(encoding, first), 12)
        with pytest.raises(SolverTimeout), time_limit(0.2):
            encoding.solve()


def test_cadical_searches_a_hard_call_in_slices_under_a_time_limit(monkeypatch):
    budgets = []
    call = Cadical._call

    def recording(solver, name, *args):
        if name == "cbudget":
            budgets.append(args[0])
        return call(solver, name, *args)

    monkeypatch.setattr(Cadical, "_call", recording)
    solver = Cadical()
    try:
        _pigeonhole(solver, 12)  # thousands of slices' work
        with time_limit(1.0):
            alarm = Alarm(1.0, solver.interrupt)
            try:
                assert solver.solve_interruptible([], remaining) is None
            finally:
                alarm.cancel()
    finally:
        solver.delete()
    assert budgets[0] == satsolvers.FIRST_SLICE  # no pace known yet, and a small formula
    assert len(budgets) > 1
    assert min(budgets) >= satsolvers.SMALLEST_SLICE


def test_cadical_slices_grow_with_the_pace_and_shrink_as_the_deadline_nears(monkeypatch):
    # a clock of the test's own, and a search that makes every conflict it is given at a
    # tenth of a millisecond each: the slices follow from the pace and the time left alone
    clock = [0.0]
    budgets = []

    def search(solver, assumptions, conflicts):
        budgets.append(conflicts)
        clock[0] += conflicts * 1e-4
        return None  # undecided

    monkeypatch.setattr(satsolvers, "monotonic", lambda: clock[0])
    monkeypatch.setattr(Cadical, "_run", search)
    solver = Cadical()
    try:
        solver.add_clause([1, 2])
        assert solver.solve_interruptible([], lambda: 3.0 - clock[0]) is None
    finally:
        solver.delete()
    assert clock[0] >= 3.0  # it searched until the deadline
    assert budgets[0] == satsolvers.FIRST_SLICE  # before the pace is known
    # then a second's conflicts at that pace, then half the time left, down to the least
    assert abs(budgets[1] - satsolvers.SLICE_SECONDS / 1e-4) <= 1
    assert abs(budgets[2] - (3.0 - 1.3) / 2 / 1e-4) <= 1
    assert all(later <= earlier for earlier, later in itertools.pairwise(budgets[1:]))
    assert budgets[-1] == satsolvers.SMALLEST_SLICE


class _SilentAlarm:
    """An alarm that never rings."""

    fired = False

    def __init__(self, seconds, action):
        pass

    def cancel(self):
        pass


@pytest.mark.parametrize(
    ("kind", "rings"),
    [(Glucose, True), (Cadical, True), (Cadical, False)],
    ids=["glucose", "cadical", "cadical-before-the-alarm"],
)
def test_the_time_limit_stops_a_call_within_a_budget(kind, rings, monkeypatch):
    # CaDiCaL's slices end once no time is left, whether or not the alarm has rung yet; the
    # call is then not one that spent its budget, after which the search would go on
    if not rings:
        monkeypatch.setattr(sat, "Alarm", _SilentAlarm)
    af = Framework.from_attacks([("a", "b")])
    with Encoding(af, "ad", solver=kind) as encoding:
        _pigeonhole(_Shifted(encoding, encoding.next_var), 12)
        with pytest.raises(SolverTimeout), time_limit(0.2):
            encoding.solve_within([], 10**12)


class _Shifted:
    """Adds clauses to an encoding with variables renumbered from ``first`` on."""

    def __init__(self, encoding, first):
        self.encoding, self.first = encoding, first

    def add_clause(self, clause):
        self.encoding.add(
            [lit + self.first - 1 if lit > 0 else lit - self.first + 1 for lit in clause]
        )


def test_the_time_limit_holds_inside_the_maximisation_loop():
    # a random framework with no stable extension whose semi-stable loop takes far longer
    # than the limit: the loop runs on CaDiCaL, which is interrupted between conflict slices
    rng = random.Random(7)
    names = [f"a{i}" for i in range(1000)]
    attacks = {(rng.choice(names), rng.choice(names)) for _ in range(4000)}
    af = Framework(frozenset(names), frozenset(attacks))
    with pytest.raises(SolverTimeout):
        some_extension(af, "SST", timeout=0.02)


def test_an_alarm_rings_once_its_time_has_passed():
    rang = threading.Lock()
    rang.acquire()
    alarm = Alarm(0.01, rang.release)
    assert rang.acquire(timeout=10)  # released by the alarm's thread
    assert alarm.fired
    alarm.cancel()  # too late to matter, and harmless


def test_a_cancelled_alarm_never_rings():
    calls = []
    alarm = Alarm(0.3, lambda: calls.append("rang"))
    alarm.cancel()
    alarm.cancel()  # a second cancel does nothing
    threading.Event().wait(0.5)
    assert not alarm.fired and calls == []


@pytest.mark.parametrize("mode", ["credulous", "sceptical"])
def test_the_time_limit_holds_for_every_accepted_argument_at_once(mode):
    # stage acceptance of a random framework with no stable extension: the sweep and the
    # refinement run far longer than the limit, and stop with SolverTimeout, not a partial set
    rng = random.Random(11)
    names = [f"a{i}" for i in range(1000)]
    attacks = {(rng.choice(names), rng.choice(names)) for _ in range(4000)}
    af = Framework(frozenset(names), frozenset(attacks))
    with pytest.raises(SolverTimeout):
        accepted_arguments(af, "STG", mode=mode, timeout=0.2)


@pytest.mark.parametrize(
    ("base", "expected"),
    [("co", [("target", 2)]), ("cf", [("elim", 0)]), ("ad", []), ("st", [])],
)
def test_cadical_takes_each_base_options_there_alone(base, expected):
    af = Framework.from_attacks([("a", "b"), ("b", "a")])
    chosen = []
    with pytest.MonkeyPatch.context() as patch:
        original = Cadical.set_option

        def record(solver, name, value):
            chosen.append((name, value))
            original(solver, name, value)

        patch.setattr(Cadical, "set_option", record)
        with Encoding(af, base, solver=Cadical) as encoding:
            assert encoding.solve() is not None
    assert [option for option in chosen if option[0] != "lucky"] == expected


def _start(monkeypatch, af, base, with_range):
    """What an encoding does while it is built: the assumptions of every call it makes, by
    argument name for range variables, and the branching preferences it gives, as
    (variable kind, argument name, polarity), the kinds "in" and "rng"."""
    assumed, phased = [], []
    solve, set_phases = Encoding.solve, Cadical.set_phases
    names = af.sorted_arguments

    def spy(self, assumptions=()):
        assumed.append(list(assumptions))
        return solve(self, assumptions)

    def phases(self, literals):
        phased.extend(literals)
        set_phases(self, literals)

    monkeypatch.setattr(Encoding, "solve", spy)
    monkeypatch.setattr(Cadical, "set_phases", phases)
    with Encoding(af, base, with_range=with_range, solver=Cadical) as encoding:
        kinds = {encoding.in_var(i): ("in", name) for i, name in enumerate(names)}
        if with_range:
            kinds.update({encoding.rng_var(i): ("rng", name) for i, name in enumerate(names)})
    calls = []
    for assumptions in assumed:
        assert all(kinds[v][0] == "rng" for v in assumptions)
        calls.append({kinds[v][1] for v in assumptions})
    preferences = [(*kinds[abs(literal)], literal > 0) for literal in phased]
    return calls, preferences


def test_stage_encodings_start_from_the_grounded_range_where_grounded_decides_half(monkeypatch):
    # grounded decides a (in) and b (out): two of four arguments
    af = Framework.from_attacks([("a", "b"), ("c", "d"), ("d", "c")])
    assert _start(monkeypatch, af, "cf", True) == ([{"a", "b"}], [])
    assert _start(monkeypatch, af, "cf", False) == ([], [])


def test_stage_encodings_branch_towards_range_where_grounded_decides_less_than_half(
    monkeypatch,
):
    # two of six; and nothing at all on a cycle
    af = Framework.from_attacks([("a", "b"), ("c", "d"), ("d", "c"), ("e", "f"), ("f", "e")])
    cycle = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a")])
    for framework in (af, cycle):
        calls, preferences = _start(monkeypatch, framework, "cf", True)
        assert calls == []
        assert preferences == [("rng", name, True) for name in framework.sorted_arguments]


def test_semi_stable_encodings_branch_towards_every_argument_in_and_in_range(monkeypatch):
    af = Framework.from_attacks([("a", "b"), ("c", "d"), ("d", "c")])
    calls, preferences = _start(monkeypatch, af, "co", True)
    assert calls == [set()]  # one call for any complete extension, assuming nothing
    names = af.sorted_arguments
    assert preferences == [("in", a, True) for a in names] + [("rng", a, True) for a in names]
    assert _start(monkeypatch, af, "co", False) == ([], [])


@given(frameworks(max_arguments=6), st.sampled_from([0.0, 2.0]))
def test_maximisation_ends_at_a_stage_extension_from_either_start(af, share):
    # a share of 0 makes every stage encoding with a grounded argument lean to the grounded
    # range first, one of 2 none: growing a model ends at a stage extension either way
    with (
        patch("argmap.semantics.sat.LEAN_SHARE", share),
        Encoding(af, "cf", with_range=True, solver=Cadical) as encoding,
    ):
        model = encoding.maximise(encoding.solve(), "rng")
        assert encoding.extension(model) in oracle.extensions(af, "STG")


@given(frameworks(max_arguments=6), st.booleans())
def test_one_sided_ranges_end_exact_at_a_stage_extension(af, lean):
    # one-sided range variables may be left false for covered arguments; maximisation still
    # ends at a stage extension, with the whole of its range reported
    with (
        patch("argmap.semantics.sat.LEAN_SHARE", 0.0 if lean else 2.0),
        Encoding(af, "cf", with_range=True, solver=Cadical, one_sided=True) as encoding,
    ):
        model = encoding.maximise(encoding.solve(), "rng")
        members = encoding.extension(model)
        assert members in oracle.extensions(af, "STG")
        names = af.sorted_arguments
        covered = {name for i, name in enumerate(names) if model[encoding.rng_var(i)]}
        assert covered == af.range_of(members)


@given(frameworks(max_arguments=6), st.data())
def test_one_sided_ranges_find_a_stage_extension_holding_an_argument(af, data):
    if not af.arguments:
        return
    name = data.draw(st.sampled_from(af.sorted_arguments))
    holding = [e for e in oracle.extensions(af, "STG") if name in e]
    with Encoding(af, "cf", with_range=True, solver=Cadical, one_sided=True) as encoding:
        model = encoding.find_maximal_with([encoding.in_var(af.index[name])], "rng")
        found = None if model is None else encoding.extension(model)
    assert (found is None) == (not holding)
    assert found is None or found in holding


def test_only_searches_for_an_argument_left_out_keep_both_range_directions(monkeypatch):
    from argmap.semantics import engine

    made = []
    real = engine.Encoding

    def spy(*args, **kwargs):
        made.append(kwargs.get("one_sided", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "Encoding", spy)
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    engine._maximal_whole(af, "STG", (("d", True),))
    engine._maximal_whole(af, "STG", ())
    engine._maximal_whole(af, "STG", (("d", False),))
    assert made == [True, True, False]


def test_one_sided_ranges_are_read_off_the_members():
    # the model leaves b's range variable false though a attacks b: {a} covers everything,
    # so nothing is strictly larger, and growing the model needs no call
    af = Framework.from_attacks([("a", "b")])
    a, b = af.index["a"], af.index["b"]
    with Encoding(af, "cf", with_range=True, solver=Cadical, one_sided=True) as encoding:
        model = encoding.solve([encoding.in_var(a), -encoding.rng_var(b)])
        assert model is not None and not model[encoding.rng_var(b)]
        assert encoding.strictly_larger(model, "rng") is None
        calls = []
        real = encoding.solve
        encoding.solve = lambda assumptions=(): calls.append(assumptions) or real(assumptions)
        grown = encoding.maximise(model, "rng")
        assert grown[encoding.rng_var(b)] and calls == []


@pytest.mark.parametrize("solver", [Glucose, Cadical])
def test_a_clause_for_one_call_holds_for_that_call_alone(solver):
    af = Framework.from_attacks([("a", "b"), ("b", "a")])
    with Encoding(af, "st", solver=solver) as encoding:
        a, b = (encoding.in_var(af.index[name]) for name in "ab")
        first = encoding.solve_with([a])
        second = encoding.solve_with([b])
        assert first is not None and encoding.extension(first) == {"a"}
        assert second is not None and encoding.extension(second) == {"b"}
        assert encoding.solve_with([a], [b]) is None  # a and b never share a stable set
        assert encoding.solve([a]) is not None  # each clause held for its own call only


def test_a_clause_for_one_budgeted_call_holds_for_that_call_alone():
    af = Framework.from_attacks([("a", "b"), ("b", "a")])
    with Encoding(af, "st") as encoding:
        a, b = (encoding.in_var(af.index[name]) for name in "ab")
        decided, model = encoding.solve_within([], 10_000, [b])
        assert decided and model is not None and encoding.extension(model) == {"b"}
        assert encoding.solve_within([], 10_000, [a, b])[0]
        assert encoding.solve_within([b], None, [a]) == (True, None)
        decided, model = encoding.solve_within([a], None)
        assert decided and encoding.extension(model) == {"a"}


@pytest.mark.parametrize("direct", [True, False])
def test_the_first_slice_shrinks_to_what_the_time_left_holds_on_a_large_formula(direct):
    solver = Cadical(direct=direct)
    try:
        for i in range(1, 100_001):
            solver.add_clause([i, -(i + 1)])
        assert solver.clause_count() == 100_000
        assert solver.slice_budget(None) == satsolvers.FIRST_SLICE
        assert solver.slice_budget(10.0) == satsolvers.FIRST_SLICE
        # half of 0.5 s at 6 ns a conflict for each of 100,000 clauses
        assert solver.slice_budget(0.5) == int(0.25 / (satsolvers.PACE_PER_CLAUSE * 100_000))
        assert solver.slice_budget(1e-6) == satsolvers.SMALLEST_SLICE
    finally:
        solver.delete()


@pytest.mark.parametrize(
    ("base", "with_range", "blocks"),
    [
        ("cf", False, 1),
        ("cf", True, 2),
        ("st", False, 1),
        ("st", True, 3),
        ("ad", False, 2),
        ("co", False, 2),
        ("co", True, 3),
    ],
)
def test_an_encoding_numbers_only_the_variables_it_encodes(base, with_range, blocks):
    # a solver decides every variable up to the largest, used or not; the fresh variables
    # follow the blocks of n that the encoding uses (in, def, rng) at once
    from argmap.semantics.counting import _Clauses

    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "e")])
    n = len(af)
    with Encoding(af, base, with_range=with_range, solver=_Clauses, enumerating=True) as encoding:
        used = {abs(literal) for clause in encoding.solver.clauses for literal in clause}
        assert encoding.next_var == blocks * n + 1
        assert max(used) < encoding.next_var
        if with_range:
            assert {encoding.rng_var(i) for i in range(n)} <= used
            assert encoding.rng_var(n - 1) == blocks * n
        assert encoding.fresh() == blocks * n + 1


@given(st.integers(1, 150), st.lists(st.sets(st.integers(0, 149), max_size=8), max_size=6))
def test_block_guards_hold_every_variable_but_those_left_out(n, rounds):
    # n isolated arguments: each range variable is free, true exactly when the argument is in
    af = Framework.from_attacks([], arguments=[f"a{i}" for i in range(n)])
    with Encoding(af, "cf", with_range=True, solver=Cadical) as encoding:
        variables = list(encoding.objective_vars("rng"))
        blocks = sat._Blocks(encoding, variables)
        for left_out in rounds:
            false = [variables[i] for i in sorted(left_out) if i < n]
            hold = encoding.fresh()
            blocks.hold(hold, false)
            assert encoding.solve([hold, *(-v for v in false)]) is not None
            for v in variables:
                if v not in false:
                    assert encoding.solve([hold, -v]) is None
            encoding.add([-hold])
        assert encoding.solve([-v for v in variables]) is not None
