"""Sceptical stage queries: a stage extension lacks an argument exactly when it holds one of the
argument's attackers or targets, and the search narrows to that clause after its first round."""

import pytest
from hypothesis import given

from argmap import Framework
from argmap.semantics import engine, sat, sceptical_counterexample
from argmap.strategies import frameworks

import oracle


def neighbours(af: Framework, name: str) -> set[str]:
    return {a for a, b in af.attacks if b == name} | {b for a, b in af.attacks if a == name}


@given(af=frameworks(max_arguments=6))
def test_a_stage_extension_lacks_an_argument_exactly_when_it_holds_a_neighbour(af):
    for extension in oracle.extensions(af, "STG"):
        for name in af.arguments:
            if (name, name) not in af.attacks:
                assert (name not in extension) == bool(extension & neighbours(af, name))


@given(
    af=frameworks(min_arguments=2, max_arguments=7).filter(
        lambda af: not oracle.extensions(af, "ST")
    )
)
def test_sceptical_stage_counterexamples_without_stable_extensions_match_the_reference(af):
    expected = oracle.extensions(af, "STG")
    for name in af.sorted_arguments:
        counter = sceptical_counterexample(af, name, "STG")
        assert (counter is None) == all(name in e for e in expected)
        assert counter is None or (name not in counter and counter in expected)


@pytest.fixture
def asked(monkeypatch):
    """The clauses each range search asks for, round by round."""
    clauses: list[list[int]] = []
    search = sat.Encoding.rounds_towards

    def recording(self, objective, constraint):
        def ask():
            clause = list(constraint())
            clauses.append(clause)
            return clause

        return search(self, objective, ask)

    monkeypatch.setattr(sat.Encoding, "rounds_towards", recording)
    return clauses


def test_the_search_asks_for_a_neighbour_held_after_its_first_round(asked):
    # no stable extension (a4 attacks itself and nothing else attacks it); the only stage
    # extension is {a3}, whose range strictly contains those of {a1} and {a2}, the
    # candidates without it, so the search goes on past its first round and finds none
    af = Framework(
        ["a1", "a2", "a3", "a4"],
        [("a1", "a3"), ("a2", "a1"), ("a3", "a1"), ("a3", "a2"), ("a4", "a2"), ("a4", "a4")],
    )
    assert oracle.extensions(af, "STG") == {frozenset({"a3"})}
    assert engine.find(af, "STG", [("a3", False)]) is None
    a1, a2, a3 = 1, 2, 3  # the in variables, by position
    assert asked[0] == [-a3]
    assert len(asked) > 1 and all(sorted(clause) == [a1, a2] for clause in asked[1:])


def test_a_self_attacking_argument_is_lacked_by_any_stage_extension(asked):
    af = Framework(["a", "b", "c"], [("a", "a"), ("a", "b"), ("b", "c"), ("c", "b"), ("c", "c")])
    counter = engine.find(af, "STG", [("a", False)])
    assert counter in oracle.extensions(af, "STG")
    assert not any(clause == [-1] for clause in asked)  # no search asked for it left out
