"""Searching flat ABA frameworks with answer-set programming (clingo).

A guessed set S of assumptions derives atoms through the rules; that is a least fixed point,
which an ASP solver computes natively, cycles among the rules included, where a SAT encoding
would need loop clauses or a rewriting of the cycles. Where the rules have cycles, clingo
keeps that fixed point by checking unfounded sets, and on large frameworks whose cycles run
through most atoms those checks can make each conflict cost milliseconds. The same atoms are
then derived another way (Bomanson et al. 2016): each derived atom has a rule chosen as its
support, whose body is derived; the chosen rules, as edges from body to head, form no cycle,
which clingo's acyclicity constraint keeps; and every rule whose body is derived has its head
derived. The two programs have the same models, projected on the guess. Neither is faster
everywhere: a search for one set (a witness, a counterexample, a set grown to a preferred
one) starts with the least fixed points and, past 1,000 conflicts on a framework whose rules
have cycles, starts again with chosen supports, keeping what it had found: the preferred
sets a counterexample loop ruled out, the set a growing search had reached. Listing,
counting and finding every accepted atom keep the least fixed points. A budget of
conflicts rather than of seconds keeps the answer to a file the same from run to run. A
search for a set that must derive an atom first spends a few conflicts under clingo's domain
heuristic, deciding on the assumptions before any other atom and trying each out before in
(:meth:`Search.first_careful`). The programs follow the definitions:

* S derives its own members and the head of every rule whose body it derives;
* S attacks an assumption whose contrary it derives, and is conflict-free if it attacks
  none of its own members;
* S defends an assumption unless the assumptions that S does not attack derive its
  contrary (a set S does not attack lies within them, and derivation is monotone);
* admissible: conflict-free and every member defended; complete: also every defended
  assumption a member; stable: every assumption outside S attacked.

Preferred sets are the subset-maximal admissible ones: listed with clingo's domain
heuristics (Gebser et al. 2013), which make each model maximal; one of them is found by
growing an admissible set call by call until a call finds no larger one.
Sceptical preferred acceptance runs a counterexample-guided loop: an admissible set that
does not derive the atom, grown to a preferred one; if that one does not derive it either it
is the counterexample, else every subset of it is ruled out and the loop goes on.
Lehtonen, Wallner and Järvisalo (2021) solve flat ABA the same way, with ASP.

References
----------
Bomanson, J., Gebser, M., Janhunen, T., Kaufmann, B. and Schaub, T. (2016). Answer set
programming modulo acyclicity. Fundamenta Informaticae 147(1), 63-91.
Gebser, M., Kaufmann, B., Otero, R., Romero, J., Schaub, T. and Wanko, P. (2013).
Domain-specific heuristics in answer set programming. AAAI 2013.
Lehtonen, T., Wallner, J. P. and Järvisalo, M. (2021). Declarative algorithms and complexity
results for assumption-based argumentation. Journal of Artificial Intelligence Research 71.
"""

from __future__ import annotations

from argmap.semantics.asp import counted, read_models
from argmap.semantics.deadline import check_deadline

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Generator, Iterator, Sequence
    from typing import TypeVar

    import clingo

    from argmap.aba.framework import ABAFramework

    T = TypeVar("T")

__all__ = [
    "SEARCHED",
    "count",
    "enumerate_sets",
    "find",
    "preferred_counterexample",
    "sceptically_preferred",
]

_HEADER = """
#defined assumption/1. #defined contrary/2. #defined head/2. #defined body/2. #defined query/1.
in(X) :- assumption(X), not out(X).
out(X) :- assumption(X), not in(X).
#show.
#show X : in(X).
"""
_CONFLICT_FREE = """
attacked(X) :- contrary(X, Y), derived(Y).
:- in(X), attacked(X).
"""
_DEFENDED = """
unattacked(X) :- assumption(X), not attacked(X).
undefended(X) :- contrary(X, Y), derived_unattacked(Y).
:- in(X), undefended(X).
"""
_COMPLETE = ":- out(X), not undefended(X).\n"
_STABLE = ":- out(X), not attacked(X).\n"
_MAXIMAL = "#heuristic in(X) : assumption(X). [1, true]\n"
#: Under clingo's domain heuristic, which a search turns on for its first conflicts (see
#: :meth:`Search.first_careful`), decide on the assumptions before any other atom and try
#: each out before in: a set that must derive an atom is then built from the assumptions its
#: derivation and defence need. Under clingo's own heuristic these lines do nothing.
_CAREFUL = """#heuristic in(X) : assumption(X). [1, level]
#heuristic in(X) : assumption(X). [1, false]
"""


def _least(derived: str, start: str, _node: str) -> str:
    """The atoms ``start`` derives, as ``derived``: the least fixed point of the rules."""
    return f"""
{derived}(X) :- {start}(X).
{derived}(H) :- head(R, H), {derived}(B) : body(R, B).
"""


def _supported(derived: str, start: str, node: str) -> str:
    """The same atoms, each derived one by a rule chosen as its support, whose body is
    derived; the chosen rules' edges, from the body atoms that are not assumptions to the
    head, form no cycle (clingo's ``#edge``), and every rule whose body is derived has its
    head derived. ``node`` keeps the edges of two closures apart."""
    return f"""
{derived}(X) :- {start}(X).
{{ {derived}_by(R) }} :- head(R, _).
:- {derived}_by(R), body(R, B), not {derived}(B).
{derived}(H) :- {derived}_by(R), head(R, H).
:- head(R, H), not {derived}(H), {derived}(B) : body(R, B).
#edge ((B, {node}), (H, {node})) : {derived}_by(R), head(R, H), body(R, B), not assumption(B).
"""


def _programs(closure: Callable[[str, str, str], str]) -> dict[str, str]:
    guess = _HEADER + closure("derived", "in", "d") + _CONFLICT_FREE
    defended = _DEFENDED + closure("derived_unattacked", "unattacked", "u")
    return {
        "CF": guess,
        "AD": guess + defended,
        "CO": guess + defended + _COMPLETE,
        "ST": guess + _STABLE,
        "PR": guess + defended + _MAXIMAL,
    }


_PROGRAMS = _programs(_least)
_SUPPORTED_PROGRAMS = _programs(_supported)
#: The semantics these programs search.
SEARCHED = frozenset(_PROGRAMS)

#: What a query asks of the sets: to derive the atom, or not to.
_DERIVES = ":- query(Q), not derived(Q).\n"
_AVOIDS = ":- query(Q), derived(Q).\n"
#: Not to derive it while the atom ``avoid`` is assumed.
_AVOIDS_WHEN = "#external avoid.\n:- avoid, query(Q), derived(Q).\n"


def _facts(aba: ABAFramework, query: str | None) -> str:
    """The framework as facts over atom positions, in the order of the atoms: clingo's
    search follows the order of the program, so a fixed order gives a file the same answer
    whatever Python's string hashing did to the order of its sets."""
    at = aba.index
    parts = [f"assumption({at[a]})." for a in sorted(aba.assumptions, key=at.__getitem__)]
    parts += [f"contrary({at[a]},{at[c]})." for a, c in aba.contraries]
    for k, rule in enumerate(aba.rules):
        parts.append(f"head({k},{at[rule.head]}).")
        parts += [f"body({k},{at[b]})." for b in rule.body]
    if query is not None:
        parts.append(f"query({at[query]}).")
    return "\n".join(parts)


def _control(
    aba: ABAFramework,
    program: str,
    query: str | None,
    options: list[str],
    budget: int | None = None,
) -> Search:
    import clingo  # imported on first use: the command starts faster without it

    control = clingo.Control(options, logger=lambda _code, _message: None)
    control.add("base", [], program + _facts(aba, query))
    check_deadline()
    control.ground([("base", [])])
    return Search(aba, control, budget)


#: The conflicts a search over least fixed points may spend, over all its calls, on a
#: framework whose rules have cycles, before it is given up for supports (see the module).
LEAST_FIXED_POINT_CONFLICTS = 1000
#: The conflicts a search for a set deriving an atom spends with assumptions tried out
#: first, before clingo's own order takes over (see :meth:`Search.first_careful`).
CAREFUL_CONFLICTS = 100


class _OverBudget(Exception):
    """A search spent the conflicts it was given without an answer."""


def _portfolio(aba: ABAFramework, attempt: Callable[[dict[str, str], int | None], T]) -> T:
    """``attempt(programs, budget)`` with the least fixed points, and where the rules have
    cycles and that runs past :data:`LEAST_FIXED_POINT_CONFLICTS`, again with supports."""
    if not aba.cyclic:
        return attempt(_PROGRAMS, None)
    try:
        return attempt(_PROGRAMS, LEAST_FIXED_POINT_CONFLICTS)
    except _OverBudget:
        return attempt(_SUPPORTED_PROGRAMS, None)


def _options(code: str, models: int) -> list[str]:
    """clingo's options: listing preferred sets uses the domain heuristics, which make every
    model listed subset-maximal among the admissible ones."""
    options = [str(models), "--project"]
    if code == "PR":
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    return options


class Search:
    """One clingo control over a framework's program, asked again and again."""

    def __init__(
        self, aba: ABAFramework, control: clingo.Control, budget: int | None = None
    ) -> None:
        self.aba = aba
        self.control = control
        #: conflicts left to the calls, or None for no bound
        self.budget = budget
        # each assumption's in(X) atom as a program literal: constraints go to clingo's
        # backend, which adds them to the ground program without grounding a part for each
        # (on a framework of 5,000 atoms a grounded part took 0.1 s, a backend rule 0.008 s)
        positions = sorted(aba.index[a] for a in aba.assumptions)
        self._in = {i: self._literal("in", i) for i in positions}

    def symbol(self, name: str, *numbers: int) -> clingo.Symbol:
        import clingo

        return clingo.Function(name, [clingo.Number(n) for n in numbers])

    def _literal(self, name: str, *numbers: int) -> int:
        atom = self.control.symbolic_atoms[self.symbol(name, *numbers)]
        assert atom is not None, f"{name}{numbers} is not in the ground program"
        return atom.literal

    def models(self, assumptions: Sequence[int] = ()) -> Iterator[list[int]]:
        """The models' sets of assumptions, as atom positions. Past the time limit
        SolverTimeout is raised; past the budget of conflicts, _OverBudget."""
        found = read_models(
            self.control, lambda model: [s.number for s in model.symbols(shown=True)], assumptions
        )
        return found if self.budget is None else self._budgeted(found)

    def _budgeted(self, found: Generator[list[int], None, None]) -> Iterator[list[int]]:
        import clingo

        assert self.budget is not None
        if self.budget <= 0:
            raise _OverBudget
        solve = self.control.configuration.solve
        assert isinstance(solve, clingo.Configuration)
        solve.solve_limit = str(self.budget)  # conflicts, per call
        any_model = False
        try:
            for model in found:
                any_model = True
                yield model
        finally:
            found.close()  # the statistics are read once the solve handle is closed
            statistics = self.control.statistics
            self.budget -= int(statistics["solving"]["solvers"]["conflicts"])
            exhausted = bool(statistics["summary"]["exhausted"])
            solve.solve_limit = "umax"  # a later call without a budget runs unbounded
        if not any_model and not exhausted:
            raise _OverBudget

    def holding(self, assumptions: Collection[str]) -> list[int]:
        """Solver assumptions that the assumptions ``assumptions`` are in."""
        at = self.aba.index
        return [self._in[at[a]] for a in assumptions]

    def first(self, assumptions: Sequence[int] = ()) -> list[int] | None:
        for found in self.models(assumptions):
            return found
        return None

    def first_careful(self, assumptions: Sequence[int] = ()) -> list[int] | None:
        """:meth:`first`, its first :data:`CAREFUL_CONFLICTS` conflicts spent under the
        domain heuristic with the lines of ``_CAREFUL`` (its program must hold them), the
        rest under clingo's own, which keeps what the first part learnt; the first part's
        conflicts are not counted against the search's budget. Neither order is faster
        everywhere: on dense frameworks of 5,000 atoms assumptions tried out first found a
        set deriving the query within 50 conflicts where clingo's order took over 700, or
        found none in 10 s; where no set derives the query clingo's order often proves it
        sooner."""
        import clingo

        solver = self.control.configuration.solver
        assert isinstance(solver, clingo.Configuration)
        own = solver.heuristic
        budget = self.budget
        self.budget = CAREFUL_CONFLICTS
        solver.heuristic = "domain"
        try:
            return self.first(assumptions)
        except _OverBudget:
            pass
        finally:
            solver.heuristic = own
            self.budget = budget
        return self.first(assumptions)

    def rule_out(self, positions: Sequence[int], *, once: bool = False) -> int | None:
        """Add the constraint that some assumption outside ``positions`` be in; with
        ``once``, behind a fresh selector atom, returned, that holds it only while assigned
        true."""
        from clingo import TruthValue

        held = set(positions)
        body = [-literal for i, literal in self._in.items() if i not in held]
        with self.control.backend() as backend:
            if not once:
                backend.add_rule([], body)
                return None
            selector: int = backend.add_atom()
            backend.add_external(selector, TruthValue.False_)
            backend.add_rule([], [selector, *body])
        return selector

    def grown(self, positions: list[int], trail: list[list[int]] | None = None) -> list[int]:
        """A subset-maximal set among the models holding the assumptions at ``positions``
        (those of a model): each call either finds a larger one or proves there is none.
        Each larger set is appended to ``trail``, if given."""
        while True:
            check_deadline()
            if len(positions) == len(self.aba.assumptions):
                return positions
            selector = self.rule_out(positions, once=True)
            assert selector is not None
            # an external atom is false until assigned: as an assumption it could not hold
            self.control.assign_external(selector, True)
            larger = self.first([self._in[i] for i in positions])
            self.control.release_external(selector)
            if larger is None:
                return positions
            positions = larger
            if trail is not None:
                trail.append(larger)

    def grown_avoiding(self, avoid: clingo.Symbol, holding: Sequence[int]) -> list[int] | None:
        """A set found while the external ``avoid`` holds (its constraints asked of the set,
        not of the sets it grows to), grown to a subset-maximal one; None if none is found."""
        self.control.assign_external(avoid, True)
        start = self.first(holding)
        self.control.assign_external(avoid, False)
        return None if start is None else self.grown(start)


def _names(aba: ABAFramework, positions: Sequence[int]) -> frozenset[str]:
    atoms = aba.atoms
    return frozenset(atoms[i] for i in positions)


def find(
    aba: ABAFramework,
    code: str,
    query: str | None,
    derives: bool,
    *,
    held: Collection[str] = (),
) -> frozenset[str] | None:
    """One ``code`` set of assumptions (in :data:`SEARCHED`) that derives ``query`` (or, with
    ``derives`` false, does not), or None; without a query, any one. Only sets holding the
    assumptions ``held`` are searched: the caller passes the grounded set where some wanted
    set holds it whenever any wanted set exists.

    For PR an admissible set is found, then grown call by call: a search with the
    heuristics that make its first model maximal took 30 s on a framework of 1,000 atoms
    where finding an admissible set and growing it took 4 s. Where the set must derive the
    query, growing keeps it deriving the query (derivation is monotone), so a preferred set
    deriving the query is found whenever an admissible one is. Not deriving the query is not
    kept by growing: :func:`preferred_counterexample` asks that.
    """
    if code == "PR" and query is not None and not derives:
        raise ValueError("a preferred set that does not derive an atom: preferred_counterexample")
    searched = "AD" if code == "PR" else code
    asked = "" if query is None else _DERIVES if derives else _AVOIDS
    careful = query is not None and derives and searched in ("AD", "CO")
    # the sets a growing search has found, largest last: a search started again grows on
    trail: list[list[int]] = []

    def attempt(programs: dict[str, str], budget: int | None) -> frozenset[str] | None:
        program = programs[searched] + asked + (_CAREFUL if careful else "")
        search = _control(aba, program, query, _options(searched, 1), budget)
        first = search.first_careful if careful else search.first
        found = trail[-1] if trail else first(search.holding(held))
        if found is None:
            return None
        if code == "PR":
            trail.append(found)
            found = search.grown(found, trail)
        return _names(aba, found)

    return _portfolio(aba, attempt)


def larger_admissible(aba: ABAFramework, assumptions: frozenset[str]) -> frozenset[str] | None:
    """An admissible set strictly larger than ``assumptions``, or None."""

    def attempt(programs: dict[str, str], budget: int | None) -> frozenset[str] | None:
        search = _control(aba, programs["AD"], None, _options("AD", 1), budget)
        search.rule_out([aba.index[a] for a in assumptions])
        found = search.first(search.holding(assumptions))
        return None if found is None else _names(aba, found)

    return _portfolio(aba, attempt)


def preferred_counterexample(
    aba: ABAFramework, query: str, *, held: Collection[str] = ()
) -> frozenset[str] | None:
    """A preferred set of assumptions that does not derive ``query``, or None if every
    preferred set derives it; ``held``, assumptions every preferred set holds."""
    from clingo import Function

    avoid = Function("avoid")
    target = aba.index[query]
    # preferred sets found to derive the query: a search started again rules them out first
    deriving: list[list[int]] = []

    def attempt(programs: dict[str, str], budget: int | None) -> frozenset[str] | None:
        search = _control(aba, programs["AD"] + _AVOIDS_WHEN, query, _options("AD", 1), budget)
        for positions in deriving:
            search.rule_out(positions)
        holding = search.holding(held)
        while True:
            check_deadline()
            preferred = search.grown_avoiding(avoid, holding)
            if preferred is None:
                return None
            derived = aba._closure(preferred)
            if not derived[target]:
                return _names(aba, preferred)
            deriving.append(preferred)
            search.rule_out(preferred)

    return _portfolio(aba, attempt)


def enumerate_sets(aba: ABAFramework, code: str) -> Iterator[frozenset[str]]:
    """Every ``code`` set of assumptions, each once."""
    search = _control(aba, _PROGRAMS[code], None, _options(code, 0))
    for found in search.models():
        yield _names(aba, found)


def count(aba: ABAFramework, code: str) -> int:
    """The number of ``code`` sets of assumptions, counted inside clingo."""
    return counted(_control(aba, _PROGRAMS[code], None, _options(code, 0)).control)


#: ``open(X)`` marks the atoms a round asks about; a model must derive one of them (credulous)
#: or fail to derive one (sceptical).
_SOME_OPEN_DERIVED = "some_open :- open(X), derived(X).\n:- not some_open.\n"
_SOME_OPEN_UNDERIVED = "some_open :- open(X), not derived(X).\n:- not some_open.\n"
#: The same, only while the atom ``avoid`` is assumed.
_SOME_OPEN_UNDERIVED_WHEN = (
    "#external avoid.\nsome_open :- open(X), not derived(X).\n:- avoid, not some_open.\n"
)


def _open_atoms(aba: ABAFramework) -> str:
    return "".join(f"#external open({i}).\n" for i in range(len(aba.atoms)))


def covering(
    aba: ABAFramework, code: str, start: Collection[int], *, derived: bool, held: Collection[str]
) -> Iterator[list[bool]]:
    """The derivations (atom position -> derived) of ``code`` sets holding ``held``, one a
    round, each deriving (``derived``) or failing to derive some atom of the open ones. The
    open atoms start as ``start``; a round closes those it settles (derived by a set, for
    credulous acceptance; not derived by one, for sceptical), until no set settles another.
    """
    rule = _SOME_OPEN_DERIVED if derived else _SOME_OPEN_UNDERIVED
    search = _control(aba, _PROGRAMS[code] + _open_atoms(aba) + rule, None, _options(code, 1))
    holding = search.holding(held)
    for i in start:
        search.control.assign_external(search.symbol("open", i), True)
    while True:
        check_deadline()
        found = search.first(holding)
        if found is None:
            return
        closure = aba._closure(found)
        yield closure
        for i, value in enumerate(closure):
            if value == derived:
                search.control.assign_external(search.symbol("open", i), False)


def sceptically_preferred(
    aba: ABAFramework, start: Collection[int], *, held: Collection[str] = ()
) -> set[int]:
    """The atoms at positions ``start`` that every preferred set derives; ``held``,
    assumptions every preferred set holds.

    One counterexample loop for all of them: an admissible set failing to derive some atom
    still open, grown to a preferred one, closes every open atom that one does not derive,
    and then derives all the open atoms left, so every subset of it is ruled out for all of
    them at once. When every admissible set failing to derive an open atom lies within a
    preferred set found, no preferred set fails to: one that did would lie within a preferred
    set found, so be that set (it is maximal), and those derive every open atom.
    """
    from clingo import Function

    avoid = Function("avoid")
    left = set(start)
    # preferred sets found, each deriving every atom still open: a search started again
    # rules them out first
    found: list[list[int]] = []

    def attempt(programs: dict[str, str], budget: int | None) -> None:
        program = programs["AD"] + _open_atoms(aba) + _SOME_OPEN_UNDERIVED_WHEN
        search = _control(aba, program, None, _options("AD", 1), budget)
        for positions in found:
            search.rule_out(positions)
        for i in left:
            search.control.assign_external(search.symbol("open", i), True)
        holding = search.holding(held)
        while left:
            check_deadline()
            preferred = search.grown_avoiding(avoid, holding)
            if preferred is None:
                return
            derived = aba._closure(preferred)
            for i in [i for i in left if not derived[i]]:
                left.discard(i)
                search.control.assign_external(search.symbol("open", i), False)
            found.append(preferred)
            search.rule_out(preferred)

    _portfolio(aba, attempt)
    return left
