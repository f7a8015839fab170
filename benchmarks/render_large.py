"""How long a large map takes to lay out: 300 claims, sparse and dense.

python benchmarks/render_large.py [CLAIMS]
"""

from __future__ import annotations

import random
import sys
import time

from argmap import ArgumentMap
from argmap.render import render_map, to_bytes


def random_map(claims: int, relations_per_claim: float, seed: int = 0) -> ArgumentMap:
    rng = random.Random(seed)
    m = ArgumentMap(f"{claims} claims, {relations_per_claim:g} relations per claim")
    for i in range(claims):
        with m.section(f"Section {i % 6 + 1}"):
            m.claim(f"c{i}", f"Claim number {i}, with a sentence of ordinary length in it")
    ids = [c.id for c in m.claims]
    for _ in range(int(claims * relations_per_claim)):
        a, b, c = rng.sample(ids, 3)
        kind = rng.random()
        if kind < 0.5:
            m.support(a, b) if rng.random() < 0.7 else m.support([a, c], b)
        elif kind < 0.8:
            m.rebut(a, b)
        elif kind < 0.9:
            m.contradict(a, b)
        elif m.supports:
            m.undercut(a, rng.choice(m.supports))
    return m


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for density in (1.0, 3.0):
        m = random_map(claims, density)
        start = time.perf_counter()
        ev = m.evaluate(translation="flat")
        evaluated = time.perf_counter() - start
        start = time.perf_counter()
        svg = to_bytes(render_map(ev), "svg")
        rendered = time.perf_counter() - start
        print(
            f"{claims} claims, {len(m.supports)} supports, {len(m.attacks)} attacks: "
            f"evaluate {evaluated:.2f} s, layout to SVG {rendered:.2f} s ({len(svg) // 1024} KiB)"
        )


if __name__ == "__main__":
    main()
