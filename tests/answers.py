"""One check shared by the test modules: argmap's query answers against known extensions."""

from argmap import Framework
from argmap.semantics import credulous_witness, sceptical_counterexample


def assert_answers_match(af: Framework, code: str, expected: frozenset[frozenset[str]]) -> None:
    """Every credulous witness and sceptical counterexample is right and is an extension."""
    for name in af.sorted_arguments:
        witness = credulous_witness(af, name, code)
        assert (witness is not None) == any(name in e for e in expected)
        assert witness is None or (name in witness and witness in expected)
        counter = sceptical_counterexample(af, name, code)
        assert (counter is None) == all(name in e for e in expected)
        assert counter is None or (name not in counter and counter in expected)
