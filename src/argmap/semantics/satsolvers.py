"""Incremental SAT solvers from python-sat's compiled extension module: Glucose 4.1 and
CaDiCaL 1.9.5.

python-sat's ``pysat.solvers`` loads about 30 ms of Python modules (formula classes, proof
files, typing) that argmap never uses; the solver calls themselves live in its extension
module ``pysolvers``. When a solver runs as one process per query, as in ICCMA, that import
is a large share of the whole run, so the classes here call the extension directly. If the
extension does not offer the functions named here (a python-sat release that renamed them),
they fall back to python-sat's own classes, which offer the same calls.

The two solvers differ where it matters to the engine. Glucose follows a new branching
preference at every call, which the credulous sweep relies on. CaDiCaL is many times faster
on the long series of calls of a maximisation loop (measured on the benchmark families: one
semi-stable extension of a 5,000-argument grid in 0.09 s against 3.4 s, one preferred
extension in 0.09 s against 1.9 s), and steadier on hard single stable and complete queries
(``engine.query_encoding`` has the figures). Glucose can be interrupted from another thread
in the middle of a call; CaDiCaL, as python-sat exposes it, cannot, so under a time limit it
searches in slices of a few thousand conflicts (learnt clauses are kept between slices)
and an interrupt takes effect at the end of the running slice. Given the time left before a
deadline, the slices shrink as it nears, so that the last one ends close to it.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from time import monotonic

try:  # functools' own partial, without importing functools and collections with it
    from _functools import partial  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - an interpreter without the C module
    from functools import partial

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    #: Gives the seconds left before an interrupt is due, or None for none.
    TimeLeft = Callable[[], float | None] | None

__all__ = [
    "FIRST_SLICE",
    "PACE_PER_CLAUSE",
    "SMALLEST_SLICE",
    "Cadical",
    "Glucose",
    "SatSolver",
    "direct_calls_available",
]

#: Conflicts in the first slice of an interruptible CaDiCaL call, before the solver's pace is
#: known (then see :data:`SLICE_SECONDS`), if half the time left holds them at
#: :data:`PACE_PER_CLAUSE`. Each slice is a new call, and every call starts CaDiCaL's schedule
#: of search modes afresh: 1,000 conflicts in its focused mode, then a phase in its stable
#: mode, where the hard calls met on the benchmark frameworks find their models (in the
#: focused mode alone, DS-PR on the 30,000-argument stable framework took 4.0 s against
#: 1.0 s). Growing that task's counterexample into a preferred extension takes three calls
#: and 0.4 s, the first under 3,000 conflicts; cut after 1,000 conflicts, that first call
#: took four slices and 2.1 s. On the Watts-Strogatz framework the first model of SE-PR's
#: largest part, cut after 1,000 conflicts, held 5,106 arguments against 6,154, and its
#: maximisation took 213 calls against 4.
FIRST_SLICE = 3000

#: A bound on the seconds one conflict takes per irredundant clause of the formula, for the
#: first slice of a call. In the slices that ran out on the slowest benchmark tasks it was
#: 1.0 to 5.2 ns, the most for the ideal extension's search on the 30,000-argument
#: Erdős–Rényi framework: 1.8 ms a conflict over 352,000 clauses.
PACE_PER_CLAUSE = 6e-9

#: The smallest slice, in conflicts, that a nearing deadline shrinks a slice to.
SMALLEST_SLICE = 10

#: Seconds of search a slice holds, at the solver's pace, once that pace is known. Slices of
#: 1,000 conflicts throughout made DC-STG on the 1,000-argument
#: Erdos-Renyi benchmark framework take 0.55 s under a 10 s limit against 0.37 s without
#: one (28 slices for 18 calls); slices this long are rarely cut, and a restart a second
#: costs little.
SLICE_SECONDS = 1.0


def _import_pysolvers() -> Any:
    """python-sat's extension module, loaded with lazy symbol binding where the platform has
    it: the module links a dozen solvers, and binding all their symbols up front took 2.4 ms of
    a 100-argument query's 20 ms here, against 1.5 ms lazily."""
    if "pysolvers" in sys.modules or not hasattr(sys, "setdlopenflags"):
        import pysolvers
    else:
        import os

        flags = sys.getdlopenflags()
        sys.setdlopenflags((flags & ~os.RTLD_NOW) | os.RTLD_LAZY)
        try:
            import pysolvers
        finally:
            sys.setdlopenflags(flags)
    return pysolvers


def _extension(prefix: str, calls: tuple[str, ...]) -> Any:
    try:
        pysolvers = _import_pysolvers()
    except ImportError:
        return None
    if all(hasattr(pysolvers, f"{prefix}_{call}") for call in calls):
        return pysolvers
    return None


def direct_calls_available() -> bool:
    """Whether python-sat's extension module offers every call both solvers make."""
    return all(_extension(kind.PREFIX, kind.CALLS) is not None for kind in (Glucose, Cadical))


def _on_main_thread() -> int:
    # the extension installs its SIGINT handler only when called from the main thread; no
    # thread but the main one runs unless threading was imported to start it (argmap's own
    # alarms run on _thread threads, which only ever interrupt a solver)
    threading = sys.modules.get("threading")
    return int(threading is None or threading.current_thread() is threading.main_thread())


class SatSolver(ABC):
    """One solver instance: clauses, incremental solving under assumptions, interrupts.

    ``direct=False`` forces python-sat's own wrapper (the fallback, also used in tests).
    """

    #: The solver's prefix in ``pysolvers`` and its class in ``pysat.solvers``.
    PREFIX = ""
    WRAPPER = ""
    CALLS: tuple[str, ...] = ("new", "del", "add_cl", "solve", "solve_lim", "model", "setphases")

    __slots__ = ("_add", "_ext", "_handle", "_interrupted", "_status", "_wrapper")

    def __init__(self, *, direct: bool = True) -> None:
        ext = _extension(self.PREFIX, self.CALLS) if direct else None
        self._status: bool | None = None
        self._interrupted = False
        self._ext: Any = ext
        self._wrapper: Any = None
        self._handle: Any = None
        if ext is not None:
            self._handle = getattr(ext, self.PREFIX + "_new")()
            self._add = getattr(ext, self.PREFIX + "_add_cl")
        else:
            import pysat.solvers

            self._wrapper = getattr(pysat.solvers, self.WRAPPER)()
            self._add = None

    def _call(self, name: str, *args: Any) -> Any:
        return getattr(self._ext, f"{self.PREFIX}_{name}")(self._handle, *args)

    def clause_adder(self) -> Callable[[Sequence[int]], None]:
        """A callable adding one clause, for encoding loops: in the direct mode the
        extension's own function bound to this solver, so a clause costs no Python call."""
        if self._wrapper is None:
            adder: Callable[[Sequence[int]], None] = partial(self._add, self._handle)
            return adder
        return self._wrapper.add_clause  # type: ignore[no-any-return]

    def add_clause(self, clause: Sequence[int]) -> None:
        if self._wrapper is None:
            self._add(self._handle, clause)
        else:
            self._wrapper.add_clause(clause)

    def solve(self, assumptions: Sequence[int]) -> bool:
        """Whether the clauses and ``assumptions`` are satisfiable."""
        if self._wrapper is None:
            self._status = bool(self._call("solve", assumptions, _on_main_thread()))
        else:
            self._status = bool(self._wrapper.solve(assumptions=assumptions))
        return self._status

    @abstractmethod
    def solve_interruptible(
        self, assumptions: Sequence[int], time_left: TimeLeft = None
    ) -> bool | None:
        """Like :meth:`solve`, but ``None`` if :meth:`interrupt` stopped the call.
        ``time_left`` gives the seconds left before the interrupt is due, for a solver that
        can only be stopped between steps of its search, to plan them by."""

    @abstractmethod
    def solve_limited(
        self,
        assumptions: Sequence[int],
        budget: int,
        time_left: TimeLeft = None,
    ) -> bool | None:
        """Like :meth:`solve_interruptible`, but also ``None`` once the call has spent
        ``budget`` (at least 1) undecided, counted in the solver's own steps: propagations for
        Glucose, conflicts for CaDiCaL. The budget ends with the call."""

    @abstractmethod
    def interrupt(self) -> None:
        """Stop the running :meth:`solve_interruptible` call (safe from another thread)."""

    def get_model(self) -> list[int]:
        """The last model: literal ``v`` or ``-v`` for each variable ``v`` from 1, in order."""
        if self._status is not True:
            raise RuntimeError("no model: the last call was not satisfiable")
        if self._wrapper is None:
            model = self._call("model")  # a new list each call, the caller's to change
            return model if model is not None else []
        model = self._wrapper.get_model()
        return list(model) if model is not None else []

    def set_phases(self, literals: Sequence[int]) -> None:
        """Prefer these polarities when branching."""
        if self._wrapper is None:
            self._call("setphases", literals)
        else:
            self._wrapper.set_phases(literals)

    def delete(self) -> None:
        """Free the solver; further calls are errors."""
        if self._wrapper is None:
            if self._handle is not None:
                self._free()
                self._handle = None
        else:
            self._wrapper.delete()

    def _free(self) -> None:
        self._call("del")


class Glucose(SatSolver):
    """Glucose 4.1, interrupted inside a call.

    >>> solver = Glucose()
    >>> solver.add_clause([1, 2]); solver.add_clause([-1])
    >>> solver.solve([]), solver.get_model()
    (True, [-1, 2])
    >>> solver.solve([-2])
    False
    >>> solver.delete()
    """

    PREFIX = "glucose41"
    WRAPPER = "Glucose4"
    CALLS = (*SatSolver.CALLS, "interrupt", "pbudget")
    __slots__ = ()

    def solve_limited(
        self,
        assumptions: Sequence[int],
        budget: int,
        time_left: TimeLeft = None,
    ) -> bool | None:
        # in propagations; interrupted in the middle of a call, so time_left is not needed
        if self._wrapper is None:
            self._call("pbudget", budget)
            try:
                self._status = self._call("solve_lim", assumptions, _on_main_thread(), 1)
            finally:
                self._call("pbudget", -1)
        else:
            self._wrapper.prop_budget(budget)
            try:
                self._status = self._wrapper.solve_limited(
                    assumptions=assumptions, expect_interrupt=True
                )
            finally:
                self._wrapper.prop_budget(-1)
        return self._status

    def solve_interruptible(
        self, assumptions: Sequence[int], time_left: TimeLeft = None
    ) -> bool | None:
        # interrupted in the middle of a call: it needs no plan
        if self._wrapper is None:
            self._status = self._call("solve_lim", assumptions, _on_main_thread(), 1)
        else:
            self._status = self._wrapper.solve_limited(
                assumptions=assumptions, expect_interrupt=True
            )
        return self._status

    def interrupt(self) -> None:
        if self._wrapper is None:
            self._call("interrupt")
        else:
            self._wrapper.interrupt()


class Cadical(SatSolver):
    """CaDiCaL 1.9.5, interrupted between slices of its search.

    The first slice holds :data:`FIRST_SLICE` conflicts, or as many as half of the time left
    holds at an assumed pace of :data:`PACE_PER_CLAUSE` if that is less. Once a slice has
    made all the conflicts it was given, the pace of the last such slice sizes the next ones:
    as many conflicts as :data:`SLICE_SECONDS` hold, or half of the time left if that is less
    (never fewer than :data:`SMALLEST_SLICE`), so that near the deadline an interrupt waits
    for a few conflicts, not for a second of search. A call with a budget of conflicts
    (:meth:`solve_limited`) is one call where nothing will interrupt it, and otherwise
    searched in slices that together spend no more than the budget.

    >>> solver = Cadical()
    >>> solver.add_clause([1, 2]); solver.add_clause([-1])
    >>> solver.solve_interruptible([]), solver.get_model()
    (True, [-1, 2])
    >>> solver.solve([-2])
    False
    >>> solver.delete()
    """

    PREFIX = "cadical195"
    WRAPPER = "Cadical195"
    CALLS = (*SatSolver.CALLS, "cbudget", "set", "nof_cls")
    __slots__ = ("_pace", "options")

    def __init__(self, *, direct: bool = True) -> None:
        super().__init__(direct=direct)
        #: seconds per conflict in the last slice that used its whole budget (0: none yet)
        self._pace = 0.0
        #: the options set on this solver, by name
        self.options: dict[str, int] = {}
        # no "lucky" assignments tried before the search: they would override set_phases
        self.set_option("lucky", 0)

    def set_option(self, name: str, value: int) -> None:
        """Set one of CaDiCaL's options (``cadical --help`` lists them), before any clause."""
        self.options[name] = value
        if self._wrapper is None:
            self._call("set", name, value)
        else:
            self._wrapper.configure({name: value})

    def solve_interruptible(
        self, assumptions: Sequence[int], time_left: TimeLeft = None
    ) -> bool | None:
        return self._solve_in_slices(assumptions, None, time_left)

    def solve_limited(
        self,
        assumptions: Sequence[int],
        budget: int,
        time_left: TimeLeft = None,
    ) -> bool | None:
        # in conflicts: one call when nothing will interrupt it, slices of the budget otherwise
        if time_left is None:
            return None if self._interrupted else self._run(assumptions, budget)
        return self._solve_in_slices(assumptions, budget, time_left)

    def _solve_in_slices(
        self,
        assumptions: Sequence[int],
        conflicts: int | None,
        time_left: TimeLeft,
    ) -> bool | None:
        """Search in slices until decided, interrupted, or (unless None) ``conflicts``
        conflicts are spent."""
        self._status = None
        while not self._interrupted and (conflicts is None or conflicts > 0):
            left = None if time_left is None else time_left()
            if left is not None and left <= 0:
                return None  # the deadline has passed: no need to wait for the alarm
            budget = self.slice_budget(left)
            if conflicts is not None:
                budget = min(budget, conflicts)
                conflicts -= budget
            start = monotonic()
            if self._run(assumptions, budget) is not None:
                return self._status
            # undecided: the slice made all its conflicts
            self._pace = (monotonic() - start) / budget
        return None

    def _run(self, assumptions: Sequence[int], conflicts: int) -> bool | None:
        """One call of at most ``conflicts`` conflicts: its answer, None if undecided."""
        if self._wrapper is None:
            self._call("cbudget", conflicts)
            found = self._call("solve_lim", assumptions, _on_main_thread())
            self._status = found > 0 if found else None
        else:
            self._wrapper.conf_budget(conflicts)
            self._status = self._wrapper.solve_limited(assumptions=assumptions)
        return self._status

    def slice_budget(self, seconds_left: float | None) -> int:
        """Conflicts for the next slice, given the seconds left before the deadline.

        >>> solver = Cadical()
        >>> for i in range(1, 100_001):  # 100,000 clauses: 0.6 ms a conflict at most
        ...     solver.add_clause([i, i + 1])
        >>> solver.slice_budget(None), solver.slice_budget(10.0), solver.slice_budget(0.5)
        (3000, 3000, 416)
        >>> solver._pace = 0.0001  # a tenth of a millisecond a conflict, measured
        >>> solver.slice_budget(10.0), solver.slice_budget(1.0), solver.slice_budget(0.001)
        (10000, 5000, 10)
        >>> solver.delete()
        """
        if not self._pace:
            if seconds_left is None:
                return FIRST_SLICE
            assumed = PACE_PER_CLAUSE * max(1, self.clause_count())
            return max(SMALLEST_SLICE, min(FIRST_SLICE, int(seconds_left / 2 / assumed)))
        seconds = SLICE_SECONDS if seconds_left is None else min(SLICE_SECONDS, seconds_left / 2)
        return max(SMALLEST_SLICE, int(seconds / self._pace))

    def clause_count(self) -> int:
        """The solver's irredundant clauses (learnt ones not counted)."""
        if self._wrapper is None:
            return int(self._call("nof_cls"))
        return int(self._wrapper.nof_clauses())

    def interrupt(self) -> None:
        self._interrupted = True

    def _free(self) -> None:
        self._call("del", None)  # the second argument is a proof file; none is kept
