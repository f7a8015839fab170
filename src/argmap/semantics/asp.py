"""Enumeration by answer-set programming: every extension, streamed from clingo.

Single queries go to the SAT engine (:mod:`argmap.semantics.sat`); enumerating many
extensions is where an ASP solver's built-in model enumeration is far faster than a loop of
SAT calls with blocking clauses (figures in docs/benchmarks.md). The programs are the classic
guess-and-check encodings of Egly, Gaggl and Woltran (2010); the subset-maximal semantics
(preferred over complete, naive over conflict-free) use clingo's domain heuristics, which
enumerate exactly the models whose ``in`` atoms are maximal by inclusion (Gebser et al. 2013),
and give one preferred extension of a large framework directly.

References
----------
Egly, U., Gaggl, S. A. and Woltran, S. (2010). Answer-set programming encodings for
argumentation frameworks. Argument & Computation 1(2).
Gebser, M., Kaufmann, B., Otero, R., Romero, J., Schaub, T. and Wanko, P. (2013).
Domain-specific heuristics in answer set programming. AAAI 2013.
"""

from __future__ import annotations

from argmap.errors import SolverTimeout
from argmap.framework import Framework
from argmap.semantics.deadline import Alarm, check_deadline, limit_seconds, remaining

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterator, Sequence
    from typing import TypeVar

    import clingo

    T = TypeVar("T")

__all__ = [
    "ENUMERATED",
    "count_extensions",
    "counted",
    "enumerate_extensions",
    "read_models",
]

_GUESS = """
#defined arg/1. #defined att/2.
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
#show.
#show X : in(X).
"""
_DEFENDED = ":- in(X), att(Y, X), not defeated(Y).\n"
_COMPLETE = _DEFENDED + (
    "undefended(X) :- att(Y, X), not defeated(Y).\n:- out(X), not undefended(X).\n"
)
_STABLE = ":- out(X), not defeated(X).\n"
_MAXIMAL = "#heuristic in(X) : arg(X). [1, true]\n"

_PROGRAMS = {
    "CF": _GUESS,
    "AD": _GUESS + _DEFENDED,
    "CO": _GUESS + _COMPLETE,
    "ST": _GUESS + _STABLE,
    "PR": _GUESS + _COMPLETE + _MAXIMAL,
    "NA": _GUESS + _MAXIMAL,
}
#: The semantics enumerated here.
ENUMERATED = frozenset(_PROGRAMS)


def _facts(af: Framework) -> str:
    """The framework as facts over argument positions, the attacks on each argument together,
    in the order of the arguments: clingo's search follows the order of the program, so a
    fixed order gives the same file the same answer, whatever Python's string hashing did to
    the order of its sets. Of the fixed orders tried, this one kept clingo's times within
    those of the orders hashing made: one preferred extension of the 30,000-argument stable
    benchmark framework took 3.7 s (1.7 to 4.0 s over three hash seeds before), where the
    attacks listed by attacker took 6.1 s."""
    parts = [f"arg({i})." for i in range(len(af))]
    parts += [f"att({i},{j})." for j, row in enumerate(af.attackers_of) for i in row]
    return "\n".join(parts)


def enumerate_extensions(af: Framework, code: str) -> Iterator[frozenset[str]]:
    """Every extension of ``af`` under ``code`` (one of :data:`ENUMERATED`), each once.

    Honours :func:`~argmap.semantics.deadline.time_limit`: the search is cancelled at the
    deadline and :class:`SolverTimeout` raised.
    """
    return _models(af, _PROGRAMS[code], _enumeration_options(code))


def _enumeration_options(code: str) -> list[str]:
    options = ["0", "--project"]
    if code in ("PR", "NA"):
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    return options


def count_extensions(af: Framework, code: str) -> int:
    """The number of extensions, counted inside clingo without building any of them."""
    return counted(_control(af, _PROGRAMS[code], _enumeration_options(code)))


def counted(control: clingo.Control) -> int:
    """How many models ``control`` has (as its options project and filter them), counted
    inside clingo; SolverTimeout past the time limit."""
    with control.solve(async_=True) as handle:
        left = remaining()
        if not handle.wait(None if left is None else max(left, 0.0)):
            handle.cancel()
            raise SolverTimeout(limit_seconds())
    return int(control.statistics["summary"]["models"]["enumerated"])


def _reader(af: Framework) -> Callable[[clingo.Model], frozenset[str]]:
    """Model -> the extension it shows. clingo's ``Model.symbols`` wraps every shown atom in a
    Python ``Symbol`` object, and reading its number is one more foreign call: on the
    100-argument benchmark grid, with 47,838 stable extensions, that took 1.1 s of 1.5 s
    spent past clingo's own search. The reader here copies a model's shown atoms into one
    buffer through the C functions that ``Model.symbols`` calls, and looks up their raw values
    in a table of the arguments' symbols: 0.35 s for the same models. Where this clingo's
    Python module lacks those functions, the public calls are used."""
    import clingo

    names = af.sorted_arguments
    if not hasattr(clingo.Number(0), "_rep"):  # pragma: no cover - a clingo without raw values
        return lambda model: frozenset([names[s.number] for s in model.symbols(shown=True)])
    name_of = {clingo.Number(i)._rep: name for i, name in enumerate(names)}.__getitem__

    def public(model: clingo.Model) -> frozenset[str]:
        return frozenset([name_of(symbol._rep) for symbol in model.symbols(shown=True)])

    try:
        from clingo._internal import _ffi, _lib  # type: ignore[attr-defined]

        shown = _lib.clingo_show_type_shown
        count, copy, unpack = _lib.clingo_model_symbols_size, _lib.clingo_model_symbols, _ffi.unpack
    except (ImportError, AttributeError):  # pragma: no cover - a clingo without them
        return public
    capacity = len(names)  # a model shows each argument at most once
    buffer = _ffi.new("clingo_symbol_t[]", max(capacity, 1))
    size = _ffi.new("size_t*")

    def read(model: clingo.Model) -> frozenset[str]:
        rep = model._rep
        if count(rep, shown, size) and size[0] <= capacity and copy(rep, shown, buffer, size[0]):
            return frozenset(map(name_of, unpack(buffer, size[0])))
        return public(model)  # raises clingo's own error, if there is one

    return read


def _control(af: Framework, program: str, options: list[str]) -> clingo.Control:
    import clingo  # imported on first use, like the SAT solver: the command starts faster

    control = clingo.Control(options, logger=lambda _code, _message: None)
    control.add("base", [], program + _facts(af))
    check_deadline()
    control.ground([("base", [])])
    return control


def _models(af: Framework, program: str, options: list[str]) -> Iterator[frozenset[str]]:
    """The models, as extensions. Past the time limit SolverTimeout is raised."""
    yield from read_models(_control(af, program, options), _reader(af))


def read_models(
    control: clingo.Control,
    read: Callable[[clingo.Model], T],
    assumptions: Sequence[tuple[clingo.Symbol, bool] | int] = (),
) -> Generator[T, None, None]:
    """``read`` of each model of ``control`` under the solver ``assumptions``, as found.
    Past the time limit the search is interrupted and SolverTimeout raised."""
    left = remaining()
    alarm = None if left is None else Alarm(left, control.interrupt)
    try:
        with control.solve(assumptions=list(assumptions), yield_=True) as handle:
            for model in handle:
                if alarm is not None and alarm.fired:
                    break
                check_deadline()
                yield read(model)
        if alarm is not None and alarm.fired:  # interrupted: what was found is not all there is
            raise SolverTimeout(limit_seconds())
    finally:
        if alarm is not None:
            alarm.cancel()
