"""The one exception hierarchy of argmap.

Every exception is an :class:`ArgmapError` and also the matching built-in, so callers can
catch either. Each carries the data that caused it, and its message shows the bad value with
``!r`` and lists the valid options where there are any.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

__all__ = [
    "ABAError",
    "ArgmapError",
    "DuplicateIdError",
    "FormatError",
    "InvalidRelationError",
    "LabellingError",
    "MapError",
    "MapValidationError",
    "RenderError",
    "SolverTimeout",
    "TooManyArgumentsError",
    "TooManyExtensionsError",
    "UnknownArgumentError",
    "UnknownAtomError",
    "UnknownIdError",
    "UnknownNameError",
    "UnknownSemanticsError",
    "UnwritableError",
]


def _in_order(valid: Iterable[object]) -> tuple[Any, ...]:
    """The valid choices in natural order, so that argument ``2`` comes before ``10``."""
    from argmap.framework import natural_key  # the framework module imports this one

    return tuple(sorted(valid, key=lambda name: natural_key(str(name))))


def _options(valid: Iterable[str], limit: int = 20) -> str:
    names = _in_order(valid)
    shown = ", ".join(repr(name) for name in names[:limit])
    more = f", ... ({len(names) - limit} more)" if len(names) > limit else ""
    return f"[{shown}{more}]"


class ArgmapError(Exception):
    """Base class of every error argmap raises."""


class UnknownNameError(ArgmapError, ValueError):
    """A word that is not one of a fixed set of choices (a semantics, a scale word, a format).

    The message names the valid choices (``choices`` words them otherwise) and, when one
    or two are spelt much like the value, those first (``close`` names them otherwise).

    >>> raise UnknownNameError("semantics", "prefered", ["preferred", "grounded"])
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownNameError: unknown semantics: 'prefered' (did you mean 'preferred'? ...)
    """

    def __init__(
        self,
        kind: str,
        value: object,
        valid: Iterable[str],
        *,
        limit: int = 20,
        choices: str | None = None,
        close: Sequence[str] | None = None,
    ) -> None:
        self.kind = kind
        self.value = value
        self.valid = _in_order(valid)
        #: the choices the message offers as meant (may be empty)
        self.close = close = _close_to(value, self.valid) if close is None else list(close)
        hint = _did_you_mean(close)
        choices = choices or f"must be one of {_options(self.valid, limit)}"
        super().__init__(f"unknown {kind}: {value!r} ({hint}{choices})")


def _did_you_mean(close: Sequence[str]) -> str:
    return f"did you mean {' or '.join(map(repr, close))}? " if close else ""


def _meant(value: object, valid: Sequence[str]) -> str:
    """'did you mean ...? ' for a name spelt much like one or two of ``valid``; none for a
    name of digits alone, as ICCMA numbers arguments, since those are all spelt alike."""
    if not isinstance(value, str) or value.strip().isdigit():
        return ""
    return _did_you_mean(_close_to(value, valid))


def _close_to(value: object, valid: Iterable[str]) -> list[str]:
    """At most two of ``valid`` spelt much like ``value``, letter case aside, closest first."""
    from difflib import get_close_matches

    if not isinstance(value, str):
        return []
    folded = {name.casefold(): name for name in valid if isinstance(name, str)}
    matches = get_close_matches(value.strip().casefold(), list(folded), n=2, cutoff=0.75)
    return [folded[match] for match in matches]


class UnknownSemanticsError(UnknownNameError):
    """A semantics name or code that argmap does not know."""

    def __init__(self, value: object, valid: Iterable[str]) -> None:
        super().__init__("semantics", value, valid, limit=50)


class UnknownArgumentError(ArgmapError, KeyError):
    """An argument name that is not in the framework."""

    _kind = "argument"

    def __init__(self, argument: object, valid: Iterable[str] = ()) -> None:
        self.argument = argument
        self.valid = _in_order(valid)
        meant = _meant(argument, self.valid)
        hint = f" ({meant}{self._kind}s: {_options(self.valid)})" if self.valid else ""
        super().__init__(f"unknown {self._kind}: {argument!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownAtomError(UnknownArgumentError):
    """An atom that is not in the language of an assumption-based framework, or (``kind``
    ``"assumption"``) one that is not among its assumptions."""

    def __init__(self, atom: object, valid: Iterable[str] = (), *, kind: str = "atom") -> None:
        self._kind = kind
        super().__init__(atom, valid)


class ABAError(ArgmapError, ValueError):
    """An assumption-based framework that is not a flat one: a contrary given for an atom that
    is no assumption, or a rule that derives an assumption. The message names the atom or the
    rule."""


class LabellingError(ArgmapError, ValueError):
    """A labelling that does not give each argument of its framework exactly one label;
    ``arguments`` are the ones at fault."""

    def __init__(self, message: str, arguments: Iterable[str] = ()) -> None:
        self.arguments = _in_order(arguments)
        super().__init__(message)


class FormatError(ArgmapError, ValueError):
    """A malformed framework file: names the file, the line number and the offending text."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        text: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.text = text
        self.reason = message
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        shown = f": {text!r}" if text is not None else ""
        super().__init__(f"{where}: {message}{shown}")


class UnwritableError(ArgmapError, ValueError):
    """A framework that a file format cannot hold, named by the argument that does not fit:
    written as it is, the file would read back as another framework, or not at all."""


class SolverTimeout(ArgmapError, TimeoutError):
    """The time limit ran out before the answer was known; no answer is given."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"no answer within the time limit of {seconds:g} s")


class TooManyArgumentsError(ArgmapError, RuntimeError):
    """More arguments than an assumption-based framework is instantiated with (its
    arguments can be exponentially many)."""


class TooManyExtensionsError(ArgmapError, RuntimeError):
    """More extensions than an evaluation can count a map's claims' labels over, or than a
    framework diagram numbers its labellings among."""


class MapError(ArgmapError, ValueError):
    """A problem in an argument map (raised by the builder at the first problem)."""


class UnknownIdError(MapError, KeyError):
    """An id that names nothing in the map."""

    def __init__(self, kind: str, ident: object, valid: Iterable[str] = ()) -> None:
        self.kind = kind
        self.ident = ident
        self.valid = _in_order(valid)
        hint = (
            f" ({_meant(ident, self.valid)}known {kind} ids: {_options(self.valid)})"
            if self.valid
            else f" (the map has no {kind})"
        )
        super().__init__(f"unknown {kind} id: {ident!r}{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


class DuplicateIdError(MapError):
    """An id used twice in one map (claims, supports and attacks share one namespace)."""

    def __init__(self, ident: str, existing_kind: str) -> None:
        self.ident = ident
        self.existing_kind = existing_kind
        super().__init__(f"duplicate id: {ident!r} is already a {existing_kind} in this map")


class InvalidRelationError(MapError):
    """A relation that cannot hold: a claim supporting or attacking itself, an undercut aimed
    at a claim instead of a support, a support whose conclusion is among its premises."""

    def __init__(self, ident: str, message: str) -> None:
        self.ident = ident
        super().__init__(f"{ident!r}: {message}")


class MapValidationError(MapError):
    """Every problem found in a whole map at once; ``problems`` lists one message each."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        count = len(self.problems)
        super().__init__(f"the map has {count} problem{'s' if count != 1 else ''}:\n{lines}")


class RenderError(ArgmapError, RuntimeError):
    """A diagram could not be laid out or written."""
