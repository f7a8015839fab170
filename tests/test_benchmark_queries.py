"""The script that times queries about random arguments (benchmarks/queries.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Framework
from argmap.semantics import sat
from argmap.strategies import frameworks
from argmap.tasks import parse_task, solve_task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import queries
import run

from argmap.io import read_framework


def _choice() -> Framework:
    # a1 <-> b1, b1 -> g1, g1 -> g1: the stage extension is {b1}, whose range is larger than
    # {a1}'s. h attacks itself and only g1, which attacks itself too, attacks it besides: no
    # conflict-free set covers h, so there is no stable extension, and h ties the part
    # together, so the stage search over it meets ranges
    attacks = [("a1", "b1"), ("b1", "a1"), ("b1", "g1"), ("g1", "g1"), ("g1", "h"), ("h", "h")]
    return Framework.from_attacks(attacks)


def test_each_query_is_answered_as_the_command_line_answers_it_and_counted():
    af = _choice()
    found = queries.ask(af, ["DC-STG", "DS-STG"], ["a1", "b1"], limit=10)
    assert [(q.task, q.argument) for q in found] == [
        ("DC-STG", "a1"),
        ("DC-STG", "b1"),
        ("DS-STG", "a1"),
        ("DS-STG", "b1"),
    ]
    for q in found:
        assert q.answer == solve_task(af, parse_task(q.task), q.argument).split("\n")[0]
        assert q.calls >= 1 and q.seconds >= 0
    assert [q.answer for q in found] == ["NO", "YES", "NO", "YES"]
    # holding a1, the search meets {b1}'s larger range
    assert found[0].rounds >= 1


def test_the_counters_are_removed_after_each_query():
    solve, rule_out = sat.Encoding.solve, sat.Encoding._rule_out_exchange
    queries.ask(_choice(), ["DC-STG"], ["a1"], limit=10)
    assert sat.Encoding.solve is solve
    assert sat.Encoding._rule_out_exchange is rule_out


def test_a_query_past_the_limit_is_answered_by_a_dash(monkeypatch):
    from argmap.errors import SolverTimeout

    def too_slow(*args, **kwargs):
        raise SolverTimeout(0.5)

    monkeypatch.setattr(queries, "solve_task", too_slow)
    (query,) = queries.ask(_choice(), ["DC-STG"], ["a1"], limit=0.5)
    assert query.answer == "-"


def test_the_command_line_refuses_tasks_about_no_argument_and_unknown_files(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        queries.main([str(tmp_path / "missing.i23"), "--tasks", "DC-STG"])
    assert stop.value.code == 2
    assert "missing.i23" in capsys.readouterr().err
    path = tmp_path / "af.i23"
    path.write_text("p af 2\n1 2\n")
    with pytest.raises(SystemExit) as stop:
        queries.main([str(path), "--tasks", "SE-STG"])
    assert stop.value.code == 2
    assert "DC and DS" in capsys.readouterr().err


def test_the_command_line_prints_a_line_per_query_and_the_sums(capsys, tmp_path):
    path = tmp_path / "af.i23"
    path.write_text("p af 3\n1 2\n2 1\n3 3\n")
    queries.main([str(path), "--tasks", "DC-STG", "--count", "5", "--seed", "2"])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4  # three arguments drawn of three, and the sums
    assert sorted(line.split()[1] for line in lines[:3]) == ["1", "2", "3"]
    assert lines[-1].startswith("all 3 queries:")


def test_named_arguments_are_asked_in_place_of_drawn_ones(capsys, tmp_path):
    path = tmp_path / "af.i23"
    path.write_text("p af 3\n1 2\n2 1\n3 3\n")
    queries.main([str(path), "--tasks", "DS-STG", "--arguments", "2", "1"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines[:2]] == [
        ["DS-STG", "2", "NO"],
        ["DS-STG", "1", "NO"],
    ]
    with pytest.raises(SystemExit) as stop:
        queries.main([str(path), "--tasks", "DS-STG", "--arguments", "4"])
    assert stop.value.code == 2
    assert "'4'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--count", "-1"], "--count"),
        (["--limit", "0"], "--limit"),
        (["--limit", "soon"], "--limit"),
    ],
)
def test_counts_and_limits_must_be_positive(extra, said, capsys, tmp_path):
    path = tmp_path / "af.i23"
    path.write_text("p af 2\n1 2\n")
    with pytest.raises(SystemExit) as stop:
        queries.main([str(path), "--tasks", "DC-STG", *extra])
    assert stop.value.code == 2
    assert said in capsys.readouterr().err


def test_a_malformed_file_is_named_with_its_line(capsys, tmp_path):
    path = tmp_path / "af.i23"
    path.write_text("p af 2\n1 3\n")
    with pytest.raises(SystemExit) as stop:
        queries.main([str(path), "--tasks", "DC-STG"])
    assert stop.value.code == 2
    assert f"{path}:2" in capsys.readouterr().err


# -- asking a copy numbered anew -------------------------------------------------------------


@given(af=frameworks(max_arguments=8), seed=st.integers(0, 2**32))
def test_a_copy_numbered_anew_has_the_same_attacks_between_the_same_arguments(af, seed):
    copy, number = queries.renumbered(af, seed)
    assert sorted(number) == sorted(af.arguments)
    assert sorted(number.values(), key=int) == [str(k) for k in range(1, len(af) + 1)]
    assert copy.attacks == {(number[a], number[b]) for a, b in af.attacks}
    assert copy.arguments == set(number.values())


def test_copies_numbered_by_different_seeds_place_the_arguments_differently():
    af = Framework.from_attacks([(f"a{i}", f"a{i + 1}") for i in range(20)])
    positions = set()
    for seed in range(3):
        copy, number = queries.renumbered(af, seed)
        positions.add(tuple(copy.index[number[name]] for name in af.sorted_arguments))
    assert len(positions) == 3


def test_the_copy_is_asked_about_the_same_arguments_and_the_lines_name_them_as_the_file_does(
    capsys, tmp_path
):
    path = tmp_path / "named.apx"
    path.write_text(_NAMED)
    af = read_framework(path)
    argv = [str(path), "--tasks", "DC-ST", "DS-STG", "--count", "4", "--seed", "5"]
    queries.main(argv)
    plain = capsys.readouterr().out.splitlines()
    for seed in ("1", "2"):
        queries.main([*argv, "--renumber", seed])
        lines = capsys.readouterr().out.splitlines()
        # the same arguments drawn, named as in the file, with the same answers
        assert [line.split()[:3] for line in lines[:-1]] == [
            line.split()[:3] for line in plain[:-1]
        ]
    assert {line.split()[1] for line in plain[:-1]} == af.arguments
    with pytest.raises(SystemExit) as stop:
        queries.main([*argv, "--renumber", "x"])
    assert stop.value.code == 2
    assert "--renumber" in capsys.readouterr().err


# -- asking the Python peers the same queries ----------------------------------------------

_NAMED = "arg(x).\narg(y).\narg(z).\narg(w).\natt(x,y).\natt(y,z).\natt(z,x).\natt(w,x).\n"


def _peer(name, asked, flip=()):
    """A stand-in for a peer's process: it reads the copy it is given, as the peer would,
    and answers as argmap does, but for the (task, argument) pairs in ``flip``."""

    def answer(python, path, task, argument, limit):
        af = read_framework(path)
        said = solve_task(af, parse_task(task), argument).split("\n")[0]
        asked.append((name, path.suffix, task, argument, path.read_text()))
        if (task, argument) in flip:
            said = {"YES": "NO", "NO": "YES"}[said]
        return {"solver": name, "status": "ok", "answer": said}

    return answer


def test_the_peers_read_copies_in_their_formats_and_are_asked_only_what_they_have(
    monkeypatch, tmp_path
):
    asked = []
    monkeypatch.setattr(run, "time_pygarg", _peer("pygarg", asked))
    monkeypatch.setattr(run, "time_formal", _peer("formal-argumentation", asked))
    path = tmp_path / "named.apx"
    path.write_text(_NAMED)
    af = read_framework(path)
    found = queries.ask(af, ["DC-PR", "DC-STG"], ["y", "z"], limit=10)
    queries.ask_peers(af, found, ["pygarg", "formal-argumentation"], "python", 10)
    # pygarg has no stage semantics; formal-argumentation reads i23, where w x y z are 1 2 3 4
    assert [(peer, suffix, task, argument) for peer, suffix, task, argument, _ in asked] == [
        ("pygarg", ".apx", "DC-PR", "y"),
        ("formal-argumentation", ".i23", "DC-PR", "3"),
        ("pygarg", ".apx", "DC-PR", "z"),
        ("formal-argumentation", ".i23", "DC-PR", "4"),
        ("formal-argumentation", ".i23", "DC-STG", "3"),
        ("formal-argumentation", ".i23", "DC-STG", "4"),
    ]
    assert "att(w,x)." in asked[0][4] and asked[1][4].startswith("p af 4")
    assert [q.peers for q in found] == [
        {"pygarg": "YES", "formal-argumentation": "YES"},
        {"pygarg": "NO", "formal-argumentation": "NO"},
        {"formal-argumentation": "YES"},
        {"formal-argumentation": "NO"},
    ]
    assert not any(q.differs for q in found)


def test_a_peer_that_answers_otherwise_is_marked_and_the_script_fails(
    monkeypatch, capsys, tmp_path
):
    asked = []
    monkeypatch.setattr(run, "time_pygarg", _peer("pygarg", asked, flip={("DS-ST", "z")}))
    monkeypatch.setattr(run, "time_formal", _peer("formal-argumentation", asked))
    path = tmp_path / "named.apx"
    path.write_text(_NAMED)
    argv = [str(path), "--tasks", "DS-ST", "--arguments", "y", "z", "--peers", "pygarg"]
    with pytest.raises(SystemExit) as stop:
        queries.main([*argv, "formal-argumentation", "--peer-python", sys.executable])
    assert stop.value.code == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["DS-ST", "y", "YES"] and not lines[0].endswith("DIFFERS")
    assert lines[1].split()[:3] == ["DS-ST", "z", "NO"]
    assert lines[1].endswith("pygarg YES formal-argumentation NO DIFFERS")
    assert lines[-1].endswith("4 peer answers (0 past the limit or failed), 1 not argmap's")


def test_a_peer_past_the_limit_is_no_disagreement():
    query = queries.Query("DC-CO", "1", "YES", 0.1, 1, 0, {"pygarg": "-"})
    assert not query.differs
    query.peers["formal-argumentation"] = "NO"
    assert query.differs
    assert not queries.Query("DC-CO", "1", "-", 0.1, 1, 0, {"pygarg": "NO"}).differs


def test_peers_need_an_interpreter_that_exists(capsys, tmp_path):
    path = tmp_path / "af.i23"
    path.write_text("p af 2\n1 2\n")
    missing = tmp_path / "no-python"
    with pytest.raises(SystemExit) as stop:
        queries.main(
            [str(path), "--tasks", "DC-CO", "--peers", "pygarg", "--peer-python", str(missing)]
        )
    assert stop.value.code == 2
    assert str(missing) in capsys.readouterr().err


def test_a_peer_past_the_limit_is_counted_apart(monkeypatch, capsys, tmp_path):
    asked = []
    monkeypatch.setattr(run, "time_pygarg", _peer("pygarg", asked))
    monkeypatch.setattr(
        run, "time_formal", lambda *args: {"solver": "formal-argumentation", "status": "timeout"}
    )
    path = tmp_path / "named.apx"
    path.write_text(_NAMED)
    argv = [str(path), "--tasks", "DC-CO", "--arguments", "x", "--peer-python", sys.executable]
    queries.main([*argv, "--peers", "pygarg", "formal-argumentation"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("pygarg NO formal-argumentation -")
    assert lines[-1].endswith("2 peer answers (1 past the limit or failed), 0 not argmap's")
