"""Decision queries about random arguments of one framework, asked one after another.

    python benchmarks/queries.py scc-1000 --tasks DC-STG DS-STG [--count 20] [--seed 1]
                                 [--arguments 501 ...] [--limit 20] [--renumber 3]

The framework is a file, or the name of one in ``benchmarks/instances`` (``scc-1000`` reads
``scc-1000.i23``, which ``run.py`` writes). ``--count`` arguments are drawn with
``random.Random(seed)``, unless ``--arguments`` names them, and each task is asked about each
of them in one process, under argmap's own time limit. One line per query: the task, the
argument, the answer (``YES``, ``NO``, or ``-`` past the limit), the seconds, the SAT calls
the query made and the rounds of a range search that met a strictly larger range (each rules
out what its exchanges would enlarge). A last line sums them. With ``PYTHONPATH`` set to
another checkout's ``src``, the same queries time that version, so that two versions can be
set side by side.

``--peers pygarg formal-argumentation`` asks each of those Python peers the same queries, in
a process of its own as ``run.py`` runs it (from ``--peer-python``, by default
``benchmarks/.peers``), on copies of the framework written in a temporary folder: APX for
pygarg, i23 for formal-argumentation, the query argument renumbered as i23 numbers it. Each
line then ends with the peers' answers, and ``DIFFERS`` where one finished with another
answer than argmap's; the last line counts those, and the script exits with status 1 if
there are any. A peer is asked only about the semantics it has (pygarg has no stage).

``--renumber SEED`` asks the same queries of a copy of the framework whose arguments are
numbered anew, in an order drawn with ``random.Random(SEED)``; the lines name the arguments
as the file does. The copy has the same extensions, but its arguments sit at other positions,
so the solver's variables, and the path its search takes, differ: how long a query takes on
copies numbered by a few seeds shows how much its time owes to that path.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from argmap.errors import FormatError, SolverTimeout, UnknownNameError
from argmap.framework import Framework
from argmap.io import read_framework, write_framework
from argmap.io.iccma import i23_numbering
from argmap.semantics import sat
from argmap.tasks import parse_task, solve_task

HERE = Path(__file__).resolve().parent
INSTANCES = HERE / "instances"
#: The peers that answer decision queries, with the semantics each has.
PEERS = {
    "pygarg": {"CO", "PR", "ST", "SST", "ID", "GR"},
    "formal-argumentation": {"CO", "PR", "ST", "SST", "STG", "ID", "GR"},
}


@dataclass
class Query:
    task: str
    argument: str
    answer: str
    seconds: float
    calls: int
    rounds: int
    #: each peer asked, with its answer (``-`` past the limit or failed)
    peers: dict[str, str] = field(default_factory=dict)

    @property
    def differs(self) -> bool:
        """Whether a peer finished with another answer than argmap's."""
        return self.answer != "-" and any(
            answer not in ("-", self.answer) for answer in self.peers.values()
        )


class _Counts:
    """Counts the SAT calls and the range rounds made while it is installed."""

    def __init__(self) -> None:
        self.calls = self.rounds = 0

    def __enter__(self) -> _Counts:
        self._solve, self._rule_out = sat.Encoding.solve, sat.Encoding._rule_out_exchange
        solve, rule_out = self._solve, self._rule_out

        def counted_solve(encoding: sat.Encoding, *args: object) -> object:
            self.calls += 1
            return solve(encoding, *args)

        def counted_rule_out(encoding: sat.Encoding, *args: object) -> None:
            self.rounds += 1
            rule_out(encoding, *args)

        sat.Encoding.solve = counted_solve  # type: ignore[method-assign,assignment]
        sat.Encoding._rule_out_exchange = counted_rule_out  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        sat.Encoding.solve = self._solve  # type: ignore[method-assign]
        sat.Encoding._rule_out_exchange = self._rule_out  # type: ignore[method-assign]


def framework_path(name: str) -> Path:
    """A file given by its path, or by its name in ``benchmarks/instances``."""
    path = Path(name)
    if path.exists():
        return path
    instance = INSTANCES / f"{name}.i23"
    if instance.exists():
        return instance
    known = sorted(p.stem for p in INSTANCES.glob("*.i23"))
    raise FileNotFoundError(f"no file {name!r}, nor {instance} (instances: {known})")


def renumbered(af: Framework, seed: int) -> tuple[Framework, dict[str, str]]:
    """A copy of ``af`` with its arguments numbered ``1`` .. ``N`` in an order drawn with
    ``random.Random(seed)``, and the number each argument has there.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c")])
    >>> copy, number = renumbered(af, 1)
    >>> sorted((number[x], number[y]) for x, y in af.attacks) == sorted(copy.attacks)
    True
    """
    order = list(af.sorted_arguments)
    random.Random(seed).shuffle(order)
    number = {name: str(k) for k, name in enumerate(order, start=1)}
    attacks = [(number[attacker], number[target]) for attacker, target in af.attacks]
    return Framework.from_attacks(attacks, arguments=number.values()), number


def ask(af: Framework, tasks: list[str], arguments: list[str], limit: float) -> list[Query]:
    """Each task about each argument, in that order, under ``limit`` seconds each."""
    queries = []
    for task in tasks:
        parsed = parse_task(task)
        for argument in arguments:
            with _Counts() as counts:
                start = time.perf_counter()
                try:
                    answer = solve_task(af, parsed, argument, timeout=limit).split("\n")[0]
                except SolverTimeout:
                    answer = "-"
                seconds = time.perf_counter() - start
            queries.append(Query(task, argument, answer, seconds, counts.calls, counts.rounds))
    return queries


def ask_peers(
    af: Framework, queries: list[Query], peers: list[str], python: str, limit: float
) -> None:
    """Each of ``peers`` answers each query about a semantics it has, in a process of its own
    under ``limit`` seconds, on APX (pygarg) or i23 (formal-argumentation) copies of ``af``;
    the answers go into ``Query.peers``."""
    sys.path.insert(0, str(HERE))
    import run  # the runner's peer processes, as it times them

    numbers = i23_numbering(af)
    with tempfile.TemporaryDirectory() as folder:
        apx, i23 = Path(folder) / "framework.apx", Path(folder) / "framework.i23"
        apx.write_text(write_framework(af, "apx"))
        i23.write_text(write_framework(af, "i23"))
        for query in queries:
            semantics = query.task.split("-")[1]
            for peer in peers:
                if semantics not in PEERS[peer]:
                    continue
                if peer == "pygarg":
                    row = run.time_pygarg(python, apx, query.task, query.argument, limit)
                else:
                    argument = str(numbers[query.argument])
                    row = run.time_formal(python, i23, query.task, argument, limit)
                query.peers[peer] = str(row["answer"]) if row["status"] == "ok" else "-"


def _positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    """An argparse type: a number of ``kind`` above zero."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if value <= 0:
            raise argparse.ArgumentTypeError(f"not a positive number: {text!r}")
        return value

    return parse


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("framework", help="a file, or a name in benchmarks/instances")
    parser.add_argument("--tasks", nargs="+", required=True, help="DC and DS tasks, as DC-STG")
    parser.add_argument("--count", type=_positive(int), default=20)
    parser.add_argument(
        "--arguments", nargs="+", help="ask about these arguments instead of drawing them"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=_positive(float), default=20.0, help="seconds per query")
    parser.add_argument(
        "--renumber",
        type=int,
        metavar="SEED",
        help="ask a copy whose arguments are numbered anew, in an order drawn with SEED",
    )
    parser.add_argument(
        "--peers",
        nargs="+",
        default=[],
        choices=PEERS,
        metavar="NAME",
        help=f"ask these peers too and compare the answers ({', '.join(PEERS)})",
    )
    parser.add_argument(
        "--peer-python",
        default=str(HERE / ".peers" / "bin" / "python"),
        help="the interpreter the peers are installed in (default: benchmarks/.peers)",
    )
    args = parser.parse_args(argv)
    if args.peers and not Path(args.peer_python).exists():
        where = f"--peer-python {args.peer_python}"
        parser.error(f"{where}: no such interpreter (`make bench` installs the peers there)")
    try:
        kinds = [parse_task(task).kind for task in args.tasks]
        path = framework_path(args.framework)
    except (UnknownNameError, FileNotFoundError) as error:
        parser.error(str(error))
    if set(kinds) - {"DC", "DS"}:
        parser.error("give DC and DS tasks: the others ask about no argument")
    try:
        af = read_framework(path)
    except FormatError as error:
        parser.error(str(error))
    if args.arguments:
        unknown = [name for name in args.arguments if name not in af.index]
        if unknown:
            parser.error(f"{path}: no argument {', '.join(map(repr, unknown))}")
        arguments = args.arguments
    else:
        count = min(args.count, len(af.sorted_arguments))
        arguments = random.Random(args.seed).sample(af.sorted_arguments, count)
    asked, number = af, {name: name for name in arguments}
    if args.renumber is not None:
        asked, number = renumbered(af, args.renumber)
    queries = ask(asked, args.tasks, [number[name] for name in arguments], args.limit)
    if args.peers:
        ask_peers(asked, queries, args.peers, args.peer_python, args.limit)
    named = {number[name]: name for name in arguments}
    for q in queries:
        q.argument = named[q.argument]
    for q in queries:
        line = (
            f"{q.task} {q.argument} {q.answer} {q.seconds:.3f} s {q.calls} calls {q.rounds} rounds"
        )
        line += "".join(f" {peer} {answer}" for peer, answer in q.peers.items())
        print(line + (" DIFFERS" if q.differs else ""))
    past = sum(q.answer == "-" for q in queries)
    total = sum(q.seconds for q in queries)
    calls, rounds = sum(q.calls for q in queries), sum(q.rounds for q in queries)
    summary = (
        f"all {len(queries)} queries: {total:.2f} s, {calls} calls, {rounds} rounds, {past} past"
    )
    if args.peers:
        answers = [(q.answer, said) for q in queries for said in q.peers.values()]
        differ = sum(ours != "-" and said not in ("-", ours) for ours, said in answers)
        unfinished = sum(said == "-" for _, said in answers)
        summary += f"; {len(answers)} peer answers ({unfinished} past the limit or failed),"
        summary += f" {differ} not argmap's"
    print(summary)
    if any(q.differs for q in queries):
        sys.exit(1)


if __name__ == "__main__":
    main()
