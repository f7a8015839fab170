"""The ``argmap`` command: an ICCMA-compatible solver, a map evaluator and a diagram renderer.

Exit status: 0 on success, 2 on bad input (one clear line on stderr, nothing on stdout),
3 when the time limit ran out before an answer was known.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from argmap import __version__
from argmap.errors import ArgmapError, SolverTimeout, UnknownArgumentError
from argmap.io.iccma import FORMATS, read_framework
from argmap.tasks import PROBLEMS, parse_task, solve_task

__all__ = ["main"]

EXIT_BAD_INPUT = 2
EXIT_TIMEOUT = 3


class _Parser(argparse.ArgumentParser):
    """argparse with exit status 2 and a single error line (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _version_text() -> str:
    from argmap.render.engine import engine_description

    return f"argmap {__version__}\nrendering: {engine_description()}"


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"the time limit must be positive, got {text!r}")
    return value


def _cmd_solve(args: argparse.Namespace) -> str:
    if args.problems:
        return "[" + ",".join(PROBLEMS) + "]"
    if args.formats:
        return "[" + ",".join(FORMATS) + "]"
    if args.task is None or args.file is None:
        raise _UsageError("solve needs -p TASK and -f FILE (or --problems / --formats)")
    task = parse_task(args.task)
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


class _UsageError(ArgmapError, ValueError):
    pass


def _build_parser() -> _Parser:
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
    solve.add_argument(
        "-fo",
        "--fo",
        dest="fo",
        choices=FORMATS,
        help="file format (default: from the extension: .i23/.af, .apx, .tgf)",
    )
    solve.add_argument(
        "--timeout",
        type=_positive_seconds,
        metavar="SECONDS",
        help="give up after this long (exit status 3)",
    )
    solve.add_argument("--problems", action="store_true", help="list the supported tasks")
    solve.add_argument("--formats", action="store_true", help="list the supported formats")
    solve.set_defaults(run=_cmd_solve)

    _add_map_commands(commands)
    return parser


def _add_map_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Registered by the map and render modules once they exist."""
    for register in _EXTRA_COMMANDS:
        register(commands)


_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction[_Parser]], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
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
        parser.print_help()
        return 0
    try:
        output = args.run(args)
    except SolverTimeout as error:
        print(f"argmap: {error}", file=sys.stderr)
        return EXIT_TIMEOUT
    except (ArgmapError, ValueError) as error:
        print(f"argmap: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if output:
        print(output)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
