"""The published reference solutions in shared/conformance, through the command's code path."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import read_framework

from conftest import DATA
from iccma_lists import as_extensions, parse_lists

ROOT = DATA / "conformance"
SOLUTIONS = sorted(p for p in ROOT.glob("*/*") if p.suffix not in (".apx", ".md"))


def run(capsys, *argv: str) -> str:
    status = main(list(argv))
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.err == ""
    return captured.out.strip()


def reference(path: Path) -> dict[str, frozenset[frozenset[str]]]:
    """Semantics code -> published extensions, for one solution file."""
    kind = path.suffix[1:]
    value = parse_lists(path.read_text())
    if kind == "D3":
        grounded, stable, preferred = value
        return {
            "GR": as_extensions(grounded),
            "ST": as_extensions(stable),
            "PR": as_extensions(preferred),
        }
    task, code = kind.split("-")
    if task == "SE":
        return {code: as_extensions(value)}
    return {code: as_extensions(value[0])}


def test_the_sets_are_present():
    assert len(SOLUTIONS) > 150, f"conformance sets not found under {ROOT}"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_published_solution(capsys, solution):
    framework_file = str(solution.with_suffix(".apx"))
    af = read_framework(framework_file)
    for code, expected in reference(solution).items():
        enumerated = parse_lists(run(capsys, "solve", "-p", f"EE-{code}", "-f", framework_file))
        assert as_extensions(enumerated[0]) == expected, code
        assert run(capsys, "solve", "-p", f"CE-{code}", "-f", framework_file) == str(len(expected))
        one = run(capsys, "solve", "-p", f"SE-{code}", "-f", framework_file)
        if expected:
            assert frozenset(one.split()[1:]) in expected
        else:
            assert one == "NO"
        # decision tasks on a spread of arguments (every argument in small frameworks)
        names = af.sorted_arguments
        for name in names[:: max(1, len(names) // 6)]:
            credulous = any(name in e for e in expected)
            sceptical = all(name in e for e in expected)
            dc = run(capsys, "solve", "-p", f"DC-{code}", "-f", framework_file, "-a", name)
            ds = run(capsys, "solve", "-p", f"DS-{code}", "-f", framework_file, "-a", name)
            assert dc.split("\n")[0] == ("YES" if credulous else "NO"), (code, name)
            assert ds.split("\n")[0] == ("YES" if sceptical else "NO"), (code, name)
