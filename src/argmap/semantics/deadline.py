"""Time limits: one absolute deadline per call, seen by every engine that works for it."""

from __future__ import annotations

import time
from contextvars import ContextVar

from argmap.errors import SolverTimeout

TYPE_CHECKING = False
if TYPE_CHECKING:
    from contextvars import Token

__all__ = ["check_deadline", "remaining", "time_limit"]

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
