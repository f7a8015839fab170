"""The principle checks: the published table, counterexamples, and the doc page."""

import sys
from pathlib import Path

import pytest

from argmap import Framework
from argmap.principles import (
    ADMISSIBILITY,
    DIRECTIONALITY,
    PRINCIPLES,
    PUBLISHED,
    REINSTATEMENT,
    STRONG_ADMISSIBILITY,
    assert_principle,
    principle_table,
    small_frameworks,
    table_markdown,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))


@pytest.fixture(scope="module")
def table():
    return principle_table(small_frameworks(3))


def test_every_published_entry_is_reproduced(table):
    wrong = {
        key: ("published", expected, "argmap", table[key] is None, str(table[key]))
        for key, expected in PUBLISHED.items()
        if (table[key] is None) != expected
    }
    assert not wrong


def test_every_no_comes_with_a_real_counterexample(table):
    for (name, code), violation in table.items():
        if violation is None:
            continue
        principle = next(p for p in PRINCIPLES if p.name == name)
        assert principle.check(code, violation.framework) == violation


def test_the_docs_table_is_up_to_date(table):
    import make_principles

    page = (ROOT / "docs" / "principles.md").read_text()
    assert make_principles.updated(page, table_markdown(table)) == page, (
        "docs/principles.md is out of date: run make docs-principles"
    )


def test_violation_explanations():
    chain = Framework.from_attacks([("a", "b"), ("b", "c")])
    assert REINSTATEMENT.check("GR", chain) is None
    violation = REINSTATEMENT.check("NA", chain)
    assert violation.explanation == "{'b'} defends 'a' but does not contain it"
    mutual = Framework.from_attacks([("a", "b"), ("b", "a")])
    strong = STRONG_ADMISSIBILITY.check("PR", mutual)
    assert "does not strongly defend" in strong.explanation
    assert ADMISSIBILITY.check("preferred", mutual) is None


def test_a_users_own_semantics():
    def unattacked(af):
        return [{a for a in af.arguments if not af.attackers(a)}]

    assert DIRECTIONALITY.check(unattacked, Framework.from_attacks([("a", "b")])) is None
    assert REINSTATEMENT.check(unattacked, Framework.from_attacks([("a", "b"), ("b", "c")]))


def test_assert_principle_finds_and_reports_a_counterexample():
    with pytest.raises(AssertionError, match="directionality fails on Framework"):
        assert_principle(DIRECTIONALITY, "stable", max_arguments=3, max_examples=300)
    assert_principle(DIRECTIONALITY, "grounded", max_arguments=4, max_examples=50)
