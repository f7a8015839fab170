"""Readers and writers for the ICCMA framework formats: i23, APX and TGF.

* i23 (ICCMA 2023): a header ``p af N``, then one attack ``i j`` per line between arguments
  numbered 1..N; lines starting with ``#`` are comments, anywhere in the file.
* APX (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``; spaces inside the facts, several facts on
  one line, and ``%`` comments are allowed.
* TGF (trivial graph format): one argument per line (an id, optionally a label), a line ``#``,
  then one attack ``a b`` per line.

CRLF line endings are accepted everywhere. Duplicate attacks are accepted (a set); the empty
framework ``p af 0`` is valid. Every error names the file, the line and the offending text.
"""

from __future__ import annotations

import os

from argmap.errors import FormatError, UnknownArgumentError, UnknownNameError, UnwritableError
from argmap.framework import Framework

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

__all__ = [
    "FORMATS",
    "asp_constant",
    "format_for_path",
    "i23_numbering",
    "is_aba_file",
    "parse_apx",
    "parse_framework",
    "parse_i23",
    "parse_tgf",
    "read_framework",
    "write_apx",
    "write_framework",
    "write_i23",
    "write_tgf",
]

FORMATS = ("i23", "apx", "tgf")
_SUFFIXES = {".i23": "i23", ".af": "i23", ".apx": "apx", ".tgf": "tgf"}


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        yield number, line.strip()


def parse_i23(text: str, *, source: str | None = None) -> Framework:
    """Parse the ICCMA 2023 format; arguments are named ``"1"`` .. ``"N"``.

    >>> af = parse_i23("p af 3\\n# a comment\\n1 2\\n2 3\\n1 2\\n")
    >>> sorted(af.arguments), sorted(af.attacks)
    (['1', '2', '3'], [('1', '2'), ('2', '3')])
    >>> parse_i23("p af 2\\n1 3\\n", source="f.af")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: f.af:2: argument index out of range 1..2: '1 3'
    """
    numbers = _i23_numbers(text)
    if numbers is None:
        # not well formed: read it again line by line, which names the first bad line
        return _parse_i23_by_line(text, source)
    count, ends = numbers
    return Framework._numbered(count, ends)


def _i23_numbers(text: str) -> tuple[int, list[int]] | None:
    """The argument count and the numbers of the attacks' ends, attacker and target in turn,
    of a well-formed i23 text; None if it is not well formed.

    Each check runs over the whole file at once, which reads a large file several times faster
    than a loop over its lines. No list is kept per line: a million short-lived containers
    would wake Python's garbage collector again and again."""
    lines = text.splitlines()
    body = text
    if "#" in text:
        lines = [line for line in lines if not line.lstrip().startswith("#")]
        body = "\n".join(lines)
    widths = list(map(len, map(str.split, lines)))  # fields on each line
    # every line break is white space to split(), so the fields are those of the lines in turn
    fields = body.split()
    header = next((i for i, width in enumerate(widths) if width), None)
    if header is None or widths[header] != 3 or fields[:2] != ["p", "af"]:
        return None
    if not fields[2].isdecimal() or not set(widths[header + 1 :]) <= {0, 2}:
        return None
    count = int(fields[2])
    if len(fields) == 3:
        return count, []
    numbers = fields[3:]
    if not "".join(numbers).isdecimal():
        return None
    ends = list(map(int, numbers))
    if min(ends) < 1 or max(ends) > count:
        return None
    return count, ends


def _parse_i23_by_line(text: str, source: str | None) -> Framework:
    count: int | None = None
    attacks: list[tuple[str, str]] = []
    for number, line in _lines(text):
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if fields[0] == "p":
            if count is not None:
                raise FormatError("a second 'p af' header", path=source, line=number, text=line)
            if len(fields) != 3 or fields[1] != "af" or not fields[2].isdecimal():
                raise FormatError("expected a header 'p af N'", path=source, line=number, text=line)
            count = int(fields[2])
            continue
        if count is None:
            raise FormatError(
                "an attack before the 'p af N' header", path=source, line=number, text=line
            )
        if len(fields) != 2 or not all(field.isdecimal() for field in fields):
            raise FormatError(
                "expected an attack 'i j' of two argument numbers",
                path=source,
                line=number,
                text=line,
            )
        attacker, target = int(fields[0]), int(fields[1])
        if not (1 <= attacker <= count and 1 <= target <= count):
            raise FormatError(
                f"argument index out of range 1..{count}", path=source, line=number, text=line
            )
        attacks.append((str(attacker), str(target)))
    if count is None:
        what = "an empty file" if not text.strip() else "no 'p af N' header"
        raise FormatError(f"{what}: an i23 file starts with 'p af N'", path=source)
    return Framework.from_attacks(attacks, arguments=[str(i) for i in range(1, count + 1)])


#: Characters that end a name in APX (besides white space).
_APX_STOPS = "(),%"


def _plain_name(name: str) -> bool:
    # printable and without " " means without white space: every other white-space
    # character is unprintable
    return (
        name.isprintable()
        and " " not in name
        and name != ""
        and not any(stop in name for stop in _APX_STOPS)
    )


def _skip_space(body: str, i: int) -> int:
    while i < len(body) and body[i].isspace():
        i += 1
    return i


def _apx_name(body: str, i: int) -> tuple[str, int]:
    start = i
    while i < len(body) and not body[i].isspace() and body[i] not in _APX_STOPS:
        i += 1
    return body[start:i], i


def _apx_fact(body: str, i: int) -> tuple[str, str, str | None, int] | None:
    """The fact ``kind(first)`` or ``kind(first, second)`` followed by ``.``, with optional
    white space between the tokens, starting at ``body[i]``: (kind, first, second, position
    after the dot), or None if none is there. A whole line holding one fact without spaces,
    as files usually have it, is read by a shortcut."""
    if i == 0 and body.endswith(").") and body[3:4] == "(" and body[:3] in ("arg", "att"):
        one, comma, other = body[4:-2].partition(",")
        if _plain_name(one) and (not comma or _plain_name(other)):
            return body[:3], one, other if comma else None, len(body)
    i = _skip_space(body, i)
    kind = body[i : i + 3]
    if kind not in ("arg", "att"):
        return None
    i = _skip_space(body, i + 3)
    if body[i : i + 1] != "(":
        return None
    first, i = _apx_name(body, _skip_space(body, i + 1))
    i = _skip_space(body, i)
    second = None
    if body[i : i + 1] == ",":
        second, i = _apx_name(body, _skip_space(body, i + 1))
        i = _skip_space(body, i)
        if not second:
            return None
    if not first or body[i : i + 1] != ")":
        return None
    i = _skip_space(body, i + 1)
    if body[i : i + 1] != ".":
        return None
    return kind, first, second, i + 1


def parse_apx(text: str, *, source: str | None = None) -> Framework:
    """Parse the ASPARTIX format.

    >>> af = parse_apx("arg(a). arg(b).\\r\\natt(a, b). % a attacks b\\n")
    >>> sorted(af.attacks)
    [('a', 'b')]
    >>> parse_apx("arg(a).\\natt(a,c).\\n", source="f.apx")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: f.apx:2: attack names an undeclared argument 'c': 'att(a,c).'
    """
    facts = _plain_apx_facts(text)
    if facts is not None:
        try:
            return Framework._named(*facts)
        except KeyError:  # an undeclared argument, which the reading line by line names
            pass
    # spaces, comments, several facts on a line, or an error: read it line by line
    return _parse_apx_by_line(text, source)


def _plain_apx_facts(text: str) -> tuple[list[str], list[str], list[str]] | None:
    """The declared arguments, and the attackers and targets of the attacks in turn, of an
    APX text written as files usually are, one fact a line without white space, or comment
    lines, or a fact and then its comment, as :func:`write_apx` labels arguments (blank lines
    allowed); None for any other text. Each check runs over the whole file at once, which
    reads a large file several times faster than the scanner."""
    lines = text.splitlines()
    if "%" in text:
        lines = [line.partition("%")[0].rstrip() if "%" in line else line for line in lines]
    declarations = [line[4:-2] for line in lines if line.startswith("arg(")]
    attacks = [line[4:-2] for line in lines if line.startswith("att(")]
    blank = sum(1 for line in lines if not line or line.isspace())
    if not declarations or len(declarations) + len(attacks) + blank != len(lines):
        return None
    if not all(line.endswith(").") for line in lines if line.startswith(("arg(", "att("))):
        return None
    attackers = [body.partition(",")[0] for body in attacks]
    targets = [body.partition(",")[2] for body in attacks]
    if not (all(declarations) and all(attackers) and all(targets)):
        return None
    names = "".join(declarations) + "".join(attackers) + "".join(targets)
    # printable and without " " means without white space, as in _plain_name
    if not names.isprintable() or any(stop in names for stop in (" ", *_APX_STOPS)):
        return None
    return declarations, attackers, targets


def _parse_apx_by_line(text: str, source: str | None) -> Framework:
    arguments: set[str] = set()
    attacks: list[tuple[int, str, str, str]] = []
    for number, line in _lines(text):
        body = line.split("%", 1)[0].strip()
        position = 0
        while position < len(body):
            fact = _apx_fact(body, position)
            if fact is None:
                raise FormatError(
                    "expected 'arg(name).' or 'att(name,name).'",
                    path=source,
                    line=number,
                    text=line,
                )
            kind, first, second, position = fact
            if kind == "arg":
                if second is not None:
                    raise FormatError("arg/1 takes one name", path=source, line=number, text=line)
                arguments.add(first)
            else:
                if second is None:
                    raise FormatError("att/2 takes two names", path=source, line=number, text=line)
                attacks.append((number, line, first, second))
            position = _skip_space(body, position)
    for number, line, first, second in attacks:
        for name in (first, second):
            if name not in arguments:
                raise FormatError(
                    f"attack names an undeclared argument {name!r}",
                    path=source,
                    line=number,
                    text=line,
                )
    if not arguments and not text.strip():
        raise FormatError(
            "an empty file: an APX file declares arguments with 'arg(name).'", path=source
        )
    return Framework(frozenset(arguments), frozenset((a, b) for _, _, a, b in attacks))


def parse_tgf(text: str, *, source: str | None = None) -> Framework:
    """Parse the trivial graph format (arguments, a line ``#``, attacks).

    >>> sorted(parse_tgf("a\\nb\\n#\\na b\\n").attacks)
    [('a', 'b')]
    """
    arguments: set[str] = set()
    attackers: list[str] = []
    targets: list[str] = []
    in_edges = False
    for number, line in _lines(text):
        if not line:
            continue
        if line == "#":
            if in_edges:
                raise FormatError("a second '#' separator", path=source, line=number, text=line)
            in_edges = True
            continue
        fields = line.split()
        if not in_edges:
            arguments.add(fields[0])
            continue
        if len(fields) < 2:
            raise FormatError(
                "expected an attack 'attacker target'", path=source, line=number, text=line
            )
        for name in fields[:2]:
            if name not in arguments:
                raise FormatError(
                    f"attack names an undeclared argument {name!r}",
                    path=source,
                    line=number,
                    text=line,
                )
        attackers.append(fields[0])
        targets.append(fields[1])
    if not text.strip():
        raise FormatError(
            "an empty file: a TGF file lists arguments, '#', then attacks", path=source
        )
    return Framework._named(arguments, attackers, targets)


_PARSERS = {"i23": parse_i23, "apx": parse_apx, "tgf": parse_tgf}


def is_aba_file(path: str | os.PathLike[str]) -> bool:
    """Whether the file's first line that is neither blank nor a comment is a ``p aba``
    header (read from the file's start only); False where it cannot be read. Here, beside
    the framework formats, so that telling the two kinds of file apart costs ``argmap
    solve`` no import (:mod:`argmap.io.aba` reads the ABA files)."""
    try:
        with open(path, "rb") as handle:
            for raw in handle:
                line = raw.removeprefix(b"\xef\xbb\xbf").strip()  # a byte-order mark, as read
                if line and not line.startswith(b"#"):
                    return line.split()[:2] == [b"p", b"aba"]
    except OSError:
        return False
    return False


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format a file name implies: ``.i23``/``.af`` i23, ``.apx`` APX, ``.tgf`` TGF.

    >>> format_for_path("bench/x.apx")
    'apx'
    """
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in _SUFFIXES:
        raise UnknownNameError(
            f"framework file extension (of {str(path)!r})", suffix, sorted(_SUFFIXES)
        )
    return _SUFFIXES[suffix]


def _check_format(fmt: str) -> str:
    if fmt not in _PARSERS:
        raise UnknownNameError("framework format", fmt, FORMATS)
    return fmt


def parse_framework(text: str, fmt: str, *, source: str | None = None) -> Framework:
    """Parse text in one of :data:`FORMATS`."""
    return _PARSERS[_check_format(fmt)](text, source=source)


def read_framework(path: str | os.PathLike[str], fmt: str | None = None) -> Framework:
    """Read a framework file; the format comes from ``fmt`` or else the file's extension."""
    fmt = _check_format(fmt) if fmt is not None else format_for_path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise FormatError(f"cannot read the file ({error.strerror})", path=str(path)) from error
    try:
        # utf-8-sig: a byte-order mark, as some Windows editors write, is skipped
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(f"not UTF-8 text (byte {error.start})", path=str(path)) from error
    return parse_framework(text, fmt, source=str(path))


def i23_numbering(af: Framework) -> dict[str, int]:
    """Argument numbers for i23: kept when the names are already ``1..N``, natural order else."""
    names = af.sorted_arguments
    if set(names) == {str(i) for i in range(1, len(names) + 1)}:
        return {name: int(name) for name in names}
    return {name: position for position, name in enumerate(names, start=1)}


def write_i23(af: Framework, labels: Mapping[str, str] | None = None) -> str:
    """The i23 text; names that are not ``1..N`` are numbered in natural order, listed in
    ``#`` comments so the numbering can be read back. A name with a space, and a name or a
    label that is not one line of printable text, is written there as a quoted string.

    ``labels`` (here and in :func:`write_apx`, :func:`write_tgf`) gives some arguments a
    description for a reader, written where the format has room for one: an i23 or APX
    comment, a TGF node label. No reader takes labels back.

    >>> print(write_i23(Framework.from_attacks([("1", "2")])), end="")
    p af 2
    1 2
    >>> print(write_i23(Framework.from_attacks([("a", "b")]), {"b": "the door"}), end="")
    p af 2
    # 1 a
    # 2 b the door
    1 2
    """
    numbers = i23_numbering(af)
    labels = _checked_labels(af, labels)
    lines = [f"p af {len(af)}"]
    if labels or any(str(numbers[name]) != name for name in af.arguments):
        for name in af.sorted_arguments:
            label = labels.get(name)
            # a name with a space is quoted, so that it ends where the label begins
            shown = name if name.isprintable() and " " not in name else repr(name)
            key = f"# {numbers[name]} {shown}"
            lines.append(key if label is None else f"{key} {label}")
    # i23_numbering numbers the arguments in natural order: an argument's number is one past
    # its position
    attackers, targets = af._position_pairs
    lines += [f"{a + 1} {b + 1}" for a, b in zip(attackers, targets, strict=True)]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """``text`` if it is one line of printable text, else quoted with escapes."""
    return text if text.isprintable() else repr(text)


def _checked_labels(af: Framework, labels: Mapping[str, str] | None) -> dict[str, str]:
    """The labels, each on one line, after checking that each names an argument."""
    if not labels:
        return {}
    for name in labels:
        if name not in af.arguments:
            raise UnknownArgumentError(name, af.arguments)
    return {name: _one_line(str(label)) for name, label in labels.items()}


def _unwritable(af: Framework, fmt: str, plain: Callable[[str], bool], rule: str) -> None:
    """Refuse a framework with a name the format cannot hold (:class:`UnwritableError`)."""
    names = af.sorted_arguments
    joined = "".join(names)
    # one pass over the whole for the usual names; a search name by name else
    usual = joined.isprintable() and not any(stop in joined for stop in (" ", *_APX_STOPS, "#"))
    if usual and all(names):
        return
    for name in names:
        if not plain(name):
            raise UnwritableError(
                f"argument {name!r} cannot be written in {fmt}: {rule}; "
                "i23 numbers the arguments and keeps any name in a comment"
            )


def _sorted_attacks(af: Framework) -> Iterator[tuple[str, str]]:
    """The attacks ordered by attacker, then target, each in natural order."""
    names = af.sorted_arguments
    attackers, targets = af._position_pairs
    return zip(map(names.__getitem__, attackers), map(names.__getitem__, targets), strict=True)


def write_apx(af: Framework, labels: Mapping[str, str] | None = None) -> str:
    """The APX text, arguments then attacks in natural order; a name with white space, a
    comma, a parenthesis or ``%`` is refused (:class:`~argmap.errors.UnwritableError`).

    >>> print(write_apx(Framework.from_attacks([("a", "b")]), {"a": "the witness"}), end="")
    arg(a). % the witness
    arg(b).
    att(a,b).
    """
    _unwritable(af, "APX", _plain_name, "APX names have no white space, commas, parentheses or %")
    labels = _checked_labels(af, labels)
    lines = [
        f"arg({name})." if name not in labels else f"arg({name}). % {labels[name]}"
        for name in af.sorted_arguments
    ]
    lines += [f"att({a},{b})." for a, b in _sorted_attacks(af)]
    if not lines:  # an empty file is malformed; a comment alone is the empty framework
        lines = ["% the empty framework"]
    return "\n".join(lines) + "\n"


def write_tgf(af: Framework, labels: Mapping[str, str] | None = None) -> str:
    """The TGF text, with labels after the node ids; a name with white space, or the
    separator ``#`` itself, is refused (:class:`~argmap.errors.UnwritableError`).

    >>> print(write_tgf(Framework.from_attacks([("a", "b")]), {"a": "the witness"}), end="")
    a the witness
    b
    #
    a b
    """
    _unwritable(af, "TGF", _tgf_name, "TGF names are printable, without white space, and not '#'")
    labels = _checked_labels(af, labels)
    nodes = [
        name if name not in labels else f"{name} {labels[name]}" for name in af.sorted_arguments
    ]
    lines = [*nodes, "#", *(f"{a} {b}" for a, b in _sorted_attacks(af))]
    return "\n".join(lines) + "\n"


def asp_constant(name: str) -> bool:
    """Whether an answer-set program (gringo, ASPARTIX) reads ``arg(name).`` as a fact about
    ``name`` itself: an identifier whose first letter, after any ``_`` and ``'``, is a
    lower-case ASCII one, followed by ASCII letters, digits, ``_`` and ``'``; or a whole
    number without leading zeros; either after a minus sign. ``A1`` is a variable there,
    ``a-b`` a subtraction, ``01`` an error.

    >>> asp_constant("a1"), asp_constant("bottom_line"), asp_constant("-7")
    (True, True, True)
    >>> asp_constant("A1"), asp_constant("a-b"), asp_constant("01")
    (False, False, False)
    """
    number = name.removeprefix("-")  # a minus sign: a negative number, or a negated term
    if number.isascii() and number.isdigit():  # and "-0" is read as 0
        return number == name == "0" or not number.startswith("0")
    word = number.lstrip("_'")
    return (
        word[:1].isascii()
        and word[:1].islower()
        and word.isascii()
        and all(c.isalnum() or c in "_'" for c in word)
    )


def _tgf_name(name: str) -> bool:
    # printable and without " " means without white space, as in _plain_name
    return name.isprintable() and " " not in name and name not in ("", "#")


_WRITERS = {"i23": write_i23, "apx": write_apx, "tgf": write_tgf}


def write_framework(af: Framework, fmt: str, labels: Mapping[str, str] | None = None) -> str:
    """The framework as text in one of :data:`FORMATS`, with ``labels`` as
    :func:`write_i23` describes them."""
    return _WRITERS[_check_format(fmt)](af, labels)
