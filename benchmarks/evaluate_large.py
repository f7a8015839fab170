"""How long a large map takes to evaluate under each semantics, and how many extensions it has.

python benchmarks/evaluate_large.py [CLAIMS] [--timeout SECONDS]

The maps are those of render_large.py (random, six sections, 1 and 3 relations a claim).
Each evaluation runs in a process of its own, with every claim's explanation, so that its
peak memory is its own (the model counter's child, which counts under a time limit, is
reported apart); a map that is refused (TooManyExtensionsError, or a MapError for an ASPIC
translation with too many structured arguments) is reported with the reason. With
``--timeout``, each evaluation runs under that time limit.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from render_large import random_map

from argmap.semantics.registry import SEMANTICS as REGISTERED

#: the semantics timed: all but conflict-free and admissible sets
SEMANTICS = [s.name for code, s in REGISTERED.items() if code not in ("CF", "AD")]


def one(
    claims: int, density: float, translation: str, semantics: str, timeout: float | None
) -> dict[str, object]:
    from argmap import MapError, SolverTimeout, TooManyExtensionsError

    m = random_map(claims, density)
    start = time.perf_counter()
    try:
        ev = m.evaluate(semantics, translation=translation, timeout=timeout)
        for claim in m.claims:
            ev.explain(claim)
        outcome: dict[str, object] = {
            "extensions": ev.extension_count,
            "listed": len(ev.labellings),
            "arguments": len(ev.framework),
        }
    except (MapError, TooManyExtensionsError) as refusal:
        outcome = {"refused": "refused: " + str(refusal).split(":")[0]}
    except SolverTimeout:
        outcome = {"refused": "timed out"}
    outcome["seconds"] = time.perf_counter() - start
    outcome["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    from argmap.semantics import counting

    counting._close_idle()  # so that its peak is counted among the children's
    outcome["counter_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return outcome


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        claims, density, translation, semantics, timeout = sys.argv[2:7]
        limit = float(timeout) if timeout != "none" else None
        print(json.dumps(one(int(claims), float(density), translation, semantics, limit)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int, nargs="?", default=300)
    parser.add_argument("--timeout", type=float, help="a time limit on each evaluation")
    args = parser.parse_args()
    timeout = "none" if args.timeout is None else str(args.timeout)
    print("| map | translation | semantics | extensions | seconds | peak MiB | counter MiB |")
    print("|---|---|---|---|---|---|---|")
    for density in (1.0, 3.0):
        for translation in ("aspic", "flat"):
            for semantics in SEMANTICS:
                command = [sys.executable, __file__, "--one", str(args.claims), str(density)]
                done = subprocess.run(
                    [*command, translation, semantics, timeout],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                row = json.loads(done.stdout)
                count = f"{row['extensions']:,}" if "extensions" in row else row["refused"]
                print(
                    f"| {args.claims} claims, {density:g} a claim | {translation} | {semantics} "
                    f"| {count} | {row['seconds']:.2f} | {row['peak_mib']} "
                    f"| {row['counter_mib']} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
