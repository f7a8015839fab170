"""One check shared by the test modules: argmap's query answers against known extensions."""

from argmap import Framework, accepted
from argmap.semantics import credulous_witness, sceptical_counterexample


def assert_answers_match(af: Framework, code: str, expected: frozenset[frozenset[str]]) -> None:
    """Every credulous witness and sceptical counterexample is right and is an extension, and
    every answer of :func:`~argmap.accepted`, which makes no extension, is right."""
    for name in af.sorted_arguments:
        credulous = any(name in e for e in expected)
        sceptical = all(name in e for e in expected)
        witness = credulous_witness(af, name, code)
        assert (witness is not None) == credulous
        assert witness is None or (name in witness and witness in expected)
        counter = sceptical_counterexample(af, name, code)
        assert (counter is None) == sceptical
        assert counter is None or (name not in counter and counter in expected)
        assert accepted(af, name, code, mode="credulous") == credulous
        assert accepted(af, name, code, mode="sceptical") == sceptical
