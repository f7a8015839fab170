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
    REFERENCE_INDEPENDENCE,
    REINSTATEMENT,
    RESOLUTION_ADEQUACY,
    STRONG_ADMISSIBILITY,
    WEAK_REFERENCE_INDEPENDENCE,
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


def test_resolution_adequacy_on_a_mutual_attack():
    # Baroni and Giacomin (2007): resolving a <-> b gives {a} or {b} as the grounded extension,
    # while the framework's grounded extension is empty; preferred keeps both.
    mutual = Framework.from_attacks([("a", "b"), ("b", "a")])
    violation = RESOLUTION_ADEQUACY.check("grounded", mutual)
    assert violation.explanation == (
        "{'a'} is an extension of the resolution Framework(a->b) but is in no extension of "
        "the framework"
    )
    assert RESOLUTION_ADEQUACY.check("preferred", mutual) is None
    assert RESOLUTION_ADEQUACY.check("complete", mutual) is None


def test_reference_independence_reads_the_framework_as_an_expansion():
    # {a} alone has the extension {a}; the normal expansion adds b, which attacks a and
    # itself: grounded now picks the empty set, a different set of old arguments.
    expansion = Framework.from_attacks([("b", "a"), ("b", "b")])
    violation = WEAK_REFERENCE_INDEPENDENCE.check("grounded", expansion)
    assert violation.explanation == (
        "{'a'} is an extension of Framework(; a), but every extension of the expansion is "
        "another set of old arguments"
    )
    # naive keeps {a}: b cannot be in a conflict-free set, and {a} stays maximal.
    assert WEAK_REFERENCE_INDEPENDENCE.check("naive", expansion) is None
    # the strong form fails for any semantics with two extensions, even with nothing added
    assert REFERENCE_INDEPENDENCE.check("naive", Framework.from_attacks([("a", "b")]))
    assert REFERENCE_INDEPENDENCE.check("grounded", Framework.from_attacks([("a", "b")])) is None
