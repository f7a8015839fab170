"""argmap evaluate: tables, JSON, explanations, and clear errors with exit status 2."""

import json
import time

import pytest

from conftest import DATA, DOOR, run


@pytest.fixture
def door(tmp_path):
    path = tmp_path / "door.py"
    path.write_text(DOOR)
    return str(path)


def test_table(capsys, door):
    status, out, err = run(capsys, "evaluate", door, "--explain", "x")
    assert status == 0 and err == ""
    assert "x      OUT     rejected" in out
    assert "undercuts it" in out


def test_json(capsys, door, tmp_path):
    status, out, _ = run(
        capsys, "evaluate", door, "--json", "-s", "PR", "-t", "flat", "--no-preferences"
    )
    data = json.loads(out)
    assert status == 0
    assert data["semantics"] == "preferred" and data["translation"] == "flat"
    assert {c["id"]: c["status"] for c in data["claims"]} == {"w": "in", "x": "in", "u": "in"}
    assert any("undercut" in note for note in data["notes"])


def test_json_counts_each_claims_labels_over_the_extensions(capsys, tmp_path):
    path = tmp_path / "two.py"
    path.write_text(
        "from argmap import ArgumentMap\n"
        "m = ArgumentMap('Two disputes')\n"
        "a, b, c, d = (m.claim(i, i.upper()) for i in 'abcd')\n"
        "m.rebut(a, b)\nm.rebut(b, a)\nm.rebut(c, d)\nm.rebut(d, c)\n"
        "e = m.claim('e', 'E')\nm.support(a, e)\n"
    )
    status, out, _ = run(capsys, "evaluate", str(path), "--json", "-s", "CO")
    data = json.loads(out)
    assert status == 0 and data["extensions"] == 9
    counts = {c["id"]: c["extensions"] for c in data["claims"]}
    assert counts["a"] == counts["c"] == {"in": 3, "out": 3, "undec": 3}
    assert counts["e"] == {"in": 3, "out": 3, "undec": 3}  # through a, its only support


def test_map_json_file(capsys, door, tmp_path):
    from argmap.loading import load_map

    saved = tmp_path / "door.json"
    load_map(door).save(saved)
    status, out, _ = run(capsys, "evaluate", str(saved))
    assert status == 0 and "x      OUT" in out
    status, out, err = run(capsys, "evaluate", str(saved), "--map", "m")
    assert status == 2 and out == ""
    assert "door.json: a JSON file holds one map, so there is none to choose by name" in err


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("x = 1\n", ".py", "defines no module-level ArgumentMap"),
        (
            "from argmap import ArgumentMap\nm = ArgumentMap()\n"
            "m.claim('a', 'A')\nm.rebut('a', 'b')\n",
            ".py",
            ":4: the map file raised UnknownIdError: unknown claim id: 'b'",
        ),
        ('{"claims": [{"id": "a"}]}', ".json", "missing field 'text'"),
        ("{not json", ".json", "not valid JSON"),
        ("", ".txt", "a map file is a Python file"),
        ("arg(a).\n", ".apx", "is a framework file, and evaluate reads maps: for a framework, "),
    ],
)
def test_errors(capsys, tmp_path, content, suffix, message):
    path = tmp_path / f"map{suffix}"
    path.write_text(content)
    status, out, err = run(capsys, "evaluate", str(path))
    assert status == 2 and out == ""
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["maps", "maps.py", "maps.json"])
def test_a_directory_is_not_a_map_file(capsys, tmp_path, name):
    (tmp_path / name).mkdir()
    status, out, err = run(capsys, "evaluate", str(tmp_path / name))
    assert status == 2 and out == ""
    assert f"{name}: a directory, not a map file (.py or .json)" in err


def test_unknown_semantics_and_translation(capsys, door):
    status, _, err = run(capsys, "evaluate", door, "-s", "prefered")
    assert status == 2 and "unknown semantics: 'prefered' (did you mean 'preferred'?" in err
    status, _, err = run(capsys, "evaluate", door, "-t", "bipolar")
    assert status == 2 and "unknown translation: 'bipolar'" in err


def test_unknown_claim_to_explain(capsys, door):
    status, out, err = run(capsys, "evaluate", door, "--explain", "nope")
    assert status == 2 and out == "" and "unknown claim id: 'nope'" in err


def test_render_writes_the_file_and_creates_its_folder(capsys, door, tmp_path):
    target = tmp_path / "new" / "door.svg"
    status, _, err = run(capsys, "render", door, "-o", str(target), "--focus", "x")
    assert status == 0 and err == "" and target.read_text().lstrip().startswith("<?xml")


def test_render_cannot_write_is_a_clean_error(capsys, door, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    status, out, err = run(capsys, "render", door, "-o", str(blocker / "door.svg"))
    assert status == 2 and out == "" and "cannot write the diagram" in err


TWO = """
from argmap import ArgumentMap
m = ArgumentMap("Two disputes")
for pair in ("ab", "cd"):
    m.contradict(m.claim(pair[0], pair[0].upper()), m.claim(pair[1], pair[1].upper()))
"""


@pytest.mark.parametrize("suffix", [".py", ".apx"])
def test_render_index_numbers_labellings_from_one(capsys, tmp_path, suffix):
    source = tmp_path / f"two{suffix}"
    apx = "arg(a). arg(b). arg(c). arg(d). att(a,b). att(b,a). att(c,d). att(d,c)."
    source.write_text(TWO if suffix == ".py" else apx.replace(" ", "\n"))
    drawn = {}
    for index in ("1", "4"):
        target = tmp_path / f"two{index}.dot"
        status, _, err = run(
            capsys, "render", str(source), "-s", "PR", "--index", index, "-o", str(target)
        )
        assert status == 0 and err == ""
        drawn[index] = target.read_text()
        numbered = "extension" if suffix == ".py" else "labelling"
        assert f"{numbered} {index} of 4" in drawn[index]
    assert drawn["1"] != drawn["4"]
    for index, message in (
        ("5", "--index 5: preferred semantics gives labellings 1 to 4"),
        ("0", "a labelling is numbered from 1, got '0'"),
        ("two", "a labelling is numbered from 1, got 'two'"),
    ):
        target = tmp_path / "never.dot"
        status, out, err = run(
            capsys, "render", str(source), "-s", "PR", "--index", index, "-o", str(target)
        )
        assert status == 2 and out == "" and message in err and "Traceback" not in err
        assert not target.exists()


def test_render_without_index_shows_a_map_across_its_extensions(capsys, tmp_path):
    source = tmp_path / "two.py"
    source.write_text(TWO)
    target = tmp_path / "two.dot"
    status, _, _ = run(capsys, "render", str(source), "-s", "PR", "-o", str(target))
    assert status == 0
    drawn = target.read_text()
    assert "extension 1" not in drawn and drawn.count("credulous") == 4


def test_render_refuses_map_options_for_a_framework_file(capsys, tmp_path):
    source = tmp_path / "pair.apx"
    source.write_text("arg(a).\narg(b).\natt(a,b).\n")
    target = tmp_path / "pair.svg"
    for options, named in (
        (["--focus", "a"], "--focus applies"),
        (["-t", "flat", "--collapse", "S"], "--translation, --collapse apply"),
        (["--no-preferences"], "--no-preferences applies"),
        (["--skip", "L"], "--skip applies"),
    ):
        status, out, err = run(capsys, "render", str(source), *options, "-o", str(target))
        assert status == 2 and out == "" and not target.exists()
        assert f"is a framework file, and {named} to maps only" in err


def test_evaluate_lists_the_claims_each_grounded_round_labels(capsys, tmp_path):
    path = tmp_path / "reinstated.py"
    path.write_text(
        DOOR + "n = m.claim('n', 'A neighbour saw the witness at home')\n"
        "m.rebut(n, u)\n"
        "m.rebut(m.claim('k', 'The neighbour was abroad that week'), n)\n"
        "p, q = m.claim('p', 'P'), m.claim('q', 'Q')\n"
        "m.contradict(p, q)\n"
        "m.support(m.claim('c', 'C'), m.claim('d', 'D'))\n"
        "m.support('d', 'c')\n"  # c and d rest on each other: no argument for either
    )
    status, out, err = run(capsys, "evaluate", str(path), "--rounds")
    assert status == 0 and err == ""
    assert out.split("grounded labelling, round by round:\n")[1].splitlines()[:6] == [
        "  round 1: IN w, k",
        "           OUT n",
        "  round 2: IN u",
        "           OUT x",
        "  OUT without a round, no argument for them can be built: c, d",
        "  no round labels, so UNDEC: p, q",
    ]
    status, out, _ = run(capsys, "evaluate", str(path), "--rounds", "--json")
    assert json.loads(out)["rounds"] == [
        {"round": 1, "in": ["w", "k"], "out": ["n"]},
        {"round": 2, "in": ["u"], "out": ["x"]},
    ]
    status, out, err = run(capsys, "evaluate", str(path), "--rounds", "-s", "stable")
    assert status == 2 and out == "" and "stable semantics is not built in rounds" in err


def test_evaluate_lists_what_would_change_a_claim(capsys, tmp_path):
    path = tmp_path / "bridge.py"
    path.write_text(
        "from argmap import ArgumentMap\n"
        "m = ArgumentMap('Bridge')\n"
        "a = m.claim('a', 'The bridge is safe')\n"
        "b = m.claim('b', 'A crack was reported')\n"
        "m.rebut(b, a)\n"
        "m.assess(a, likelihood='likely')\n"
        "m.assess(b, likelihood='unlikely')\n"
    )
    status, out, err = run(capsys, "evaluate", str(path), "--what-would-change", "a")
    assert status == 0 and err == ""
    text = " ".join(out.split("a is IN (sceptical)")[1].split())
    assert text.startswith("under grounded semantics. 6 of 18 single changes")
    assert "- claim 'b' (likelihood now unlikely): likely, very likely or almost certain" in text
    status, out, _ = run(capsys, "evaluate", str(path), "--what-would-change", "a", "--json")
    found = json.loads(out)["what_would_change"]["a"]
    assert (found["status"], found["acceptance"], found["tried"]) == ("in", "sceptical", 18)
    assert {
        "target": "b",
        "kind": "claim",
        "scale": "likelihood",
        "before": "unlikely",
        "after": "likely",
        "status": "out",
        "acceptance": "rejected",
    } in found["changes"]
    for argv, message in (
        (["--no-preferences"], "--no-preferences turns them off"),
        (["-t", "deductive", "--what-would-change", "q"], "unknown claim id: 'q'"),
    ):
        status, out, err = run(capsys, "evaluate", str(path), "--what-would-change", "a", *argv)
        assert status == 2 and out == "" and message in err and "Traceback" not in err


def test_render_draws_blank_diagrams_for_labelling_by_hand(capsys, door, tmp_path):
    framework = tmp_path / "pair.apx"
    framework.write_text("arg(a).\narg(b).\natt(a,b).\n")
    for source in (door, str(framework)):
        target = tmp_path / "blank.dot"
        status, out, err = run(capsys, "render", source, "--blank", "-o", str(target))
        assert status == 0 and err == ""
        drawn = target.read_text()
        assert "IN</" not in drawn and "OUT</" not in drawn and "UNDEC" not in drawn
    for options, named in (
        (["-s", "preferred"], "--semantics chooses"),
        (["--round", "1"], "--round chooses"),
        (["--index", "1", "--no-preferences"], "--index, --no-preferences choose"),
    ):
        never = tmp_path / "never.svg"
        status, out, err = run(capsys, "render", door, "--blank", *options, "-o", str(never))
        assert status == 2 and out == "" and f"--blank draws no labels, and {named}" in err
        assert not never.exists()


def test_render_draws_a_framework_file_round_by_round(capsys, tmp_path):
    source = tmp_path / "chain.apx"
    source.write_text("arg(a).\narg(b).\narg(c).\narg(d).\natt(a,b).\natt(b,c).\natt(c,d).\n")
    target = tmp_path / "chain.dot"
    status, out, _ = run(capsys, "render", str(source), "--round", "1", "-o", str(target))
    assert status == 0 and out.strip() == f"wrote {target}"
    drawn = target.read_text()
    assert "after round 1 of 2" in drawn and drawn.count("round 1<") == 2  # a IN, b OUT
    nixon = tmp_path / "nixon.apx"
    nixon.write_text("arg(a).\narg(b).\natt(a,b).\natt(b,a).\n")
    never = tmp_path / "never.dot"
    map_file = tmp_path / "door.py"
    map_file.write_text(DOOR)
    # a map, by the rounds of its arguments: u undercuts the support of x, so w and u are
    # IN in the first round and x OUT, and that is the whole labelling
    drawn_map = tmp_path / "door.dot"
    assert run(capsys, "render", str(map_file), "--round", "1", "-o", str(drawn_map))[0] == 0
    drawn = drawn_map.read_text()
    assert "complete after 1 round ·" in drawn and drawn.count("OUT</B> · round 1") == 1
    for argv, message in (
        ([str(source), "--round", "3"], "complete after 2 rounds; give 0 to 2"),
        ([str(nixon), "--round", "1"], "no argument of"),
        ([str(source), "--round", "1", "-s", "PR"], "PR semantics is not built in rounds"),
        ([str(source), "--round", "1", "--index", "1"], "--round and --index each pick"),
        ([str(source), "--round", "-1"], "a number of rounds is a whole number from 0"),
        ([str(map_file), "--round", "1", "-s", "PR"], "PR semantics is not built in rounds"),
        ([str(map_file), "--round", "4"], "complete after 1 round; give 0 to 1"),
    ):
        status, out, err = run(capsys, "render", *argv, "-o", str(never))
        assert status == 2 and out == "" and message in err and "Traceback" not in err
        assert not never.exists()


def test_render_of_a_framework_file_keeps_to_the_time_limit(capsys, tmp_path, monkeypatch):
    from argmap.semantics import engine
    from argmap.semantics.deadline import check_deadline

    def endless(af, code):
        give_up = time.monotonic() + 10
        while time.monotonic() < give_up:
            check_deadline()
        raise AssertionError("no time limit reached the search")
        yield  # a generator, as iterate is

    monkeypatch.setattr(engine, "iterate", endless)
    source = tmp_path / "pair.apx"
    source.write_text("arg(a).\narg(b).\natt(a,b).\n")
    target = tmp_path / "pair.svg"
    status, out, err = run(
        capsys, "render", str(source), "-s", "PR", "--timeout", "0.2", "-o", str(target)
    )
    assert status == 3 and out == "" and "time limit of 0.2 s" in err
    assert not target.exists()


def test_an_aif_file_is_evaluated_and_drawn_with_its_dialogue_skipped(capsys, door, tmp_path):
    aif = DATA / "trident_aif.json"  # an AIFdb-style analysis with its dialogue
    status, out, err = run(capsys, "evaluate", str(aif))
    assert status == 2 and out == ""
    assert "trident_aif.json: nodes of types a map does not hold: L (1, e.g. node '4'), YA" in err
    assert "--skip on the command line" in err
    status, out, _ = run(capsys, "evaluate", str(aif), "--skip", "L", "--skip", "YA", "--json")
    assert status == 0
    statuses = {c["id"]: c["status"] for c in json.loads(out)["claims"]}
    assert statuses == {"1": "out", "2": "out", "6": "in"}  # 6 undermines the only premise
    target = tmp_path / "trident.svg"
    status, _, _ = run(capsys, "render", str(aif), "--skip", "L", "--skip", "YA", "-o", str(target))
    assert status == 0 and "Deterrence still works" in target.read_text()
    saved = tmp_path / "door.json"
    from argmap.loading import load_map

    load_map(door).save(saved)
    for path, message in (
        (saved, "door.json: node types to skip apply to AIF files, and this is a map JSON"),
        (door, "door.py: node types to skip apply to AIF files only"),
    ):
        status, out, err = run(capsys, "evaluate", str(path), "--skip", "L")
        assert status == 2 and out == "" and message in err
