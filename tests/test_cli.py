"""The argmap command as an ICCMA solver: output syntax, errors and exit codes."""

import gc
import os
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import cli

from conftest import run


@pytest.fixture
def i23(tmp_path):
    path = tmp_path / "f.af"
    path.write_text("p af 3\n1 2\n2 1\n")
    return str(path)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["-p", "DC-PR", "-a", "1"], "YES\nw 1 3\n"),
        (["-p", "DC-GR", "-a", "1"], "NO\n"),
        (["-p", "DS-PR", "-a", "3"], "YES\n"),
        (["-p", "DS-PR", "-a", "1"], "NO\nw 2 3\n"),
        (["-p", "SE-GR"], "w 3\n"),
        (["-p", "EE-ST"], "[[1,3],[2,3]]\n"),
        (["-p", "CE-CO"], "3\n"),
    ],
)
def test_answers_in_iccma_syntax(capsys, i23, argv, expected):
    status, out, err = run(capsys, "solve", "-f", i23, *argv)
    assert (status, out, err) == (0, expected, "")


def test_empty_extension_and_no_extension(capsys, tmp_path):
    cycle = tmp_path / "c.apx"
    cycle.write_text("arg(a). arg(b). arg(c). att(a,b). att(b,c). att(c,a).")
    assert run(capsys, "solve", "-p", "SE-GR", "-f", str(cycle)) == (0, "w\n", "")
    assert run(capsys, "solve", "-p", "SE-ST", "-f", str(cycle)) == (0, "NO\n", "")
    assert run(capsys, "solve", "-p", "EE-ST", "-f", str(cycle)) == (0, "[]\n", "")
    assert run(capsys, "solve", "-p", "EE-PR", "-f", str(cycle)) == (0, "[[]]\n", "")
    assert run(capsys, "solve", "-p", "DS-ST", "-f", str(cycle), "-a", "a") == (0, "YES\n", "")


def test_format_option_overrides_the_extension(capsys, tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("arg(x).\n")
    assert run(capsys, "solve", "-p", "SE-GR", "-f", str(path), "-fo", "apx") == (0, "w x\n", "")


def test_lists(capsys):
    status, out, _ = run(capsys, "solve", "--problems")
    assert status == 0 and "DS-STG2" in out and "EE-PR" in out
    assert run(capsys, "solve", "--formats") == (0, "[i23,apx,tgf,aba]\n", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-p", "DC-XX", "-a", "1"], "unknown task: 'DC-XX' (a task is PROBLEM-SEMANTICS,"),
        (["-p", "SE-EAG"], "unknown task: 'SE-EAG' (did you mean 'SE-EA'? a task is"),
        (["-p", "DC-STG3", "-a", "1"], "(did you mean 'DC-STG' or 'DC-STG2'?"),
        (["-p", "se-preferred"], "unknown task: 'se-preferred' (did you mean 'SE-PR'?"),
        (["-p", "DS-prefered", "-a", "1"], "(did you mean 'DS-PR'?"),
        (["-p", "DC-PR", "-a", "9"], "unknown argument: '9'"),
        (["-p", "DC-PR"], "needs a query argument"),
        (["-p", "EE-PR", "-a", "1"], "takes no query argument"),
        (["-p", "EE-PR", "--fo", "xyz"], "invalid choice: 'xyz'"),
        (["-p", "EE-PR", "--timeout", "-1"], "must be positive"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, i23, argv, message):
    assert_one_error_line(run(capsys, "solve", "-f", i23, *argv), message)


def assert_one_error_line(result, message):
    status, out, err = result
    assert status == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_malformed_file_names_file_and_line(capsys, tmp_path):
    path = tmp_path / "bad.af"
    path.write_text("p af 2\n1 2\n1 7\n")
    status, out, err = run(capsys, "solve", "-p", "EE-PR", "-f", str(path))
    assert status == 2 and out == ""
    assert f"{path}:3: argument index out of range 1..2: '1 7'" in err


def test_no_traceback_from_the_real_command(tmp_path):
    path = tmp_path / "bad.apx"
    path.write_text("arg(a).\natt(a,b).\n")
    done = subprocess.run(
        [sys.executable, "-m", "argmap.cli", "solve", "-p", "EE-PR", "-f", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert "bad.apx:2: attack names an undeclared argument 'b'" in done.stderr


def test_the_command_runs_without_the_cyclic_collector_and_a_caller_keeps_it(capsys):
    probe = (
        "import gc, sys\n"
        "from argmap.cli import main\n"
        "sys.argv = ['argmap', 'solve', '--problems']\n"
        "main()\n"
        "print(gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == "False"
    run(capsys, "solve", "--problems")  # main(argv), as a program calls it
    assert gc.isenabled()


def test_the_solve_process_delivers_its_whole_answer_and_status(capsys, tmp_path):
    path = tmp_path / "wide.af"
    path.write_text("p af 12\n")  # 4,096 conflict-free sets: an answer of 60 KB
    command = [sys.executable, "-m", "argmap.cli", "solve", "-p", "EE-CF", "-f", str(path)]
    done = subprocess.run(command, capture_output=True, text=True)
    status, out, _ = run(capsys, "solve", "-p", "EE-CF", "-f", str(path))
    assert done.returncode == status == 0 and done.stdout == out
    assert out.count("[") == 4096 + 1
    slow = tmp_path / "slow.af"
    slow.write_text("p af 40\n")
    command = [sys.executable, "-m", "argmap.cli", "solve", "-p", "EE-CF", "-f", str(slow)]
    done = subprocess.run([*command, "--timeout", "0.3"], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == "argmap: no answer within the time limit of 0.3 s\n"


@pytest.mark.parametrize(("words", "shut_down"), [(["solve", "--problems"], False), ([], True)])
def test_only_the_solve_command_skips_the_interpreter_shutdown(words, shut_down):
    probe = (
        "import atexit, sys\n"
        "from argmap.cli import command\n"
        "atexit.register(lambda: print('shut down'))\n"
        f"sys.argv = ['argmap', *{words!r}]\n"
        "command()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip()  # the command's own output
    assert done.stdout.endswith("shut down\n") == shut_down


@pytest.mark.parametrize(
    ("words", "search"),
    [
        (["solve", "-p", "EE-CF"], "engine.iterate"),
        (["accepted", "-s", "CF2"], "acceptance.credulously_accepted"),
    ],
)
def test_a_timed_out_command_ends_before_the_search_is_freed(tmp_path, words, search):
    path = tmp_path / "small.af"
    path.write_text("p af 3\n")
    module, name = search.split(".")
    probe = (
        "import sys\n"
        f"from argmap.semantics import {module}\n"
        "from argmap.semantics.deadline import check_deadline\n"
        "class Held:\n"
        "    def __del__(self):\n"
        "        print('freed', file=sys.stderr)\n"
        "def endless(*args):\n"
        "    held = Held()  # lives as long as this frame, which the timeout unwinds\n"
        "    while True:\n"
        "        check_deadline()\n"
        f"{module}.{name} = endless\n"
        "from argmap.cli import command\n"
        f"sys.argv = ['argmap', *{words!r}, '-f', {str(path)!r}, '--timeout', '0.3']\n"
        "command()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == "argmap: no answer within the time limit of 0.3 s\n"


def test_version_names_the_rendering_engine(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("argmap 0.") and "rendering:" in out


def test_timeout_exits_3_and_prints_no_answer(capsys, tmp_path):
    path = tmp_path / "wide.af"
    path.write_text("p af 40\n")  # 2^40 conflict-free sets: never finishes in time
    status, out, err = run(capsys, "solve", "-p", "EE-CF", "-f", str(path), "--timeout", "0.3")
    assert (status, out) == (3, "")
    assert "time limit of 0.3 s" in err


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    path = tmp_path / "wide.af"
    path.write_text("p af 12\n")  # 4,096 conflict-free sets, far more output than is read
    command = [sys.executable, "-m", "argmap.cli", "solve", "-p", "EE-CF", "-f", str(path)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout.read(2) == b"[["
    child.stdout.close()
    child.wait()
    assert b"Traceback" not in child.stderr.read()
    child.stderr.close()


_TOKENS = [
    "solve", "evaluate", "-p", "-f", "-a", "-fo", "--fo", "--timeout", "--tim", "--help",
    "DC-PR", "x.apx", "apx", "i23", "tgf", "bogus", "1", "0", "-1", "2.5", "nan", "", "a",
]  # fmt: skip


@settings(max_examples=500)  # each draw parses a few words
@given(st.lists(st.sampled_from(_TOKENS), max_size=9))
def test_a_plain_solve_call_is_read_as_argparse_reads_it(argv):
    quick = cli._quick_solve_arguments(argv)
    if quick is None:
        return  # argparse reads it
    full = cli._build_parser().parse_args(argv)  # a usage error here would fail the test
    for name in ("command", "task", "file", "argument", "fo", "timeout", "problems", "formats"):
        assert getattr(quick, name) == getattr(full, name), name


def test_plain_solve_calls_are_read_without_argparse():
    quick = cli._quick_solve_arguments(["solve", "-p", "SE-PR", "-f", "x.af", "--timeout", "2"])
    assert quick is not None and (quick.task, quick.file, quick.timeout) == ("SE-PR", "x.af", 2.0)
    for argv in (["solve", "--help"], ["solve", "-p"], ["solve", "--time", "2"], ["render"]):
        assert cli._quick_solve_arguments(argv) is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["-s", "PR"], "[1,2,3]\n"),
        (["-s", "preferred", "--mode", "sceptical"], "[3]\n"),
        (["-s", "GR", "--mode", "credulous"], "[3]\n"),
        (["-s", "ST", "--mode", "skeptical"], "[3]\n"),
    ],
)
def test_accepted_lists_every_accepted_argument(capsys, i23, argv, expected):
    assert run(capsys, "accepted", "-f", i23, *argv) == (0, expected, "")


def test_accepted_with_no_stable_extension(capsys, tmp_path):
    cycle = tmp_path / "c.apx"
    cycle.write_text("arg(a). arg(b). arg(c). att(a,b). att(b,c). att(c,a).")
    assert run(capsys, "accepted", "-f", str(cycle), "-s", "ST") == (0, "[]\n", "")
    sceptical = run(capsys, "accepted", "-f", str(cycle), "-s", "ST", "--mode", "sceptical")
    assert sceptical == (0, "[a,b,c]\n", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-s", "XX"], "unknown semantics: 'XX'"),
        (["-s", "PR", "--mode", "maybe"], "invalid choice: 'maybe'"),
        (["-s", "PR", "--fo", "xyz"], "invalid choice: 'xyz'"),
        (["-s", "PR", "--timeout", "0"], "must be positive"),
        ([], "the following arguments are required: -s/--semantics"),
    ],
)
def test_accepted_bad_input_exits_2_with_one_line(capsys, i23, argv, message):
    assert_one_error_line(run(capsys, "accepted", "-f", i23, *argv), message)


def test_accepted_names_a_malformed_file_and_its_line(capsys, tmp_path):
    path = tmp_path / "bad.af"
    path.write_text("p af 2\n1 2\n1 7\n")
    result = run(capsys, "accepted", "-f", str(path), "-s", "PR")
    assert_one_error_line(result, f"{path}:3: argument index out of range 1..2: '1 7'")


def test_accepted_timeout_exits_3_and_prints_nothing(capsys, tmp_path):
    # stage acceptance of a random framework with no stable extension runs far past the limit
    import random

    rng = random.Random(11)
    attacks = {(rng.randrange(1, 1001), rng.randrange(1, 1001)) for _ in range(4000)}
    path = tmp_path / "random.af"
    path.write_text("p af 1000\n" + "".join(f"{a} {b}\n" for a, b in sorted(attacks)))
    status, out, err = run(capsys, "accepted", "-f", str(path), "-s", "STG", "--timeout", "0.3")
    assert (status, out) == (3, "")
    assert "time limit of 0.3 s" in err


def test_the_same_file_gets_the_same_answer_whatever_the_hash_seed(tmp_path):
    # a rewired ring of 600 arguments, one part large enough that its preferred extension
    # comes from clingo, with many preferred extensions to choose from: the answer must not
    # depend on the order in which Python's string hashing lays out the framework's sets
    rng = random.Random(3)
    lines = [f"arg(x{i})." for i in range(600)]
    for a, b in sorted(nx.connected_watts_strogatz_graph(600, 4, 0.3, seed=3).edges):
        first, second = (a, b) if rng.random() < 0.5 else (b, a)
        lines.append(f"att(x{first},x{second}).")
        if rng.random() < 0.2:
            lines.append(f"att(x{second},x{first}).")
    path = tmp_path / "ring.apx"
    path.write_text("\n".join(lines) + "\n")
    answers = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "argmap.cli", "solve", "-p", "SE-PR", "-f", str(path)]
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        answers.add(done.stdout)
    assert len(answers) == 1 and next(iter(answers)).startswith("w ")


def test_a_misspelt_argument_or_claim_is_answered_with_the_names_spelt_like_it(capsys, tmp_path):
    nixon = str(Path(__file__).parent.parent / "examples" / "frameworks" / "nixon.apx")
    status, out, err = run(capsys, "solve", "-p", "DC-PR", "-f", nixon, "-a", "hwk")
    assert status == 2 and out == ""
    assert "unknown argument: 'hwk' (did you mean 'hawk'? arguments: [" in err
    numbered = tmp_path / "numbered.af"
    numbered.write_text("p af 12\n1 2\n")
    status, out, err = run(capsys, "solve", "-p", "DC-PR", "-f", str(numbered), "-a", "13")
    assert status == 2 and out == ""
    assert "unknown argument: '13' (arguments: [" in err  # names of digits: no guess
    mapped = tmp_path / "witness.py"
    mapped.write_text(
        "from argmap import ArgumentMap\n"
        "m = ArgumentMap()\n"
        "m.rebut(m.claim('alibi', 'At home'), m.claim('witness', 'Seen at the door'))\n"
    )
    status, out, err = run(capsys, "evaluate", str(mapped), "--explain", "witnes")
    assert status == 2 and out == ""
    assert "unknown claim id: 'witnes' (did you mean 'witness'? known" in err
