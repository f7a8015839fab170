"""argmap convert: maps to map JSON, AIF and framework files, framework files between formats,
and clear errors with exit status 2 and no file written."""

import json

import pytest

from argmap import ArgumentMap, Framework
from argmap.io import parse_apx, parse_i23, parse_tgf, read_aif, read_framework
from argmap.loading import load_map
from argmap.translate import translate

from conftest import DATA, DOOR, run

EXAMPLES = DATA.parent.parent / "examples"

# the door map, and a rebuttal beside its undercut
DOOR_AND_KEY = DOOR + 'm.rebut(m.claim("k", "The key was found in the lock outside"), x)\n'


@pytest.fixture
def door(tmp_path):
    path = tmp_path / "door.py"
    path.write_text(DOOR_AND_KEY)
    return str(path)


@pytest.mark.parametrize(
    ("suffix", "parse"), [(".apx", parse_apx), (".tgf", parse_tgf), (".i23", parse_i23)]
)
@pytest.mark.parametrize("translation", ["aspic", "flat", "deductive", "necessary"])
def test_a_map_becomes_the_framework_its_translation_builds(
    capsys, door, tmp_path, suffix, parse, translation
):
    target = tmp_path / f"door{suffix}"
    status, out, err = run(capsys, "convert", door, "-o", str(target), "-t", translation)
    assert status == 0 and err == "" and out.splitlines()[0] == f"wrote {target}"
    af = translate(load_map(door).model(), translation).framework
    written = parse(target.read_text())
    if suffix == ".i23":  # arguments are numbered in natural order
        numbers = {name: str(i) for i, name in enumerate(af.sorted_arguments, start=1)}
        af = Framework(
            frozenset(numbers.values()), frozenset((numbers[a], numbers[b]) for a, b in af.attacks)
        )
    assert written == af


def test_each_argument_is_labelled_with_the_claim_it_concludes(capsys, door, tmp_path):
    target = tmp_path / "door.tgf"
    assert run(capsys, "convert", door, "-o", str(target))[0] == 0
    translated = translate(load_map(door).model())
    nodes = target.read_text().split("\n#\n")[0].splitlines()
    assert len(nodes) == len(translated.arguments)
    texts = {c.id: c.text for c in load_map(door).claims}
    for line in nodes:
        name, label = line.split(" ", 1)
        conclusion = translated.arguments[name].conclusion
        assert label == f"{conclusion}: {texts[conclusion]}"
    flat = tmp_path / "flat.apx"
    assert run(capsys, "convert", door, "-o", str(flat), "-t", "flat")[0] == 0
    assert "arg(x). % The door was locked" in flat.read_text().splitlines()


def test_preferences_and_link_reach_the_translation(capsys, tmp_path):
    path = tmp_path / "weigh.py"
    path.write_text(
        "from argmap import ArgumentMap\n"
        "m = ArgumentMap('Weigh')\n"
        "a, b = m.claim('a', 'A'), m.claim('b', 'B')\n"
        "m.assess(a, likelihood='almost certain')\n"
        "m.assess(b, likelihood='almost no chance')\n"
        "m.rebut(b, a)\nm.rebut(a, b)\n"
    )
    with_preferences, without = tmp_path / "on.apx", tmp_path / "off.apx"
    assert run(capsys, "convert", str(path), "-o", str(with_preferences), "-t", "flat")[0] == 0
    assert (
        run(capsys, "convert", str(path), "-o", str(without), "-t", "flat", "--no-preferences")[0]
        == 0
    )
    assert read_framework(with_preferences).attacks == {("a", "b")}
    assert read_framework(without).attacks == {("a", "b"), ("b", "a")}
    status, out, _ = run(
        capsys, "convert", str(path), "-o", str(without), "--link", "last", "-t", "flat"
    )
    assert status == 0 and "note: the last-link principle changes nothing here" in out


def test_apx_names_that_asp_reads_otherwise_are_noted(capsys, door, tmp_path):
    # ASPIC+ arguments are named A1, A2, ...: variables to ASP-based solvers
    status, out, _ = run(capsys, "convert", door, "-o", str(tmp_path / "door.apx"))
    assert status == 0
    assert "note: 4 argument names (A1, A2, A3, ...) are not read as themselves by ASP" in out
    for suffix in (".tgf", ".i23"):  # no such reading there
        status, out, _ = run(capsys, "convert", door, "-o", str(tmp_path / f"door{suffix}"))
        assert status == 0 and "upper-case" not in out
    upper = tmp_path / "upper.tgf"
    upper.write_text("Alpha\nbeta\n_gamma\nbottom-line\n#\nAlpha beta\n")
    status, out, _ = run(capsys, "convert", str(upper), "-o", str(tmp_path / "upper.apx"))
    assert status == 0 and "2 argument names (Alpha, bottom-line) are not read as" in out
    one = tmp_path / "one.tgf"
    one.write_text("Alpha\n#\n")
    status, out, _ = run(capsys, "convert", str(one), "-o", str(tmp_path / "one.apx"))
    assert status == 0 and "1 argument name (Alpha) is not read as itself" in out
    lower = tmp_path / "lower.tgf"
    lower.write_text("alpha\n1\n_gamma\n#\nalpha 1\n")
    status, out, _ = run(capsys, "convert", str(lower), "-o", str(tmp_path / "lower.apx"))
    assert status == 0 and out.strip() == f"wrote {tmp_path / 'lower.apx'}"


def test_a_map_as_argmap_json_and_as_aif(capsys, door, tmp_path):
    original = load_map(door)
    as_json, as_aif = tmp_path / "door.json", tmp_path / "door-aif.json"
    assert run(capsys, "convert", door, "-o", str(as_json))[0] == 0
    assert ArgumentMap.load(as_json).to_dict() == original.to_dict()
    assert run(capsys, "convert", door, "-o", str(as_aif), "--to", "aif")[0] == 0
    back = read_aif(as_aif)
    assert {c.id: c.text for c in back.claims} == {c.id: c.text for c in original.claims}
    assert {(a.attacker, a.target, a.kind) for a in back.attacks} == {
        (a.attacker, a.target, a.kind) for a in original.attacks
    }
    # and an AIF file, with its dialogue skipped, becomes argmap's map JSON
    converted = tmp_path / "trident.json"
    status, _, err = run(
        capsys,
        "convert",
        str(DATA / "trident_aif.json"),
        "-o",
        str(converted),
        "--skip",
        "L",
        "--skip",
        "YA",
        "--skip",
        "TA",
    )
    assert status == 0, err
    trident = ArgumentMap.load(converted)
    expected = read_aif(DATA / "trident_aif.json", skip=["L", "YA", "TA"])
    assert trident.to_dict()["claims"] == expected.to_dict()["claims"]


def test_standard_output(capsys, door):
    status, out, err = run(
        capsys, "convert", door, "-o", "-", "--to", "apx", "-t", "flat", "--link", "last"
    )
    assert status == 0
    assert parse_apx(out) == translate(load_map(door).model(), "flat").framework
    assert err.startswith("argmap: note: ")  # notes go beside the file, not into it
    status, out, _ = run(capsys, "convert", door, "-o", "-", "--to", "json")
    assert status == 0 and json.loads(out)["title"] == "Was the door locked?"


def test_a_framework_file_in_another_format(capsys, tmp_path):
    nixon = EXAMPLES / "frameworks" / "nixon.apx"
    af = read_framework(nixon)
    for suffix in (".tgf", ".apx"):
        target = tmp_path / f"nixon{suffix}"
        assert run(capsys, "convert", str(nixon), "-o", str(target))[0] == 0
        assert read_framework(target) == af
    numbered = tmp_path / "nixon.af"
    assert run(capsys, "convert", str(nixon), "-o", str(numbered))[0] == 0
    text = numbered.read_text()
    assert "# 1 bystander" in text  # the numbering, for reading the answers back
    assert len(read_framework(numbered)) == len(af)
    # a format given by --fo, whatever the file is called
    odd = tmp_path / "nixon.txt"
    odd.write_text(nixon.read_text())
    back = tmp_path / "back.apx"
    assert run(capsys, "convert", str(odd), "--fo", "apx", "-o", str(back))[0] == 0
    assert read_framework(back) == af


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["{nixon}", "-o", "{tmp}/x.json"],
            "is a framework file: it converts to i23, apx or tgf; json",
        ),
        (["{nixon}", "-o", "{tmp}/x.apx", "-t", "flat"], "--translation applies to maps only"),
        (["{nixon}", "-o", "{tmp}/x.apx", "--skip", "L"], "--skip applies to maps only"),
        (["{door}", "-o", "{tmp}/x.json", "--no-preferences"], "--no-preferences says how a map"),
        (["{door}", "-o", "{tmp}/x.txt"], "cannot tell the format to write to '"),
        (["{door}", "-o", "-"], "cannot tell the format to write to standard output"),
        (["{door}", "-o", "{tmp}/x.apx", "-t", "sideways"], "translation"),
        (["{door}", "-o", "{tmp}/x.apx", "--skip", "L"], "to skip apply to AIF files only"),
        (["{tmp}/missing.py", "-o", "{tmp}/x.apx"], "missing.py"),
        (["{tmp}/bad.apx", "-o", "{tmp}/x.tgf"], "bad.apx:2"),
        (
            ["{spaced}", "-o", "{tmp}/x.apx", "-t", "flat"],
            "argument 'the door' cannot be written in APX",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_file(capsys, door, tmp_path, argv, message):
    (tmp_path / "bad.apx").write_text("arg(a).\natt(a,b).\n")
    spaced = tmp_path / "spaced.py"
    spaced.write_text(
        "from argmap import ArgumentMap\nm = ArgumentMap('S')\n"
        "m.rebut(m.claim('the door', 'D'), m.claim('k', 'K'))\n"
    )
    values = {
        "nixon": EXAMPLES / "frameworks" / "nixon.apx",
        "door": door,
        "tmp": tmp_path,
        "spaced": spaced,
    }
    before = set(tmp_path.iterdir())
    status, out, err = run(capsys, "convert", *(a.format(**values) for a in argv))
    assert status == 2 and out == ""
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert set(tmp_path.iterdir()) == before
