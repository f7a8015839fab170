"""``argmap solve`` on flat ABA frameworks, as the ICCMA ABA track calls a solver."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aba_oracle as oracle
from argmap.aba import ABA_SEMANTICS, write_aba
from argmap.strategies import aba_frameworks
from argmap.tasks import TASKS, parse_task, solve_aba_task

from conftest import run

# two assumptions attacking each other; 3 and 4 are their contraries
FILE = "p aba 4\n# 1 and 2 attack each other\na 1\na 2\nc 1 3\nc 2 4\nr 3 2\nr 4 1\n"


@pytest.fixture
def aba_file(tmp_path):
    path = tmp_path / "pair.aba"
    path.write_text(FILE)
    return str(path)


@pytest.mark.parametrize(
    ("task", "atom", "answer"),
    [
        ("DC-CO", "3", "YES"),
        ("DC-ST", "4", "YES"),
        ("DC-GR", "3", "NO"),
        ("DS-PR", "3", "NO"),
        ("DS-ST", "3", "NO"),
        ("DS-AD", "1", "NO"),
        ("SE-GR", None, "w"),
        ("EE-PR", None, "[[1],[2]]"),
        ("EE-CO", None, "[[1],[2],[]]"),
        ("CE-ST", None, "2"),
    ],
)
def test_answers_in_the_iccma_syntax(capsys, aba_file, task, atom, answer):
    argv = ["solve", "-p", task, "-f", aba_file, *(["-a", atom] if atom else [])]
    assert run(capsys, *argv) == (0, answer + "\n", "")


def test_a_header_or_the_format_option_makes_a_file_aba(capsys, tmp_path):
    for name in ("pair.i23", "pair.txt"):
        path = tmp_path / name
        path.write_text(FILE)
        status, out, _ = run(capsys, "solve", "-p", "SE-ST", "-f", str(path))
        assert status == 0 and out in ("w 1\n", "w 2\n")
    path = tmp_path / "plain.af"
    path.write_text(FILE)
    assert run(capsys, "solve", "-p", "CE-PR", "-f", str(path), "-fo", "aba") == (0, "2\n", "")


def _answer(aba, task, atom):
    """The answer from the reference, in the syntax of solve_aba_task."""
    found = oracle.extensions(aba, task.semantics)
    number = aba.index.__getitem__
    if task.kind in ("DC", "DS"):
        derive = [atom in oracle.derived(aba, e) for e in found]
        return "YES" if (any(derive) if task.kind == "DC" else all(derive)) else "NO"
    if task.kind == "CE":
        return str(len(found))
    if task.kind == "EE":
        return (
            "[" + ",".join(sorted("[" + ",".join(sorted(e, key=number)) + "]" for e in found)) + "]"
        )
    return None


@given(aba=aba_frameworks(min_atoms=1, max_atoms=5), data=st.data())
def test_every_task_agrees_with_the_reference(aba, data):
    task = parse_task(
        f"{data.draw(st.sampled_from(TASKS))}-{data.draw(st.sampled_from(ABA_SEMANTICS))}"
    )
    atom = data.draw(st.sampled_from(aba.atoms)) if task.needs_argument else None
    answer = solve_aba_task(aba, task, atom)
    if task.kind == "SE":
        found = oracle.extensions(aba, task.semantics)
        if answer == "NO":
            assert not found
        else:
            assert answer.split()[0] == "w" and frozenset(answer.split()[1:]) in found
    else:
        assert answer == _answer(aba, task, atom)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["-p", "DC-SST", "-a", "1"],
            "task DC-SST: FILE is a flat ABA framework, whose semantics are CF, AD, CO, GR, PR, ST",
        ),
        (["-p", "DC-CO", "-a", "9"], "FILE: unknown atom: '9' (atoms: ['1', '2', '3', '4'])"),
        (["-p", "DC-CO"], "task DC-CO needs a query atom: -a ATOM"),
        (["-p", "SE-PR", "-a", "1"], "task SE-PR takes no query atom, but -a '1' was given"),
    ],
)
def test_bad_queries_exit_2_with_one_line(capsys, aba_file, argv, message):
    status, out, err = run(capsys, "solve", "-f", aba_file, *argv)
    assert (status, out) == (2, "")
    assert err == f"argmap: error: {message.replace('FILE', aba_file)}\n"


def test_a_malformed_file_exits_2_naming_the_line(capsys, tmp_path):
    path = tmp_path / "bad.aba"
    path.write_text("p aba 2\na 1\nc 1 3\n")
    status, out, err = run(capsys, "solve", "-p", "SE-PR", "-f", str(path))
    assert (status, out) == (2, "")
    assert err == f"argmap: error: {path}:3: '3' is not an atom number in 1..2: 'c 1 3'\n"


def test_timeout_exits_3_and_prints_no_answer(capsys, tmp_path):
    path = tmp_path / "wide.aba"
    lines = [
        "p aba 80",
        *(f"a {i}" for i in range(1, 41)),
        *(f"c {i} {i + 40}" for i in range(1, 41)),
    ]
    path.write_text("\n".join(lines))  # 2^40 conflict-free sets: never listed in time
    status, out, err = run(capsys, "solve", "-p", "EE-CF", "-f", str(path), "--timeout", "0.3")
    assert (status, out) == (3, "")
    assert err == "argmap: no answer within the time limit of 0.3 s\n"


def test_written_frameworks_are_solved_alike(capsys, tmp_path):
    from argmap.aba import ABAFramework

    aba = ABAFramework([("guilty", ["seen"])], ["seen", "innocent"], {"innocent": "guilty"})
    path = tmp_path / "named.aba"
    path.write_text(write_aba(aba))
    status, out, _ = run(capsys, "solve", "-p", "SE-PR", "-f", str(path))
    numbers = {
        line.split()[2]: line.split()[1]
        for line in write_aba(aba).splitlines()
        if line.startswith("# ")
    }
    assert (status, out) == (0, f"w {numbers['seen']}\n")


@pytest.mark.parametrize(
    ("argv", "answer"),
    [
        (["-p", "DC-GR", "-a", "3"], "YES"),  # innocent
        (["-p", "DS-PR", "-a", "4"], "NO"),  # killer
        (["-p", "EE-CO"], "[[1]]"),
    ],
)
def test_the_example_answers_as_the_command_line_page_says(capsys, argv, answer):
    path = Path(__file__).resolve().parents[1] / "examples" / "frameworks" / "alibi.aba"
    assert run(capsys, "solve", "-f", str(path), *argv) == (0, answer + "\n", "")


def test_render_draws_the_arguments_with_their_labels(capsys, aba_file, tmp_path):
    out = tmp_path / "pair.dot"
    status, _, err = run(capsys, "render", aba_file, "-o", str(out), "--semantics", "ST")
    assert status == 0, err
    dot = out.read_text()
    # the pair's four arguments, labelled by the first stable labelling
    for name in ("{1} |- 1", "{1} |- 4", "{2} |- 2", "{2} |- 3"):
        assert f'"{name}"' in dot
    assert "(+) IN" in dot and "(-) OUT" in dot


def test_render_refuses_a_semantics_the_two_views_do_not_share(capsys, aba_file, tmp_path):
    status, out, err = run(
        capsys, "render", aba_file, "-o", str(tmp_path / "x.svg"), "--semantics", "SST"
    )
    assert (status, out) == (2, "")
    assert "is a flat ABA framework, drawn as its arguments under AD, CO, GR, PR, ST" in err
    assert not (tmp_path / "x.svg").exists()


def test_explain_says_why_an_atom_stands(capsys):
    path = Path(__file__).resolve().parents[1] / "examples" / "frameworks" / "alibi.aba"
    status, out, _ = run(capsys, "explain", "-f", str(path), "-a", "3")
    assert status == 0
    assert out.startswith("3 is accepted under grounded semantics: the grounded set of")
    assert "{1} |- 3 is IN under grounded semantics" in out
    assert "{} |- 5 is IN in round 1: nothing attacks it." in out
    for argv, message in (
        (["-a", "9"], "unknown atom: '9'"),
        (["-a", "3", "-s", "CF"], "semantics for explaining an atom: 'CF'"),
    ):
        status, out, err = run(capsys, "explain", "-f", str(path), *argv)
        assert (status, out) == (2, "") and message in err


def test_accepted_lists_every_accepted_atom(capsys, aba_file, tmp_path):
    assert run(capsys, "accepted", "-f", aba_file, "-s", "PR") == (0, "[1,2,3,4]\n", "")
    argv = ["accepted", "-f", aba_file, "-s", "ST", "--mode", "skeptical"]
    assert run(capsys, *argv) == (0, "[]\n", "")
    status, out, err = run(capsys, "accepted", "-f", aba_file, "-s", "STG")
    assert (status, out) == (2, "") and "unknown semantics for ABA frameworks: 'STG'" in err
    path = tmp_path / "wide.aba"
    lines = ["p aba 80", *(f"a {i}" for i in range(1, 41))]
    lines += [f"c {i} {i + 40}" for i in range(1, 41)]
    lines += [f"r {i + 40} {i % 40 + 1}" for i in range(1, 41)]  # a ring of 40 attacks
    path.write_text("\n".join(lines))
    assert run(capsys, "accepted", "-f", str(path), "-s", "CO")[:2] == (
        0,
        "[" + ",".join(map(str, range(1, 81))) + "]\n",
    )


@pytest.mark.parametrize(
    ("argv", "takes"),
    [
        (["rank", "-f"], "rank takes an abstract framework"),
        (["check", "--in", "1", "-f"], "check takes an abstract framework or a map"),
    ],
)
def test_commands_without_aba_say_which_do_read_it(capsys, aba_file, argv, takes):
    status, out, err = run(capsys, *argv, aba_file)
    assert (status, out) == (2, "")
    assert err == (
        f"argmap: error: {aba_file} is a flat ABA framework; argmap {takes} "
        "(solve, accepted, explain, render and convert read ABA files)\n"
    )


def test_convert_writes_the_i23_framework_of_the_arguments(capsys, tmp_path):
    from argmap.aba import instantiate
    from argmap.io.aba import read_aba
    from argmap.io.iccma import parse_i23, write_framework

    source = str(Path(__file__).resolve().parents[1] / "examples" / "frameworks" / "alibi.aba")
    target = tmp_path / "alibi.i23"
    status, out, err = run(capsys, "convert", source, "-o", str(target))
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"wrote {target}",
        f"note: the arguments of {source}, named {{support}} |- claim; under AD, CO, GR, PR, "
        "ST their extensions are those of the ABA framework: an argument is in exactly when "
        "its support is",
    ]
    aba = read_aba(source)
    af, parts = instantiate(aba)
    text = target.read_text()
    assert text == write_framework(af, "i23")
    # the comments name each numbered argument; solved as a framework, the preferred
    # extension's arguments are those whose supports lie in the ABA framework's own
    names = {}
    for line in text.splitlines():
        if line.startswith("# "):
            number, name = line[2:].split(" ", 1)
            names[number] = name.strip("'")
    assert sorted(names.values()) == sorted(parts)
    assert len(parse_i23(text)) == len(parts)
    status, out, _ = run(capsys, "solve", "-p", "SE-PR", "-f", str(target))
    chosen = {names[n] for n in out.split()[1:]}
    assert chosen == {name for name, (_, support) in parts.items() if support <= {"1"}}
    assert run(capsys, "solve", "-p", "SE-PR", "-f", source)[1] == "w 1\n"
    # to standard output the note goes to standard error
    status, out, err = run(capsys, "convert", source, "-o", "-", "--to", "i23")
    assert (status, out, err.startswith("argmap: note: the arguments of")) == (0, text, True)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "x.apx"], "apx cannot hold those names"),
        (["-o", "x.tgf"], "tgf cannot hold those names"),
        (["-o", "x.json"], "json holds a map"),
        (
            ["-o", "x.i23", "--link", "last"],
            "is a flat ABA framework, and --link applies to maps only",
        ),
    ],
)
def test_convert_refuses_what_an_aba_file_cannot_become(capsys, aba_file, tmp_path, argv, message):
    argv = [tmp_path / a if a.startswith("x.") else a for a in argv]
    status, out, err = run(capsys, "convert", aba_file, *map(str, argv))
    assert (status, out) == (2, "")
    assert err.startswith(f"argmap: error: {aba_file} ") and err.endswith(message + "\n")
    assert err.count("\n") == 1
    assert list(tmp_path.glob("x.*")) == []


def test_too_many_arguments_to_draw_or_explain_is_named(capsys, tmp_path):
    # the last atom needs one atom of each of fourteen pairs, each derived from either of two
    # assumptions: 2^14 minimal supports, past the limit of 10,000
    pairs = 14
    lines = [f"p aba {3 * pairs + 1}"]
    for i in range(pairs):
        a, b, p = 3 * i + 1, 3 * i + 2, 3 * i + 3
        lines += [f"a {a}", f"a {b}", f"r {p} {a}", f"r {p} {b}"]
    lines.append(f"r {3 * pairs + 1} " + " ".join(str(3 * i + 3) for i in range(pairs)))
    path = tmp_path / "many.aba"
    path.write_text("\n".join(lines))
    for argv in (
        ["render", str(path), "-o", str(tmp_path / "x.svg")],
        ["explain", "-f", str(path), "-a", "1"],
        ["convert", str(path), "-o", str(tmp_path / "x.i23")],
    ):
        status, out, err = run(capsys, *argv)
        assert (status, out) == (2, "")
        assert err.startswith(f"argmap: error: {path}: the rule '43 <- 3, 6, 9")
        assert err.endswith(
            "into more than 10000 sets: too many arguments to draw, explain or convert; argmap "
            "solve and argmap accepted answer without building arguments\n"
        )
    assert not (tmp_path / "x.svg").exists()
    assert not (tmp_path / "x.i23").exists()
    assert run(capsys, "solve", "-p", "DC-PR", "-f", str(path), "-a", str(3 * pairs + 1))[:2] == (
        0,
        "YES\n",
    )
