"""The ABA benchmark's frameworks and its PyArg child (benchmarks/aba.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import aba as bench

from argmap.aba import accepted, is_extension
from argmap.io.aba import parse_aba


def rules_of(text: str) -> list[tuple[str, list[str]]]:
    return [(w[1], w[2:]) for w in (line.split() for line in text.splitlines()) if w[0] == "r"]


def test_the_dense_shape_draws_bodies_from_every_atom_but_the_head() -> None:
    text, query = bench.generate("dense", 200, 0.3, 5, 10, 0.0, 0)
    framework = parse_aba(text)
    assert len(framework.atoms) == 200
    assert framework.assumptions == {str(i) for i in range(1, 61)}
    assert query in framework.assumptions
    rules = rules_of(text)
    heads = {head for head, _ in rules}
    assert heads == {str(i) for i in range(61, 201)}
    for head in heads:
        assert 1 <= sum(1 for h, _ in rules if h == head) <= 5
    assert all(head not in body and 1 <= len(body) <= 10 for head, body in rules)
    # drawn from all atoms: heads numbered after the rule's own head are used too
    assert any(
        int(b) > int(head) for head, body in rules for b in body if b not in framework.assumptions
    )


def test_the_ordered_shape_without_a_cycle_share_is_acyclic() -> None:
    text, _ = bench.generate("ordered", 300, 0.1, 5, 5, 0.0, 1)
    framework = parse_aba(text)
    uses = {head: set() for head, _ in rules_of(text)}
    for head, body in rules_of(text):
        uses[head].update(b for b in body if b not in framework.assumptions)
    # every head can be placed after the heads its bodies use
    placed: set[str] = set()
    while len(placed) < len(uses):
        ready = {h for h, used in uses.items() if h not in placed and used <= placed}
        assert ready, "the rules form a cycle"
        placed |= ready
    cyclic, _ = bench.generate("ordered", 300, 0.1, 5, 5, 1.0, 1)
    assert cyclic != text


def test_the_same_parameters_give_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "FOLDER", tmp_path)
    path = bench.instance("dense", 50, 0.3, 5, 5, 0.0, 0)
    assert path.name == "aba_dense_50_0.3_5_5_0.aba"
    assert path.read_text() == bench.generate("dense", 50, 0.3, 5, 5, 0.0, 0)[0]
    assert path.with_suffix(".query").read_text().strip() in parse_aba(path.read_text()).assumptions
    ordered = bench.instance("ordered", 50, 0.3, 5, 5, 0.4, 0)
    assert ordered.name == "aba_ordered_50_0.3_5_5_0.4_0.aba"


#: A stand-in for PyArg's ABA classes, answering from argmap's extensions, so that what is
#: tested is the child's reading of the ICCMA file and its answers.
FAKE_PY_ARG = {
    "aba_classes/rule.py": """
class Rule:
    def __init__(self, rule_id, body, head):
        self.id, self.body, self.head = rule_id, body, head
""",
    "aba_classes/aba_framework.py": """
from argmap.aba import ABAFramework


class ABAF:
    def __init__(self, assumptions, rules, language, contraries):
        self.framework = ABAFramework(
            [(r.head, sorted(r.body)) for r in rules], assumptions, contraries, language
        )
""",
}
for _code, _name in (("CO", "complete"), ("PR", "preferred"), ("ST", "stable")):
    FAKE_PY_ARG[f"aba_classes/semantics/get_{_name}_extensions.py"] = f"""
from argmap.aba import extensions


def get_{_name}_extensions(abaf):
    return set(extensions(abaf.framework, "{_code}"))
"""


@pytest.fixture
def fake_py_arg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, text in FAKE_PY_ARG.items():
        path = tmp_path / "site" / "py_arg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "site"))


@pytest.mark.usefixtures("fake_py_arg")
def test_the_pyarg_child_reads_the_iccma_file_and_answers_each_task(tmp_path: Path) -> None:
    text, _ = bench.generate("dense", 12, 0.3, 2, 2, 0.0, 3)
    path = tmp_path / "x.aba"
    path.write_text("# a comment line\n" + text)
    framework = parse_aba(text)
    for task in bench.TASKS:
        problem, code = task.split("-")
        queries = sorted(framework.assumptions) if problem in ("DC", "DS") else [None]
        for query in queries:
            command = [sys.executable, "-c", bench._PYARG_CHILD, str(path), task]
            out = subprocess.run(
                [*command, *([query] if query else [])], capture_output=True, text=True, check=True
            ).stdout.strip()
            if problem == "SE":
                assert out == "NO" or is_extension(framework, out.split()[1:], code)
            else:
                mode = "credulous" if problem == "DC" else "sceptical"
                expected = accepted(framework, query, code, mode)
                assert out == ("YES" if expected else "NO"), (task, query)


def test_answers_are_compared_decision_by_decision_and_extensions_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "FOLDER", tmp_path)
    (tmp_path / "f.aba").write_text("p aba 4\na 1\na 2\nc 1 2\nc 2 3\nr 3 4\n")

    def row(task: str, solver: str, answer: str, status: str = "ok") -> dict[str, object]:
        return {"instance": "f", "task": task, "solver": solver, "status": status, "answer": answer}

    agreeing = [
        row("DC-CO", "argmap", "YES"),
        row("DC-CO", "python-argumentation", "YES"),
        row("SE-PR", "argmap", "w 2"),
        row("SE-PR", "python-argumentation", "w 2"),
        row("DS-PR", "argmap", "NO"),
        row("DS-PR", "python-argumentation", "", status="timeout"),
    ]
    assert bench.disagreements(agreeing) == "2 tasks answered by both, 0 differing"
    wrong = [
        row("DS-ST", "argmap", "YES"),
        row("DS-ST", "python-argumentation", "NO"),
        row("SE-ST", "argmap", "w 2"),
        row("SE-ST", "python-argumentation", "w 1 2"),  # 1 is attacked by 2: not stable
    ]
    report = bench.disagreements(wrong).splitlines()
    assert report[0] == "2 tasks answered by both, 2 differing"
    assert sorted(line.split(":")[0].strip() for line in report[1:]) == ["f DS-ST", "f SE-ST"]
