"""Time limits: one absolute deadline per call, seen by every engine that works for it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from argmap.errors import SolverTimeout

__all__ = ["check_deadline", "remaining", "time_limit"]

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("argmap_deadline", default=None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Within this block, solving raises :class:`SolverTimeout` once ``seconds`` have passed.

    ``None`` means no limit. An inner limit never extends an outer one.

    >>> with time_limit(5):
    ...     remaining() is not None
    True
    """
    if seconds is None:
        yield
        return
    if seconds <= 0:
        raise ValueError(f"a time limit must be positive, got {seconds!r}")
    end = time.monotonic() + seconds
    outer = _deadline.get()
    if outer is not None and outer[0] < end:
        end, seconds = outer
    token = _deadline.set((end, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


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
