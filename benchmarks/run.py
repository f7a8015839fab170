"""Time argmap (and the Python peers that are installed) on ICCMA tasks over generated frameworks.

Each (instance, task, solver) runs in its own process with a time limit, as a user would run
it; the whole process is timed from outside, and each solver's reading and solving are timed
inside the process too. Peak memory is the child's own resident high-water mark.

    python benchmarks/run.py --sizes 100 1000 --limit 20        # writes docs/benchmarks.csv/.md

argmap reads the i23 copy of each instance, the format ICCMA 2023 gives solvers. Peers, timed
when an interpreter of ``--peer-python`` can import them (``make bench`` installs them into
benchmarks/.peers, and afsolver, which needs Python 3.13, into benchmarks/.peers313), each run by
a small script here that makes the calls of its own command line or API: ``pygarg``
(SAT-based, on the APX copies), ``formal-argumentation`` (the calls of its ``iccma-cli`` with
the SAT backend, on the i23 copies), ``python-argumentation`` (PyArg: enumerates extensions, on
the APX copies) and ``afsolver`` (enumerates conflict-free sets, on the APX copies).

Decision tasks (DC, DS) ask about the middle argument of each instance, or with
``--arguments K`` about K arguments drawn at random (``--argument-seed``); each row names its
argument, and ratios and answers are compared query by query.

How long one query takes can depend on how the file numbers the arguments, which sets the
path a solver's search takes, for a compiled solver as for argmap. With ``--renumber SEED``
every solver is timed on a copy of each instance whose arguments are numbered anew, in an
order drawn with ``random.Random(SEED)`` (``queries.renumbered``), written beside it in the
subfolder ``renumbered-SEED``. The arguments asked about are drawn from the file as without
it, and the rows name them as the file does; witnesses name the copy's arguments.

A compiled solver with the ICCMA 2023 command line (``-p TASK -f FILE [-a ARG]``, and
``--problems`` listing its tasks) joins the run with ``--iccma-solver NAME=PATH``. It is
timed on the i23 copies, at every size, on the tasks it lists; only its whole process is
timed, as the competition times it.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import os
import platform
import random
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import FAMILIES, generate  # noqa: E402
from queries import renumbered  # noqa: E402

import argmap  # noqa: E402
from argmap.io import read_framework, write_framework  # noqa: E402

MAIN_TRACK = [
    "DC-CO",
    "DC-ST",
    "DC-SST",
    "DC-STG",
    "DS-PR",
    "DS-ST",
    "DS-SST",
    "DS-STG",
    "SE-PR",
    "SE-ST",
    "SE-SST",
    "SE-STG",
    "SE-ID",
]
EXTRA = ["SE-GR", "EE-PR"]
PYGARG_SEMANTICS = {"CF", "AD", "ST", "CO", "PR", "GR", "ID", "SST"}
FORMAL_SEMANTICS = {"CO", "GR", "PR", "ST", "SST", "STG", "ID"}
AFSOLVER_SEMANTICS = {"CO", "GR", "PR", "ST"}
PYARG_FUNCTIONS = {
    "CO": "get_complete_extensions",
    "GR": "get_grounded_extension",
    "PR": "get_preferred_extensions",
    "ST": "get_stable_extensions",
    "SST": "get_semistable_extensions",
    "ID": "get_ideal_extension",
}

# Each peer runs in a small script that makes the calls its command line makes (pygarg's and
# formal-argumentation's ``__main__`` modules, minus argument parsing) and times reading and
# solving inside the process, as argmap's child does. Every child reports on one tab-separated
# line: read seconds, solve seconds, the first line of the answer.
_PYGARG_CHILD = """
import sys, time
from pygarg.dung import apx_parser, solver
path, task, argument = sys.argv[1:4]
problem, semantics = task.split("-")
start = time.perf_counter()
args, atts = apx_parser.parse(path)
read = time.perf_counter()
if problem == "DC":
    accepted, extension = solver.credulous_acceptability(args, atts, argument, semantics)
    answer = "YES" if accepted else "NO"
elif problem == "DS":
    accepted, extension = solver.skeptical_acceptability(args, atts, argument, semantics)
    answer = "YES" if accepted else "NO"
else:
    extension = solver.compute_some_extension(args, atts, semantics)
    answer = "NO" if extension == "NO" else "w " + " ".join(extension)
done = time.perf_counter()
print(read - start, done - read, answer[:80], sep="\t")
"""

_FORMAL_CHILD = """
import sys, time
from pathlib import Path
from argumentation.interop.iccma import parse_af
from argumentation.solving import iccma_cli, solver
path, task, argument = sys.argv[1:4]
problem, semantics = iccma_cli._parse_problem(task)
start = time.perf_counter()
framework = parse_af(Path(path).read_text(encoding="utf-8"))
read = time.perf_counter()
if problem == "SE":
    result = solver.solve_dung_single_extension(framework, semantics=semantics, backend="sat")
    if not isinstance(result, solver.SingleExtensionSolverSuccess):
        sys.exit(1)
    answer = "NO" if result.extension is None else iccma_cli._witness_line(result.extension)
else:
    kind = "credulous" if problem == "DC" else "skeptical"
    result = solver.solve_dung_acceptance(
        framework, semantics=semantics, task=kind, query=argument, backend="sat"
    )
    if not isinstance(result, solver.AcceptanceSolverSuccess):
        sys.exit(1)
    answer = "YES" if result.answer else "NO"
done = time.perf_counter()
print(read - start, done - read, answer[:80], sep="\t")
"""

_PYARG_CHILD = """
import importlib, sys, time
from py_arg.import_export.argumentation_framework_from_aspartix_format_reader import (
    ArgumentationFrameworkFromASPARTIXFormatReader as Reader,
)
path, task, argument, function = sys.argv[1:5]
solve = getattr(importlib.import_module("py_arg.algorithms.semantics." + function), function)
start = time.perf_counter()
af = Reader.from_apx(open(path).read())
read = time.perf_counter()
found = solve(af)
done = time.perf_counter()
if function in ("get_grounded_extension",):
    found = [found]
names = [sorted(a.name for a in e) for e in found]
kind = task[:2]
if kind == "SE":
    answer = "w " + " ".join(names[0]) if names else "NO"
elif kind == "DC":
    answer = "YES" if any(argument in e for e in names) else "NO"
elif kind == "DS":
    answer = "YES" if all(argument in e for e in names) else "NO"
else:
    answer = str(len(names))
print(read - start, done - read, answer[:80], sep="\t")
"""

# afsolver has no file reader: its child reads the APX facts (one a line, as the runner writes
# them) into the lists its constructor takes. It answers with the library's own calls: credulous
# complete acceptance by its search for the minimal admissible sets holding the argument, the
# rest from the extensions it lists (each with its shortcut for frameworks without cycles).
_AFSOLVER_CHILD = """
import sys, time
from afsolver import ArgumentationFramework
path, task, argument = sys.argv[1:4]
problem, semantics = task.split("-")
start = time.perf_counter()
arguments, attacks = [], []
with open(path) as facts:
    for line in facts:
        if line.startswith("arg("):
            arguments.append(line.strip()[4:-2])
        elif line.startswith("att("):
            attacks.append(tuple(line.strip()[4:-2].split(",")))
af = ArgumentationFramework(arguments, attacks)
read = time.perf_counter()
if semantics == "GR":
    found = [af.grounded()]
elif (problem, semantics) == ("DC", "CO"):
    found = af.minimal_admissible([argument])
else:
    found = {"CO": af.complete, "PR": af.preferred, "ST": af.stable}[semantics]()
done = time.perf_counter()
if problem == "SE":
    answer = "w " + " ".join(sorted(found[0])) if found else "NO"
elif problem == "DC":
    answer = "YES" if any(argument in e for e in found) else "NO"
else:
    answer = "YES" if all(argument in e for e in found) else "NO"
print(read - start, done - read, answer[:80], sep="\t")
"""

# The child reports on one tab-separated line (json would add its import to argmap's wall time).
_ARGMAP_CHILD = """
import gc, os, sys, time
gc.disable()  # as the argmap command does in its own process, which it also ends at once
start = time.perf_counter()
from argmap.io import read_framework
from argmap.tasks import parse_task, solve_task
from argmap.errors import SolverTimeout
path, task, argument, limit = sys.argv[1], sys.argv[2], sys.argv[3] or None, float(sys.argv[4])
loaded = time.perf_counter()
af = read_framework(path)
read = time.perf_counter()
try:
    answer = solve_task(af, parse_task(task), argument, timeout=limit)
    status = "ok"
except SolverTimeout:
    answer, status = "", "timeout"
done = time.perf_counter()
first = answer.splitlines()[0][:80] if answer else ""
print(status, read - loaded, done - read, loaded - start, first, sep="\\t", flush=True)
os._exit(0)
"""


#: A run that finishes within this many seconds is made :data:`REPEATS` times, for every
#: solver alike, and the run with the median wall time is kept (its read and solve times with
#: it): below a second, one run's time is mostly start-up, and a cold page cache or a busy
#: scheduler can double it.
REPEAT_BELOW = 1.0
REPEATS = 3


def typical(run: Callable[[], dict[str, object]]) -> dict[str, object]:
    """The row of one timed run, or, when it finished within :data:`REPEAT_BELOW` seconds,
    the median-wall row of :data:`REPEATS` runs; ``runs`` says how many were made."""
    first = run()
    if first["status"] != "ok" or float(str(first["wall"])) >= REPEAT_BELOW:
        return {**first, "runs": 1}
    rows = [first, *(run() for _ in range(REPEATS - 1))]
    rows.sort(key=lambda r: float(str(r["wall"])))
    return {**rows[len(rows) // 2], "runs": REPEATS}


#: Children still running, stopped if the runner itself is stopped, so none keeps a core busy.
_RUNNING: set[subprocess.Popen[str]] = set()


def _stop_children(signum: int, _frame: object) -> None:
    for child in list(_RUNNING):
        child.kill()
    raise SystemExit(128 + signum)


def _peak_mib(pid: int) -> float | None:
    """The high-water mark of a running process's resident memory (VmHWM), in MiB."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


#: Address space each child may take, in bytes (``--memory-limit``); None for no limit. A
#: child past it fails to allocate and exits with an error, which the tables count as
#: unsolved. afsolver's listing of conflict-free sets grows to 12 GiB within 10 s.
memory_limit: int | None = None


def _limit_memory() -> None:
    if memory_limit is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))


def _run(command: list[str], limit: float, grace: float = 10.0) -> tuple[str, float, float, str]:
    """(status, wall seconds, peak MiB, stdout) of one child process, killed ``grace``
    seconds past the limit (argmap stops itself at the limit; the peers have no limit option),
    its memory limited to :data:`memory_limit`.

    Peak memory is the child's own high-water mark, sampled every few milliseconds from
    /proc while it runs (the rusage maximum would include this process's memory, which the
    child inherits at fork).
    """
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=_limit_memory,
    )
    _RUNNING.add(child)
    killer = threading.Timer(limit + grace, child.kill)
    killer.start()
    peak = [0.0]
    finished = threading.Event()

    def sample() -> None:
        while not finished.is_set():
            value = _peak_mib(child.pid)
            if value is not None:
                peak[0] = max(peak[0], value)
            finished.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = child.stdout.read() if child.stdout else ""
    code = child.wait()
    _RUNNING.discard(child)
    finished.set()
    sampler.join()
    killer.cancel()
    wall = time.perf_counter() - start
    status = "ok" if code == 0 else ("timeout" if wall >= limit else f"exit {code}")
    return status, wall, peak[0], out


def compile_argmap() -> None:
    """Write argmap's bytecode once, before any timing.

    pip compiles the modules of an installed wheel (the peers' included) when it installs
    them. An editable install leaves argmap's modules as source, and with
    ``PYTHONDONTWRITEBYTECODE`` set no run ever caches them, so every timed process would
    compile argmap from source: a cost no installed user pays.
    """
    compileall.compile_dir(Path(argmap.__file__).parent, quiet=1)


def i23_copy(path: Path) -> Path:
    """The i23 copy of an instance (the format ICCMA 2023 gives solvers), written if missing."""
    i23 = path.with_suffix(".i23")
    if not i23.exists():
        i23.write_text(write_framework(read_framework(path), "i23"))
    return i23


def time_argmap(path: Path, task: str, argument: str, limit: float) -> dict[str, object]:
    """argmap on the i23 copy, as an ICCMA 2023 solver is run."""
    command = [sys.executable, "-c", _ARGMAP_CHILD, str(i23_copy(path)), task, argument]
    status, wall, peak, out = _run([*command, str(limit)], limit)
    row: dict[str, object] = {"solver": "argmap", "status": status, "wall": wall, "peak_mib": peak}
    if out.strip():
        inner_status, read, solve, _imports, answer = out.rstrip("\n").split("\t", 4)
        row.update(status=inner_status, read=float(read), solve=float(solve), answer=answer)
    return row


def time_pygarg(
    python: str, path: Path, task: str, argument: str, limit: float
) -> dict[str, object]:
    command = [python, "-c", _PYGARG_CHILD, str(path), task, argument]
    return _peer_row("pygarg", command, limit)


def time_formal(
    python: str, path: Path, task: str, argument: str, limit: float
) -> dict[str, object]:
    command = [python, "-c", _FORMAL_CHILD, str(i23_copy(path)), task, argument]
    return _peer_row("formal-argumentation", command, limit)


def time_pyarg(
    python: str, path: Path, task: str, argument: str, limit: float
) -> dict[str, object]:
    function = PYARG_FUNCTIONS[task.split("-")[1]]
    command = [python, "-c", _PYARG_CHILD, str(path), task, argument, function]
    return _peer_row("python-argumentation", command, limit)


def time_afsolver(
    python: str, path: Path, task: str, argument: str, limit: float
) -> dict[str, object]:
    command = [python, "-c", _AFSOLVER_CHILD, str(path), task, argument]
    return _peer_row("afsolver", command, limit)


def time_iccma(
    name: str, binary: str, path: Path, task: str, argument: str, limit: float
) -> dict[str, object]:
    """A compiled ICCMA 2023 solver on the i23 copy: the whole process, and its first line."""
    command = [binary, "-p", task, "-f", str(i23_copy(path))]
    if argument:
        command += ["-a", argument]
    status, wall, peak, out = _run(command, limit, grace=0.5)
    if wall > limit:
        status = "timeout"
    row: dict[str, object] = {"solver": name, "status": status, "wall": wall, "peak_mib": peak}
    if status == "ok":
        lines = out.splitlines()
        row["answer"] = lines[0][:80] if lines else ""
    return row


def iccma_solver(spec: str) -> tuple[str, str, set[str]]:
    """(name, binary, tasks) of a ``NAME=PATH`` option, the tasks read from ``--problems``;
    ValueError, naming the option, if the spec or the solver's answer is unusable."""
    name, sep, binary = spec.partition("=")
    if not sep or not name or not binary:
        raise ValueError(f"--iccma-solver {spec!r}: expected NAME=PATH")
    try:
        listed = subprocess.run([binary, "--problems"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise ValueError(f"--iccma-solver {spec!r}: {binary} --problems failed: {error}") from None
    tasks = {t.strip() for t in listed.stdout.strip().strip("[]").split(",") if t.strip()}
    if not tasks:
        raise ValueError(f"--iccma-solver {spec!r}: {binary} --problems listed no task")
    return name, binary, tasks


def _peer_row(solver: str, command: list[str], limit: float) -> dict[str, object]:
    status, wall, peak, out = _run(command, limit, grace=0.5)
    if wall > limit:
        status = "timeout"
    row: dict[str, object] = {"solver": solver, "status": status, "wall": wall, "peak_mib": peak}
    if status == "ok":
        read, solve, answer = out.rstrip("\n").split("\t", 2)
        row.update(read=float(read), solve=float(solve), answer=answer)
    return row


#: The Python peers, each with the module it is imported as.
PYTHON_PEERS = {
    "pygarg": "pygarg",
    "formal-argumentation": "argumentation",
    "python-argumentation": "py_arg",
    "afsolver": "afsolver",
}


def peers_available(python: str) -> list[str]:
    """Which peers ``python`` can import."""
    found = []
    for peer, module in PYTHON_PEERS.items():
        probe = f"import importlib.util, sys; sys.exit(not importlib.util.find_spec({module!r}))"
        if subprocess.run([python, "-c", probe], capture_output=True).returncode == 0:
            found.append(peer)
    return found


def choose_peers(pythons: list[str], wanted: list[str]) -> dict[str, str]:
    """Each of the ``wanted`` peers with the first of ``pythons`` that imports it; peers no
    interpreter has are left out."""
    peers: dict[str, str] = {}
    for python in pythons:
        for name in peers_available(python) if Path(python).exists() else []:
            if name in wanted:
                peers.setdefault(name, python)
    return peers


def instances(folder: Path, sizes: list[int], families: list[str], seed: int = 0) -> list[Path]:
    """The APX file of each family at each size, generated from ``seed`` if missing: in
    ``folder`` for seed 0, in its subfolder ``seed-N`` for another seed."""
    if seed:
        folder = folder / f"seed-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for family in families:
        for n in sizes:
            path = folder / f"{family}-{n}.apx"
            if not path.exists():
                path.write_text(write_framework(generate(family, n, seed), "apx"))
            paths.append(path)
    return paths


def renumbered_copy(path: Path, seed: int) -> tuple[Path, dict[str, str]]:
    """The copy of the APX instance ``path`` numbered anew with ``seed``, in the subfolder
    ``renumbered-SEED`` beside it (written if missing), and the name each argument of the
    file has there."""
    copy, number = renumbered(read_framework(path), seed)
    target = path.parent / f"renumbered-{seed}" / path.name
    if not target.exists():
        target.parent.mkdir(exist_ok=True)
        target.write_text(write_framework(copy, "apx"))
    return target, number


def planned_queries(
    file: Path, tasks: list[str], count: int | None, argument_seed: int, renumber: int | None
) -> tuple[Path, list[tuple[str, str, str]]]:
    """The instance the solvers are timed on for the APX ``file`` (its copy numbered anew
    with ``renumber``, or the file itself), and each query as (task, the argument as the
    file names it, the argument as that instance names it); the arguments are drawn as
    :func:`query_arguments` draws them, from the file."""
    arguments = query_arguments(file, count, argument_seed)
    path, number = file, {name: name for name in arguments}
    if renumber is not None:
        path, number = renumbered_copy(file, renumber)
    queries = [
        (task, named, number[named] if named else named)
        for task, named in task_queries(tasks, arguments)
    ]
    return path, queries


def query_argument(path: Path) -> str:
    """A fixed query argument: the middle one of the file's arguments."""
    names = _argument_names(path)
    return names[len(names) // 2]


def query_arguments(path: Path, count: int | None, seed: int) -> list[str]:
    """The arguments the decision tasks ask about: the middle one (``count`` None), or
    ``count`` drawn at random with ``random.Random(seed)``, the same for every task."""
    if count is None:
        return [query_argument(path)]
    names = _argument_names(path)
    return random.Random(seed).sample(names, min(count, len(names)))


def task_queries(tasks: list[str], arguments: list[str]) -> Iterator[tuple[str, str]]:
    """(task, query argument): each decision task about each argument, the others once,
    about none."""
    for task in tasks:
        for argument in arguments if task[:2] in ("DC", "DS") else [""]:
            yield task, argument


def _argument_names(path: Path) -> list[str]:
    return [line[4:-2] for line in path.read_text().splitlines() if line.startswith("arg(")]


def pair_key(r: dict[str, object]) -> tuple[object, ...]:
    """What a row answers: instance, task and query argument (rows of runs that asked about
    one argument of each instance may lack the argument)."""
    return (r["family"], r["n"], r["task"], r.get("argument") or "")


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.3f}" if values else "-"


def _ratio(rows: list[dict[str, object]], task: str, solver: str, field: str) -> str:
    """Median of (peer time / argmap time) over instances both solved, for ``field`` "wall"
    (the whole process) or "solve" (the solver call alone)."""
    if solver == "argmap":
        return ""
    ours = {
        pair_key(r): float(str(r[field]))
        for r in rows
        if r["task"] == task and r["solver"] == "argmap" and r["status"] == "ok"
    }
    ratios = [
        float(str(r[field])) / ours[pair_key(r)]
        for r in rows
        if r["task"] == task
        and r["solver"] == solver
        and r["status"] == "ok"
        and r.get(field) not in (None, "")
        and pair_key(r) in ours
    ]
    return f"{statistics.median(ratios):.1f}x ({len(ratios)})" if ratios else "-"


def disagreements(rows: list[dict[str, object]]) -> list[str]:
    """Decision answers (YES/NO) on which a peer and argmap differ, both having finished."""
    ours = {
        pair_key(r): r["answer"] for r in rows if r["solver"] == "argmap" and r["status"] == "ok"
    }
    found = []
    for r in rows:
        key = pair_key(r)
        if r["solver"] == "argmap" or r["status"] != "ok" or str(r["task"])[:2] not in ("DC", "DS"):
            continue
        if key in ours and r["answer"] != ours[key]:
            where = f"{r['task']} on {r['family']}-{r['n']}"
            if r.get("argument"):
                where += f" about {r['argument']}"
            found.append(f"{where}: {r['solver']} {r['answer']}, argmap {ours[key]}")
    return found


def summarise(rows: list[dict[str, object]]) -> str:
    lines = [
        "| task | solver | solved | median solve (s) | median wall (s) | max peak (MiB) "
        "| peer/argmap wall, both solved | peer/argmap solve, both solved |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for task, solver in sorted({(str(r["task"]), str(r["solver"])) for r in rows}):
        group = [r for r in rows if r["task"] == task and r["solver"] == solver]
        solved = [r for r in group if r["status"] == "ok"]
        solve = [float(str(r["solve"])) for r in solved if r.get("solve") not in (None, "")]
        wall = [float(str(r["wall"])) for r in solved]
        peak = max(float(str(r["peak_mib"])) for r in group)
        lines.append(
            f"| {task} | {solver} | {len(solved)}/{len(group)} | {_median(solve)} | "
            f"{_median(wall)} | {peak:.0f} | {_ratio(rows, task, solver, 'wall')} | "
            f"{_ratio(rows, task, solver, 'solve')} |"
        )
    return "\n".join(lines)


FIELDS = [
    "family",
    "n",
    "task",
    "argument",
    "solver",
    "status",
    "wall",
    "solve",
    "read",
    "peak_mib",
    "runs",
    "answer",
]


def _pairs(rows: list[dict[str, object]], group: Callable[[dict[str, object]], str]) -> str:
    """Per peer and group, over the (instance, task) pairs: the median of peer wall / argmap
    wall where both solved, and of peer solve / argmap solve (the solver calls alone); how
    many pairs only one of the two solved; and a lower bound on the median wall ratio over
    every pair either solved, taking a peer's time to the limit as its time (it would have
    needed at least that) and a pair only the peer solved as ratio 0."""
    ours = {pair_key(r): r for r in rows if r["solver"] == "argmap"}
    both: dict[tuple[str, str], list[float]] = {}
    solving: dict[tuple[str, str], list[float]] = {}
    bound: dict[tuple[str, str], list[float]] = {}
    only: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        mine = ours.get(pair_key(r))
        if r["solver"] == "argmap" or mine is None:
            continue
        key = (str(r["solver"]), group(r))
        counts = only.setdefault(key, [0, 0])
        ratio = float(str(r["wall"])) / float(str(mine["wall"]))
        if r["status"] == "ok" and mine["status"] == "ok":
            both.setdefault(key, []).append(ratio)
            bound.setdefault(key, []).append(ratio)
            if r.get("solve") not in (None, "") and mine.get("solve") not in (None, ""):
                solve = float(str(r["solve"])) / float(str(mine["solve"]))
                solving.setdefault(key, []).append(solve)
        elif mine["status"] == "ok":
            counts[0] += 1
            bound.setdefault(key, []).append(ratio)
        elif r["status"] == "ok":
            counts[1] += 1
            bound.setdefault(key, []).append(0.0)

    def median(values: list[float]) -> str:
        return f"{statistics.median(values):.2f}x" if values else "-"

    lines = [
        "| peer | | both solved | median peer/argmap wall | min | max "
        "| median peer/argmap solve | only argmap solved | only the peer solved "
        "| median over all, a bound |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for key in sorted(only):
        values = both.get(key, [])
        spread = f"{min(values):.2f}x | {max(values):.2f}x" if values else "- | -"
        mine_only, theirs_only = only[key]
        lines.append(
            f"| {key[0]} | {key[1]} | {len(values)} | {median(values)} | {spread} | "
            f"{median(solving.get(key, []))} | {mine_only} | {theirs_only} | "
            f"{median(bound.get(key, []))} |"
        )
    return "\n".join(lines)


def by_semantics(rows: list[dict[str, object]]) -> str:
    """Peer/argmap wall-time ratios per peer and semantics."""
    return _pairs(rows, lambda r: str(r["task"]).split("-")[1]).replace(
        "| peer | |", "| peer | semantics |", 1
    )


def by_size(rows: list[dict[str, object]]) -> str:
    """Peer/argmap wall-time ratios per peer and number of arguments: at 100 arguments every
    process is mostly interpreter start-up and imports, from 1,000 mostly solving."""
    table = _pairs(rows, lambda r: f"{int(str(r['n'])):>6,}")
    return table.replace("| peer | |", "| peer | arguments |", 1)


def by_instance(rows: list[dict[str, object]]) -> str:
    """argmap per family and size: tasks solved, median and largest solve and wall time."""
    lines = [
        "| family | arguments | solved | median solve (s) | max solve (s) | median wall (s) |",
        "|---|---|---|---|---|---|",
    ]
    keys = sorted({(str(r["family"]), int(str(r["n"]))) for r in rows})
    for family, n in keys:
        group = [
            r
            for r in rows
            if r["solver"] == "argmap" and r["family"] == family and int(str(r["n"])) == n
        ]
        solved = [r for r in group if r["status"] == "ok"]
        solve = [float(str(r["solve"])) for r in solved if r.get("solve") not in (None, "")]
        wall = [float(str(r["wall"])) for r in solved]
        top = f"{max(solve):.2f}" if solve else "-"
        lines.append(
            f"| {family} | {n} | {len(solved)}/{len(group)} | {_median(solve)} | {top} | "
            f"{_median(wall)} |"
        )
    return "\n".join(lines)


#: The band of a compiled solver's wall time in which argmap is held to a factor of it.
BAND = (0.1, 10.0)
FACTOR = 3.0


def compiled_solvers(rows: list[dict[str, object]]) -> list[str]:
    """The solvers timed by whole process only (``--iccma-solver``): no row of theirs has a
    solve time."""
    names = {str(r["solver"]) for r in rows if r["solver"] != "argmap"}
    return sorted(
        name
        for name in names
        if all(r.get("solve") in (None, "") for r in rows if r["solver"] == name)
    )


def against_compiled(rows: list[dict[str, object]]) -> str:
    """Per compiled solver and semantics, over the pairs on which the solver's whole process
    took between 0.1 and 10 seconds: how many, the median and largest argmap/solver wall
    ratio, how many are within 3x, and how many argmap did not finish."""
    names = compiled_solvers(rows)
    if not names:
        return ""
    ours = {pair_key(r): r for r in rows if r["solver"] == "argmap"}
    low, high = BAND
    lines = [
        f"| solver | semantics | pairs where it took {low:g}-{high:g} s "
        f"| median argmap/solver wall | max | within {FACTOR:g}x | argmap unfinished |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in names:
        groups: dict[str, list[float]] = {}
        unfinished: dict[str, int] = {}
        for r in rows:
            mine = ours.get(pair_key(r))
            if r["solver"] != name or r["status"] != "ok" or mine is None:
                continue
            if not low <= float(str(r["wall"])) <= high:
                continue
            for key in (str(r["task"]).split("-")[1], "all"):
                if mine["status"] == "ok":
                    ratio = float(str(mine["wall"])) / float(str(r["wall"]))
                    groups.setdefault(key, []).append(ratio)
                else:
                    unfinished[key] = unfinished.get(key, 0) + 1
                    groups.setdefault(key, [])
        for key in sorted(groups, key=lambda k: (k == "all", k)):
            values = groups[key]
            within = sum(v <= FACTOR for v in values)
            middle = f"{statistics.median(values):.2f}x" if values else "-"
            top = f"{max(values):.2f}x" if values else "-"
            lines.append(
                f"| {name} | {key} | {len(values) + unfinished.get(key, 0)} | {middle} | "
                f"{top} | {within} | {unfinished.get(key, 0)} |"
            )
    if len(lines) == 2:
        return f"No pair on which a compiled solver took {low:g}-{high:g} s."
    return "\n".join(lines)


def write_summary(rows: list[dict[str, object]], out: Path, note: str) -> str:
    tables = [summarise(rows), by_semantics(rows), by_size(rows), by_instance(rows)]
    summary = "\n\n".join(table for table in [*tables, against_compiled(rows)] if table)
    differ = disagreements(rows)
    summary += "\n\nDecision answers that differ from argmap's: " + (
        "; ".join(differ) if differ else "none."
    )
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    out.with_suffix(".summary.md").write_text(f"{note} Machine: {machine}.\n\n{summary}\n")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--families", nargs="+", default=list(FAMILIES), choices=list(FAMILIES))
    parser.add_argument("--tasks", nargs="+", default=MAIN_TRACK + EXTRA)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per call")
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        help="the instances' seed (default 0; another seed's files go to instances/seed-N)",
    )
    parser.add_argument(
        "--arguments",
        type=int,
        metavar="K",
        help="ask each decision task about K arguments of each instance, drawn at random "
        "(default: the middle argument only)",
    )
    parser.add_argument(
        "--argument-seed",
        type=int,
        default=0,
        metavar="S",
        help="the seed the --arguments are drawn with (default 0)",
    )
    parser.add_argument(
        "--peer-python",
        action="append",
        help="an interpreter with peers installed; may be given more than once (default: "
        "benchmarks/.peers, and benchmarks/.peers313 for afsolver, which needs Python 3.13)",
    )
    parser.add_argument(
        "--peer-max-n", type=int, default=5000, help="largest instance the peers are run on"
    )
    parser.add_argument(
        "--pyarg-max-n",
        type=int,
        default=100,
        help="largest instance PyArg is run on (it enumerates extensions)",
    )
    parser.add_argument(
        "--pyarg-grounded-max-n",
        type=int,
        default=1000,
        help="largest instance PyArg is run on for SE-GR (its grounded semantics is no "
        "enumeration, and finishes within seconds at 1,000 arguments)",
    )
    parser.add_argument(
        "--iccma-solver",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="a compiled solver with the ICCMA 2023 command line, timed at every size",
    )
    parser.add_argument(
        "--peers",
        nargs="+",
        choices=PYTHON_PEERS,
        default=list(PYTHON_PEERS),
        metavar="NAME",
        help=f"the Python peers to time, of {', '.join(PYTHON_PEERS)} (default: all installed)",
    )
    parser.add_argument(
        "--no-python-peers",
        action="store_true",
        help="time no Python peer, only argmap and --iccma-solver",
    )
    parser.add_argument(
        "--memory-limit",
        type=float,
        metavar="GIB",
        help="address space of each timed process, in GiB (none by default; afsolver takes up "
        "to 12 GiB, so give 8 when two runners share 24 GiB)",
    )
    parser.add_argument(
        "--renumber",
        type=int,
        metavar="SEED",
        help="time every solver on copies of the instances numbered anew, in an order drawn "
        "with SEED (the rows name the arguments as the files do)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.csv")
    parser.add_argument(
        "--summarise",
        type=Path,
        metavar="CSV",
        help="only rewrite the summary of an earlier (possibly partial) run",
    )
    args = parser.parse_args()
    if args.summarise:
        csv.field_size_limit(1 << 30)  # enumeration answers can be long
        with args.summarise.open() as handle:
            rows = list(csv.DictReader(handle))
        families = sorted({str(r["family"]) for r in rows})
        sizes = sorted({int(str(r["n"])) for r in rows})
        print(write_summary(rows, args.summarise, f"Families {families}, sizes {sizes}."))
        return
    global memory_limit
    if args.memory_limit is not None:
        if args.memory_limit <= 0:
            parser.error(f"--memory-limit {args.memory_limit!r}: expected a positive number")
        memory_limit = int(args.memory_limit * 2**30)
    if args.seed < 0:
        parser.error(f"--seed {args.seed}: expected a number 0 or above")
    if args.arguments is not None and args.arguments <= 0:
        parser.error(f"--arguments {args.arguments}: expected a number 1 or above")
    signal.signal(signal.SIGTERM, _stop_children)
    signal.signal(signal.SIGINT, _stop_children)
    try:
        compiled = [iccma_solver(spec) for spec in args.iccma_solver]
    except ValueError as error:
        parser.error(str(error))  # exit status 2, before anything is written
    compile_argmap()
    pythons = args.peer_python or [
        str(HERE / folder / "bin" / "python") for folder in (".peers", ".peers313")
    ]
    peers = {} if args.no_python_peers else choose_peers(pythons, args.peers)
    rows: list[dict[str, object]] = []
    handle = args.out.open("w", newline="")
    writer = csv.DictWriter(handle, fieldnames=FIELDS, extrasaction="ignore")
    writer.writeheader()

    def record(row: dict[str, object]) -> None:
        rows.append(row)
        writer.writerow(row)
        handle.flush()
        print(json.dumps(row), flush=True)

    for file in instances(HERE / "instances", args.sizes, args.families, args.seed):
        family, n = file.stem.rsplit("-", 1)
        path, queries = planned_queries(
            file, args.tasks, args.arguments, args.argument_seed, args.renumber
        )
        for task, named, query in queries:
            base = {"family": family, "n": int(n), "task": task, "argument": named}
            record({**base, **typical(partial(time_argmap, path, task, query, args.limit))})
            for name, binary, supported in compiled:
                if task in supported:
                    timed = partial(time_iccma, name, binary, path, task, query, args.limit)
                    record({**base, **typical(timed)})
            code = task.split("-")[1]
            if task.startswith("EE") or int(n) > args.peer_max_n:
                continue
            timers = []
            if "pygarg" in peers and code in PYGARG_SEMANTICS:
                timers.append(("pygarg", time_pygarg))
            if "formal-argumentation" in peers and code in FORMAL_SEMANTICS:
                timers.append(("formal-argumentation", time_formal))
            pyarg_up_to = args.pyarg_grounded_max_n if code == "GR" else args.pyarg_max_n
            pyarg = "python-argumentation" in peers and code in PYARG_FUNCTIONS
            if pyarg and int(n) <= pyarg_up_to:
                timers.append(("python-argumentation", time_pyarg))
            if "afsolver" in peers and code in AFSOLVER_SEMANTICS:
                timers.append(("afsolver", time_afsolver))
            for name, timer in timers:
                timed = typical(partial(timer, peers[name], path, task, query, args.limit))
                record({**base, **timed})
    handle.close()
    note = (
        f"Sizes {args.sizes}, families {args.families}, seed {args.seed}, "
        f"limit {args.limit:g} s per call."
    )
    if args.arguments is not None:
        note += f" {args.arguments} arguments drawn with seed {args.argument_seed}."
    if args.renumber is not None:
        note += f" Each instance numbered anew with seed {args.renumber}."
    print(write_summary(rows, args.out, note))


if __name__ == "__main__":
    main()
