"""Grounded semantics on a framework with a million attacks, against reading the file.

    python benchmarks/grounded_large.py [ATTACKS]

Writes an i23 file with 250,000 arguments and (by default) 1,000,000 attacks, then times
reading it and computing the grounded labelling, each in a fresh process step.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from argmap.io import read_framework
from argmap.semantics import grounded_labelling

HERE = Path(__file__).resolve().parent


def write(path: Path, arguments: int, attacks: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    lines = [f"p af {arguments}"]
    # mostly forward attacks, so grounded propagation has real work to do
    for _ in range(attacks):
        a, b = rng.randrange(1, arguments + 1), rng.randrange(1, arguments + 1)
        lines.append(f"{min(a, b)} {max(a, b)}" if rng.random() < 0.9 else f"{a} {b}")
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    attacks = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    path = HERE / "instances" / f"large-{attacks}.af"
    path.parent.mkdir(exist_ok=True)
    if not path.exists():
        write(path, attacks // 4, attacks)
    start = time.perf_counter()
    af = read_framework(path)
    read = time.perf_counter() - start
    start = time.perf_counter()
    labelling = grounded_labelling(af)
    grounded = time.perf_counter() - start
    print(
        f"{len(af)} arguments, {len(af.attacks)} attacks: read {read:.2f} s, grounded "
        f"{grounded:.2f} s (ratio {grounded / read:.2f}); IN {len(labelling.in_)}, "
        f"OUT {len(labelling.out)}, UNDEC {len(labelling.undec)}"
    )


if __name__ == "__main__":
    main()
