"""Seeded generators of benchmark frameworks, modelled on the ICCMA generators.

* ``erdos_renyi``: each attack present with probability p (AFBenchGen2's ER family);
* ``barabasi_albert``: preferential attachment, edges oriented at random (AFBenchGen2's BA);
* ``watts_strogatz``: a rewired ring lattice, edges oriented at random (AFBenchGen2's WS);
* ``grounded``: mostly acyclic, so grounded semantics settles most arguments (probo's
  GroundedGenerator);
* ``scc``: clusters with dense attacks inside and sparse attacks between (probo's
  SccGenerator);
* ``stable``: a planted stable extension plus noise (probo's StableGenerator);
* ``grid``: attacks between neighbours on a square grid.

Every generator takes the number of arguments and a ``random.Random``; nothing reads the
global random generator.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from argmap import Framework
from argmap.io import write_framework

__all__ = ["FAMILIES", "generate", "write_instances"]


def _names(n: int) -> list[str]:
    return [str(i) for i in range(1, n + 1)]


def _oriented(graph: nx.Graph, rng: random.Random, n: int, mutual: float = 0.2) -> Framework:
    names = _names(n)
    attacks = set()
    for u, v in graph.edges():
        a, b = names[u], names[v]
        roll = rng.random()
        if roll < mutual:
            attacks |= {(a, b), (b, a)}
        elif roll < (1 + mutual) / 2:
            attacks.add((a, b))
        else:
            attacks.add((b, a))
    return Framework.from_attacks(attacks, arguments=names)


def erdos_renyi(n: int, rng: random.Random) -> Framework:
    p = min(1.0, 4.0 / n)
    names = _names(n)
    attacks = set()
    expected = int(p * n * n)
    while len(attacks) < expected:
        a, b = rng.randrange(n), rng.randrange(n)
        attacks.add((names[a], names[b]))
    return Framework.from_attacks(attacks, arguments=names)


def barabasi_albert(n: int, rng: random.Random) -> Framework:
    graph = nx.barabasi_albert_graph(n, 2, seed=rng.randrange(2**31))
    return _oriented(graph, rng, n)


def watts_strogatz(n: int, rng: random.Random) -> Framework:
    graph = nx.watts_strogatz_graph(n, 4, 0.2, seed=rng.randrange(2**31))
    return _oriented(graph, rng, n)


def grounded(n: int, rng: random.Random) -> Framework:
    names = _names(n)
    attacks = set()
    for j in range(1, n):
        for _ in range(2):
            attacks.add((names[rng.randrange(j)], names[j]))
    for _ in range(max(1, n // 50)):  # a few backward attacks: small cycles
        a, b = rng.randrange(n), rng.randrange(n)
        attacks.add((names[max(a, b)], names[min(a, b)]))
    return Framework.from_attacks(attacks, arguments=names)


def scc(n: int, rng: random.Random) -> Framework:
    names = _names(n)
    size = max(5, int(math.sqrt(n)))
    clusters = [list(range(i, min(i + size, n))) for i in range(0, n, size)]
    attacks = set()
    for cluster in clusters:
        for a in cluster:
            for _ in range(2):
                attacks.add((names[a], names[rng.choice(cluster)]))
    for index, cluster in enumerate(clusters[1:], start=1):
        for a in cluster[:2]:
            source = rng.choice(clusters[rng.randrange(index)])
            attacks.add((names[source], names[a]))
    return Framework.from_attacks(attacks, arguments=names)


def stable(n: int, rng: random.Random) -> Framework:
    names = _names(n)
    planted = set(rng.sample(range(n), n // 3))
    others = [i for i in range(n) if i not in planted]
    planted_list = sorted(planted)
    attacks = set()
    for b in others:
        attacks.add((names[rng.choice(planted_list)], names[b]))
        for _ in range(2):
            attacks.add((names[b], names[rng.randrange(n)]))
    return Framework.from_attacks(
        {(a, b) for a, b in attacks if not (int(a) - 1 in planted and int(b) - 1 in planted)},
        arguments=names,
    )


def grid(n: int, rng: random.Random) -> Framework:
    side = max(2, int(math.sqrt(n)))
    graph = nx.convert_node_labels_to_integers(nx.grid_2d_graph(side, side))
    return _oriented(graph, rng, side * side, mutual=0.3)


FAMILIES: dict[str, Callable[[int, random.Random], Framework]] = {
    "ER": erdos_renyi,
    "BA": barabasi_albert,
    "WS": watts_strogatz,
    "grounded": grounded,
    "scc": scc,
    "stable": stable,
    "grid": grid,
}


def generate(family: str, n: int, seed: int) -> Framework:
    """One framework of ``family`` with about ``n`` arguments, from ``seed``."""
    return FAMILIES[family](n, random.Random(f"{family}-{n}-{seed}"))


def write_instances(folder: Path, sizes: list[int], seeds: int = 1) -> list[Path]:
    """Write every family at every size to ``folder`` as i23 files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for family in FAMILIES:
        for n in sizes:
            for seed in range(seeds):
                path = folder / f"{family}-{n}-{seed}.af"
                if not path.exists():
                    path.write_text(write_framework(generate(family, n, seed), "i23"))
                paths.append(path)
    return paths
