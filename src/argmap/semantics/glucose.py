"""Glucose 4.1, called through python-sat's compiled extension module.

python-sat's ``pysat.solvers`` loads about 30 ms of Python modules (formula classes, proof
files, typing) that argmap never uses; the solver calls themselves live in its extension
module ``pysolvers``. When a solver runs as one process per query, as in ICCMA, that import
is a large share of the whole run, so :class:`Glucose` calls the extension directly. If the
extension does not offer the functions named here (a python-sat release that renamed them),
it falls back to ``pysat.solvers.Glucose4``, which offers the same calls.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

__all__ = ["Glucose", "direct_calls_available"]

_CALLS = ("new", "del", "add_cl", "solve", "solve_lim", "model", "interrupt", "setphases")


def _extension() -> Any:
    try:
        import pysolvers
    except ImportError:
        return None
    if all(hasattr(pysolvers, f"glucose41_{call}") for call in _CALLS):
        return pysolvers
    return None


def direct_calls_available() -> bool:
    """Whether python-sat's extension module offers every call :class:`Glucose` makes."""
    return _extension() is not None


def _on_main_thread() -> int:
    # the extension installs its SIGINT handler only when called from the main thread
    return int(threading.current_thread() is threading.main_thread())


class Glucose:
    """One Glucose 4.1 instance: clauses, incremental solving under assumptions, interrupts.

    ``direct=False`` forces python-sat's own wrapper (the fallback, also used in tests).

    >>> solver = Glucose()
    >>> solver.add_clause([1, 2]); solver.add_clause([-1])
    >>> solver.solve([]), solver.get_model()
    (True, [-1, 2])
    >>> solver.solve([-2])
    False
    >>> solver.delete()
    """

    __slots__ = ("_ext", "_handle", "_status", "_wrapper")

    def __init__(self, *, direct: bool = True) -> None:
        self._ext: Any = _extension() if direct else None
        self._wrapper: Any
        self._status: bool | None = None
        if self._ext is not None:
            self._handle = self._ext.glucose41_new()
            self._wrapper = None
        else:
            from pysat.solvers import Glucose4

            self._handle = None
            self._wrapper = Glucose4()

    def add_clause(self, clause: Sequence[int]) -> None:
        if self._wrapper is None:
            self._ext.glucose41_add_cl(self._handle, clause)
        else:
            self._wrapper.add_clause(clause)

    def solve(self, assumptions: Sequence[int]) -> bool:
        """Whether the clauses and ``assumptions`` are satisfiable."""
        if self._wrapper is None:
            ext = self._ext
            self._status = ext.glucose41_solve(self._handle, assumptions, _on_main_thread())
        else:
            self._status = self._wrapper.solve(assumptions=assumptions)
        return bool(self._status)

    def solve_interruptible(self, assumptions: Sequence[int]) -> bool | None:
        """Like :meth:`solve`, but ``None`` if :meth:`interrupt` stopped the call."""
        if self._wrapper is None:
            self._status = self._ext.glucose41_solve_lim(
                self._handle, assumptions, _on_main_thread(), 1
            )
        else:
            self._status = self._wrapper.solve_limited(
                assumptions=assumptions, expect_interrupt=True
            )
        return self._status

    def get_model(self) -> list[int]:
        """The last model: literal ``v`` or ``-v`` for each variable ``v`` from 1, in order."""
        if self._status is not True:
            raise RuntimeError("no model: the last call was not satisfiable")
        if self._wrapper is None:
            model = self._ext.glucose41_model(self._handle)
        else:
            model = self._wrapper.get_model()
        return list(model) if model is not None else []

    def interrupt(self) -> None:
        """Stop the running :meth:`solve_interruptible` call (safe from another thread)."""
        if self._wrapper is None:
            self._ext.glucose41_interrupt(self._handle)
        else:
            self._wrapper.interrupt()

    def set_phases(self, literals: Sequence[int]) -> None:
        """Prefer these polarities when branching."""
        if self._wrapper is None:
            self._ext.glucose41_setphases(self._handle, literals)
        else:
            self._wrapper.set_phases(literals)

    def delete(self) -> None:
        """Free the solver; further calls are errors."""
        if self._wrapper is None:
            if self._handle is not None:
                self._ext.glucose41_del(self._handle)
                self._handle = None
        else:
            self._wrapper.delete()
