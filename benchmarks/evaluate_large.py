"""How long a large map takes to evaluate under each semantics, and how many extensions it has.

python benchmarks/evaluate_large.py [CLAIMS]

The maps are those of render_large.py (random, six sections, 1 and 3 relations a claim).
Each evaluation runs in a process of its own, with every claim's explanation, so that its
peak memory is its own; a map that is refused (TooManyExtensionsError, or a MapError for an
ASPIC translation with too many structured arguments) is reported with the reason.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

from render_large import random_map

from argmap.semantics.registry import SEMANTICS as REGISTERED

#: the semantics timed: all but conflict-free and admissible sets
SEMANTICS = [s.name for code, s in REGISTERED.items() if code not in ("CF", "AD")]


def one(claims: int, density: float, translation: str, semantics: str) -> dict[str, object]:
    from argmap import MapError, TooManyExtensionsError

    m = random_map(claims, density)
    start = time.perf_counter()
    try:
        ev = m.evaluate(semantics, translation=translation)
        for claim in m.claims:
            ev.explain(claim)
        outcome: dict[str, object] = {
            "extensions": ev.extension_count,
            "listed": len(ev.labellings),
            "arguments": len(ev.framework),
        }
    except (MapError, TooManyExtensionsError) as refusal:
        outcome = {"refused": "refused: " + str(refusal).split(":")[0]}
    outcome["seconds"] = time.perf_counter() - start
    outcome["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return outcome


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        claims, density, translation, semantics = sys.argv[2:6]
        print(json.dumps(one(int(claims), float(density), translation, semantics)))
        return
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("| map | translation | semantics | extensions | seconds | peak MiB |")
    print("|---|---|---|---|---|---|")
    for density in (1.0, 3.0):
        for translation in ("aspic", "flat"):
            for semantics in SEMANTICS:
                command = [sys.executable, __file__, "--one", str(claims), str(density)]
                done = subprocess.run(
                    [*command, translation, semantics], capture_output=True, text=True, check=True
                )
                row = json.loads(done.stdout)
                count = f"{row['extensions']:,}" if "extensions" in row else row["refused"]
                print(
                    f"| {claims} claims, {density:g} a claim | {translation} | {semantics} | "
                    f"{count} | {row['seconds']:.2f} | {row['peak_mib']} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
