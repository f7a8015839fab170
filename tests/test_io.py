"""Reading and writing ICCMA files, including what real files contain."""

import pytest
from hypothesis import given

from argmap import Framework
from argmap.errors import FormatError
from argmap.io import parse_apx, parse_i23, parse_tgf, read_framework, write_framework
from argmap.strategies import frameworks


def test_i23_comments_anywhere_crlf_and_duplicates():
    text = "# header comment\r\np af 4\r\n1 2\r\n# middle\r\n2 3\r\n2 3\r\n\r\n"
    af = parse_i23(text)
    assert af.arguments == {"1", "2", "3", "4"}
    assert af.attacks == {("1", "2"), ("2", "3")}


def test_i23_empty_framework():
    af = parse_i23("p af 0\n")
    assert len(af) == 0


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", None, "empty file"),
        ("1 2\n", 1, "before the 'p af N' header"),
        ("p af 2\np af 2\n", 2, "second 'p af' header"),
        ("p af 2\n1 3\n", 2, "out of range"),
        ("p af 2\n1 x\n", 2, "two argument numbers"),
        ("p af 2\n1 2 3\n", 2, "two argument numbers"),
        ("p af two\n", 1, "'p af N'"),
        ("p af 2\n0 1\n", 2, "out of range"),
    ],
)
def test_i23_errors_name_line_and_text(text, line, reason):
    with pytest.raises(FormatError) as info:
        parse_i23(text, source="x.af")
    assert info.value.line == line
    assert reason in str(info.value)
    assert str(info.value).startswith("x.af")


def test_apx_spaces_comments_and_several_facts_per_line():
    text = (
        "% a comment\narg(a).arg( b ).  arg(c).\r\natt(a, b). att( b ,c ). % trailing\natt(a,b).\n"
    )
    af = parse_apx(text)
    assert af.arguments == {"a", "b", "c"}
    assert af.attacks == {("a", "b"), ("b", "c")}


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("arg(a).\natt(a,b).\n", 2, "undeclared argument 'b'"),
        ("arg(a).\nfoo(a).\n", 2, "expected 'arg(name).'"),
        ("arg(a)\n", 1, "expected 'arg(name).'"),
        ("arg(a,b).\n", 1, "arg/1 takes one name"),
        ("att(a).\n", 1, "att/2 takes two names"),
        ("", None, "empty file"),
    ],
)
def test_apx_errors(text, line, reason):
    with pytest.raises(FormatError) as info:
        parse_apx(text, source="x.apx")
    assert info.value.line == line
    assert reason in str(info.value)


def test_tgf_reads_labels_and_rejects_unknown_nodes():
    assert parse_tgf("a first\nb\n#\na b attack\n").attacks == {("a", "b")}
    with pytest.raises(FormatError, match="undeclared argument 'c'"):
        parse_tgf("a\n#\na c\n")


def test_read_framework_by_extension_and_errors(tmp_path):
    path = tmp_path / "f.apx"
    path.write_text("arg(a).\n")
    assert read_framework(path).arguments == {"a"}
    with pytest.raises(ValueError, match="framework file extension"):
        read_framework(tmp_path / "f.txt")
    with pytest.raises(FormatError, match="cannot read the file"):
        read_framework(tmp_path / "missing.apx")
    bad = tmp_path / "bad.af"
    bad.write_bytes(b"p af 1\n\xff\n")
    with pytest.raises(FormatError, match="not UTF-8"):
        read_framework(bad)


@given(frameworks(max_arguments=8))
def test_apx_and_tgf_round_trip_names(af):
    assert parse_apx(write_framework(af, "apx")) == af
    assert parse_tgf(write_framework(af, "tgf")) == af


@given(frameworks(max_arguments=8))
def test_i23_round_trip_keeps_the_structure(af):
    back = parse_i23(write_framework(af, "i23"))
    assert len(back) == len(af)
    numbers = {name: str(i) for i, name in enumerate(af.sorted_arguments, start=1)}
    assert back.attacks == {(numbers[a], numbers[b]) for a, b in af.attacks}


def test_i23_keeps_numeric_names():
    af = Framework.from_attacks([("2", "10")], arguments=[str(i) for i in range(1, 11)])
    assert parse_i23(write_framework(af, "i23")) == af
