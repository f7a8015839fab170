"""Exact counting of extensions by a model counter, where there are too many to list.

Counting (CE) lists extensions and counts them; clingo lists hundreds of thousands a second,
which is too slow where the count has dozens of digits (a 1,000-argument grid has about
9 x 10^34 stable extensions). A #SAT solver counts models without listing them, by splitting
the formula into independent components and caching their counts. Ganak (Sharma et al.
2019), through its Python binding ``pyganak``, counts the models of the SAT engine's own
encodings (:class:`~argmap.semantics.sat.Encoding`), projected onto the ``in`` variables:
the other variables (``def``) are defined by them, so the projected count is the number of
extensions. It counts the stable extensions of that grid in 0.5 s and the complete
extensions of the 5,000-argument Barabási-Albert benchmark framework (a number of 168
digits) in 0.8 s.

``pyganak`` is an optional dependency (``pip install argmap[count]``); without it, counting
lists extensions as before. A count cannot be interrupted from Python, so under a time limit
it runs in a child process, which is killed at the deadline; otherwise the child is kept for
the next count, for up to :data:`IDLE_SECONDS`.

References
----------
Sharma, S., Roy, S., Soos, M. and Meel, K. S. (2019). GANAK: a scalable probabilistic exact
model counter. IJCAI 2019.
"""

from __future__ import annotations

import atexit
import os
import sys

from argmap.errors import SolverTimeout
from argmap.framework import Framework
from argmap.semantics.deadline import Alarm, check_deadline, limit_seconds, remaining
from argmap.semantics.sat import Encoding
from argmap.semantics.satsolvers import SatSolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from argmap.semantics.sat import Base
    from argmap.semantics.satsolvers import TimeLeft

__all__ = ["COUNTABLE", "COUNTED", "available", "count_extensions", "count_models"]


def available() -> bool:
    """Whether the model counter is installed."""
    from importlib.util import find_spec

    return find_spec("pyganak") is not None


class _Clauses(SatSolver):
    """A stand-in for a SAT solver that keeps the clauses an encoding adds, to be counted."""

    def __init__(self) -> None:  # no solver behind it
        self.clauses: list[list[int]] = []

    def clause_adder(self) -> Callable[[Sequence[int]], None]:
        return self.clauses.append  # type: ignore[return-value]

    def add_clause(self, clause: Sequence[int]) -> None:
        self.clauses.append(list(clause))

    def set_phases(self, literals: Sequence[int]) -> None:
        pass

    def solve_interruptible(
        self, assumptions: Sequence[int], time_left: TimeLeft = None
    ) -> bool | None:
        raise TypeError("clauses kept for counting are not solved")

    def solve_limited(
        self,
        assumptions: Sequence[int],
        budget: int,
        time_left: TimeLeft = None,
    ) -> bool | None:
        raise TypeError("clauses kept for counting are not solved")

    def interrupt(self) -> None:
        pass

    def delete(self) -> None:
        pass


#: The semantics counted on the SAT engine's encodings, with the encoding each is counted on.
COUNTED: dict[str, Base] = {"CF": "cf", "AD": "ad", "CO": "co", "ST": "st", "NA": "cf"}
#: Every semantics counted here: those, and strongly admissible sets, counted on clauses of
#: their own (:func:`~argmap.semantics.strong.strongly_admissible_cnf`).
COUNTABLE = (*COUNTED, "SAD")


def count_extensions(
    af: Framework,
    code: str,
    fixed: Sequence[tuple[int, bool]] = (),
    clauses: Sequence[Sequence[tuple[int, bool]]] = (),
) -> int:
    """The number of conflict-free (``code`` "CF"), admissible ("AD"), complete ("CO"),
    stable ("ST"), naive ("NA") or strongly admissible ("SAD") extensions of ``af``,
    counted by Ganak; with ``fixed``
    (positions, each True for held), of those that hold and lack those arguments, and with
    ``clauses`` (each a sequence of such pairs), of those that satisfy every clause.

    Naive extensions are the conflict-free sets to which no argument can be added: every
    argument outside, unless it attacks itself, is in conflict with a member. That is one
    clause per argument over the conflict-free encoding, so they are counted as the others
    are, where listing them means growing each to a maximal set.

    >>> pairs = Framework.from_attacks([(f"a{i}", f"b{i}") for i in range(40)] +
    ...                                [(f"b{i}", f"a{i}") for i in range(40)])
    >>> count_extensions(pairs, "ST") == count_extensions(pairs, "NA") == 2**40
    True
    >>> count_extensions(pairs, "CO") == 3**40
    True
    >>> count_extensions(pairs, "ST", clauses=[[(0, True), (1, True)]]) == 3 * 2**38
    True
    """
    if code == "SAD":
        from argmap.semantics.strong import strongly_admissible_cnf

        kept, variables = strongly_admissible_cnf(af)
        for clause in [*([pair] for pair in fixed), *clauses]:
            kept.append([i + 1 if held else -(i + 1) for i, held in clause])
        return count_models(kept, max(variables, 1), range(1, len(af) + 1))
    with Encoding(af, COUNTED[code], solver=_Clauses) as encoding:
        assert isinstance(encoding.solver, _Clauses)
        added = encoding.solver.clauses
        if code == "NA":
            encoding.add_naive()
        for clause in [*([pair] for pair in fixed), *clauses]:
            added.append(
                [encoding.in_var(i) if held else -encoding.in_var(i) for i, held in clause]
            )
        variables = max(encoding.next_var - 1, encoding.n)
        return count_models(added, variables, range(1, encoding.n + 1))


def count_models(
    clauses: Sequence[Sequence[int]], variables: int, projection: Sequence[int]
) -> int:
    """The number of assignments to the ``projection`` variables that extend to a model of
    ``clauses`` over variables ``1..variables``.

    >>> count_models([[1, 2], [-1, -2]], 3, [1, 2, 3])
    4
    """
    check_deadline()
    if remaining() is None:
        return _count(clauses, variables, projection)
    return _count_apart(clauses, variables, projection)


def _count(clauses: Sequence[Sequence[int]], variables: int, projection: Sequence[int]) -> int:
    from pyganak import Counter

    counter = Counter()
    counter.new_vars(variables)
    counter.add_clauses(clauses)
    counter.set_sampling_set(list(projection))
    # the counter writes progress lines to standard output on some formulas (for example
    # "c o intermediate count: 0"), which would end up in the answer of `argmap solve`
    sys.stdout.flush()
    kept = os.dup(1)
    silent = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(silent, 1)
        return int(counter.count())
    finally:
        os.dup2(kept, 1)
        os.close(kept)
        os.close(silent)


#: The command that counts in a child process: this module run as a program.
_CHILD = [sys.executable, "-m", "argmap.semantics.counting"]

#: Children waiting for a formula (see :class:`_Worker`).
_idle: list[_Worker] = []

#: Seconds a child waits for another formula before it is closed, so that a long session
#: (a notebook, say) keeps no counting process once it has stopped counting.
IDLE_SECONDS = 60.0


def _count_apart(
    clauses: Sequence[Sequence[int]], variables: int, projection: Sequence[int]
) -> int:
    """:func:`_count` in a child process, stopped at the deadline."""
    lines = [f"p cnf {variables} {len(clauses)}", "c p show " + " ".join(map(str, projection))]
    lines += [" ".join(map(str, clause)) + " 0" for clause in clauses]
    worker = _idle_worker()
    count = worker.count("\n".join(lines) + "\n")
    if worker.alive:
        _idle.append(worker)
        worker.retiring = Alarm(IDLE_SECONDS, lambda: _retire(worker))
    return count


def _idle_worker() -> _Worker:
    """A child waiting for a formula, started if there is none."""
    while _idle:
        try:
            worker = _idle.pop()
        except IndexError:  # the last one retired meanwhile
            break
        if worker.pid != os.getpid():
            continue  # a forked copy of this process must not share its parent's children
        if worker.retiring is not None:
            worker.retiring.cancel()
        if worker.command == _CHILD and worker.alive:
            return worker
        worker.close()
    return _Worker(list(_CHILD))


def _retire(worker: _Worker) -> None:
    """Close ``worker`` if it is still idle."""
    try:
        _idle.remove(worker)
    except ValueError:  # taken for a count meanwhile
        return
    worker.close()


@atexit.register
def _close_idle() -> None:
    while _idle:
        worker = _idle.pop()
        if worker.pid == os.getpid():
            if worker.retiring is not None:
                worker.retiring.cancel()
            worker.close()


class _Worker:
    """A child process that counts one formula after another. An evaluation that counts a
    hundred times under a time limit starts one interpreter, not a hundred (about 35 ms
    each). At the deadline, or on an interrupt, the child is killed."""

    def __init__(self, command: list[str]) -> None:
        import subprocess
        import tempfile

        self.command, self.pid = command, os.getpid()
        self.retiring: Alarm | None = None  # closes it once idle too long
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (open while the child lives)
        self.child = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
        )

    @property
    def alive(self) -> bool:
        return self.child.poll() is None

    def count(self, formula: str) -> int:
        """The number the child prints for ``formula``; :class:`SolverTimeout` once the
        deadline passes."""
        assert self.child.stdin is not None and self.child.stdout is not None
        seconds = remaining()
        alarm = Alarm(0.0 if seconds is None else seconds, self.child.kill)
        try:
            self.child.stdin.write(formula)
            self.child.stdin.flush()
            answer = self.child.stdout.readline().strip()
        except BrokenPipeError:  # the child has ended
            answer = ""
        except BaseException:  # an interrupt: the child goes too
            alarm.cancel()
            self.close(kill=True)
            raise
        alarm.cancel()
        if answer.isdigit():
            if alarm.fired:
                self.close()
            return int(answer)
        if alarm.fired:
            self.close()
            raise SolverTimeout(limit_seconds())
        errors = self.close()
        if answer:  # the child's report of an error
            raise RuntimeError(f"the model counter failed: {answer}")
        raise RuntimeError(
            f"the model counter failed (exit status {self.child.returncode}): {errors}"
        )

    def close(self, *, kill: bool = False) -> str:
        """Stop the child (an idle one ends at the end of its input; ``kill`` for a busy
        one); what it wrote to standard error."""
        import contextlib
        import subprocess

        assert self.child.stdin is not None and self.child.stdout is not None
        if kill:
            self.child.kill()
        with contextlib.suppress(BrokenPipeError):  # unwritten input of a child that ended
            self.child.stdin.close()
        try:
            self.child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.child.kill()
            self.child.wait()
        self.child.stdout.close()
        self.errors.seek(0)
        errors = self.errors.read().decode(errors="replace").strip()
        self.errors.close()
        return errors


def _main() -> None:
    """Count formulas in DIMACS read from standard input, one after another, each projected
    onto the variables of the ``c p show`` line after its header, and print each number (or
    the error) on a line of its own."""
    lines = iter(sys.stdin)
    for header in lines:
        if not header.startswith("p cnf"):
            continue
        variables, size = (int(field) for field in header.split()[2:4])
        projection = [int(field) for field in next(lines).split()[3:]]
        clauses = [[int(field) for field in next(lines).split()[:-1]] for _ in range(size)]
        try:
            answer = str(_count(clauses, variables, projection))
        except Exception as error:  # reported to the parent, which raises it
            answer = f"{type(error).__name__}: {error}"
        print(answer, flush=True)


if __name__ == "__main__":
    _main()
