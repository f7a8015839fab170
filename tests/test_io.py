"""Reading and writing ICCMA files, including what real files contain."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap import Framework
from argmap.errors import FormatError, UnknownArgumentError, UnwritableError
from argmap.framework import natural_key
from argmap.io import iccma, parse_apx, parse_i23, parse_tgf, read_framework, write_framework
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
        ("p af 2\n1 \u00b2\n", 2, "two argument numbers"),  # a digit that is no decimal
        ("p af \u00b2\n", 1, "'p af N'"),
    ],
)
def test_i23_errors_name_line_and_text(text, line, reason):
    with pytest.raises(FormatError) as info:
        parse_i23(text, source="x.af")
    assert info.value.line == line
    assert reason in str(info.value)
    assert str(info.value).startswith("x.af")


def _both_readings(parse, parse_by_line, text):
    """The frameworks a reader and its line-by-line reading build from ``text``, or None when
    both reject it, which they must do with the same message and line."""
    try:
        expected = parse_by_line(text, "x.file")
    except FormatError as error:
        with pytest.raises(FormatError) as info:
            parse(text, source="x.file")
        assert (str(info.value), info.value.line) == (str(error), error.line)
        return None
    return parse(text, source="x.file"), expected


i23_lines = st.one_of(
    st.sampled_from(["p af 3", "p af 0", "p af", "p af \u00b2", "# a comment", "", "  "]),
    st.sampled_from(["1 2 3", "x", "\u00b2 1"]),
    st.tuples(st.integers(0, 4), st.integers(0, 4)).map(lambda pair: f"{pair[0]} {pair[1]}"),
    st.tuples(st.integers(1, 3), st.integers(1, 3)).map(lambda pair: f" {pair[0]}\t{pair[1]} "),
    # an Arabic-Indic 3, a leading zero, a comment after a space, white space that is no line
    # break, line breaks that are no newline
    st.sampled_from(["\u0663 1", "01 2", "#1 2", " # 1", "1\x1f2", "1\u20282", "1\x0c2 3"]),
)


@given(st.booleans(), st.lists(i23_lines, max_size=8), st.sampled_from(["\n", "\r\n"]))
@example(True, ["0 1"], "\n")  # an argument number out of range
@example(False, ["p af \u00b2"], "\n")  # a digit that is no decimal
def test_i23_reader_agrees_with_the_line_by_line_reading(header, lines, newline):
    # the reader checks a whole file at once and reads it again line by line only to name the
    # first bad line; both readings must accept the same files and build the same framework
    text = newline.join(["p af 3", *lines] if header else lines)
    read = _both_readings(parse_i23, iccma._parse_i23_by_line, text)
    if read is None:
        return
    af, expected = read
    assert af == expected
    assert af.sorted_arguments == expected.sorted_arguments
    assert af.attackers_of == expected.attackers_of
    assert af.targets_of == expected.targets_of


@given(frameworks(max_arguments=8))
def test_integer_views_of_a_numbered_framework_match_its_attacks(af):
    back = parse_i23(write_framework(af, "i23"))
    rebuilt = Framework(back.arguments, back.attacks)
    assert (back.attackers_of, back.targets_of) == (rebuilt.attackers_of, rebuilt.targets_of)
    assert back.index == rebuilt.index


@given(frameworks(max_arguments=8), st.randoms(use_true_random=False))
def test_integer_views_of_an_apx_framework_match_its_attacks(af, random):
    # facts in any order, some repeated: the views are built from positions, not from pairs
    lines = write_framework(af, "apx").splitlines()
    lines += random.sample(lines, len(lines) // 2)
    random.shuffle(lines)
    back = parse_apx("\n".join(lines))
    if len(af):  # the empty framework's file is a comment, read line by line
        assert "attacks" not in back.__dict__  # read without pairs of names
    rebuilt = Framework(af.arguments, af.attacks)
    assert back == rebuilt
    assert back.sorted_arguments == rebuilt.sorted_arguments and back.index == rebuilt.index
    assert (back.attackers_of, back.targets_of) == (rebuilt.attackers_of, rebuilt.targets_of)


@given(frameworks(max_arguments=8))
def test_attacker_counts_before_and_after_the_attackers_view(af):
    # counted from the attacks while the attackers view is unbuilt, from the view after it
    expected = [sum(1 for _, b in af.attacks if b == name) for name in af.sorted_arguments]
    for framework in (parse_i23(write_framework(af, "i23")), Framework(af.arguments, af.attacks)):
        first = framework.attacker_counts()
        assert "attackers_of" not in framework.__dict__
        first[:] = [-1] * len(first)  # a new list each call: changing one leaves the next alone
        assert framework.attacker_counts() == expected
        assert [len(row) for row in framework.attackers_of] == expected
        assert framework.attacker_counts() == expected


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


# The APX fact grammar as a regular expression, to check the reader's own scanner against.
_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([^\s(),%]+)\s*(?:,\s*([^\s(),%]+)\s*)?\)\s*\.")

_spaces = st.sampled_from([*[""] * 6, " ", "\t", "\u00a0"])
_names = st.one_of(
    st.sampled_from(["a", "b", "a", "b"]),
    st.text(alphabet="ab1ä \t\u00a0\u200b(),.%", max_size=3),
)
# facts that are mostly well formed, with a wrong or missing piece here and there
apx_facts = st.tuples(
    st.sampled_from([*["arg", "att"] * 4, "ar", "atts"]),
    _spaces,
    st.sampled_from([*["("] * 6, "", "(("]),
    _spaces,
    _names,
    st.sampled_from(["", ","]),
    _names,
    _spaces,
    st.sampled_from([*[")"] * 6, "", "))"]),
    _spaces,
    st.sampled_from([*["."] * 6, "", ".."]),
).map("".join)
apx_texts = st.lists(
    st.lists(apx_facts, max_size=3).map(" ".join) | st.lists(apx_facts, max_size=3).map("".join),
    max_size=4,
).map("\n".join)


def _facts_by_grammar(text):
    """(arguments, attacks) by the regular expression, or None where it rejects a line."""
    arguments, attacks = set(), set()
    for line in text.splitlines():
        body = line.strip().split("%", 1)[0].strip()
        position = 0
        while position < len(body):
            match = _FACT.match(body, position)
            if match is None:
                return None
            kind, first, second = match.groups()
            if (kind == "arg") != (second is None):
                return None
            if kind == "arg":
                arguments.add(first)
            else:
                attacks.add((first, second))
            position = match.end()
            while position < len(body) and body[position].isspace():
                position += 1
    if not attacks <= {(a, b) for a in arguments for b in arguments}:
        return None
    return arguments, attacks


@settings(max_examples=300)
@given(apx_texts)
def test_apx_reader_accepts_exactly_the_grammar(text):
    prefix = "arg(a). arg(b).\n"  # declared, so well-formed attacks between them are accepted
    expected = _facts_by_grammar(prefix + text)
    try:
        af = parse_apx(prefix + text)
    except FormatError:
        assert expected is None
    else:
        assert expected == (af.arguments, af.attacks)


# lines as files usually have them, and near misses of that shape
plain_apx_lines = st.one_of(
    st.sampled_from(["arg(a).", "arg(b).", "att(a,b).", "att(b,a).", "att(a,a).", "", "  "]),
    st.sampled_from(["arg(\u00e4).", "att(\u00e4,a).", "arg(a\u200b).", "att(a\u200b,a)."]),
    st.sampled_from(["arg(\tb).", "att(a,\tb).", "att(a,c).", "att(c,a).", "att(a,b,c)."]),
    st.sampled_from(["arg(a,b).", "att(a).", "arg().", "% c", " arg(a).", "arg(a). "]),
    st.sampled_from(["arg(a).att(a,a).", "arg(a)).", "arg(a%)."]),
    # comments, as write_apx labels arguments, and near misses
    st.sampled_from(["arg(a). % the witness", "att(a,b).% why", "arg(b).\t%% 50% sure"]),
    st.sampled_from(["% arg(c).", "arg(a) . % x", "att(a,b) % no stop", "arg(a).\u00a0% x"]),
)


@settings(max_examples=500)  # microseconds each
@given(st.lists(plain_apx_lines, max_size=6), st.sampled_from(["\n", "\r\n"]))
@example(["arg(a).", "att(a,c)."], "\n")  # an undeclared target
@example(["arg(a).", "arg(\tb).", "att(a,\tb)."], "\n")  # white space inside the parentheses
def test_apx_reader_agrees_with_the_line_by_line_reading(lines, newline):
    # files written one fact a line are checked whole; any other text, and every error, is
    # read by the scanner, line by line
    read = _both_readings(parse_apx, iccma._parse_apx_by_line, newline.join(lines))
    if read is not None:
        af, expected = read
        assert (af.arguments, af.attacks) == (expected.arguments, expected.attacks)


@settings(max_examples=1000)  # microseconds each; odd spacing needs many draws to meet
@given(apx_facts)
def test_apx_fact_scanner_matches_the_grammar(body):
    body = body.split("%", 1)[0].strip()  # as the reader hands it lines
    match = _FACT.match(body)
    expected = None if match is None else (*match.groups(), match.end())
    assert iccma._apx_fact(body, 0) == expected


@given(st.text(alphabet="a1b2٣x0", max_size=8), st.text(alphabet="a1b2٣x0", max_size=8))
def test_natural_order_compares_digit_runs_as_numbers(left, right):
    def by_regex(name):
        return [
            (0, int(p), p) if p.isdecimal() else (1, 0, p) for p in re.split(r"(\d+)", name) if p
        ]

    assert list(natural_key(left)) == by_regex(left)
    assert (natural_key(left) < natural_key(right)) == (by_regex(left) < by_regex(right))


@given(st.lists(st.text(alphabet="0123٣", min_size=1, max_size=3), unique=True))
@example(["1", "01", "001", "3", "٣"])
def test_names_come_in_one_natural_order_whatever_order_they_came_in(names):
    # numbers written alike ("1", "01"; "3" and the Arabic-Indic "٣") tie as values, and used
    # to keep the order they came in, which for a set changes from process to process
    expected = sorted(names, key=natural_key)
    assert len({natural_key(name) for name in names}) == len(names)  # no two names tie
    for order in (names, names[::-1]):
        assert Framework.from_attacks([], arguments=order).sorted_arguments == tuple(expected)
        mixed = [*order, "a"]  # the same order where the names are not all numbers
        assert Framework.from_attacks([], arguments=mixed).sorted_arguments == (*expected, "a")


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


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".af", "p af 2\n1 2\n"),
        (".apx", "arg(a).\narg(b).\natt(a,b).\n"),
        (".tgf", "a\nb\n#\na b\n"),
    ],
)
def test_a_byte_order_mark_is_skipped(tmp_path, suffix, text):
    # as some Windows editors write it; it used to become part of the first name or header
    path = tmp_path / f"bom{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    plain = tmp_path / f"plain{suffix}"
    plain.write_text(text)
    assert read_framework(path) == read_framework(plain)


@given(frameworks(max_arguments=8))
def test_apx_and_tgf_round_trip_names(af):
    assert parse_apx(write_framework(af, "apx")) == af
    back = parse_tgf(write_framework(af, "tgf"))
    assert back == af
    rebuilt = Framework(af.arguments, af.attacks)  # the views built from the pairs of names
    assert back.sorted_arguments == rebuilt.sorted_arguments and back.index == rebuilt.index
    assert (back.attackers_of, back.targets_of) == (rebuilt.attackers_of, rebuilt.targets_of)


@given(frameworks(max_arguments=8))
def test_i23_round_trip_keeps_the_structure(af):
    back = parse_i23(write_framework(af, "i23"))
    assert len(back) == len(af)
    numbers = {name: str(i) for i, name in enumerate(af.sorted_arguments, start=1)}
    assert back.attacks == {(numbers[a], numbers[b]) for a, b in af.attacks}


def test_i23_keeps_numeric_names():
    af = Framework.from_attacks([("2", "10")], arguments=[str(i) for i in range(1, 11)])
    assert parse_i23(write_framework(af, "i23")) == af


# names built from characters that the formats give a meaning to, and a few plain ones
_awkward_names = st.text(alphabet=" ,()%#.\n\t\xa0ab1", min_size=1, max_size=3)


@st.composite
def _awkwardly_named_frameworks(draw):
    names = draw(st.lists(_awkward_names, max_size=5, unique=True))
    if not names:
        return Framework(frozenset(), frozenset())
    attacks = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=8))
    return Framework(frozenset(names), frozenset(attacks))


@given(_awkwardly_named_frameworks())
@example(Framework(frozenset({"a b", "c"}), frozenset({("a b", "c")})))
@example(Framework(frozenset({"#", "a"}), frozenset({("#", "a")})))
def test_apx_and_tgf_write_what_reads_back_or_name_what_they_cannot(af):
    for fmt, parse in (("apx", parse_apx), ("tgf", parse_tgf)):
        try:
            text = write_framework(af, fmt)
        except UnwritableError as error:
            unfit = re.match(r"argument (.+) cannot be written in", str(error))
            assert unfit is not None and unfit[1] in {repr(name) for name in af.arguments}
            assert "i23" in str(error)
            continue
        assert parse(text) == af


@given(_awkwardly_named_frameworks())
def test_i23_writes_any_name_in_a_one_line_comment(af):
    text = write_framework(af, "i23")
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert len(lines) == 1 + len(comments) + len(af.attacks)
    assert len(comments) in (0, len(af))
    back = parse_i23(text)
    numbers = {name: str(i) for i, name in enumerate(af.sorted_arguments, start=1)}
    assert back.attacks == {(numbers[a], numbers[b]) for a, b in af.attacks}


def test_labels_are_written_where_each_format_has_room_and_read_past():
    af = Framework.from_attacks([("A1", "A2")], arguments=["A3"])
    labels = {"A1": "concludes door_locked", "A3": "two\nlines"}
    apx = write_framework(af, "apx", labels)
    assert apx.splitlines()[:3] == [
        "arg(A1). % concludes door_locked",
        "arg(A2).",
        "arg(A3). % 'two\\nlines'",
    ]
    tgf = write_framework(af, "tgf", labels)
    assert tgf.splitlines()[:3] == ["A1 concludes door_locked", "A2", "A3 'two\\nlines'"]
    i23 = write_framework(af, "i23", labels)
    assert i23.splitlines()[1:4] == [
        "# 1 A1 concludes door_locked",
        "# 2 A2",
        "# 3 A3 'two\\nlines'",
    ]
    assert parse_apx(apx) == af and parse_tgf(tgf) == af
    assert parse_i23(i23) == Framework.from_attacks([("1", "2")], arguments=["3"])
    # a name with a space is quoted, so that the label after it can be told from it
    spaced = Framework.from_attacks([("c d", "e")])
    assert write_framework(spaced, "i23", {"c d": "C D"}).splitlines()[1] == "# 1 'c d' C D"
    # numeric names get their comments too once there is a label to show
    numbered = Framework.from_attacks([("1", "2")])
    assert write_framework(numbered, "i23", {"2": "b"}).splitlines()[1:3] == ["# 1 1", "# 2 2 b"]
    with pytest.raises(UnknownArgumentError, match="'A9'"):
        write_framework(af, "tgf", {"A9": "nowhere"})


def _clingo_reads_as_itself(name: str) -> bool:
    import clingo

    # clingo reports syntax errors on standard error, which pytest captures (a Python logger
    # would be handed messages cut inside a UTF-8 character, and clingo aborts on the error)
    control = clingo.Control(["--warn=none"])
    try:
        control.add("base", [], f"arg({name}).")
        control.ground([("base", [])])
    except RuntimeError:
        return False
    return [str(atom.symbol) for atom in control.symbolic_atoms] == [f"arg({name})"]


@settings(max_examples=max(300, settings.default.max_examples))  # a millisecond each
@given(st.text(alphabet="aZ_'-09.é", min_size=1, max_size=4))
@example("bottom_line")
@example("A1")
@example("a-b")  # a subtraction, which gringo drops without a word
@example("-0")
@example("_1")
@example("-a")
@example("--a")
def test_asp_constants_are_the_names_clingo_reads_as_themselves(name):
    assert iccma.asp_constant(name) == _clingo_reads_as_itself(name)
