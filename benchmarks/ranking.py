"""The h-categoriser's degrees on the benchmark frameworks.

    python benchmarks/ranking.py [--sizes 1000 30000] [--repeats 3] [--tolerance 1e-9]

Times :func:`argmap.semantics.categoriser` on each generated instance (``benchmarks/generate.py``
writes them), after reading the file, and prints a Markdown table: arguments, attacks, the
largest strongly connected component (where the degrees are iterated) and the median time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from argmap.io import read_framework
from argmap.semantics import categoriser
from argmap.semantics.split import components

HERE = Path(__file__).resolve().parent
FAMILIES = ("ER", "BA", "WS", "grid", "grounded", "scc", "stable")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 30000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()
    print("| framework | arguments | attacks | largest component | seconds (median) |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        for family in FAMILIES:
            path = HERE / "instances" / f"{family}-{size}.i23"
            if not path.exists():
                continue
            af = read_framework(path)
            largest = max((len(part) for part in components(af, range(len(af)))), default=0)
            times = []
            for _ in range(args.repeats):
                start = time.perf_counter()
                categoriser(af, tolerance=args.tolerance)
                times.append(time.perf_counter() - start)
            print(
                f"| {family}-{size} | {len(af):,} | {len(af.attacks):,} | {largest:,} | "
                f"{statistics.median(times):.3f} |"
            )


if __name__ == "__main__":
    main()
