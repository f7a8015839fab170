"""Every semantics against the exhaustive reference, on small random frameworks."""

import pytest
from hypothesis import given

from answers import assert_answers_match
from argmap import SEMANTICS, Framework, accepted, count_extensions, extensions, is_extension
from argmap.semantics import some_extension
from argmap.strategies import frameworks

import oracle

CODES = sorted(SEMANTICS)


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=6))
def test_extensions_match_reference(code, af):
    assert extensions(af, code) == oracle.extensions(af, code)


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=5))
def test_acceptance_witnesses_and_checkers_match_reference(code, af):
    expected = oracle.extensions(af, code)
    assert count_extensions(af, code) == len(expected)
    one = some_extension(af, code)
    assert (one is None) == (not expected)
    assert one is None or one in expected
    assert_answers_match(af, code, expected)
    for name in sorted(af.arguments):
        sceptical = all(name in e for e in expected)
        assert accepted(af, name, code, mode="sceptical") == sceptical
    for candidate in oracle.subsets(af.arguments):
        assert is_extension(af, candidate, code) == (candidate in expected)


def test_empty_framework_has_the_empty_extension_everywhere():
    empty = Framework.from_attacks([])
    for code in CODES:
        assert extensions(empty, code) == {frozenset()}, code
