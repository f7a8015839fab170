"""Evaluating maps with more extensions than an evaluation lists: each claim's labels are
counted part by part, and agree with counting over every extension."""

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from argmap import Acceptance, ArgumentMap, Status, Tally, TooManyExtensionsError, evaluation
from argmap.cli import main
from argmap.semantics import Labelling, counting
from argmap.semantics.registry import SEMANTICS
from argmap.strategies import argument_maps

import oracle

EVERY_SEMANTICS = [semantics.name for semantics in SEMANTICS.values()]


def _claim_label(labelling, arguments):
    labels = [labelling.label(a).value for a in arguments]
    if "in" in labels:
        return Status.IN
    if all(label == "out" for label in labels):
        return Status.OUT
    return Status.UNDEC


@given(
    argument_maps(max_claims=5, max_supports=4, max_attacks=6),
    st.integers(0, 2),
    st.sampled_from(EVERY_SEMANTICS),
    st.sampled_from(["aspic", "flat"]),
)
def test_labels_counted_by_parts_match_every_extension_of_the_oracle(
    m, disputes, semantics, translation
):
    _assert_counts_match_the_oracle(m, disputes, semantics, translation)


@pytest.mark.skipif(not counting.available(), reason="the model counter is not installed")
@given(
    argument_maps(max_claims=5, max_supports=4, max_attacks=6),
    st.integers(0, 2),
    st.sampled_from(
        ["conflict-free", "admissible", "strongly admissible", "complete", "stable", "naive"]
    ),
    st.sampled_from(["aspic", "flat"]),
)
def test_labels_counted_by_the_model_counter_match_the_oracle(m, disputes, semantics, translation):
    listed_up_to = evaluation.COUNT_FROM
    evaluation.COUNT_FROM = 0  # every part with an extension is counted, none listed
    try:
        _assert_counts_match_the_oracle(m, disputes, semantics, translation)
    finally:
        evaluation.COUNT_FROM = listed_up_to


def _assert_counts_match_the_oracle(m, disputes, semantics, translation):
    # independent disputes, one supporting the map's first claim, multiply the extensions
    for i in range(disputes):
        m.claim(f"x{i}", f"x{i}")
        m.claim(f"y{i}", f"y{i}")
        m.contradict(f"x{i}", f"y{i}")
        if i == 0 and len(m.claims) > 2:
            m.support(f"x{i}", m.claims[0])
    counted = m.evaluate(semantics, translation=translation, list_limit=1)
    af = counted.framework
    assume(len(af) <= 10)
    code = counted.semantics
    found = oracle.extensions(af, code)
    every = [Labelling.from_extension(af, e) for e in found]
    assert counted.extension_count == len(found)
    assert counted.all_listed == (len(found) <= 1)
    for claim in m.claims:
        arguments = counted.translation.arguments_for[claim.id]
        labels = [_claim_label(labelling, arguments) for labelling in every]
        assert counted.tally(claim) == Tally(*map(labels.count, Status))
        expected = {Status.IN, Status.OUT} & set(labels)
        assert set(counted.examples[claim.id]) == expected
        for status, labelling in counted.examples[claim.id].items():
            assert labelling in every
            assert _claim_label(labelling, arguments) is status
        listed = m.evaluate(semantics, translation=translation)
        assert listed.all_listed
        assert listed.tally(claim) == counted.tally(claim)
        assert listed.status(claim) is counted.status(claim)
        assert listed.acceptance(claim) is counted.acceptance(claim)


def disputes(count: int) -> ArgumentMap:
    """``count`` independent disputes, each between two claims, a claim nothing bears on,
    and from three disputes on, a claim that position A on the first and on the third each
    supports."""
    m = ArgumentMap(f"{count} disputes")
    for i in range(count):
        m.claim(f"a{i}", f"Position A on question {i}")
        m.claim(f"b{i}", f"Position B on question {i}")
        m.contradict(f"a{i}", f"b{i}")
    m.claim("lone", "Nothing bears on this claim")
    if count >= 3:
        m.claim("c", "A claim that position A on question 0 or on question 2 supports")
        m.support("a0", "c")
        m.support("a2", "c")
    return m


def test_a_million_preferred_extensions_are_counted_not_listed():
    m = disputes(20)
    ev = m.evaluate("preferred", preferences=False)
    assert ev.extension_count == 2**20
    assert len(ev.labellings) == 1_000 and not ev.all_listed
    assert ev.tally("a0") == Tally(2**19, 2**19, 0)
    assert ev.status("a0") is Status.UNDEC and ev.acceptance("a0") is Acceptance.CREDULOUS
    assert ev.tally("lone") == Tally(2**20, 0, 0) and ev.status("lone") is Status.IN
    # an argument for c from a0 and another from a2, in parts of their own: c stands where
    # either stands, and falls where both fall
    assert len(ev.translation.arguments_for["c"]) == 2
    assert ev.tally("c") == Tally(3 * 2**18, 2**18, 0)
    assert ev.to_dict()["extensions"] == 2**20
    text = ev.explain("c")
    assert "Across the 1,048,576 extensions it is IN in 786,432, OUT in 262,144" in text
    assert "- In one of them, " in text and "- In one of them it falls:" in text


@pytest.mark.parametrize("semantics", ["semi-stable", "stage"])
def test_where_stable_extensions_exist_they_are_counted_for_semi_stable_and_stage(
    monkeypatch, semantics
):
    monkeypatch.setattr("argmap.evaluation.PART_LIMIT", 100)
    m = disputes(20)
    # a claim nothing attacks rebuts twenty claims, each of which rebuts a side of a dispute:
    # every conflict joins one part, with a million stage extensions, but grounded settles
    # all but the disputes, which stable extensions split apart
    m.claim("h", "A claim nothing attacks")
    for i in range(20):
        m.claim(f"x{i}", f"A claim against position A on question {i}")
        m.rebut("h", f"x{i}")
        m.rebut(f"x{i}", f"a{i}")
    ev = m.evaluate(semantics, translation="flat", preferences=False)
    stable = m.evaluate("stable", translation="flat", preferences=False)
    assert ev.extension_count == stable.extension_count == 2**20
    assert {c.id: ev.tally(c) for c in m.claims} == {c.id: stable.tally(c) for c in m.claims}
    assert ev.tally("x0") == Tally(0, 2**20, 0)


def test_a_short_list_counts_as_the_whole_list_does():
    m = disputes(3)
    whole = m.evaluate("stable", translation="flat", preferences=False)
    short = m.evaluate("stable", translation="flat", preferences=False, list_limit=5)
    assert whole.extension_count == short.extension_count == 8
    assert len(whole.labellings) == 8 and len(short.labellings) == 5
    assert set(short.labellings) < set(whole.labellings)
    assert {c.id: short.tally(c) for c in m.claims} == {c.id: whole.tally(c) for c in m.claims}
    assert "In extension 1, " in whole.explain("a0")  # all listed: extensions are numbered
    assert "In one of them, " in short.explain("a0")


def test_a_map_with_no_extension_is_counted_as_having_none():
    m = disputes(2)
    m.claim("x", "x")
    m.claim("y", "y")
    m.claim("z", "z")
    for attacker, target in itertools.pairwise("xyzx"):
        m.rebut(attacker, target)
    ev = m.evaluate("stable", translation="flat", preferences=False, list_limit=1)
    assert ev.extension_count == 0 and not ev.has_extensions
    assert ev.status("a0") is Status.UNDEC and ev.acceptance("a0") is Acceptance.REJECTED
    assert "no extension at all" in ev.explain("a0")


def test_a_part_with_too_many_extensions_is_refused_clearly(monkeypatch):
    monkeypatch.setattr("argmap.evaluation.PART_LIMIT", 2)
    m = disputes(0)
    for name in "pqrs":
        m.claim(name, name)
    for attacker, target in itertools.pairwise("pqrs"):  # one part of four arguments
        m.contradict(attacker, target)
    m.evaluate("cf2", translation="flat", list_limit=3)  # three: listed in full
    with pytest.raises(TooManyExtensionsError, match="cf2 semantics gives one part") as refused:
        m.evaluate("cf2", translation="flat", list_limit=2)
    assert "time limit" not in str(refused.value)  # listing is bounded by number, not time


@pytest.mark.parametrize("limit", [0, -1, True, 2.5, "10"])
def test_the_list_limit_is_a_whole_number_from_one(limit):
    with pytest.raises(ValueError, match="list_limit"):
        disputes(1).evaluate("preferred", list_limit=limit)


def test_the_command_line_refuses_too_many_extensions_with_status_2(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("argmap.evaluation.PART_LIMIT", 1)
    monkeypatch.setattr("argmap.evaluation.LIST_LIMIT", 1)
    path = tmp_path / "chain.json"
    m = disputes(0)
    for name in "pqr":
        m.claim(name, name)
    m.contradict("p", "q")
    m.contradict("q", "r")
    m.save(path)
    assert main(["evaluate", str(path), "-s", "cf2", "-t", "flat"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("argmap: error: cf2 semantics gives one part of this map")
    assert "Traceback" not in err


@pytest.mark.skipif(not counting.available(), reason="the model counter is not installed")
def test_a_part_the_model_counter_does_not_count_in_time_is_refused(monkeypatch):
    monkeypatch.setattr("argmap.evaluation.COUNT_FROM", 1)
    m = disputes(3)
    counted = m.evaluate("complete", preferences=False, list_limit=1)
    assert counted.extension_count == 3**3  # each dispute: neither side, or one of the two
    assert counted.tally("c") == m.evaluate("complete", preferences=False).tally("c")
    monkeypatch.setattr("argmap.evaluation.COUNT_TRIAL", 1e-9)
    with pytest.raises(
        TooManyExtensionsError, match="more extensions than the model counter counts in"
    ) as refused:
        m.evaluate("complete", preferences=False, list_limit=1)
    assert "a time limit (timeout=, --timeout) lets the counting go on" in str(refused.value)
    monkeypatch.setattr("argmap.evaluation.COUNT_TRIAL", 5.0)
    monkeypatch.setattr("argmap.evaluation.COUNT_SECONDS", 0.0)
    with pytest.raises(
        TooManyExtensionsError,
        match="so many extensions that counting them would take more than 0 s",
    ):
        m.evaluate("complete", preferences=False, list_limit=1)


@pytest.mark.skipif(not counting.available(), reason="the model counter is not installed")
def test_under_a_time_limit_counting_has_the_time_left_of_it(monkeypatch):
    monkeypatch.setattr("argmap.evaluation.COUNT_FROM", 1)
    monkeypatch.setattr("argmap.evaluation.COUNT_TRIAL", 1e-9)
    monkeypatch.setattr("argmap.evaluation.COUNT_SECONDS", 0.0)
    m = disputes(3)
    with pytest.raises(TooManyExtensionsError):
        m.evaluate("complete", preferences=False, list_limit=1)
    counted = m.evaluate("complete", preferences=False, list_limit=1, timeout=60)
    listed = m.evaluate("complete", preferences=False)
    assert counted.extension_count == listed.extension_count == 3**3
    assert counted.tallies == listed.tallies


@pytest.mark.skipif(not counting.available(), reason="the model counter is not installed")
def test_counts_that_would_outlast_the_time_limit_are_refused(monkeypatch):
    monkeypatch.setattr("argmap.evaluation.COUNT_FROM", 1)
    monkeypatch.setattr("argmap.evaluation.remaining", lambda: 1e-9)  # a limit all but spent
    with pytest.raises(
        TooManyExtensionsError,
        match="would take longer than the 1e-09 s left of the time limit",
    ):
        disputes(3).evaluate("complete", preferences=False, list_limit=1)
