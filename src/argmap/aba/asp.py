"""Searching flat ABA frameworks with answer-set programming (clingo).

A guessed set S of assumptions derives atoms through the rules; that is a least fixed point,
which an ASP solver computes natively, cycles among the rules included, where a SAT encoding
would need loop clauses or a rewriting of the cycles. The programs follow the definitions:

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
    from collections.abc import Collection, Iterator, Sequence

    import clingo

    from argmap.aba.framework import ABAFramework

__all__ = ["SEARCHED", "count", "enumerate_sets", "find", "preferred_counterexample"]

_GUESS = """
#defined assumption/1. #defined contrary/2. #defined head/2. #defined body/2. #defined query/1.
in(X) :- assumption(X), not out(X).
out(X) :- assumption(X), not in(X).
derived(X) :- in(X).
derived(H) :- head(R, H), derived(B) : body(R, B).
attacked(X) :- contrary(X, Y), derived(Y).
:- in(X), attacked(X).
#show.
#show X : in(X).
"""
_DEFENDED = """
unattacked(X) :- assumption(X), not attacked(X).
derived_unattacked(X) :- unattacked(X).
derived_unattacked(H) :- head(R, H), derived_unattacked(B) : body(R, B).
undefended(X) :- contrary(X, Y), derived_unattacked(Y).
:- in(X), undefended(X).
"""
_COMPLETE = _DEFENDED + ":- out(X), not undefended(X).\n"
_STABLE = ":- out(X), not attacked(X).\n"
_MAXIMAL = "#heuristic in(X) : assumption(X). [1, true]\n"

_PROGRAMS = {
    "CF": _GUESS,
    "AD": _GUESS + _DEFENDED,
    "CO": _GUESS + _COMPLETE,
    "ST": _GUESS + _STABLE,
    "PR": _GUESS + _DEFENDED + _MAXIMAL,
}
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


def _control(aba: ABAFramework, program: str, query: str | None, options: list[str]) -> Search:
    import clingo  # imported on first use: the command starts faster without it

    control = clingo.Control(options, logger=lambda _code, _message: None)
    control.add("base", [], program + _facts(aba, query))
    check_deadline()
    control.ground([("base", [])])
    return Search(aba, control)


def _options(code: str, models: int) -> list[str]:
    """clingo's options: listing preferred sets uses the domain heuristics, which make every
    model listed subset-maximal among the admissible ones."""
    options = [str(models), "--project"]
    if code == "PR":
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    return options


class Search:
    """One clingo control over a framework's program, asked again and again."""

    def __init__(self, aba: ABAFramework, control: clingo.Control) -> None:
        self.aba = aba
        self.control = control
        self._parts = 0
        self._assumption_positions = sorted(aba.index[a] for a in aba.assumptions)

    def symbol(self, name: str, *numbers: int) -> clingo.Symbol:
        import clingo

        return clingo.Function(name, [clingo.Number(n) for n in numbers])

    def models(self, assumptions: Sequence[tuple[clingo.Symbol, bool]] = ()) -> Iterator[list[int]]:
        """The models' sets of assumptions, as atom positions. Past the time limit
        SolverTimeout is raised."""
        return read_models(
            self.control, lambda model: [s.number for s in model.symbols(shown=True)], assumptions
        )

    def holding(self, assumptions: Collection[str]) -> list[tuple[clingo.Symbol, bool]]:
        """Solver assumptions that the assumptions ``assumptions`` are in."""
        at = self.aba.index
        return [(self.symbol("in", at[a]), True) for a in assumptions]

    def first(self, assumptions: Sequence[tuple[clingo.Symbol, bool]] = ()) -> list[int] | None:
        for found in self.models(assumptions):
            return found
        return None

    def rule_out(self, positions: Sequence[int], *, once: bool = False) -> clingo.Symbol | None:
        """Add the constraint that some assumption outside ``positions`` be in; with
        ``once``, behind a fresh selector atom, returned, that holds it only while assumed."""
        self._parts += 1
        part = self._parts
        held = set(positions)
        body = [f"out({i})" for i in self._assumption_positions if i not in held]
        if once:
            body.insert(0, f"grow({part})")
        text = ":- " + (", ".join(body) or "#true") + ".\n"
        if once:
            text = f"#external grow({part}).\n" + text
        self.control.add(f"part{part}", [], text)
        self.control.ground([(f"part{part}", [])])
        return self.symbol("grow", part) if once else None

    def grown(self, positions: list[int]) -> list[int]:
        """A subset-maximal set among the models holding the assumptions at ``positions``
        (those of a model): each call either finds a larger one or proves there is none."""
        while True:
            check_deadline()
            if len(positions) == len(self.aba.assumptions):
                return positions
            selector = self.rule_out(positions, once=True)
            assert selector is not None
            # an external atom is false until assigned: as an assumption it could not hold
            self.control.assign_external(selector, True)
            larger = self.first([(self.symbol("in", i), True) for i in positions])
            self.control.release_external(selector)
            if larger is None:
                return positions
            positions = larger


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
    program = _PROGRAMS[searched]
    if query is not None:
        program += _DERIVES if derives else _AVOIDS
    search = _control(aba, program, query, _options(searched, 1))
    found = search.first(search.holding(held))
    if found is None:
        return None
    if code == "PR":
        found = search.grown(found)
    return _names(aba, found)


def larger_admissible(aba: ABAFramework, assumptions: frozenset[str]) -> frozenset[str] | None:
    """An admissible set strictly larger than ``assumptions``, or None."""
    search = _control(aba, _PROGRAMS["AD"], None, _options("AD", 1))
    search.rule_out([aba.index[a] for a in assumptions])
    found = search.first(search.holding(assumptions))
    return None if found is None else _names(aba, found)


def preferred_counterexample(
    aba: ABAFramework, query: str, *, held: Collection[str] = ()
) -> frozenset[str] | None:
    """A preferred set of assumptions that does not derive ``query``, or None if every
    preferred set derives it; ``held``, assumptions every preferred set holds."""
    from clingo import Function

    search = _control(aba, _PROGRAMS["AD"] + _AVOIDS_WHEN, query, _options("AD", 1))
    avoid = Function("avoid")
    target = aba.index[query]
    holding = search.holding(held)
    while True:
        check_deadline()
        search.control.assign_external(avoid, True)
        start = search.first(holding)
        if start is None:
            return None
        search.control.assign_external(avoid, False)
        preferred = search.grown(start)
        derived = aba._closure(preferred)
        if not derived[target]:
            return _names(aba, preferred)
        search.rule_out(preferred)


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
