"""The ``argmap`` command: an ICCMA-compatible solver, a map evaluator, a diagram renderer and a
converter between formats.

Exit status: 0 on success, 2 on bad input (one clear line on stderr, nothing on stdout),
3 when the time limit ran out before an answer was known.
"""

from __future__ import annotations

import gc
import os
import sys
from types import SimpleNamespace

from argmap import __version__
from argmap.errors import (
    ArgmapError,
    MapValidationError,
    SolverTimeout,
    UnknownArgumentError,
    UnknownNameError,
)
from argmap.io.iccma import FORMATS, is_aba_file, read_framework
from argmap.tasks import PROBLEMS, parse_task, solve_task

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Container, Sequence
    from typing import NoReturn

    import graphviz

    from argmap.evaluation import Evaluation
    from argmap.framework import Framework
    from argmap.map.builder import ArgumentMap
    from argmap.tasks import Task

    Arguments = argparse.Namespace | SimpleNamespace

__all__ = ["command", "main"]

EXIT_BAD_INPUT = 2
EXIT_TIMEOUT = 3
#: How many arguments `argmap check` names that it labelled UNDEC for want of a label.
UNLABELLED_SHOWN = 20


def _version_text() -> str:
    from argmap.render.engine import engine_description

    return f"argmap {__version__}\nrendering: {engine_description()}"


def _seconds_problem(text: str) -> str | None:
    """Why ``text`` is not a positive number of seconds, or None if it is one."""
    try:
        value = float(text)
    except ValueError:
        return f"not a number of seconds: {text!r}"
    return None if value > 0 else f"the time limit must be positive, got {text!r}"


def _positive_seconds(text: str) -> float:
    problem = _seconds_problem(text)
    if problem is not None:
        import argparse

        raise argparse.ArgumentTypeError(problem)
    return float(text)


def _from_one(text: str) -> int:
    """A labelling's number on the command line: a whole number from 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"a labelling is numbered from 1, got {text!r}")
    return value


def _from_zero(text: str) -> int:
    """A number of rounds on the command line: a whole number from 0."""
    if not text.isdecimal():
        import argparse

        raise argparse.ArgumentTypeError(
            f"a number of rounds is a whole number from 0, got {text!r}"
        )
    return int(text)


#: The file formats ``argmap solve`` reads: the frameworks', and flat ABA frameworks.
_SOLVE_FORMATS = (*FORMATS, "aba")

#: The options of ``argmap solve`` that take a value, and where the value goes.
_SOLVE_VALUES = {"-p": "task", "-f": "file", "-a": "argument", "-fo": "fo", "--fo": "fo"}


def _quick_solve_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """The options of a plain ``argmap solve`` call (``-p``, ``-f``, ``-a``, ``-fo``,
    ``--timeout``, each once with a valid value, spelled out in full), read without
    argparse: building the parser costs a solver run as much as answering a small query.
    None for anything else (help, other commands, abbreviations, ``--opt=value``, a value
    argparse would refuse), which argparse then reads and reports on as usual."""
    if len(argv) % 2 != 1 or argv[0] != "solve":
        return None
    found: dict[str, object] = {}
    for option, value in zip(argv[1::2], argv[2::2], strict=True):
        where = "timeout" if option == "--timeout" else _SOLVE_VALUES.get(option)
        if where is None or where in found or value.startswith("-") or not value:
            return None
        if where == "fo" and value not in _SOLVE_FORMATS:
            return None
        if where == "timeout" and _seconds_problem(value) is not None:
            return None
        found[where] = float(value) if where == "timeout" else value
    values = {"task": None, "file": None, "argument": None, "fo": None, "timeout": None}
    return SimpleNamespace(
        **{**values, **found},
        command="solve",
        problems=False,
        formats=False,
        version=False,
        run=_cmd_solve,
    )


def _cmd_solve(args: Arguments) -> str:
    if args.problems:
        return "[" + ",".join(PROBLEMS) + "]"
    if args.formats:
        return "[" + ",".join(_SOLVE_FORMATS) + "]"
    if args.task is None or args.file is None:
        raise _UsageError("solve needs -p TASK and -f FILE (or --problems / --formats)")
    task = parse_task(args.task)
    if _is_aba(args.file, args.fo):
        return _solve_aba(args, task)
    af = read_framework(args.file, args.fo)
    if task.needs_argument and args.argument is None:
        raise _UsageError(f"task {task} needs a query argument: -a ARG")
    if not task.needs_argument and args.argument is not None:
        raise _UsageError(
            f"task {task} takes no query argument, but -a {args.argument!r} was given"
        )
    if args.argument is not None and args.argument not in af:
        raise _UsageError(f"{args.file}: {UnknownArgumentError(args.argument, af.arguments)}")
    return solve_task(af, task, args.argument, timeout=args.timeout)


def _is_aba(path: str, fmt: str | None) -> bool:
    """Whether ``argmap solve`` reads the file as a flat ABA framework: ``-fo aba``, a
    ``.aba`` file, or, without ``-fo``, a file whose header is ``p aba``."""
    if fmt is not None:
        return fmt == "aba"
    return path.lower().endswith(".aba") or is_aba_file(path)


def _solve_aba(args: Arguments, task: Task) -> str:
    from argmap.aba.semantics import ABA_SEMANTICS
    from argmap.errors import UnknownAtomError
    from argmap.io.aba import read_aba
    from argmap.tasks import solve_aba_task

    if task.semantics not in ABA_SEMANTICS:
        raise _UsageError(
            f"task {task}: {args.file} is a flat ABA framework, whose semantics are "
            f"{', '.join(ABA_SEMANTICS)}"
        )
    aba = read_aba(args.file)
    if task.needs_argument and args.argument is None:
        raise _UsageError(f"task {task} needs a query atom: -a ATOM")
    if not task.needs_argument and args.argument is not None:
        raise _UsageError(f"task {task} takes no query atom, but -a {args.argument!r} was given")
    if args.argument is not None and args.argument not in aba:
        raise _UsageError(f"{args.file}: {UnknownAtomError(args.argument, aba.atoms)}")
    return solve_aba_task(aba, task, args.argument, timeout=args.timeout)


def _cmd_accepted(args: Arguments) -> str:
    from argmap.semantics.api import accepted_arguments
    from argmap.semantics.registry import resolve_semantics
    from argmap.tasks import format_extension

    if _is_aba(args.file, args.fo):
        return format_extension(_accepted_atoms(args))
    code = resolve_semantics(args.semantics)  # an unknown name fails before the file is read
    af = read_framework(args.file, args.fo)
    return format_extension(accepted_arguments(af, code, mode=args.mode, timeout=args.timeout))


def _accepted_atoms(args: Arguments) -> frozenset[str]:
    from argmap.aba import accepted_atoms, resolve_aba_semantics
    from argmap.io.aba import read_aba
    from argmap.semantics.deadline import time_limit

    code = resolve_aba_semantics(args.semantics)
    aba = read_aba(args.file)
    mode = "sceptical" if args.mode == "skeptical" else args.mode
    with time_limit(args.timeout):
        return accepted_atoms(aba, code, mode)


def _cmd_explain(args: Arguments) -> str:
    from argmap.semantics.explanation import explain_argument
    from argmap.semantics.registry import resolve_semantics

    if _is_aba(args.file, args.fo):
        return _explain_aba(args)
    code = resolve_semantics(args.semantics)  # an unknown name fails before the file is read
    af = read_framework(args.file, args.fo)
    if args.argument not in af:
        raise _UsageError(f"{args.file}: {UnknownArgumentError(args.argument, af.arguments)}")
    return explain_argument(af, args.argument, code, timeout=args.timeout)


def _too_many_arguments(path: str, error: Exception) -> _UsageError:
    """The usage error for an ABA file with too many arguments to draw, explain or convert."""
    return _UsageError(
        f"{path}: {error}: too many arguments to draw, explain or convert; argmap solve and "
        "argmap accepted answer without building arguments"
    )


def _refuse_aba(path: str, fmt: str | None, command: str, takes: str) -> None:
    """A usage error for a flat ABA file given to a command that does not read them."""
    if fmt is None and _is_aba(path, None):
        raise _UsageError(
            f"{path} is a flat ABA framework; argmap {command} takes {takes} (solve, "
            "accepted, explain, render and convert read ABA files)"
        )


def _explain_aba(args: Arguments) -> str:
    from argmap.aba import explain_atom, resolve_aba_semantics
    from argmap.errors import TooManyArgumentsError, UnknownAtomError
    from argmap.io.aba import read_aba

    code = resolve_aba_semantics(args.semantics)
    aba = read_aba(args.file)
    if args.argument not in aba:
        raise _UsageError(f"{args.file}: {UnknownAtomError(args.argument, aba.atoms)}")
    try:
        return explain_atom(aba, args.argument, code, timeout=args.timeout)
    except TooManyArgumentsError as error:
        raise _too_many_arguments(args.file, error) from None


def _cmd_rank(args: Arguments) -> str:
    import math

    from argmap.semantics.deadline import time_limit
    from argmap.semantics.ranking import MIN_TOLERANCE, categoriser, explain_degree, ranked

    _refuse_aba(args.file, args.fo, "rank", "an abstract framework")
    if not MIN_TOLERANCE <= args.tolerance < 1:
        raise _UsageError(f"--tolerance must lie in [{MIN_TOLERANCE:g}, 1), got {args.tolerance}")
    fmt = None if args.output is None else _diagram_format(args.output, args.format)
    af = read_framework(args.file, args.fo)
    weights = {} if args.weights is None else _read_weights(args.weights, af)
    if args.argument is not None:
        if args.argument not in af:
            raise _UsageError(f"{args.file}: {UnknownArgumentError(args.argument, af.arguments)}")
        if args.output is not None:
            raise _UsageError("-o draws every argument's degree; give it without -a")
        with time_limit(args.timeout):
            return explain_degree(af, args.argument, weights, tolerance=args.tolerance)
    with time_limit(args.timeout):
        degrees = categoriser(af, weights, tolerance=args.tolerance)
    digits = math.ceil(-math.log10(args.tolerance))
    text = "\n".join(
        f"{name} {degrees[name]:.{digits}f}" for tier in ranked(degrees, digits) for name in tier
    )
    if args.output is not None and fmt is not None:
        from pathlib import Path

        from argmap.render import render_framework

        graph = render_framework(af, degrees=degrees, title=Path(args.file).name)
        text += "\n" + _write_diagram(graph, args.output, fmt)
    return text


def _read_weights(path: str, af: Framework) -> dict[str, float]:
    """A weights file: a line ``NAME WEIGHT`` for each argument weighed (the rest weigh 1),
    ``#`` starting a comment where a word would. Each fault names the file and the line."""
    import math
    import re

    from argmap.errors import FormatError

    try:
        with open(path, encoding="utf-8") as file:
            lines = file.read().splitlines()
    except OSError as error:
        raise FormatError(f"cannot read the file ({error.strerror})", path=path) from error
    except UnicodeDecodeError as error:
        raise FormatError("not a text file (UTF-8)", path=path) from error
    weights: dict[str, float] = {}
    for number, line in enumerate(lines, start=1):
        fields = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].split()  # a name may hold a #
        if not fields:
            continue
        if len(fields) != 2:
            raise FormatError(
                "a line is an argument and its weight", path=path, line=number, text=line
            )
        name, text = fields
        if name not in af:
            raise FormatError(str(UnknownArgumentError(name, af.arguments)), path=path, line=number)
        if name in weights:
            raise FormatError(f"argument {name!r} is weighed twice", path=path, line=number)
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not 0 <= value <= 1:
            raise FormatError("a weight is a number from 0 to 1", path=path, line=number, text=line)
        weights[name] = value
    return weights


def _cmd_check(args: Arguments) -> tuple[str, int]:
    from pathlib import Path

    from argmap.framework import natural_key
    from argmap.io.iccma import _SUFFIXES
    from argmap.semantics.deadline import time_limit
    from argmap.semantics.labelling import Labelling
    from argmap.semantics.legality import check_labelling
    from argmap.semantics.registry import resolve_semantics

    _refuse_aba(args.file, args.fo, "check", "an abstract framework or a map")
    is_map = args.fo is None and Path(args.file).suffix.lower() not in _SUFFIXES
    if args.semantics is None:  # a map is checked against the evaluation `evaluate` shows
        args.semantics = "grounded" if is_map else "complete"
    code = resolve_semantics(args.semantics)  # an unknown name fails before the file is read
    if is_map:
        return _check_map(args)
    _refuse_map_options(args, args.file)
    af = read_framework(args.file, args.fo)
    given = _labels_given(args, af.arguments, lambda name: UnknownArgumentError(name, af.arguments))
    labelling = Labelling.from_labels(
        af,
        in_=given["in"],
        out=given["out"],
        undec=given["undec"] if args.undec is not None else None,
    )
    fmt = None if args.output is None else _diagram_format(args.output, args.format)
    with time_limit(args.timeout):
        found = check_labelling(af, labelling, code)
    text = found.explain()
    unnamed = sorted(labelling.undec - set(given["undec"]), key=natural_key)
    if args.undec is None and unnamed:
        shown = ", ".join(unnamed[:UNLABELLED_SHOWN])
        more = len(unnamed) - UNLABELLED_SHOWN
        text += (
            f"\n(UNDEC, as no label was given: {shown}{f' and {more:,} more' if more > 0 else ''})"
        )
    if args.output is not None and fmt is not None:
        from argmap.render import render_framework

        graph = render_framework(af, check=found, title=Path(args.file).name)
        text += "\n" + _write_diagram(graph, args.output, fmt)
    return text, 0 if found.holds else 1


def _labels_given(
    args: Arguments, known: Container[str], unknown: Callable[[str], Exception]
) -> dict[str, list[str]]:
    """The names given to ``--in``, ``--out`` and ``--undec`` (by label), each known.

    Each option may be given more than once, each time with one name or with names
    separated by commas; a value that is itself a known name (one holding a comma) is taken
    whole. A value of white space alone names nothing (``--undec ""``: no argument is
    UNDEC). An empty name between commas, or one not known (``unknown`` makes the error), is
    an error that names the file."""
    given: dict[str, list[str]] = {}
    for label, values in (("in", args.in_), ("out", args.out), ("undec", args.undec)):
        names: list[str] = []
        given[label] = names
        for value in values or ():
            if value in known or value.strip() in known:
                names.append(value if value in known else value.strip())
                continue
            if not value.strip():
                continue
            for name in (part.strip() for part in value.split(",")):
                if not name:
                    raise _UsageError(
                        f"--{label}: an empty name in {value!r} (names are separated by commas)"
                    )
                if name not in known:
                    raise _UsageError(f"{args.file}: {unknown(name)}")
                names.append(name)
    return given


def _check_map(args: Arguments) -> tuple[str, int]:
    """`argmap check` on a map: the marks are claims' statuses."""
    from argmap.errors import UnknownIdError

    fmt = None if args.output is None else _diagram_format(args.output, args.format)
    args.map_file = args.file
    ev = _evaluate_map(args)
    claims = ev.model.claim_by_id
    given = _labels_given(args, claims, lambda name: UnknownIdError("claim", name, claims))
    found = ev.check_statuses(in_=given["in"], out=given["out"], undec=given["undec"])
    text = found.explain()
    if args.output is not None and fmt is not None:
        from argmap.render import render_map

        text += "\n" + _write_diagram(render_map(ev, marks=found), args.output, fmt)
    return text, 0 if found.holds else 1


class _UsageError(ArgmapError, ValueError):
    pass


def _build_parser() -> argparse.ArgumentParser:
    import argparse

    from argmap.render.options import DIRECTIONS, LAYOUT_ENGINES, OUTPUT_FORMATS

    class _Parser(argparse.ArgumentParser):
        """argparse with exit status 2 and a single error line (no usage dump)."""

        def error(self, message: str) -> NoReturn:
            self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")

    parser = _Parser(
        prog="argmap",
        description="Formal argument mapping and an ICCMA-compatible argumentation solver.",
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the version and the rendering engine, then exit",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    solve = commands.add_parser(
        "solve",
        help="answer an ICCMA task on a framework file",
        description="Answer an ICCMA task (DC, DS, SE, EE, CE for every semantics).",
    )
    solve.add_argument("-p", dest="task", metavar="TASK", help="e.g. DC-PR, DS-ST, SE-GR, EE-CO")
    solve.add_argument("-f", dest="file", metavar="FILE", help="the framework file")
    solve.add_argument("-a", dest="argument", metavar="ARG", help="the query argument (DC, DS)")
    _format_option(solve, _SOLVE_FORMATS, ", .aba or a 'p aba' header")
    _timeout_option(solve)
    solve.add_argument("--problems", action="store_true", help="list the supported tasks")
    solve.add_argument("--formats", action="store_true", help="list the supported formats")
    solve.set_defaults(run=_cmd_solve)

    accepted = commands.add_parser(
        "accepted",
        help="list every accepted argument of a framework file",
        description="Print every argument in some extension (credulous) or in every extension "
        "(sceptical) of a framework file, found together rather than one query per argument; "
        "for a flat ABA file, every atom that some (or every) extension derives.",
    )
    accepted.add_argument("-f", dest="file", metavar="FILE", required=True, help="the framework")
    accepted.add_argument(
        "-s",
        "--semantics",
        required=True,
        metavar="S",
        help="a semantics code or name: CF AD SAD CO GR PR ST SST STG ID EA NA CF2 STG2",
    )
    accepted.add_argument(
        "--mode",
        choices=["credulous", "sceptical", "skeptical"],
        default="credulous",
        help="in some extension (default) or in every one",
    )
    _format_option(accepted, _SOLVE_FORMATS, ", .aba or a 'p aba' header")
    _timeout_option(accepted)
    accepted.set_defaults(run=_cmd_accepted)

    explain = commands.add_parser(
        "explain",
        help="say why an argument of a framework file is accepted or not",
        description="Say in plain words why an argument of a framework file is, or is not, "
        "accepted: under grounded semantics, round by round down to unattacked arguments; "
        "under another, by an extension that holds it and one that does not. For a flat ABA "
        "file, -a names an atom, explained by the arguments that derive it.",
    )
    explain.add_argument("-f", dest="file", metavar="FILE", required=True, help="the framework")
    explain.add_argument(
        "-a",
        dest="argument",
        metavar="ARG",
        required=True,
        help="the argument to explain (an atom, for an ABA file)",
    )
    explain.add_argument(
        "-s",
        "--semantics",
        default="grounded",
        metavar="S",
        help="a semantics code or name (default: grounded)",
    )
    _format_option(explain, _SOLVE_FORMATS, ", .aba or a 'p aba' header")
    _timeout_option(explain)
    explain.set_defaults(run=_cmd_explain)

    rank = commands.add_parser(
        "rank",
        help="rank the arguments of a framework file by their h-categoriser degrees",
        description="Give each argument of a framework its h-categoriser degree, in [0, 1]: "
        "its weight over one plus the sum of its attackers' degrees. One line per argument, "
        "NAME DEGREE, strongest first; arguments printed with the same degree are tied.",
    )
    rank.add_argument("-f", dest="file", metavar="FILE", required=True, help="the framework")
    rank.add_argument(
        "-a",
        dest="argument",
        metavar="ARG",
        help="instead, say why this argument has its degree: its attackers' degrees",
    )
    rank.add_argument(
        "--weights",
        metavar="FILE",
        help="weights other than 1: a line NAME WEIGHT for each, # starting a comment",
    )
    rank.add_argument(
        "--tolerance",
        type=float,
        default=1e-9,
        metavar="T",
        help="how far each degree may lie from the exact one (default: 1e-9)",
    )
    _drawing_options(rank, "the degrees")
    _format_option(rank)
    _timeout_option(rank)
    rank.set_defaults(run=_cmd_rank)

    check = commands.add_parser(
        "check",
        help="say whether a labelling of a framework file is one of a semantics",
        description="Say whether a labelling given by hand (the arguments IN, OUT and, if "
        "given, UNDEC) is a labelling of a semantics, naming each argument labelled against "
        "its attackers' labels and what its label should be; exit status 0 if it is one, 1 "
        "if not. Arguments given no label are UNDEC, unless --undec is given, in which case "
        "every argument needs one. Given a map, --in, --out and --undec mark claims, and "
        "only the claims marked are checked: against a labelling of the map's evaluation.",
    )
    check.add_argument(
        "-f",
        dest="file",
        metavar="FILE",
        required=True,
        help="the framework, or a map whose claims are marked",
    )
    check.add_argument(
        "--in",
        dest="in_",
        action="append",
        metavar="A,B,..",
        help="the arguments labelled IN (the option may be repeated)",
    )
    check.add_argument(
        "--out",
        action="append",
        metavar="A,B,..",
        help="the arguments labelled OUT (the option may be repeated)",
    )
    check.add_argument(
        "--undec",
        action="append",
        metavar="A,B,..",
        help="the arguments labelled UNDEC (the option may be repeated)",
    )
    check.add_argument(
        "-s",
        "--semantics",
        metavar="S",
        help="a semantics code or name (default: complete for a framework, grounded for a "
        "map, as evaluate)",
    )
    _drawing_options(check, "the labelling (or a map's marks), each wrong one marked")
    _format_option(check)
    _map_source_options(check)
    _translation_options(check)
    _timeout_option(check)
    check.set_defaults(run=_cmd_check)

    evaluate = commands.add_parser(
        "evaluate",
        help="evaluate an argument map and print each claim's status",
        description="Evaluate a map (a Python file defining an ArgumentMap, or map JSON).",
    )
    _map_options(evaluate)
    evaluate.add_argument("--json", action="store_true", help="print the results as JSON")
    evaluate.add_argument(
        "--explain",
        metavar="CLAIM",
        action="append",
        default=[],
        help="also explain this claim's status (repeatable)",
    )
    evaluate.add_argument(
        "--what-would-change",
        metavar="CLAIM",
        action="append",
        default=[],
        help="also list the single changes of one judgement (a likelihood, a confidence, a "
        "source's rating) that change this claim's status (repeatable)",
    )
    evaluate.add_argument(
        "--rounds",
        action="store_true",
        help="also list the claims each round of the grounded labelling labels",
    )
    evaluate.set_defaults(run=_cmd_evaluate)

    render = commands.add_parser(
        "render",
        help="draw a map (or a framework file) as SVG, PNG, PDF or DOT",
        description="Draw which claims survive. MAP is a .py/.json map, or a framework file "
        "(.apx, .af, .i23, .tgf) drawn with one labelling of the semantics, or a flat ABA "
        "file (.aba), drawn as the framework of its arguments.",
    )
    _map_options(render)
    render.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="where to write; the format follows the extension",
    )
    render.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        help="svg, png, pdf or dot (default: from the output file name)",
    )
    render.add_argument(
        "--focus", metavar="CLAIM", help="show only this claim and what bears on it"
    )
    render.add_argument(
        "--collapse",
        metavar="SECTION",
        action="append",
        default=[],
        help="draw this section as one node (repeatable)",
    )
    render.add_argument(
        "--direction",
        choices=DIRECTIONS,
        default="TB",
        help="TB top-down (default) or LR left-right",
    )
    render.add_argument(
        "--layout", choices=LAYOUT_ENGINES, default="dot", help="Graphviz layout engine"
    )
    render.add_argument(
        "--no-legend", dest="legend", action="store_false", help="leave out the legend"
    )
    render.add_argument(
        "--index",
        type=_from_one,
        metavar="N",
        help="show the N-th labelling of the semantics (from 1): for a map, each claim's "
        "label in that extension instead of its status across all; for a framework file, "
        "the first if not given",
    )
    render.add_argument(
        "--blank",
        action="store_true",
        help="draw no labels, for labelling by hand: a framework's arguments as plain "
        "circles, a map's claims white, with every attack in its relation's style",
    )
    render.add_argument(
        "--round",
        type=_from_zero,
        metavar="K",
        help="the grounded labelling as its first K rounds leave it, each label with the "
        "round that gave it (0: nothing labelled yet); for a map, the rounds of its arguments",
    )
    render.set_defaults(run=_cmd_render)

    convert = commands.add_parser(
        "convert",
        help="write a map or a framework file in another format",
        description="Write a map (.py, argmap JSON or AIF JSON) as argmap JSON, as AIF JSON, "
        "or translated into a framework file (i23, APX, TGF); a framework file in another "
        "framework format; or a flat ABA file as the framework of its arguments.",
    )
    convert.add_argument(
        "input_file",
        metavar="INPUT",
        help="a map (.py, .json), a framework file (.apx, .af, .i23, .tgf) or a flat ABA "
        "file (.aba, written as the i23 framework of its arguments)",
    )
    convert.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="where to write ('-' for standard output); the format follows the extension",
    )
    convert.add_argument(
        "--to",
        choices=CONVERT_FORMATS,
        help="i23, apx, tgf (frameworks), json (argmap's map JSON) or aif (AIF JSON); "
        "default: from the output file name (.i23/.af, .apx, .tgf, .json)",
    )
    convert.add_argument(
        "-fo",
        "--fo",
        dest="fo",
        choices=FORMATS,
        help="the input framework file's format (default: from its extension)",
    )
    _map_source_options(convert)
    _translation_options(convert)
    convert.set_defaults(run=_cmd_convert)
    return parser


def _cmd_render(args: Arguments) -> str:
    from pathlib import Path

    from argmap.io.iccma import _SUFFIXES, read_framework
    from argmap.render import render_framework, render_map
    from argmap.semantics.deadline import time_limit

    fmt = _diagram_format(args.output, args.format)
    index = None if args.index is None else args.index - 1
    if args.blank:
        _check_blank_options(args)
    try:
        aba = _is_aba(args.map_file, None)
        if aba or Path(args.map_file).suffix.lower() in _SUFFIXES:
            _refuse_map_options(args, args.map_file)
            if args.round is not None:
                _check_round_options(args)
            af = _aba_arguments(args) if aba else read_framework(args.map_file)
            with time_limit(args.timeout):
                graph = render_framework(
                    af,
                    semantics=None if args.blank else args.semantics,
                    index=index or 0,
                    rounds=args.round,
                    legend=args.legend,
                    direction=args.direction,
                    layout=args.layout,
                    title=Path(args.map_file).name,
                )
        else:
            if args.round is not None:
                _check_round_options(args)
            ev = _evaluate_map(args)
            graph = render_map(
                ev,
                legend=args.legend,
                direction=args.direction,
                layout=args.layout,
                focus=args.focus,
                collapse=args.collapse,
                index=index,
                rounds=args.round,
                blank=args.blank,
            )
    except UnknownNameError as error:
        if error.kind.startswith("grounded labelling round"):
            last = len(error.valid) - 1
            if last == 0:
                raise _UsageError(
                    f"--round {args.round}: no argument of {args.map_file} is unattacked, so "
                    "its grounded labelling has no rounds; --round 0 draws it"
                ) from None
            raise _UsageError(
                f"--round {args.round}: the grounded labelling of {args.map_file} is complete "
                f"after {last} round{'' if last == 1 else 's'}; give 0 to {last}"
            ) from None
        if not error.kind.endswith("labelling index"):
            raise
        # the library counts labellings from 0, the command line from 1
        semantics = error.kind.removesuffix(" labelling index")
        shown = len(error.valid)
        raise _UsageError(
            f"--index {args.index}: {semantics} semantics gives "
            + (f"labellings 1 to {shown}" if shown else "no labelling")
        ) from None
    return _write_diagram(graph, args.output, fmt)


def _aba_arguments(args: Arguments) -> Framework:
    """The framework of the arguments of the flat ABA framework ``render`` draws; its
    semantics must be one that the two agree on."""
    from argmap.aba import instantiate
    from argmap.aba.arguments import EXPLAINABLE as shared
    from argmap.errors import TooManyArgumentsError, UnknownSemanticsError
    from argmap.io.aba import read_aba
    from argmap.semantics.registry import resolve_semantics

    if args.semantics is not None and not args.blank:
        try:
            code = resolve_semantics(args.semantics)
        except UnknownSemanticsError:
            code = args.semantics
        if code not in shared:
            raise _UsageError(
                f"--semantics {args.semantics}: {args.map_file} is a flat ABA framework, "
                f"drawn as its arguments under {', '.join(shared)}, where their extensions "
                "are the framework's own"
            )
    aba = read_aba(args.map_file)
    try:
        return instantiate(aba)[0]
    except TooManyArgumentsError as error:
        raise _too_many_arguments(args.map_file, error) from None


def _diagram_format(output: str, given: str | None) -> str:
    """The format of a diagram to write to ``output``: ``given``, or the file's extension."""
    from pathlib import Path

    from argmap.render.options import OUTPUT_FORMATS

    fmt = given or Path(output).suffix.lstrip(".").lower()
    if fmt not in OUTPUT_FORMATS:
        raise _UsageError(
            f"cannot tell the output format from {output!r}: use an extension "
            f"or --format, one of {list(OUTPUT_FORMATS)}"
        )
    return fmt


def _write_diagram(graph: graphviz.Digraph, output: str, fmt: str) -> str:
    """Lay out ``graph`` and write it to ``output``; the line that says so."""
    from pathlib import Path

    from argmap.render import to_bytes

    data = to_bytes(graph, fmt)
    target = Path(output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as error:
        raise _UsageError(f"{target}: cannot write the diagram ({error.strerror})") from error
    return f"wrote {target}"


#: Options that only a map has: (option, attribute, default); a command has some of them.
_MAP_OPTIONS: tuple[tuple[str, str, object], ...] = (
    ("--map", "map_name", None),
    ("--skip", "skip", []),
    ("--translation", "translation", "aspic"),
    ("--no-preferences", "preferences", True),
    ("--link", "link", "weakest"),
    ("--focus", "focus", None),
    ("--collapse", "collapse", []),
)
_TRANSLATION_OPTIONS = ("--translation", "--no-preferences", "--link")


def _given(args: Arguments, options: Sequence[str]) -> list[str]:
    """Which of the map ``options`` were given a value other than their default."""
    return [
        option
        for option, attribute, default in _MAP_OPTIONS
        if option in options and getattr(args, attribute, default) != default
    ]


def _check_blank_options(args: Arguments) -> None:
    """--blank draws no outcome, so what chooses or shapes one is an error beside it."""
    given = [
        option
        for option, value in (
            ("--index", args.index),
            ("--round", args.round),
            ("--semantics", None if args.semantics == "grounded" else args.semantics),
        )
        if value is not None
    ] + _given(args, _TRANSLATION_OPTIONS)
    if given:
        raise _UsageError(
            f"--blank draws no labels, and {', '.join(given)} "
            f"{'chooses' if len(given) == 1 else 'choose'} what labels to draw"
        )


def _check_round_options(args: Arguments) -> None:
    """--round goes with the grounded semantics, and without --index."""
    from argmap.semantics.registry import resolve_semantics

    if resolve_semantics(args.semantics) != "GR":
        raise _UsageError(
            f"--round draws the grounded labelling round by round; {args.semantics} "
            "semantics is not built in rounds"
        )
    if args.index is not None:
        raise _UsageError("--round and --index each pick what to draw: give one")


def _refuse_map_options(args: Arguments, path: str, what: str = "a framework file") -> None:
    """Options that only a map has, given for a framework file: an error, not ignored."""
    given = _given(args, [option for option, _, _ in _MAP_OPTIONS])
    if given:
        raise _UsageError(
            f"{path} is {what}, and {', '.join(given)} "
            f"{'applies' if len(given) == 1 else 'apply'} to maps only"
        )


def _format_option(
    command: argparse.ArgumentParser, formats: Sequence[str] = FORMATS, more: str = ""
) -> None:
    command.add_argument(
        "-fo",
        "--fo",
        dest="fo",
        choices=formats,
        help=f"file format (default: from the extension: .i23/.af, .apx, .tgf{more})",
    )


def _drawing_options(command: argparse.ArgumentParser, drawn: str) -> None:
    """``-o OUT`` and ``--format``, for a command whose answer can also be drawn."""
    from argmap.render.options import OUTPUT_FORMATS

    command.add_argument(
        "-o", dest="output", metavar="OUT", help=f"also draw {drawn} (.svg, .png, .pdf, .dot)"
    )
    command.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        help="the diagram's format: svg, png, pdf or dot (default: from the -o file name)",
    )


def _timeout_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--timeout",
        type=_positive_seconds,
        metavar="SECONDS",
        help="give up after this long (exit status 3)",
    )


def _map_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "map_file",
        metavar="MAP",
        help="a .py file defining an ArgumentMap, or a .json map (argmap's or AIF)",
    )
    _map_source_options(command)
    command.add_argument(
        "--semantics",
        "-s",
        default="grounded",
        help="semantics by name or code (default: grounded)",
    )
    _translation_options(command)
    _timeout_option(command)


def _map_source_options(command: argparse.ArgumentParser) -> None:
    """Which map a file gives: --map (of a Python file's several) and --skip (AIF nodes)."""
    command.add_argument(
        "--map",
        dest="map_name",
        metavar="NAME",
        help="which ArgumentMap, when the file defines several",
    )
    command.add_argument(
        "--skip",
        metavar="TYPE",
        action="append",
        default=[],
        help="for an AIF file: a node type to leave out, such as L, YA or TA (repeatable)",
    )


def _translation_options(command: argparse.ArgumentParser) -> None:
    """How a map becomes a framework: --translation, --no-preferences, --link."""
    command.add_argument(
        "--translation", "-t", default="aspic", help="aspic (default), deductive, necessary or flat"
    )
    command.add_argument(
        "--no-preferences",
        dest="preferences",
        action="store_false",
        help="let every attack defeat, whatever the assessments",
    )
    command.add_argument(
        "--link",
        default="weakest",
        choices=("weakest", "last"),
        help="how argument strength is lifted from its parts",
    )


def _evaluate_map(args: Arguments) -> Evaluation:
    from argmap.loading import load_map

    m = load_map(args.map_file, name=args.map_name, skip=args.skip)
    return m.evaluate(
        args.semantics,
        translation=args.translation,
        preferences=args.preferences,
        link=args.link,
        timeout=args.timeout,
    )


def _cmd_evaluate(args: Arguments) -> str:
    from pathlib import Path

    from argmap.io.iccma import _SUFFIXES

    if Path(args.map_file).suffix.lower() in _SUFFIXES:
        raise _UsageError(
            f"{args.map_file} is a framework file, and evaluate reads maps: for a framework, "
            "argmap solve answers a task, accepted lists the accepted arguments, explain says "
            "why one is accepted or not, and render draws a labelling"
        )
    if args.rounds:
        from argmap.semantics.registry import resolve_semantics

        if resolve_semantics(args.semantics) != "GR":
            raise _UsageError(
                f"--rounds lists the rounds of the grounded labelling; {args.semantics} "
                "semantics is not built in rounds"
            )
    if args.what_would_change and not args.preferences:
        raise _UsageError(
            "--what-would-change tries other judgements, which act through preferences, and "
            "--no-preferences turns them off"
        )
    ev = _evaluate_map(args)
    explanations = [ev.explain(claim) for claim in args.explain]
    rounds = _claim_rounds(ev) if args.rounds else []
    changes = [ev.what_would_change(c, timeout=args.timeout) for c in args.what_would_change]
    if args.json:
        data = ev.to_dict()
        if args.explain:
            data["explanations"] = dict(zip(args.explain, explanations, strict=True))
        if changes:
            data["what_would_change"] = {
                found.claim: {
                    "status": found.status.value,
                    "acceptance": found.acceptance.value,
                    "tried": found.tried,
                    "changes": [
                        {
                            "target": c.target,
                            "kind": c.kind,
                            "scale": c.scale,
                            "before": c.before,
                            "after": c.after,
                            "status": c.status.value,
                            "acceptance": c.acceptance.value,
                        }
                        for c in found.changes
                    ],
                }
                for found in changes
            }
        if args.rounds:
            data["rounds"] = [
                {"round": number, "in": accepted, "out": rejected}
                for number, accepted, rejected in rounds
            ]
        import json

        return json.dumps(data, indent=2, ensure_ascii=False)
    title = ev.model.title or args.map_file
    header = (
        f"{title}\n{ev.semantics_name} semantics, {ev.translation.name} translation, "
        f"preferences {'on' if ev.preferences else 'off'}, "
        f"{ev.extension_count:,} extension{'s' if ev.extension_count != 1 else ''}"
    )
    parts = [header, "", ev.table()]
    if args.rounds:
        parts += ["", _rounds_text(ev, rounds)]
    if ev.notes:
        parts += ["", *(f"note: {note}" for note in ev.notes)]
    for text in explanations:
        parts += ["", text]
    for found in changes:
        parts += ["", str(found)]
    return "\n".join(parts)


#: What ``argmap convert`` writes: the framework formats, and a map as argmap's JSON or AIF.
CONVERT_FORMATS = (*FORMATS, "json", "aif")


def _cmd_convert(args: Arguments) -> str:
    from pathlib import Path

    from argmap.io.iccma import _SUFFIXES, write_framework

    to_stdout = args.output == "-"
    fmt = args.to or _converted_format(args.output)
    notes: tuple[str, ...] = ()
    if args.fo is None and _is_aba(args.input_file, None):
        _refuse_map_options(args, args.input_file, "a flat ABA framework")
        if fmt != "i23":
            raise _UsageError(
                f"{args.input_file} is a flat ABA framework: it converts to the framework of "
                "its arguments in i23, which numbers them and keeps their names ({support} "
                "|- claim) in comments; "
                + (f"{fmt} cannot hold those names" if fmt in FORMATS else f"{fmt} holds a map")
            )
        text, notes = _aba_as_framework(args.input_file)
    elif args.fo is not None or Path(args.input_file).suffix.lower() in _SUFFIXES:
        _refuse_map_options(args, args.input_file)
        if fmt not in FORMATS:
            raise _UsageError(
                f"{args.input_file} is a framework file: it converts to "
                f"{', '.join(FORMATS[:-1])} or {FORMATS[-1]}; {fmt} holds a map"
            )
        af = read_framework(args.input_file, args.fo)
        text, notes = write_framework(af, fmt), _format_notes(af, fmt)
    else:
        from argmap.loading import load_map

        given = _given(args, _TRANSLATION_OPTIONS)
        if given and fmt not in FORMATS:
            raise _UsageError(
                f"{', '.join(given)} {'says' if len(given) == 1 else 'say'} how a map becomes "
                f"a framework; the {fmt} output is the map itself"
            )
        m = load_map(args.input_file, name=args.map_name, skip=args.skip)
        if fmt == "json":
            text = m.to_json()
        elif fmt == "aif":
            import json

            from argmap.io.aif import to_aif

            text = json.dumps(to_aif(m), indent=2, ensure_ascii=False) + "\n"
        else:
            text, notes = _map_as_framework(m, fmt, args)
    if to_stdout:
        for note in notes:
            print(f"argmap: note: {note}", file=sys.stderr)
        return text.removesuffix("\n")
    target = Path(args.output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise _UsageError(f"{target}: cannot write the file ({error.strerror})") from error
    return "\n".join([f"wrote {target}", *(f"note: {note}" for note in notes)])


def _converted_format(output: str) -> str:
    """The format ``argmap convert`` writes to ``output``, from its extension."""
    from pathlib import Path

    from argmap.io.iccma import _SUFFIXES

    suffix = Path(output).suffix.lower() if output != "-" else ""
    if suffix == ".json":
        return "json"
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    where = "standard output" if output == "-" else repr(output)
    raise _UsageError(
        f"cannot tell the format to write to {where}: use an extension "
        f"({', '.join(sorted((*_SUFFIXES, '.json')))}) or --to, one of {list(CONVERT_FORMATS)}"
    )


def _map_as_framework(m: ArgumentMap, fmt: str, args: Arguments) -> tuple[str, tuple[str, ...]]:
    """The map translated into a framework, as text in ``fmt``, and the translation's notes.
    Each argument not named by its claim is labelled with the claim it concludes, and every
    argument with the claim's text, so that the file can be read against the map."""
    from argmap.io.iccma import write_framework
    from argmap.translate import translate

    model = m.model()
    texts = {claim.id: claim.text for claim in model.claims}
    translated = translate(model, args.translation, preferences=args.preferences, link=args.link)
    labels = {
        name: (
            texts[argument.conclusion]
            if name == argument.conclusion
            else f"{argument.conclusion}: {texts[argument.conclusion]}"
        )
        for name, argument in translated.arguments.items()
    }
    af = translated.framework
    return write_framework(af, fmt, labels), (*translated.notes, *_format_notes(af, fmt))


def _aba_as_framework(path: str) -> tuple[str, tuple[str, ...]]:
    """The framework of the arguments of the flat ABA framework in ``path``, as i23 text,
    and what a reader of it should know."""
    from argmap.aba import instantiate
    from argmap.aba.arguments import EXPLAINABLE as shared
    from argmap.errors import TooManyArgumentsError
    from argmap.io.aba import read_aba
    from argmap.io.iccma import write_framework

    try:
        af = instantiate(read_aba(path))[0]
    except TooManyArgumentsError as error:
        raise _too_many_arguments(path, error) from None
    correspondence = (
        f"the arguments of {path}, named {{support}} |- claim; under {', '.join(shared)} "
        "their extensions are those of the ABA framework: an argument is in exactly when its "
        "support is"
    )
    return write_framework(af, "i23"), (correspondence,)


def _format_notes(af: Framework, fmt: str) -> tuple[str, ...]:
    """What a reader of the file written in ``fmt`` should know: in APX, names that ASP
    does not read as themselves."""
    from argmap.io.iccma import asp_constant

    if fmt != "apx":
        return ()
    others = [name for name in af.sorted_arguments if not asp_constant(name)]
    if not others:
        return ()
    shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
    several = len(others) > 1
    return (
        f"{len(others)} argument name{'s' if several else ''} ({shown}) "
        f"{'are' if several else 'is'} not read as {'themselves' if several else 'itself'} "
        "by ASP-based solvers such as ASPARTIX (A1 is a variable there and a-b a "
        "subtraction; a name there starts with a lower-case letter, or is a whole number); "
        "i23 numbers the arguments",
    )


def _claim_rounds(ev: Evaluation) -> list[tuple[int, list[str], list[str]]]:
    """Each round of the grounded labelling: its number, and the claims it labels IN and
    OUT, in the map's order."""
    order = {claim.id: position for position, claim in enumerate(ev.model.claims)}
    return [
        (
            step.number,
            sorted(step.in_, key=order.__getitem__),
            sorted(step.out, key=order.__getitem__),
        )
        for step in ev.grounded_rounds()
    ]


def _rounds_text(ev: Evaluation, rounds: list[tuple[int, list[str], list[str]]]) -> str:
    """The rounds as lines: the claims each labels, then those no round labels."""
    import textwrap

    lines = ["grounded labelling, round by round:"]
    for number, accepted, rejected in rounds:
        said = [
            f"{label} {', '.join(ids)}"
            for label, ids in (("IN", accepted), ("OUT", rejected))
            if ids
        ]
        prefix = f"  round {number}: "
        for position, part in enumerate(said or ["no claim"]):
            start = prefix if position == 0 else " " * len(prefix)
            lines += textwrap.wrap(
                start + part, width=96, subsequent_indent=" " * (len(prefix) + 4)
            )
    labelled = {claim for _, accepted, rejected in rounds for claim in (*accepted, *rejected)}
    without = [c.id for c in ev.model.claims if not ev.translation.arguments_for[c.id]]
    left = [c.id for c in ev.model.claims if c.id not in labelled and c.id not in without]
    for heading, ids in (
        ("OUT without a round, no argument for them can be built", without),
        ("no round labels, so UNDEC", left),
    ):
        if ids:
            line = f"  {heading}: {', '.join(ids)}"
            lines += textwrap.wrap(line, width=96, subsequent_indent="      ")
    if not rounds:
        lines.insert(1, "  no argument is unattacked, so no round labels any")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status.

    Run as the command itself (``argv`` None, its arguments read from ``sys.argv``), the
    process makes one answer and ends, so Python's cyclic garbage collector is switched off:
    argmap's frameworks, views and clauses hold no reference cycles for it to reclaim, and
    its passes over the objects being built took 4 to 10 % of a single query on the
    30,000-argument benchmark frameworks (WS-30000 SE-ST 0.38 s against 0.34 s, same peak
    memory). Called with ``argv`` from a program of its own, the collector is left alone.
    """
    if argv is None:
        gc.disable()
    args: Arguments | None = _quick_solve_arguments(sys.argv[1:] if argv is None else argv)
    if args is None:
        parser = _build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:  # --help, or a usage error already reported on stderr
            return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
    if args.version:
        print(_version_text())
        return 0
    if args.command is None:
        print(f"argmap {__version__}")
        _build_parser().print_help()
        return 0
    try:
        output = args.run(args)
        status = 0
        if isinstance(output, tuple):  # an answer with a status of its own (check)
            output, status = output
    except SolverTimeout as error:
        print(f"argmap: {error}", file=sys.stderr)
        if argv is None and args.command in ("solve", "accepted"):
            # here, before the search unwound so far is let go: freeing the states of a
            # long CF2 search took 1.3 s after a 10 s limit and 7 s after a 60 s one (DC-CF2
            # of argument 153 on WS-1000, before it was fast), 0.6 s for `accepted` on
            # WS-1000; neither command writes a file
            _end_now(EXIT_TIMEOUT)
        return EXIT_TIMEOUT
    except MapValidationError as error:
        for problem in error.problems:
            print(f"argmap: error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ArgmapError as error:  # bad input; anything else is a bug and keeps its traceback
        print(f"argmap: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if output:
        try:
            print(output, flush=True)
        except BrokenPipeError:  # the reader stopped early (`| head`): no traceback
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 1
    return status


def command() -> NoReturn:
    """The ``argmap`` command: :func:`main` on the process's own arguments.

    After ``argmap solve`` the process ends at once, its output flushed, without the
    interpreter's shutdown, which frees every object and module one by one only for the
    process to exit: one query is a process of its own in ICCMA, and that
    shutdown took 3.4 to 5.6 ms of a 100-argument query's 21 to 29 ms, and 5 to 14 ms at
    30,000 arguments. ``solve`` writes no file and leaves nothing for exit handlers; the other
    commands, which write files, end as usual.
    """
    status = main()
    if sys.argv[1:2] == ["solve"]:
        _end_now(status)
    sys.exit(status)


def _end_now(status: int) -> NoReturn:
    """End the process with ``status`` once its output is flushed, without the interpreter's
    shutdown (see :func:`command`)."""
    try:
        sys.stdout.flush()
    except OSError:  # the reader stopped early, as main reports it: status 1
        status = status or 1
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    command()
