"""The DSL's checks: every bad input raises a specific error naming the id and the options."""

import pytest

from argmap import ArgumentMap, MapValidationError
from argmap.errors import (
    DuplicateIdError,
    InvalidRelationError,
    MapError,
    UnknownIdError,
    UnknownNameError,
)
from argmap.map import Likelihood


@pytest.fixture
def m():
    m = ArgumentMap("t")
    m.claim("a", "A")
    m.claim("b", "B")
    m.support("a", "b", id="s")
    return m


def test_claims_accept_objects_or_ids(m):
    c = m.claim("c", "C")
    assert m.support([c, "a"], "b").premises == ("c", "a")
    assert m.support(["a", "c"], "b").linked


def test_duplicate_ids(m):
    with pytest.raises(DuplicateIdError, match="'a' is already a claim"):
        m.claim("a", "again")
    with pytest.raises(DuplicateIdError, match="'s' is already a support"):
        m.claim("s", "clash with a support id")


def test_unknown_ids_list_the_valid_ones(m):
    with pytest.raises(
        UnknownIdError, match=r"unknown claim id: 'zz' \(known claim ids: \['a', 'b'\]\)"
    ):
        m.rebut("zz", "a")
    with pytest.raises(KeyError):
        m.support("a", "nope")
    with pytest.raises(UnknownIdError, match="unknown support id: 'nope'"):
        m.undercut("a", "nope")


def test_impossible_relations(m):
    with pytest.raises(InvalidRelationError, match="conclusion cannot be one of its own premises"):
        m.support(["a", "b"], "b")
    with pytest.raises(InvalidRelationError, match="cannot rebut itself"):
        m.rebut("a", "a")
    with pytest.raises(InvalidRelationError, match="is a claim; an undercut attacks a support"):
        m.undercut("a", "b")
    with pytest.raises(MapError, match="same premise twice"):
        m.support(["a", "a"], "b")
    with pytest.raises(MapError, match="non-empty"):
        m.claim("e", "  ")


def test_scale_words_are_checked(m):
    with pytest.raises(
        UnknownNameError,
        match=r"unknown likelihood: 'sorta likely' \(must be one of \['almost certain'",
    ):
        m.assess("a", likelihood="sorta likely")
    with pytest.raises(UnknownNameError, match="unknown confidence: 'very'"):
        m.assess("a", confidence="very")
    with pytest.raises(UnknownNameError, match="Admiralty rating"):
        m.source("Reuters", rating="G7")
    with pytest.raises(MapError, match="not by likelihood"):
        m.assess(m.source("Reuters"), likelihood="likely")
    assert isinstance(UnknownNameError("x", "y", []), ValueError)


def test_assessments_on_claims_supports_and_sources(m):
    assert (
        m.assess("a", likelihood="Very Likely", confidence="HIGH").badge() == "very likely · high"
    )
    assert m.assess("s", likelihood="likely").target_kind == "support"
    reuters = m.source("Reuters", rating="B2")
    model = m.model()
    assert model.latest_assessment("Reuters").badge() == "B2"
    assert model.source_score(reuters.name) == pytest.approx(0.8)
    assert model.assessed_score("a") == pytest.approx(Likelihood.VERY_LIKELY.score)


def test_sections(m):
    with m.section("Evidence"):
        c = m.claim("c", "C")
    d = m.claim("d", "D", section="Other")
    assert (c.section, d.section) == ("Evidence", "Other")
    assert m.model().sections == ("Evidence", "Other")


def test_validate_reports_every_problem_at_once():
    data = {
        "claims": [{"id": "a", "text": "A"}, {"id": "a", "text": "again"}, {"id": "b"}],
        "supports": [{"premises": ["a"], "conclusion": "ghost"}],
        "attacks": [{"kind": "smash", "attacker": "a", "target": "a"}],
        "assessments": [{"target": "a", "likelihood": "perhaps"}],
    }
    with pytest.raises(MapValidationError) as info:
        ArgumentMap.from_dict(data)
    problems = info.value.problems
    assert len(problems) == 5
    assert any("duplicate id: 'a'" in p for p in problems)
    assert any("missing field 'text'" in p for p in problems)
    assert any("'ghost'" in p for p in problems)
    assert any("unknown attack kind 'smash'" in p for p in problems)
    assert any("unknown likelihood: 'perhaps'" in p for p in problems)


def test_a_built_map_validates(m):
    m.validate()


def test_relations_keep_their_labels_and_refuse_empty_ones(m):
    m.claim("c", "C")
    assert m.support("c", "b", label="Argument From Analogy").label == "Argument From Analogy"
    labelled = [
        m.rebut("c", "a", label="Conflict From Bias"),
        m.undermine("c", "a", label="Conflict From Bias"),
        m.contradict("c", "b", label="Contradiction"),
        m.undercut("c", "s", label="Exception"),
    ]
    assert [a.label for a in labelled] == [
        "Conflict From Bias",
        "Conflict From Bias",
        "Contradiction",
        "Exception",
    ]
    assert m.rebut("c", "b").label is None
    with pytest.raises(MapError, match=r"rebut 'r9': a label must be a non-empty string, got ' '"):
        m.rebut("c", "a", id="r9", label=" ")
    with pytest.raises(MapError, match=r"support: a label must be a non-empty string, got 3"):
        m.support("c", "a", label=3)
    assert "r9" not in {a.id for a in m.attacks}


def test_a_bad_label_in_map_json_is_one_of_the_problems_listed():
    data = {
        "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        "supports": [{"premises": ["a"], "conclusion": "b", "label": ""}],
        "attacks": [{"kind": "rebut", "attacker": "b", "target": "a", "label": ["x"]}],
    }
    with pytest.raises(MapValidationError) as info:
        ArgumentMap.from_dict(data)
    assert list(info.value.problems) == [
        "supports[1]: support: a label must be a non-empty string, got ''",
        "attacks[1]: rebut: a label must be a non-empty string, got ['x']",
    ]
