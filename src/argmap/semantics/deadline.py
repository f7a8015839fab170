"""Time limits: one absolute deadline per call, seen by every engine that works for it."""

from __future__ import annotations

import _thread
import time
from contextvars import ContextVar

from argmap.errors import SolverTimeout

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextvars import Token

__all__ = ["Alarm", "check_deadline", "remaining", "time_limit"]

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("argmap_deadline", default=None)


def time_limit(seconds: float | None) -> _TimeLimit:
    """Within this block, solving raises :class:`SolverTimeout` once ``seconds`` have passed.

    ``None`` means no limit. An inner limit never extends an outer one.

    >>> with time_limit(5):
    ...     remaining() is not None
    True
    """
    if seconds is not None and seconds <= 0:
        raise ValueError(f"a time limit must be positive, got {seconds!r}")
    return _TimeLimit(seconds)


class _TimeLimit:
    """The context manager :func:`time_limit` returns (a class rather than
    ``contextlib.contextmanager``, which would cost the command its import)."""

    __slots__ = ("_seconds", "_token")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._token: Token[tuple[float, float] | None] | None = None

    def __enter__(self) -> None:
        seconds = self._seconds
        if seconds is None:
            return
        end = time.monotonic() + seconds
        outer = _deadline.get()
        if outer is not None and outer[0] < end:
            end, seconds = outer
        self._token = _deadline.set((end, seconds))

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _deadline.reset(self._token)
            self._token = None


def remaining() -> float | None:
    """Seconds left before the current deadline, or None when there is none."""
    current = _deadline.get()
    return None if current is None else current[0] - time.monotonic()


def check_deadline() -> None:
    """Raise :class:`SolverTimeout` if the current deadline has passed."""
    current = _deadline.get()
    if current is not None and time.monotonic() >= current[0]:
        raise SolverTimeout(current[1])


def limit_seconds() -> float:
    """The length of the current limit, for error messages."""
    current = _deadline.get()
    return 0.0 if current is None else current[1]


class Alarm:
    """Calls ``action`` from a thread of its own once ``seconds`` have passed, unless
    :meth:`cancel` comes first; :attr:`fired` tells whether it was called. Once
    :meth:`cancel` has returned, ``action`` is neither running nor will run. Built on the
    low-level ``_thread`` module: ``threading`` would add its imports to every solver run.

    >>> alarm = Alarm(60, lambda: print("rang"))
    >>> alarm.cancel()
    >>> alarm.fired
    False
    """

    __slots__ = ("_busy", "_cancelled", "_stopped", "fired")

    def __init__(self, seconds: float, action: Callable[[], object]) -> None:
        self.fired = False
        self._stopped = False
        self._busy = _thread.allocate_lock()  # held while action runs
        self._cancelled = _thread.allocate_lock()
        self._cancelled.acquire()
        wait = min(max(seconds, 0.0), _thread.TIMEOUT_MAX)
        _thread.start_new_thread(self._wait, (wait, action))

    def _wait(self, seconds: float, action: Callable[[], object]) -> None:
        if self._cancelled.acquire(timeout=seconds):
            return
        with self._busy:
            if not self._stopped:
                self.fired = True
                action()

    def cancel(self) -> None:
        """Stop the alarm if it has not rung yet (calling it again does nothing)."""
        with self._busy:
            if not self._stopped:
                self._stopped = True
                self._cancelled.release()
