"""Every code block in the README and the docs runs as written and prints what it shows."""

import contextlib
import io
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from markdown_blocks import blocks

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "argmap"


def run_python_blocks(path: Path, cwd: Path) -> None:
    """Run the python blocks in one namespace; a ```text block right after one is its output."""
    found = blocks(path)
    namespace: dict = {"__name__": "__docs__"}
    for index, (language, code) in enumerate(found):
        if language != "python":
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.chdir(cwd):
            exec(compile(code, f"{path.name} block {index + 1}", "exec"), namespace)
        if index + 1 < len(found) and found[index + 1][0] == "text":
            assert out.getvalue().strip() == found[index + 1][1].strip(), f"block {index + 1}"


def run_shell_blocks(path: Path, cwd: Path) -> list[str]:
    """Run each argmap command line of the sh blocks; returns the commands run."""
    ran = []
    for language, code in blocks(path):
        if language != "sh":
            continue
        for line in code.splitlines():
            command = line.split("#", 1)[0].strip()
            if not command or command.startswith("make "):
                continue  # the Quick start's own commands are what runs this suite
            words = shlex.split(command)
            if words[0] in ("argmap", ".venv/bin/argmap"):
                words[0] = str(SCRIPT)
            done = subprocess.run(words, cwd=cwd, capture_output=True, text=True)
            assert done.returncode == 0, (command, done.stderr)
            assert done.stdout.strip(), command
            ran.append(command)
    return ran


def test_tutorial_runs_as_written(tmp_path):
    run_python_blocks(ROOT / "docs" / "tutorial.md", tmp_path)
    for step in range(1, 6):
        assert (tmp_path / f"tutorial-{step}.png").read_bytes()[:4] == b"\x89PNG"
    assert run_shell_blocks(ROOT / "docs" / "tutorial.md", tmp_path)
    assert (tmp_path / "door.svg").exists()


@pytest.mark.parametrize(
    "page", ["concepts.md", "howto-teachers.md", "howto-analysts.md", "principles.md", "solver.md"]
)
def test_how_to_pages_run_as_written(tmp_path, page):
    run_python_blocks(ROOT / "docs" / page, tmp_path)


def test_readme_runs_as_written(tmp_path):
    run_python_blocks(ROOT / "README.md", tmp_path)
    assert len(run_shell_blocks(ROOT / "README.md", ROOT)) >= 3


@pytest.mark.parametrize("page", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_doc_pages_link_to_existing_files(page):
    import re

    for target in re.findall(r"\]\(([^)#]+)\)", page.read_text()):
        if target.startswith("http"):
            continue
        assert (page.parent / target).exists(), target


def test_command_line_page_runs_as_written(tmp_path):
    (tmp_path / "examples").symlink_to(ROOT / "examples")  # files are written beside it
    ran = run_shell_blocks(ROOT / "docs" / "cli.md", tmp_path)
    assert sum(command.startswith("argmap convert") for command in ran) == 4
    assert (tmp_path / "nixon.af").read_text().startswith("p af 5\n")
    assert (tmp_path / "alibi.af").read_text().startswith("p af 7\n# 1 '{1} |- 1'\n")
