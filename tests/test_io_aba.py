"""The ICCMA ABA format: reading, writing, and one error naming the file and line for each
way a file can be wrong."""

import pytest
from hypothesis import given

from argmap.aba import ABAFramework, Rule, parse_aba, read_aba, write_aba
from argmap.errors import FormatError
from argmap.io.aba import is_aba_file
from argmap.strategies import aba_frameworks


@given(aba=aba_frameworks(max_atoms=8))
def test_numbered_frameworks_read_back_as_written(aba):
    assert parse_aba(write_aba(aba)) == aba


def test_named_atoms_are_numbered_and_listed():
    aba = ABAFramework([("guilty", ["seen"])], ["seen", "innocent"], {"innocent": "guilty"})
    text = write_aba(aba)
    numbers = {}
    for line in text.splitlines():
        if line.startswith("# "):
            _, number, name = line.split()
            numbers[name] = number
    back = parse_aba(text)
    assert back == ABAFramework(
        [(numbers["guilty"], [numbers["seen"]])],
        [numbers["seen"], numbers["innocent"]],
        {numbers["innocent"]: numbers["guilty"]},
        atoms=numbers.values(),
    )


def test_comments_blank_lines_and_repeats():
    aba = parse_aba("# made by hand\np aba 3\n\na 1\na 1\n# the contrary\nc 1 2\nc 1 2\nr 2 3\nr 3")
    assert aba == ABAFramework([("2", ["3"]), ("3", [])], ["1"], {"1": "2"}, ["1", "2", "3"])
    assert aba.rules == (Rule("2", ["3"]), Rule("3"))


def test_an_assumption_without_a_contrary_is_never_attacked():
    aba = parse_aba("p aba 2\na 1\nr 2")
    assert aba.contrary("1") is None and aba.attacked_by({"1"}) == frozenset()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", None, "an empty file: an ICCMA ABA file starts with 'p aba N'"),
        ("# only a comment\n", None, "no 'p aba N' header"),
        ("a 1\np aba 2\n", 1, "an item before the 'p aba N' header: 'a 1'"),
        ("p af 2\n", 1, "expected a header 'p aba N': 'p af 2'"),
        ("p aba x\n", 1, "expected a header 'p aba N'"),
        ("p aba 2\np aba 2\n", 2, "a second 'p aba' header"),
        ("p aba 2\na 3\n", 2, "'3' is not an atom number in 1..2: 'a 3'"),
        ("p aba 2\na 0\n", 2, "'0' is not an atom number in 1..2"),
        ("p aba 2\na x\n", 2, "'x' is not an atom number"),
        ("p aba 2\na 1 2\n", 2, "expected 'a X': one atom, an assumption"),
        ("p aba 2\na 1\nc 1\n", 3, "expected 'c X Y': assumption X and its contrary Y"),
        ("p aba 2\nr\n", 2, "expected 'r H B1 ... Bk'"),
        ("p aba 2\nx 1\n", 2, "unknown item 'x': expected 'a X' (an assumption), 'c X Y'"),
        ("p aba 3\na 1\nc 1 2\nc 1 3\n", 4, "assumption 1 was given the contrary 2 on line 3"),
        ("p aba 2\nc 1 2\n", 2, "a contrary for atom 1, which no 'a 1' line makes an"),
        ("p aba 2\na 1\nc 1 2\nr 1 2\n", 4, "the rule derives assumption 1 (flat ABA"),
    ],
)
def test_each_mistake_is_named_with_its_file_and_line(text, line, message):
    with pytest.raises(FormatError) as caught:
        parse_aba(text, source="case.aba")
    assert caught.value.path == "case.aba" and caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"case.aba:{line}: " if line else "case.aba: ")


def test_files(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("# a comment first\n\np aba 2\na 1\nc 1 2\n")
    assert is_aba_file(path) and read_aba(path).assumptions == {"1"}
    marked = tmp_path / "marked.txt"
    marked.write_bytes(b"\xef\xbb\xbfp aba 1\n")  # a byte-order mark, as some editors write
    assert is_aba_file(marked) and read_aba(marked).atoms == ("1",)
    other = tmp_path / "y.af"
    other.write_text("p af 2\n1 2\n")
    assert not is_aba_file(other) and not is_aba_file(tmp_path / "missing.aba")
    bad = tmp_path / "bad.aba"
    bad.write_bytes(b"p aba 1\n\xff\n")
    with pytest.raises(FormatError, match=r"bad\.aba: not UTF-8 text \(byte 8\)"):
        read_aba(bad)
    with pytest.raises(FormatError, match="cannot read the file"):
        read_aba(tmp_path / "missing.aba")
