"""The ICCMA ABA format: flat assumption-based frameworks as numbered atoms.

The format of the ICCMA 2023 ABA track (kept for 2025): a header ``p aba N`` declares atoms
``1`` .. ``N``; then one item a line, in any order: ``a X`` makes atom X an assumption,
``c X Y`` gives assumption X the contrary Y, ``r H B1 ... Bk`` is the rule ``H <- B1, ...,
Bk`` (``r H`` alone a fact). Lines starting with ``#`` are comments.

>>> aba = parse_aba("p aba 8\\na 1\\na 2\\na 3\\nc 1 6\\nc 2 7\\nc 3 8\\nr 4 5 1\\nr 5\\nr 6 2 3")
>>> sorted(aba.assumptions), aba.contrary("2"), [str(rule) for rule in aba.rules]
(['1', '2', '3'], '7', ['4 <- 5, 1', '5 <-', '6 <- 2, 3'])
"""

from __future__ import annotations

from argmap.aba.framework import ABAFramework, Rule
from argmap.errors import FormatError
from argmap.io.iccma import is_aba_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os

__all__ = ["is_aba_file", "parse_aba", "read_aba", "write_aba"]

_ITEMS = "'a X' (an assumption), 'c X Y' (a contrary) or 'r H B1 ... Bk' (a rule)"


def parse_aba(text: str, *, source: str | None = None) -> ABAFramework:
    """Parse the ICCMA ABA format; atoms are named ``"1"`` .. ``"N"``.

    Every problem is a :class:`~argmap.errors.FormatError` naming the file and line: an atom
    out of range, an item of the wrong shape, an assumption given two contraries, a contrary
    for an atom that is no assumption, a rule that derives an assumption. An assumption with
    no ``c`` line has no contrary and is never attacked.

    >>> parse_aba("p aba 2\\na 1\\nc 1 2\\nr 1 2\\n", source="x.aba")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: x.aba:4: the rule derives assumption 1 (flat ABA: no rule \
derives an assumption): 'r 1 2'
    """
    count: int | None = None
    assumed: set[str] = set()
    contrary: dict[str, tuple[str, int, str]] = {}  # assumption -> contrary, line, its text
    rules: list[tuple[Rule, int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()

        def fail(reason: str, number: int = number, line: str = line) -> FormatError:
            return FormatError(reason, path=source, line=number, text=line)

        if fields[0] == "p":
            if count is not None:
                raise fail("a second 'p aba' header")
            if len(fields) != 3 or fields[1] != "aba" or not fields[2].isdecimal():
                raise fail("expected a header 'p aba N'")
            count = int(fields[2])
            continue
        if count is None:
            raise fail("an item before the 'p aba N' header")
        atoms = fields[1:]
        for atom in atoms:
            if not atom.isdecimal() or not 1 <= int(atom) <= count:
                raise fail(f"{atom!r} is not an atom number in 1..{count}")
        atoms = [str(int(atom)) for atom in atoms]
        kind = fields[0]
        if kind == "a":
            if len(atoms) != 1:
                raise fail("expected 'a X': one atom, an assumption")
            assumed.add(atoms[0])
        elif kind == "c":
            if len(atoms) != 2:
                raise fail("expected 'c X Y': assumption X and its contrary Y")
            given = contrary.setdefault(atoms[0], (atoms[1], number, line))
            if given[0] != atoms[1]:
                raise fail(
                    f"assumption {atoms[0]} was given the contrary {given[0]} on line {given[1]}; "
                    "an assumption has one contrary"
                )
        elif kind == "r":
            if not atoms:
                raise fail("expected 'r H B1 ... Bk': a rule's head, then its body")
            rules.append((Rule(atoms[0], atoms[1:]), number, line))
        else:
            raise fail(f"unknown item {kind!r}: expected {_ITEMS}")
    if count is None:
        what = "an empty file" if not text.strip() else "no 'p aba N' header"
        raise FormatError(f"{what}: an ICCMA ABA file starts with 'p aba N'", path=source)
    for atom, (_, number, line) in contrary.items():
        if atom not in assumed:
            raise FormatError(
                f"a contrary for atom {atom}, which no 'a {atom}' line makes an assumption",
                path=source,
                line=number,
                text=line,
            )
    for rule, number, line in rules:
        if rule.head in assumed:
            raise FormatError(
                f"the rule derives assumption {rule.head} (flat ABA: no rule derives an "
                "assumption)",
                path=source,
                line=number,
                text=line,
            )
    return ABAFramework(
        rules=[rule for rule, _, _ in rules],
        assumptions=assumed,
        contraries={atom: given for atom, (given, _, _) in contrary.items()},
        atoms=[str(i) for i in range(1, count + 1)],
    )


def _decode(path: str | os.PathLike[str], data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(f"not UTF-8 text (byte {error.start})", path=str(path)) from error


def read_aba(path: str | os.PathLike[str]) -> ABAFramework:
    """Read an ICCMA ABA file."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise FormatError(f"cannot read the file ({error.strerror})", path=str(path)) from error
    return parse_aba(_decode(path, data), source=str(path))


def write_aba(aba: ABAFramework) -> str:
    """The ICCMA ABA text. Atoms named ``1`` .. ``N`` keep their numbers; others are numbered
    in natural order and listed in ``#`` comments, so the numbering can be read back.

    >>> from argmap.aba import ABAFramework
    >>> print(write_aba(ABAFramework([("x", ["b"])], ["a", "b"], {"a": "x", "b": "y"})), end="")
    p aba 4
    # 1 a
    # 2 b
    # 3 x
    # 4 y
    a 1
    a 2
    c 1 3
    c 2 4
    r 3 2
    """
    names = aba.atoms
    numbered = set(names) == {str(i) for i in range(1, len(names) + 1)}
    number = {name: (int(name) if numbered else k) for k, name in enumerate(names, start=1)}
    lines = [f"p aba {len(names)}"]
    if not numbered:
        lines += [
            f"# {number[name]} {name if name.isprintable() and ' ' not in name else repr(name)}"
            for name in names
        ]
    lines += [f"a {number[a]}" for a in sorted(aba.assumptions, key=number.__getitem__)]
    lines += [f"c {number[a]} {number[c]}" for a, c in aba.contraries]
    lines += [
        " ".join(["r", str(number[rule.head]), *(str(number[b]) for b in rule.body)])
        for rule in aba.rules
    ]
    return "\n".join(lines) + "\n"
