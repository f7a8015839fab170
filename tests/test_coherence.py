"""Frameworks without odd cycles are coherent, and their preferred extensions are found as
stable ones (Dung 1995, Theorem 33)."""

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from answers import assert_answers_match
from argmap import (
    Framework,
    count_extensions,
    credulous_witness,
    extensions,
    is_extension,
    iter_extensions,
    sceptical_counterexample,
    some_extension,
)
from argmap.semantics import asp, engine, split
from argmap.strategies import frameworks

import oracle


def _has_odd_cycle(af: Framework, members: set[str]) -> bool:
    graph = af.to_networkx().subgraph(members)
    return any(len(cycle) % 2 for cycle in nx.simple_cycles(graph))  # a self-attack is [a]


@given(af=frameworks(max_arguments=7, density=0.4), data=st.data())
def test_odd_cycle_free_agrees_with_listing_every_cycle(af, data):
    assert split.odd_cycle_free(af) == (not _has_odd_cycle(af, set(af.arguments)))
    names = af.sorted_arguments
    chosen = data.draw(st.sets(st.sampled_from(names)) if names else st.just(set()))
    positions = [af.index[name] for name in chosen]
    assert split.odd_cycle_free(af, positions) == (not _has_odd_cycle(af, chosen))


@given(af=st.one_of(frameworks(max_arguments=7, family="odd-cycle-free"), frameworks()))
def test_a_framework_found_coherent_has_its_preferred_extensions_stable(af):
    if engine.coherent(af):
        stable = oracle.extensions(af, "ST")
        assert stable and oracle.extensions(af, "PR") == stable


def test_an_odd_cycle_the_grounded_extension_decides_does_not_count():
    # a, unattacked, attacks b of the odd cycle b -> c -> d -> b, which grounded then decides
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d"), ("d", "b"), ("x", "y")])
    assert not split.odd_cycle_free(af)
    assert engine.coherent(af)
    assert extensions(af, "PR") == extensions(af, "ST") == {frozenset({"a", "c", "x"})}
    # left open, the same cycle has no stable extension and one empty preferred one
    cycle = Framework.from_attacks([("b", "c"), ("c", "d"), ("d", "b")])
    assert not engine.coherent(cycle)
    assert extensions(cycle, "PR") == {frozenset()} and extensions(cycle, "ST") == set()


@given(af=frameworks(max_arguments=7, family="odd-cycle-free"))
def test_preferred_answers_on_frameworks_without_odd_cycles_match_the_reference(af):
    expected = oracle.extensions(af, "PR")
    assert extensions(af, "PR") == expected
    assert count_extensions(af, "PR") == len(expected)
    assert some_extension(af, "PR") in expected
    assert_answers_match(af, "PR", expected)


def _grid(side: int) -> Framework:
    """Neighbours on a square grid, each attack one way or both: no odd cycle."""
    attacks = []
    for r in range(side):
        for c in range(side):
            for dr, dc in ((0, 1), (1, 0)):
                if r + dr < side and c + dc < side:
                    a, b = f"g{r}_{c}", f"g{r + dr}_{c + dc}"
                    attacks.append((a, b))
                    if (r + c) % 3:
                        attacks.append((b, a))
    return Framework.from_attacks(attacks)


def test_a_coherent_framework_is_answered_with_no_maximisation(monkeypatch):
    def maximisation(*args, **kwargs):
        raise AssertionError("a maximisation ran")

    for name in ("_maximal_models", "_maximal_whole", "preferred_containing", "_preferred_without"):
        monkeypatch.setattr(engine, name, maximisation)
    asked = []
    enumerate_extensions = asp.enumerate_extensions

    def spy(af, code):
        asked.append(code)
        return enumerate_extensions(af, code)

    monkeypatch.setattr(asp, "enumerate_extensions", spy)
    af = _grid(5)
    found = set(iter_extensions(af, "PR"))
    assert len(found) > engine.SAT_ENUMERATION_LIMIT and asked == ["ST"]  # clingo, stable
    assert found == extensions(af, "ST") and len(found) == count_extensions(af, "PR")
    assert is_extension(af, some_extension(af, "PR"), "PR")
    refuted = 0
    for name in af.sorted_arguments[::3]:
        counter = sceptical_counterexample(af, name, "PR")
        assert (counter is None) == all(name in e for e in found), name
        assert counter is None or (name not in counter and counter in found)
        refuted += counter is not None
        witness = credulous_witness(af, name, "PR")
        assert (witness is None) == all(name not in e for e in found), name
        assert witness is None or (name in witness and witness in found)
    assert refuted


def test_only_a_component_with_an_odd_cycle_is_maximised(monkeypatch):
    # beside the grid, an odd cycle of seven arguments that no argument attacks: the
    # framework has no stable extension, but its grid has, and each is a component of its own
    grid = _grid(6)
    cycle = [f"x{i}" for i in range(7)]
    af = Framework(
        grid.arguments | set(cycle),
        grid.attacks | {(cycle[i], cycle[(i + 1) % 7]) for i in range(7)},
    )
    assert not engine.coherent(af) and some_extension(af, "ST") is None
    grown = []
    preferred_containing = engine.preferred_containing

    def spy(af, names=()):
        grown.append(sorted(af.arguments))
        return preferred_containing(af, names)

    monkeypatch.setattr(engine, "preferred_containing", spy)
    found = some_extension(af, "PR")
    assert is_extension(af, found, "PR") and found.isdisjoint(cycle)
    assert grown == [cycle]  # the grid's component was answered by a stable extension
