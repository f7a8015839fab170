"""The textbook relations between semantics, on random frameworks."""

from hypothesis import given

from argmap import extensions, grounded_extension
from argmap.strategies import frameworks

small = frameworks(max_arguments=7)


def ext(af, code):
    return extensions(af, code)


@given(small)
def test_grounded_is_the_least_complete_extension(af):
    grounded = grounded_extension(af)
    complete = ext(af, "CO")
    assert grounded in complete
    assert all(grounded <= e for e in complete)


@given(small)
def test_stable_within_semi_stable_within_preferred_within_complete(af):
    st, sst, pr, co = ext(af, "ST"), ext(af, "SST"), ext(af, "PR"), ext(af, "CO")
    assert st <= sst <= pr <= co
    if st:
        assert sst == st


@given(small)
def test_stable_extensions_are_stage_extensions(af):
    st, stg = ext(af, "ST"), ext(af, "STG")
    assert st <= stg
    if st:
        assert stg == st


@given(small)
def test_unique_semantics_nest(af):
    (grounded,) = ext(af, "GR")
    (ideal,) = ext(af, "ID")
    (eager,) = ext(af, "EA")
    assert grounded <= ideal <= eager
    assert all(ideal <= e for e in ext(af, "PR"))
    assert all(eager <= e for e in ext(af, "SST"))


@given(small)
def test_naive_based_semantics_are_naive(af):
    naive = ext(af, "NA")
    assert ext(af, "CF2") <= naive
    assert ext(af, "STG") <= naive
    # Dvořák and Gaggl (2016), Proposition 3.6: every stage2 extension is a cf2 extension
    assert ext(af, "STG2") <= ext(af, "CF2")


@given(small)
def test_preferred_and_semi_stable_always_exist(af):
    for code in ("CO", "PR", "SST", "STG", "NA", "CF2", "STG2"):
        assert ext(af, code), code
