"""``argmap solve`` on random flat ABA frameworks shaped like those of the ICCMA 2023 ABA track.

    python benchmarks/aba.py [--atoms 1000 5000] [--limit 60] [--csv docs/benchmarks_aba.csv]

The frameworks are drawn as the track's generator (Lehtonen, Wallner and Järvisalo) draws
them, with its parameters: a share of the atoms (0.1 or 0.3) are assumptions, each with a
contrary drawn from all atoms; every other atom heads 1 to R rules (R = 5 or 10), each with
a body of 1 to B atoms (B = 5 or 10) drawn from the assumptions and the atoms earlier in a
random order of the heads, plus, with the cycle share c, that share of the heads drawn from
anywhere, so that rules can form cycles; the query is an assumption drawn at random. Each
framework is written to ``benchmarks/instances/aba`` once (seeded by its parameters), and each
task timed as a process of its own, as a competition runs a solver. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _run, compile_argmap  # noqa: E402

FOLDER = HERE / "instances" / "aba"
TASKS = ("DC-CO", "DC-ST", "DS-PR", "DS-ST", "SE-PR", "SE-ST")


def generate(
    atoms: int, ratio: float, rules: int, body: int, cycles: float, seed: int
) -> tuple[str, str]:
    """The ICCMA text of one framework and its query assumption."""
    rng = random.Random(f"{atoms}-{ratio}-{rules}-{body}-{cycles}-{seed}")
    count = round(ratio * atoms)
    assumptions = [str(i) for i in range(1, count + 1)]
    heads = [str(i) for i in range(count + 1, atoms + 1)]
    everything = assumptions + heads
    lines = [f"p aba {atoms}"]
    lines += [f"a {a}" for a in assumptions]
    lines += [f"c {a} {rng.choice(everything)}" for a in assumptions]
    rng.shuffle(heads)
    extra = int(cycles * len(heads))
    for position, head in enumerate(heads):
        for _ in range(rng.randint(1, rules)):
            pool = assumptions + heads[:position]
            later = heads[position:]
            pool += rng.sample(later, min(extra, len(later)))
            chosen = rng.sample(pool, min(rng.randint(1, body), len(pool)))
            lines.append(" ".join(["r", head, *dict.fromkeys(chosen)]))
    return "\n".join(lines) + "\n", rng.choice(assumptions)


def instance(atoms: int, ratio: float, rules: int, body: int, cycles: float, seed: int) -> Path:
    path = FOLDER / f"aba_{atoms}_{ratio}_{rules}_{body}_{cycles}_{seed}.aba"
    if not path.exists():
        FOLDER.mkdir(parents=True, exist_ok=True)
        text, query = generate(atoms, ratio, rules, body, cycles, seed)
        path.write_text(text)
        path.with_suffix(".query").write_text(query + "\n")
    return path


def time_task(path: Path, task: str, limit: float) -> dict[str, object]:
    command = [sys.executable, "-m", "argmap.cli", "solve", "-p", task, "-f", str(path)]
    if task.startswith(("DC", "DS")):
        command += ["-a", path.with_suffix(".query").read_text().strip()]
    status, wall, peak, out = _run([*command, "--timeout", str(limit)], limit, grace=5.0)
    return {
        "instance": path.stem,
        "task": task,
        "status": status,
        "wall": round(wall, 3),
        "peak_mib": round(peak, 1),
        "answer": out.split("\n", 1)[0][:40],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atoms", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--ratios", type=float, nargs="+", default=[0.1, 0.3])
    parser.add_argument("--rules", type=int, nargs="+", default=[5])
    parser.add_argument("--bodies", type=int, nargs="+", default=[5])
    parser.add_argument("--cycles", type=float, nargs="+", default=[0.0, 0.4, 1.0])
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--tasks", nargs="+", default=list(TASKS))
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--csv", type=Path)
    args = parser.parse_args()
    compile_argmap()
    rows = []
    for atoms in args.atoms:
        for ratio in args.ratios:
            for rules in args.rules:
                for body in args.bodies:
                    for cycles in args.cycles:
                        for seed in range(args.seeds):
                            path = instance(atoms, ratio, rules, body, cycles, seed)
                            for task in args.tasks:
                                row = time_task(path, task, args.limit)
                                rows.append(row)
                                print(row, file=sys.stderr, flush=True)
    if args.csv is not None:
        with args.csv.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    print("| atoms | task | solved | median s | slowest s | peak MiB |")
    print("|---|---|---|---|---|---|")
    for atoms in args.atoms:
        for task in args.tasks:
            mine = [
                r for r in rows if r["task"] == task and r["instance"].startswith(f"aba_{atoms}_")
            ]
            solved = [r for r in mine if r["status"] == "ok"]
            walls = [float(r["wall"]) for r in solved]
            print(
                f"| {atoms:,} | {task} | {len(solved)} of {len(mine)} | "
                f"{statistics.median(walls) if walls else float('nan'):.2f} | "
                f"{max(walls, default=float('nan')):.2f} | "
                f"{max(float(r['peak_mib']) for r in mine):.0f} |"
            )


if __name__ == "__main__":
    main()
