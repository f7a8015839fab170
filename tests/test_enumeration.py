"""Enumeration through clingo: agrees with the SAT engine, streams, and stops at the deadline."""

import itertools

import pytest
from hypothesis import given

from argmap import (
    Framework,
    SolverTimeout,
    count_extensions,
    extensions,
    is_extension,
    iter_extensions,
    sceptical_counterexample,
    some_extension,
)
from argmap.semantics import asp, engine, split
from argmap.semantics.deadline import time_limit
from argmap.semantics.engine import (
    GROW_APART_MINIMUM,
    SAT_ENUMERATION_LIMIT,
    SUBSET_SEARCH_MAXIMUM,
    preferred_by_subsets,
    preferred_containing,
)
from argmap.semantics.sat import CADICAL_ENUMERATION_OPTIONS, Encoding
from argmap.strategies import frameworks

import oracle


def _grid(side: int) -> Framework:
    """Neighbours on a square grid attack each other: very many extensions."""
    cells = [(r, c) for r in range(side) for c in range(side)]
    attacks = []
    for r, c in cells:
        for dr, dc in ((0, 1), (1, 0)):
            if r + dr < side and c + dc < side:
                a, b = f"g{r}_{c}", f"g{r + dr}_{c + dc}"
                attacks += [(a, b), (b, a)]
    return Framework.from_attacks(attacks)


@pytest.mark.parametrize("code", sorted(asp.ENUMERATED))
@given(af=frameworks(max_arguments=6))
def test_clingo_enumerates_exactly_the_extensions(code, af):
    found = list(asp.enumerate_extensions(af, code))
    assert len(found) == len(set(found))
    assert set(found) == oracle.extensions(af, code)


@pytest.mark.parametrize("code", sorted(asp.ENUMERATED))
@given(af=frameworks(max_arguments=6))
def test_clingo_counts_exactly_the_extensions(code, af):
    assert asp.count_extensions(af, code) == len(oracle.extensions(af, code))


def test_the_model_reader_shows_what_clingos_public_calls_show():
    # the reader copies shown atoms through clingo's C functions; its sets must be the ones
    # clingo's Model.symbols gives, model for model, names that are no numbers included
    for af in (_grid(3), Framework.from_attacks([]), Framework.from_attacks([("x", "x")])):
        read = asp._reader(af)
        names = af.sorted_arguments
        control = asp._control(af, asp._PROGRAMS["CF"], ["0", "--project"])
        models = 0
        with control.solve(yield_=True) as handle:
            for model in handle:
                models += 1
                public = frozenset(names[s.number] for s in model.symbols(shown=True))
                assert read(model) == public
        assert models == len(oracle.extensions(af, "CF"))


def test_enumeration_moves_from_sat_to_clingo_without_repeating_or_losing_any():
    af = Framework.from_attacks([("a1", "a2")], arguments=[f"a{i}" for i in range(3, 9)])
    found = list(iter_extensions(af, "CF"))
    assert len(found) > SAT_ENUMERATION_LIMIT
    assert len(found) == len(set(found)) == 3 * 2**6  # {a1, a2} contribute 3 choices
    assert count_extensions(af, "CF") == 3 * 2**6  # counted inside clingo past the first 50


def test_a_grid_has_as_many_stable_extensions_as_independent_dominating_sets():
    # on a grid of mutual attacks the stable extensions are the independent dominating sets
    af = _grid(3)
    found = extensions(af, "ST")
    cells = af.sorted_arguments
    brute = {
        frozenset(s)
        for r in range(len(cells) + 1)
        for s in itertools.combinations(cells, r)
        if not any((a, b) in af.attacks for a in s for b in s)
        and all(x in s or any((y, x) in af.attacks for y in s) for x in cells)
    }
    assert found == brute
    assert count_extensions(af, "PR") == len(brute)  # symmetric: preferred = stable


def test_streaming_stops_early_and_the_deadline_holds():
    af = _grid(12)  # far too many extensions to list
    first = list(iter_extensions(af, "PR", limit=3))
    assert len(first) == 3 and len(set(first)) == 3
    with pytest.raises(SolverTimeout):
        count_extensions(af, "CO", timeout=0.3)


def _counting_base(calls):
    def base(single):
        calls.append(single.arguments)
        return engine.iterate(single, "NA")

    return base


def test_scc_recursive_extensions_stream_one_choice_per_component():
    # 60 chained mutual attacks: 60 components, and more CF2 extensions than could be listed
    pairs = [(f"a{i}", f"b{i}") for i in range(60)] + [(f"b{i}", f"a{i}") for i in range(60)]
    af = Framework.from_attacks(pairs + [(f"a{i}", f"a{i + 1}") for i in range(59)])
    calls = []
    with time_limit(60):  # listing them all first would otherwise run on, not fail
        first = next(engine.scc_recursive_with(af, _counting_base(calls)))
    assert is_extension(af, first, "CF2")
    assert len(calls) == 60  # what the first choices left of each component, solved once
    assert some_extension(af, "CF2", timeout=60) is not None
    assert some_extension(af, "STG2", timeout=60) is not None


def test_scc_recursive_solves_what_a_component_is_left_with_once():
    # four unattacked mutual attacks upstream (16 choices), one of them attacking c, which
    # attacks a 3-cycle: every choice with a0 in leaves the cycle whole
    upstream = [(f"a{i}", f"b{i}") for i in range(4)] + [(f"b{i}", f"a{i}") for i in range(4)]
    cycle = [("x", "y"), ("y", "z"), ("z", "x")]
    af = Framework.from_attacks(upstream + cycle + [("a0", "c"), ("c", "x")])
    calls = []
    found = list(engine.scc_recursive_with(af, _counting_base(calls)))
    assert set(found) == oracle.extensions(af, "CF2")
    assert calls.count(frozenset("xyz")) == 1  # where a0 is out and c in, x is beaten
    assert calls.count(frozenset("yz")) == 0  # y, z left as a chain of two components


@pytest.mark.parametrize("code", ["SST", "STG"])
def test_one_range_maximal_extension_of_a_larger_framework(code):
    grid = _grid(11)
    # an odd cycle beside the grid leaves no stable extension, so the range search runs
    af = Framework(
        grid.arguments | {"x", "y", "z"}, grid.attacks | {("x", "y"), ("y", "z"), ("z", "x")}
    )
    assert some_extension(af, "ST") is None
    found = some_extension(af, code)
    # complete sets leave an odd cycle out; a stage extension takes one member of it
    assert len(found & {"x", "y", "z"}) == (0 if code == "SST" else 1)
    assert is_extension(af, found, code)


def test_a_preferred_extension_of_a_larger_framework_component_by_component(monkeypatch):
    # a grid has no odd cycle, so it would be answered by a stable extension; not here
    monkeypatch.setattr(engine, "coherent", lambda af: False)
    monkeypatch.setattr(split, "bipartite", lambda af, members=None: False)
    grid = _grid(16)
    # a chain into the grid makes components of both sizes
    chain = {("c1", "c2"), ("c2", "g0_0"), ("g15_15", "c3"), ("c3", "c4")}
    af = Framework(grid.arguments | {"c1", "c2", "c3", "c4"}, grid.attacks | chain)
    found = some_extension(af, "PR")
    assert is_extension(af, found, "PR") and "c1" in found and "c2" not in found
    assert is_extension(grid, preferred_containing(grid), "PR")


@given(af=frameworks(max_arguments=SUBSET_SEARCH_MAXIMUM))
def test_small_frameworks_get_a_preferred_extension_both_ways(af):
    # small components take the subset search; the SAT loop must agree with the reference too
    expected = oracle.extensions(af, "PR")
    largest = preferred_by_subsets(af)
    assert largest in expected
    assert len(largest) == max(map(len, expected))
    assert preferred_containing(af) in expected


def test_sceptical_preferred_refuted_by_an_attacking_extension_on_a_larger_framework(
    monkeypatch,
):
    monkeypatch.setattr(engine, "coherent", lambda af: False)  # as above
    af = _grid(16)
    assert len(af) >= GROW_APART_MINIMUM  # the counterexamples are grown on an encoding apart
    for name in ("g0_0", "g7_8", "g15_15"):
        counter = sceptical_counterexample(af, name, "PR")
        assert counter is not None and name not in counter
        assert is_extension(af, counter, "PR") and af.attackers(name) & counter


def test_a_preferred_extension_containing_given_arguments():
    af = _grid(16)
    found = preferred_containing(af, {"g0_0", "g2_2"})
    assert found is not None and {"g0_0", "g2_2"} <= found and is_extension(af, found, "PR")
    assert preferred_containing(af, {"g0_0", "g0_1"}) is None  # they attack each other


@pytest.mark.parametrize("code", ["PR", "SST", "STG"])
def test_enumeration_runs_on_solvers_that_eliminate_no_variables(code, monkeypatch):
    # each extension found adds a blocking clause over the arguments left out of it, and
    # CaDiCaL's variable elimination over such clauses is not bounded by a conflict slice
    seen = []
    enumerate_maximal = Encoding.enumerate_maximal

    def recording(encoding, objective):
        seen.append(dict(encoding.solver.options))
        return enumerate_maximal(encoding, objective)

    monkeypatch.setattr(Encoding, "enumerate_maximal", recording)
    # an odd cycle beside a grid: no stable extension, so SST and STG enumerate by the loop
    af = Framework.from_attacks([*_grid(3).attacks, ("c1", "c2"), ("c2", "c3"), ("c3", "c1")])
    assert set(iter_extensions(af, code)) == oracle.extensions(af, code)
    assert seen and all(options.items() >= CADICAL_ENUMERATION_OPTIONS.items() for options in seen)
