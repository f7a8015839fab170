"""A base for the few immutable value classes that ``argmap solve`` loads.

The map model, evaluation and principles use ``attrs``; the classes the solver needs
(:class:`~argmap.Framework`, :class:`~argmap.tasks.Task`, the semantics catalogue) are plain
classes on this base, because importing ``attrs`` takes longer than a typical ICCMA query on
a hundred arguments takes to answer.
"""

from __future__ import annotations

__all__ = ["Frozen", "cached_property"]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from functools import cached_property
else:

    class cached_property:
        """``functools.cached_property`` for the solver's classes: computed on first access,
        then kept in the instance's ``__dict__`` (where later lookups find it first). Written
        here because importing ``functools`` (and the ``collections`` it imports) costs a
        solver run more than answering a small query."""

        def __init__(self, method):
            self.method = method
            self.name = method.__name__
            self.__doc__ = method.__doc__

        def __set_name__(self, owner, name):
            self.name = name

        def __get__(self, instance, owner=None):
            if instance is None:
                return self
            value = instance.__dict__[self.name] = self.method(instance)
            return value


class Frozen:
    """Value semantics from a tuple of field names: equality, hashing, ``repr``, pickling,
    and no assignment after ``__init__`` (which sets fields with :meth:`_set`).

    >>> class Point(Frozen):
    ...     _fields = ("x", "y")
    ...     def __init__(self, x, y):
    ...         self._set(x=x, y=y)
    >>> Point(1, 2) == Point(1, 2), Point(1, 2)
    (True, Point(x=1, y=2))
    >>> Point(1, 2).x = 3
    Traceback (most recent call last):
    ...
    AttributeError: Point is immutable: cannot set 'x'
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), self._values()
