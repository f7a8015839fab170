"""``argmap solve`` on random flat ABA frameworks shaped like those of the ICCMA ABA track.

    python benchmarks/aba.py [--shape dense|ordered] [--atoms 25 100 500 2000 5000]
                             [--limit 30] [--csv docs/benchmarks_aba.csv]

The frameworks are drawn as the track's generator (Lehtonen, Wallner and Järvisalo) draws
them. Public material holds two versions of it, and ``--shape`` picks one:

* ``dense``, the version dated 2023, for 25, 100, 500, 2,000 and 5,000 atoms: a share of
  the atoms (0.1 or 0.3) are assumptions, each with a contrary drawn from all atoms; every
  other atom heads 1 to R rules (R = 5 or 10), each with a body of 1 to B atoms (B = 5 or
  10) drawn from all atoms but the head, so that cycles run through the whole framework;
* ``ordered``, a later version, for 1,000 to 5,000 atoms: the heads are put in a random
  order and a body is drawn from the assumptions and the heads before its own, plus, with
  the cycle share c, that share of the heads drawn from its own place on, so that rules can
  form cycles; its pool lists the assumptions twice, so they are drawn twice as often.

The query is an assumption drawn at random. Each framework is written to
``benchmarks/instances/aba`` once (seeded by its parameters), and each task timed as a
process of its own, as a competition runs a solver. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _run, compile_argmap  # noqa: E402

FOLDER = HERE / "instances" / "aba"
TASKS = ("DC-CO", "DC-ST", "DS-PR", "DS-ST", "SE-PR", "SE-ST")
SHAPES = ("dense", "ordered")


def generate(
    shape: str, atoms: int, ratio: float, rules: int, body: int, cycles: float, seed: int
) -> tuple[str, str]:
    """The ICCMA text of one framework and its query assumption."""
    rng = random.Random(f"{shape}-{atoms}-{ratio}-{rules}-{body}-{cycles}-{seed}")
    count = round(ratio * atoms)
    assumptions = [str(i) for i in range(1, count + 1)]
    heads = [str(i) for i in range(count + 1, atoms + 1)]
    everything = assumptions + heads
    lines = [f"p aba {atoms}"]
    lines += [f"a {a}" for a in assumptions]
    lines += [f"c {a} {rng.choice(everything)}" for a in assumptions]
    if shape == "ordered":
        rng.shuffle(heads)
    extra = int(cycles * len(heads))
    for position, head in enumerate(heads):
        if shape == "dense":
            pool = [atom for atom in everything if atom != head]
        for _ in range(rng.randint(1, rules)):
            if shape == "ordered":
                later = heads[position:]
                pool = assumptions + assumptions + heads[:position]
                pool += rng.sample(later, min(extra, len(later)))
            size = min(rng.randint(1, body), count + position if shape == "ordered" else body)
            chosen = rng.sample(pool, min(size, len(pool)))
            lines.append(" ".join(["r", head, *dict.fromkeys(chosen)]))
    return "\n".join(lines) + "\n", rng.choice(assumptions)


def instance(
    shape: str, atoms: int, ratio: float, rules: int, body: int, cycles: float, seed: int
) -> Path:
    tag = f"{shape}_{atoms}_{ratio}_{rules}_{body}"
    if shape == "ordered":
        tag += f"_{cycles}"
    path = FOLDER / f"aba_{tag}_{seed}.aba"
    if not path.exists():
        FOLDER.mkdir(parents=True, exist_ok=True)
        text, query = generate(shape, atoms, ratio, rules, body, cycles, seed)
        path.write_text(text)
        path.with_suffix(".query").write_text(query + "\n")
    return path


#: PyArg (python-argumentation) has flat ABA frameworks but no reader for the ICCMA format: its
#: child reads the lines into the classes, then asks the library for every extension of the
#: semantics (it builds the arguments for the contraries and searches their framework) and
#: answers the task from them. Queries are assumptions, which an extension derives when it
#: holds them.
_PYARG_CHILD = """
import sys
from py_arg.aba_classes.aba_framework import ABAF
from py_arg.aba_classes.rule import Rule
path, task = sys.argv[1:3]
query = sys.argv[3] if len(sys.argv) > 3 else None
assumptions, contraries, rules, language = set(), {}, set(), set()
with open(path) as lines:
    for line in lines:
        word = line.split()
        if not word or word[0] == "#":
            continue
        if word[0] == "p":
            language.update(str(i) for i in range(1, int(word[2]) + 1))
        elif word[0] == "a":
            assumptions.add(word[1])
        elif word[0] == "c":
            contraries[word[1]] = word[2]
        elif word[0] == "r":
            rules.add(Rule(str(len(rules)), set(word[2:]), word[1]))
problem, code = task.split("-")
module = {"CO": "complete", "PR": "preferred", "ST": "stable"}[code]
name = f"get_{module}_extensions"
solve = getattr(__import__(f"py_arg.aba_classes.semantics.{name}", fromlist=[name]), name)
found = solve(ABAF(assumptions, rules, language, contraries))
if problem == "SE":
    print("w " + " ".join(sorted(min(found, key=sorted), key=int)) if found else "NO")
elif problem == "DC":
    print("YES" if any(query in e for e in found) else "NO")
else:
    print("YES" if all(query in e for e in found) else "NO")
"""


def time_pyarg(python: str, path: Path, task: str, limit: float) -> dict[str, object]:
    """PyArg's process on one task, the answer its first line."""
    command = [python, "-c", _PYARG_CHILD, str(path), task]
    if task.startswith(("DC", "DS")):
        command.append(path.with_suffix(".query").read_text().strip())
    status, wall, peak, out = _run(command, limit, grace=0.5)
    if wall > limit:
        status = "timeout"
    return _row(path, task, "python-argumentation", status, wall, peak, out)


def _row(
    path: Path, task: str, solver: str, status: str, wall: float, peak: float, out: str
) -> dict[str, object]:
    return {
        "instance": path.stem,
        "task": task,
        "solver": solver,
        "status": status,
        "wall": round(wall, 3),
        "peak_mib": round(peak, 1),
        "answer": out.split("\n", 1)[0][:40] if status == "ok" else "",
    }


def time_task(path: Path, task: str, limit: float) -> dict[str, object]:
    command = [sys.executable, "-m", "argmap.cli", "solve", "-p", task, "-f", str(path)]
    if task.startswith(("DC", "DS")):
        command += ["-a", path.with_suffix(".query").read_text().strip()]
    status, wall, peak, out = _run([*command, "--timeout", str(limit)], limit, grace=5.0)
    return _row(path, task, "argmap", status, wall, peak, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=SHAPES, default="dense")
    parser.add_argument("--atoms", type=int, nargs="+")
    parser.add_argument("--ratios", type=float, nargs="+", default=[0.1, 0.3])
    parser.add_argument("--rules", type=int, nargs="+")
    parser.add_argument("--bodies", type=int, nargs="+")
    parser.add_argument("--cycles", type=float, nargs="+", help="ordered shape only")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--tasks", nargs="+", default=list(TASKS))
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--csv", type=Path)
    parser.add_argument(
        "--pyarg",
        metavar="PYTHON",
        help="a Python that imports py_arg (python-argumentation): times it on every task too",
    )
    args = parser.parse_args()
    dense = args.shape == "dense"
    args.atoms = args.atoms or ([25, 100, 500, 2000, 5000] if dense else [1000, 5000])
    args.rules = args.rules or ([5, 10] if dense else [5])
    args.bodies = args.bodies or ([5, 10] if dense else [5])
    if dense and args.cycles:
        parser.error("--cycles is a parameter of the ordered shape")
    args.cycles = [0.0] if dense else (args.cycles or [0.0, 0.4, 1.0])
    compile_argmap()
    rows = []
    for atoms in args.atoms:
        for ratio in args.ratios:
            for rules in args.rules:
                for body in args.bodies:
                    for cycles in args.cycles:
                        for seed in range(args.seeds):
                            path = instance(args.shape, atoms, ratio, rules, body, cycles, seed)
                            for task in args.tasks:
                                timed = [time_task(path, task, args.limit)]
                                if args.pyarg:
                                    timed.append(time_pyarg(args.pyarg, path, task, args.limit))
                                for row in timed:
                                    rows.append(row)
                                    print(row, file=sys.stderr, flush=True)
    if args.csv is not None:
        with args.csv.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    solvers = ["argmap", "python-argumentation"] if args.pyarg else ["argmap"]
    print("| atoms | assumptions | task | solver | solved | median s | slowest s | peak MiB |")
    print("|---|---|---|---|---|---|---|---|")
    for atoms, ratio, task, solver in itertools.product(
        args.atoms, args.ratios, args.tasks, solvers
    ):
        prefix = f"aba_{args.shape}_{atoms}_{ratio}_"
        mine = [
            r
            for r in rows
            if r["task"] == task and r["solver"] == solver and r["instance"].startswith(prefix)
        ]
        solved = [r for r in mine if r["status"] == "ok"]
        walls = [float(r["wall"]) for r in solved]
        print(
            f"| {atoms:,} | {ratio} | {task} | {solver} | {len(solved)} of {len(mine)} | "
            f"{statistics.median(walls) if walls else float('nan'):.2f} | "
            f"{max(walls, default=float('nan')):.2f} | "
            f"{max(float(r['peak_mib']) for r in mine):.0f} |"
        )
    if args.pyarg:
        print(disagreements(rows))


def disagreements(rows: list[dict[str, object]]) -> str:
    """How the answers both solvers gave compare: decisions must be equal; an extension
    either gives must be one of the semantics, checked by argmap's checker from the
    definitions, and the two agree on whether there is one."""
    from argmap.aba import is_extension
    from argmap.io.aba import read_aba

    answers: dict[tuple[object, object], dict[object, str]] = {}
    for row in rows:
        if row["status"] == "ok":
            answers.setdefault((row["instance"], row["task"]), {})[row["solver"]] = str(
                row["answer"]
            )
    compared, wrong = 0, []
    for (name, task), given in sorted(answers.items(), key=str):
        if len(given) < 2:
            continue
        compared += 1
        first, second = given.values()
        if str(task).startswith("SE") and (first != "NO" or second != "NO"):
            aba = read_aba(FOLDER / f"{name}.aba")
            code = str(task).split("-")[1]
            fine = "NO" not in (first, second) and all(
                is_extension(aba, answer.split()[1:], code) for answer in (first, second)
            )
        else:
            fine = first == second
        if not fine:
            wrong.append(f"{name} {task}: {given}")
    return f"{compared} tasks answered by both, {len(wrong)} differing" + "".join(
        f"\n  {line}" for line in wrong
    )


if __name__ == "__main__":
    main()
