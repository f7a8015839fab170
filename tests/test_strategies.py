"""The public strategies: bounds, families, shrinking, registration."""

import networkx as nx
import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from argmap import ArgumentMap, Framework, extensions
from argmap.errors import UnknownNameError
from argmap.strategies import argument_maps, frameworks, weights


def test_shrinks_to_a_single_self_attacker():
    minimal = find(frameworks(), lambda af: not extensions(af, "ST"))
    assert minimal == Framework.from_attacks([("a1", "a1")])


def test_shrinks_to_the_empty_framework_when_anything_fails():
    assert find(frameworks(), lambda af: True) == Framework.from_attacks([])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_arguments": -1}, "max_arguments must be an integer >= min_arguments"),
        ({"min_arguments": 3, "max_arguments": 2}, "max_arguments must be"),
        ({"density": 1.5}, "density must be a number from 0 to 1"),
        ({"min_density": -0.1}, "min_density must be a number from 0 to density"),
        (
            {"density": 0.1, "min_density": 0.2},
            r"min_density must be a number from 0 to density \(0.1\)",
        ),
        ({"family": "tree"}, "unknown framework family: 'tree'"),
    ],
)
def test_bounds_are_checked_at_once(kwargs, message):
    with pytest.raises(ValueError, match=message):
        frameworks(**kwargs)


@given(frameworks(max_arguments=6, family="acyclic"))
def test_acyclic(af):
    assert nx.is_directed_acyclic_graph(af.to_networkx())


@given(frameworks(max_arguments=6, family="odd-cycle-free"))
def test_odd_cycle_free(af):
    graph = af.to_networkx().to_undirected()
    assert nx.is_bipartite(graph)


@given(frameworks(max_arguments=6, family="symmetric"))
def test_symmetric(af):
    assert all((b, a) in af.attacks for a, b in af.attacks)
    assert not any(a == b for a, b in af.attacks)


@given(frameworks(min_arguments=1, max_arguments=6, family="one-scc"))
def test_one_scc(af):
    assert len(af.components()) == 1


@given(frameworks(max_arguments=6, self_attacks=False, isolated=False))
def test_no_self_attacks_no_isolated(af):
    assert not any(a == b for a, b in af.attacks)
    assert all(af.attackers(a) or af.targets(a) for a in af.arguments)


@given(frameworks(min_arguments=12, max_arguments=30, min_density=0.04, density=0.1))
def test_min_density_draws_at_least_that_many_attacks(af):
    possible = len(af) ** 2  # self-attacks allowed
    assert 0.04 * possible <= len(af.attacks) <= 0.1 * possible


@given(frameworks(max_arguments=8, min_density=0.5, density=0.5, family="symmetric"))
def test_min_density_equal_to_density_draws_exactly_that_many(af):
    unordered = len(af) * (len(af) - 1) // 2
    assert len(af.attacks) == 2 * int(0.5 * unordered)


@given(st.from_type(Framework))
def test_registered_for_from_type(af):
    assert isinstance(af, Framework)


@given(argument_maps(max_claims=5))
def test_argument_maps_are_valid(m):
    assert isinstance(m, ArgumentMap)
    m.validate()
    assert 1 <= len(m) <= 5


@given(argument_maps(max_claims=5, max_sources=3))
def test_argument_maps_cite_and_rate_sources(m):
    m.validate()
    model = m.model()
    names = {s.name for s in model.sources}
    assert names <= {"S1", "S2", "S3"}
    assert {c.source for c in model.claims} <= names | {None}
    for assessment in model.assessments:
        if assessment.target_kind == "source":
            assert assessment.target in names and assessment.reliability is not None


def test_argument_map_bounds():
    with pytest.raises(ValueError, match="max_attacks must be a non-negative integer"):
        argument_maps(max_attacks=-2)
    with pytest.raises(ValueError, match="max_sources must be a non-negative integer"):
        argument_maps(max_sources=-1)
    with pytest.raises(UnknownNameError):
        frameworks(family="x")


@given(data=st.data(), steps=st.integers(1, 50))
def test_weights_are_on_the_grid_of_the_framework_arguments(data, steps):
    af = data.draw(frameworks(max_arguments=5))
    drawn = data.draw(weights(af, steps=steps))
    assert set(drawn) <= af.arguments
    assert all(0 <= w <= 1 and abs(w * steps - round(w * steps)) < 1e-9 for w in drawn.values())


def test_weights_refuse_a_grid_that_is_not_a_positive_whole_number():
    af = Framework.from_attacks([("a", "b")])
    for steps in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="steps must be a positive whole number"):
            weights(af, steps=steps)
