"""The showcase's outcome, pinned: a change in the evaluator shows here as a readable diff."""

import runpy
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "russia_hamas.py"


@pytest.fixture(scope="module")
def example():
    return runpy.run_path(str(EXAMPLE), run_name="example")


# the map has one preferred extension, equal to the grounded one: nothing is left to choose
KEY_OUTCOME = {
    "bottom_line": "in", "geopolitical_motive": "in", "humanitarian": "out",
    "maintains_relationship": "in", "facilitated_support": "in", "russian_arms": "out",
    "denial": "in", "nato_arms": "out", "reshipped": "in", "stigma": "in",
}  # fmt: skip
EXPECTED = {"grounded": KEY_OUTCOME, "preferred": KEY_OUTCOME}


@pytest.mark.parametrize("semantics", sorted(EXPECTED))
def test_key_conclusions(example, semantics):
    ev = example["m"].evaluate(semantics)
    got = {claim: ev.status(claim).value for claim in example["KEY_CLAIMS"]}
    assert got == EXPECTED[semantics]


def test_without_preferences_the_conceded_points_are_no_longer_settled(example):
    ev = example["m"].evaluate(preferences=False)
    # the stigma's rebuttal now defeats the bottom line, and the two arms claims stay in
    # conflict: the assessments are what settle them
    assert ev.status("bottom_line").value == "out"
    assert ev.status("russian_arms").value == "undec"


def test_the_bottom_line_rests_on_the_stigma_being_judged_unlikely(example):
    # the article concedes the stigma and outweighs it: judged roughly even chance or more
    # likely, it would defeat the bottom line
    found = example["m"].evaluate().what_would_change("bottom_line")
    stigma = {c.after: c.status.value for c in found.changes if c.target == "stigma"}
    assert stigma == dict.fromkeys(
        ["roughly even chance", "likely", "very likely", "almost certain"], "out"
    )
    assert found.status.value == "in" and len(found.changes) < found.tried


def test_every_source_the_article_names_is_in_the_map(example):
    sources = {s.name for s in example["m"].model().sources}
    for name in (
        "Russian foreign ministry statement",
        "Reuters",
        "Al Jazeera",
        "Nikolay Mitrokhin",
        "Igar Tyshkevich",
        "Dmitry Medvedev",
        "Ukrainian interlocutors",
        "Hamas statement",
        "Article author",
    ):
        assert name in sources
    used = {c.source for c in example["m"].claims}
    assert sources <= used  # every source declared is the source of some claim


def test_bottom_line_explanation_is_a_justification(example):
    text = example["m"].evaluate().explain("bottom_line")
    assert "is IN under grounded semantics" in text
    assert "humanitarian diplomacy" in text and "legitimizing effect" in text
    assert "stigma" in text and "weaker" in text


def test_the_demo_runs_and_writes_its_diagrams(tmp_path, capsys, example):
    example["main"](tmp_path)
    out = capsys.readouterr().out
    assert "== grounded semantics" in out and "== preferred semantics" in out
    assert (tmp_path / "russia_hamas.svg").read_text().lstrip().startswith("<?xml")
    assert (tmp_path / "russia_hamas.png").read_bytes()[:4] == b"\x89PNG"
