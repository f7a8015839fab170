"""The benchmark runner's handling of compiled ICCMA 2023 solvers (benchmarks/run.py)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import run
from generate import generate

from argmap import accepted
from argmap.io import read_framework, write_framework


def row(
    solver: str, task: str, n: int, wall: float, status: str = "ok", **extra: object
) -> dict[str, object]:
    return {
        "family": "ER",
        "n": n,
        "task": task,
        "solver": solver,
        "status": status,
        "wall": wall,
        **extra,
    }


def test_band_table_counts_only_pairs_the_compiled_solver_took_between_the_bounds() -> None:
    rows = [
        row("argmap", "DC-CO", 1, 0.5, solve=0.4),
        row("fast", "DC-CO", 1, 0.05),  # below the band: left out
        row("argmap", "DC-CO", 2, 2.0, solve=1.9),
        row("fast", "DC-CO", 2, 1.0),  # 2.0x
        row("argmap", "SE-ST", 2, 8.0, solve=7.9),
        row("fast", "SE-ST", 2, 2.0),  # 4.0x, outside 3x
        row("argmap", "SE-ST", 3, 10.0, status="timeout"),
        row("fast", "SE-ST", 3, 5.0),  # argmap unfinished
        row("pygarg", "SE-ST", 2, 3.0, solve=2.9),  # a Python peer: not in the table
    ]
    assert run.compiled_solvers(rows) == ["fast"]
    table = run.against_compiled(rows).splitlines()
    assert "| fast | CO | 1 | 2.00x | 2.00x | 1 | 0 |" in table
    assert "| fast | ST | 2 | 4.00x | 4.00x | 0 | 1 |" in table
    assert "| fast | all | 3 | 3.00x | 4.00x | 1 | 1 |" in table
    assert table[-1].startswith("| fast | all |")


def test_band_table_says_so_when_no_pair_is_in_the_band() -> None:
    rows = [row("argmap", "DC-CO", 1, 0.5, solve=0.4), row("fast", "DC-CO", 1, 0.01)]
    assert run.against_compiled(rows) == "No pair on which a compiled solver took 0.1-10 s."
    assert run.against_compiled([row("argmap", "DC-CO", 1, 0.5, solve=0.4)]) == ""


def test_rows_about_other_arguments_of_one_instance_are_other_pairs() -> None:
    rows = [
        row("argmap", "DC-STG", 1, 0.3, solve=0.2, argument="7", answer="YES"),
        row("fast", "DC-STG", 1, 0.2, argument="7", answer="YES"),  # 1.5x
        row("argmap", "DC-STG", 1, 30.0, status="timeout", argument="9"),
        row("fast", "DC-STG", 1, 0.8, argument="9", answer="YES"),  # argmap unfinished
        row("argmap", "DS-STG", 1, 0.3, solve=0.2, argument="9", answer="NO"),
        row("fast", "DS-STG", 1, 0.4, argument="9", answer="YES"),  # differs about 9 only
        row("fast", "DS-STG", 1, 0.4, argument="7", answer="NO"),  # argmap never asked
    ]
    assert "| fast | STG | 3 | 1.12x | 1.50x | 2 | 1 |" in run.against_compiled(rows).splitlines()
    assert run.disagreements(rows) == ["DS-STG on ER-1 about 9: fast YES, argmap NO"]
    # rows of runs that asked about one argument per instance name none, and still pair up
    old = [row("argmap", "DC-CO", 1, 2.0, solve=1.9), row("fast", "DC-CO", 1, 1.0)]
    assert "| fast | all | 1 | 2.00x | 2.00x | 1 | 0 |" in run.against_compiled(old)


def test_decision_tasks_ask_the_middle_argument_or_ones_drawn_at_random(tmp_path: Path) -> None:
    apx = tmp_path / "ER-9.apx"
    apx.write_text("".join(f"arg({i}).\n" for i in range(1, 10)) + "att(1,2).\n")
    assert run.query_arguments(apx, None, 0) == ["5"]
    drawn = run.query_arguments(apx, 4, 3)
    assert len(set(drawn)) == 4 and set(drawn) <= {str(i) for i in range(1, 10)}
    assert run.query_arguments(apx, 4, 3) == drawn  # the seed fixes the draw
    assert run.query_arguments(apx, 4, 4) != drawn
    assert sorted(run.query_arguments(apx, 20, 3), key=int) == [str(i) for i in range(1, 10)]
    pairs = list(run.task_queries(["DC-CO", "SE-PR", "DS-ST"], ["2", "8"]))
    assert pairs == [("DC-CO", "2"), ("DC-CO", "8"), ("SE-PR", ""), ("DS-ST", "2"), ("DS-ST", "8")]


def test_a_renumbered_run_asks_the_copy_about_the_arguments_drawn_from_the_file(
    tmp_path: Path,
) -> None:
    apx = tmp_path / "ER-9.apx"
    apx.write_text(write_framework(generate("ER", 9, 2), "apx"))
    af = read_framework(apx)
    tasks = ["DC-PR", "DS-STG", "SE-GR"]
    plain, asked = run.planned_queries(apx, tasks, 3, 5, None)
    assert plain == apx and all(named == query for _, named, query in asked)
    path, renamed = run.planned_queries(apx, tasks, 3, 5, 4)
    assert path == tmp_path / "renumbered-4" / "ER-9.apx"
    _, number = run.renumbered_copy(apx, 4)
    copy = read_framework(path)
    assert copy.attacks == {(number[a], number[b]) for a, b in af.attacks}
    assert number != {name: name for name in af.arguments}
    # the same draw from the file, the rows naming its arguments, the copy asked in its own
    assert renamed == [(task, named, number.get(named, "")) for task, named, _ in asked]
    for task, named, query in renamed:
        if named:
            code, mode = task[3:], "credulous" if task[:2] == "DC" else "sceptical"
            assert accepted(copy, query, code, mode=mode) == accepted(af, named, code, mode=mode)
    # the copy is kept: planning again rewrites nothing
    path.write_text("arg(kept).\n")
    assert run.planned_queries(apx, ["SE-GR"], None, 0, 4)[0].read_text() == "arg(kept).\n"


def fake_solver(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "solver"
    script.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_a_compiled_solver_lists_its_tasks_and_is_timed_on_the_i23_copy(tmp_path: Path) -> None:
    binary = fake_solver(
        tmp_path,
        "if sys.argv[1:] == ['--problems']: print('[DC-CO, SE-GR]'); sys.exit()\n"
        "args = dict(zip(sys.argv[1::2], sys.argv[2::2]))\n"
        "assert args['-f'].endswith('.i23'), args\n"
        "print('YES' if args.get('-a') == '2' else 'NO')\nprint('w 2')",
    )
    name, path, tasks = run.iccma_solver(f"fake={binary}")
    assert (name, path, tasks) == ("fake", str(binary), {"DC-CO", "SE-GR"})
    apx = tmp_path / "ER-3.apx"
    apx.write_text("arg(1).\narg(2).\narg(3).\natt(1,3).\n")
    timed = run.time_iccma(name, path, apx, "DC-CO", "2", limit=10)
    assert (timed["solver"], timed["status"], timed["answer"]) == ("fake", "ok", "YES")
    assert "solve" not in timed
    assert apx.with_suffix(".i23").read_text().startswith("p af 3")


def test_a_compiled_solver_that_fails_is_reported_not_guessed(tmp_path: Path) -> None:
    binary = fake_solver(tmp_path, "sys.exit(1)")
    with pytest.raises(ValueError, match="--problems failed"):
        run.iccma_solver(f"broken={binary}")
    with pytest.raises(ValueError, match="expected NAME=PATH"):
        run.iccma_solver(str(binary))
    crashing = fake_solver(
        tmp_path, "if sys.argv[1:] == ['--problems']: print('[SE-GR]'); sys.exit()\nsys.exit(3)"
    )
    apx = tmp_path / "ER-1.apx"
    apx.write_text("arg(1).\n")
    timed = run.time_iccma("c", str(crashing), apx, "SE-GR", "", limit=10)
    assert timed["status"] == "exit 3" and "answer" not in timed


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--iccma-solver", "nameless"], "--iccma-solver 'nameless': expected NAME=PATH"),
        (["--seed", "-1"], "--seed -1: expected a number 0 or above"),
        (["--arguments", "0"], "--arguments 0: expected a number 1 or above"),
    ],
)
def test_a_bad_option_stops_the_run_with_status_2_and_writes_nothing(
    tmp_path: Path, option: list[str], message: str
) -> None:
    out = tmp_path / "rows.csv"
    done = subprocess.run(
        [sys.executable, str(Path(run.__file__)), *option, "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_another_seed_writes_other_frameworks_beside_seed_0s(tmp_path: Path) -> None:
    [first] = run.instances(tmp_path, [100], ["ER"])
    [second] = run.instances(tmp_path, [100], ["ER"], seed=1)
    assert first == tmp_path / "ER-100.apx"
    assert second == tmp_path / "seed-1" / "ER-100.apx"
    assert first.read_text() != second.read_text()
    # the file of a seed is made from that seed, and kept: asking again rewrites nothing
    assert second.read_text() == write_framework(generate("ER", 100, 1), "apx")
    second.write_text("arg(a).\n")
    assert run.instances(tmp_path, [100], ["ER"], seed=1) == [second]
    assert second.read_text() == "arg(a).\n"


#: A stand-in for afsolver's API (afsolver itself needs Python 3.13), answering from argmap's
#: extensions, so that the child's reading of the file and its answers are what is tested.
FAKE_AFSOLVER = """
from argmap import Framework, extensions


class ArgumentationFramework:
    def __init__(self, arguments=(), attacks=()):
        self.af = Framework.from_attacks(list(attacks), arguments=list(arguments))

    def _all(self, code):
        return sorted(extensions(self.af, code), key=sorted)

    def grounded(self):
        return self._all("GR")[0]

    def complete(self):
        return self._all("CO")

    def preferred(self, contains=None):
        return [e for e in self._all("PR") if set(contains or ()) <= e]

    def stable(self):
        return self._all("ST")

    def minimal_admissible(self, contains=None):
        holding = [e for e in self._all("AD") if e and set(contains or ()) <= e]
        return [e for e in holding if not any(other < e for other in holding)]
"""


@pytest.fixture
def fake_afsolver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """:data:`FAKE_AFSOLVER` importable as ``afsolver`` by child interpreters."""
    package = tmp_path / "site" / "afsolver"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(FAKE_AFSOLVER)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "site"))


@pytest.mark.usefixtures("fake_afsolver")
def test_the_afsolver_child_reads_the_apx_facts_and_answers_each_task(tmp_path: Path) -> None:
    assert "afsolver" in run.peers_available(sys.executable)
    apx = tmp_path / "ER-4.apx"
    # a and b attack each other, b attacks c, d attacks itself and c: grounded is empty,
    # the preferred extensions are {a} and {b}, and there is no stable extension.
    apx.write_text(
        "arg(a).\narg(b).\narg(c).\narg(d).\natt(a,b).\natt(b,a).\natt(b,c).\n"
        "att(d,d).\natt(d,c).\n"
    )
    answers = {
        ("SE-GR", ""): "w ",
        ("DC-CO", "a"): "YES",
        ("DC-CO", "c"): "NO",
        ("DS-PR", "a"): "NO",
        ("SE-PR", ""): "w a",
        ("DC-ST", "a"): "NO",
        ("DS-ST", "c"): "YES",
        ("SE-ST", ""): "NO",
    }
    for (task, argument), expected in answers.items():
        timed = run.time_afsolver(sys.executable, apx, task, argument, limit=30)
        assert (timed["solver"], timed["status"]) == ("afsolver", "ok"), (task, timed)
        assert timed["answer"] == expected, (task, argument, timed)
        assert float(str(timed["read"])) >= 0 and float(str(timed["solve"])) >= 0


@pytest.mark.usefixtures("fake_afsolver")
def test_only_the_peers_asked_for_are_timed(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-python")
    assert run.choose_peers([missing, sys.executable], ["afsolver"]) == {"afsolver": sys.executable}
    assert "afsolver" not in run.choose_peers([sys.executable], ["pygarg", "python-argumentation"])


def test_a_child_past_the_memory_limit_fails_and_is_not_counted_solved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binary = fake_solver(
        tmp_path,
        "if sys.argv[1:] == ['--problems']: print('[SE-GR]'); sys.exit()\n"
        "hoard = bytearray(300 * 2**20)\nprint('w')",
    )
    apx = tmp_path / "ER-1.apx"
    apx.write_text("arg(1).\n")
    monkeypatch.setattr(run, "memory_limit", 200 * 2**20)
    timed = run.time_iccma("hoarder", str(binary), apx, "SE-GR", "", limit=10)
    assert timed["status"] == "exit 1" and "answer" not in timed
    monkeypatch.setattr(run, "memory_limit", None)
    timed = run.time_iccma("hoarder", str(binary), apx, "SE-GR", "", limit=10)
    assert (timed["status"], timed["answer"]) == ("ok", "w")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--semantics", "XX"], "argument --semantics: invalid choice: 'XX'"),
        (["--sizes", "0"], "not a positive number of arguments: '0'"),
        (["--sizes", "ten"], "not a positive number of arguments: 'ten'"),
        (["--limit", "0"], "argument --limit: must be above zero, not 0"),
    ],
)
def test_the_acceptance_script_refuses_bad_options_before_printing_anything(
    arguments: list[str], message: str
) -> None:
    script = Path(run.__file__).with_name("acceptance.py")
    done = subprocess.run([sys.executable, str(script), *arguments], capture_output=True, text=True)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
