"""Every accepted argument of a framework: one call against asking argument by argument.

    python benchmarks/acceptance.py [--sizes 1000 5000] [--limit SECONDS]

For each generated framework (``benchmarks/instances``, written as ``run.py`` writes them where
they are missing), each semantics and each mode, times ``accepted_arguments``, a loop over every
argument asking one ``Reasoner``, and, on the smaller sizes, a loop of the one-off ``accepted``
over every argument, in the same process, each under the time limit. Where two finish, their
answers must agree; a disagreement stops the run. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from argmap.errors import SolverTimeout
from argmap.io import read_framework
from argmap.semantics import Reasoner, accepted, accepted_arguments, time_limit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import i23_copy, instances  # noqa: E402

FAMILIES = ["ER", "BA", "WS", "grounded", "scc", "stable", "grid"]
SEMANTICS = ["CO", "PR", "ST", "SST", "STG"]
MODES = ["credulous", "sceptical"]


def timed(function, af, semantics: str, mode: str, limit: float):
    """``function(af, semantics, mode=mode)`` and its time, or None and the time at the limit."""
    start = time.perf_counter()
    try:
        with time_limit(limit):
            found = function(af, semantics, mode=mode)
    except SolverTimeout:
        return None, time.perf_counter() - start
    return found, time.perf_counter() - start


def one_by_one(af, semantics: str, *, mode: str) -> frozenset[str]:
    return frozenset(a for a in af.sorted_arguments if accepted(af, a, semantics, mode=mode))


def with_reasoner(af, semantics: str, *, mode: str) -> frozenset[str]:
    with Reasoner(af) as reasoner:
        return frozenset(
            a for a in af.sorted_arguments if reasoner.accepted(a, semantics, mode=mode)
        )


def agree(*answers: frozenset[str] | None) -> bool:
    found = {answer for answer in answers if answer is not None}
    return len(found) <= 1


def cell(found: frozenset[str] | None, seconds: float, limit: float) -> str:
    return f"> {limit:g}" if found is None else f"{seconds:.3f}"


def positive(text: str) -> int:
    """A framework size: a whole number of arguments above zero."""
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"not a positive number of arguments: {text!r}")
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=positive, nargs="+", default=[1000, 5000])
    parser.add_argument(
        "--loop-sizes",
        type=positive,
        nargs="+",
        default=[1000],
        help="sizes to run the one-off loop on",
    )
    parser.add_argument("--semantics", nargs="+", default=SEMANTICS, choices=SEMANTICS)
    parser.add_argument("--limit", type=float, default=30.0, help="seconds per call or loop")
    options = parser.parse_args()
    if options.limit <= 0:
        parser.error(f"argument --limit: must be above zero, not {options.limit:g}")
    print(
        "| family | arguments | semantics | mode | accepted | all at once (s) "
        "| one Reasoner, argument by argument (s) | one-off calls, argument by argument (s) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for size in options.sizes:
        for family in FAMILIES:
            [apx] = instances(HERE / "instances", [size], [family])
            af = read_framework(i23_copy(apx))
            for semantics in options.semantics:
                for mode in MODES:
                    batch, batch_time = timed(
                        accepted_arguments, af, semantics, mode, options.limit
                    )
                    asked, asked_time = timed(with_reasoner, af, semantics, mode, options.limit)
                    loop, loop_cell = None, "-"
                    if size in options.loop_sizes:
                        loop, loop_time = timed(one_by_one, af, semantics, mode, options.limit)
                        loop_cell = cell(loop, loop_time, options.limit)
                    if not agree(batch, asked, loop):
                        sys.exit(f"{family}-{size} {semantics} {mode}: the answers differ")
                    found = next((a for a in (batch, asked, loop) if a is not None), None)
                    count = "-" if found is None else f"{len(found):,}"
                    print(
                        f"| {family} | {len(af):,} | {semantics} | {mode} | {count} "
                        f"| {cell(batch, batch_time, options.limit)} "
                        f"| {cell(asked, asked_time, options.limit)} | {loop_cell} |",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
