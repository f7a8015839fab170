"""The SAT engine: one incremental encoding per framework, shared by every hard semantics.

Variables, for the argument at position ``i`` of ``af.sorted_arguments``:

* ``in(i)``: the argument is in the set;
* ``def(i)``: some member of the set attacks it (it is defeated, i.e. labelled OUT);
* ``rng(i)``: it is in the range ``S ∪ S+`` (only encoded for semi-stable and stage).

Bases are the polynomially checkable properties: conflict-free (``cf``), admissible (``ad``),
complete (``co``) and stable (``st``). The maximal semantics are maximisation loops over a base:
preferred maximises ``in`` over ``co``, naive maximises ``in`` over ``cf``, semi-stable and stage
maximise ``rng`` over ``co`` and ``cf``. Every complete-based encoding fixes the grounded
labelling in advance with unit clauses (Cerutti et al. 2014 call this pre-labelling) and
encodes the rest over the arguments it leaves undecided alone.

References
----------
Besnard, P. and Doutre, S. (2004). Checking the acceptability of a set of arguments. NMR.
Cerutti, F., Dunne, P. E., Giacomin, M. and Vallati, M. (2014). Computing preferred
extensions in abstract argumentation: a SAT-based approach. TAFA 2013, LNCS 8306.
Niskanen, A. and Järvisalo, M. (2020). µ-toksia: an efficient abstract argumentation
reasoner. KR 2020.
"""

from __future__ import annotations

from itertools import compress

from argmap.errors import SolverTimeout
from argmap.framework import Framework
from argmap.semantics.deadline import Alarm, check_deadline, limit_seconds, remaining
from argmap.semantics.satsolvers import Cadical, Glucose, SatSolver
from argmap.semantics.split import grounded_positions

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import (
        Callable,
        Collection,
        Container,
        Generator,
        Iterable,
        Iterator,
        Sequence,
    )
    from typing import Literal, TypeAlias

    Base: TypeAlias = Literal["cf", "ad", "co", "st"]
    Objective: TypeAlias = Literal["in", "rng"]

__all__ = [
    "CADICAL_COMPLETE_OPTIONS",
    "CADICAL_CONFLICT_FREE_OPTIONS",
    "CADICAL_ENUMERATION_OPTIONS",
    "Encoding",
    "semi_stable_exchange",
    "stage_exchange",
]

#: CaDiCaL's options for encodings over complete extensions (the loops of preferred and
#: semi-stable semantics): target phases in both of its search modes, not only the stable one.
#: Over three runs each, on the 30,000-argument Watts-Strogatz benchmark framework DC-SST took
#: 9.0 s in median against 12.5 s, DS-SST 8.9 s against 10.8 s and SE-SST 6.4 s against 7.6 s;
#: the other 30,000- and 5,000-argument frameworks moved within the noise, and on ER-1000
#: DS-SST went from 1.25 s to 1.6 s while DC-SST went from 1.5 s to 1.3 s. For stage semantics,
#: over conflict-free sets, the same option made WS-30000 20 to 30 % slower and ER-1000 two to
#: four times slower, so it is set for the complete base alone.
CADICAL_COMPLETE_OPTIONS = {"target": 2}

#: CaDiCaL's options for encodings over conflict-free sets (the loops of stage semantics): no
#: bounded variable elimination. Each round of a maximisation adds clauses under a fresh
#: guard, and elimination keeps resolving over them. On the 30,000-argument Watts-Strogatz
#: benchmark framework SE-STG and DC-STG took 1.7 s against 2.7 s as commands, and credulous
#: stage acceptance of six random arguments 1.6 to 1.7 s each against 2.6 to 2.7 s (one past
#: 20 s either way); the stage tasks on the other benchmark frameworks from 1,000 arguments
#: moved within the noise, and so did 40 random arguments of the 1,000-argument Erdős–Rényi
#: one. Without elimination on every CaDiCaL encoding, the stable and semi-stable tasks on
#: the 30,000-argument stable framework got slower (DS-SST 1.0 s to 1.6 s, SE-PR 1.7 s to
#: 2.2 s).
CADICAL_CONFLICT_FREE_OPTIONS = {"elim": 0}

#: CaDiCaL's options for encodings that enumerate extensions: no bounded variable
#: elimination. Enumeration adds a blocking clause per extension, over every argument left
#: out of it; elimination resolves such clauses pairwise, and its effort is not bounded by a
#: slice's conflicts. Enumerating the preferred extensions of the 30,000-argument stable
#: benchmark framework under a 10 s limit, one slice spent over 90 s eliminating variables,
#: so the limit was not honoured; without elimination the longest slice took 1.1 s. The ideal
#: extension's search on CaDiCaL adds a guarded clause per call, and on the 30,000-argument
#: Erdos-Renyi framework one slice of 1,043 conflicts spent 72 s eliminating; without
#: elimination the limit held (10.06 s under 10 s), and the two frameworks that search was
#: measured on (stable-30000 seeds 3 and 6) took as long as before.
CADICAL_ENUMERATION_OPTIONS = {"elim": 0}


class _Model:
    """A satisfying assignment, read as ``model[v]`` for variable ``v`` (True when set)."""

    __slots__ = ("_literals",)

    def __init__(self, literals: list[int]) -> None:
        self._literals = literals

    @property
    def literals(self) -> list[int]:
        """The solver's literals, one per variable in order (literal ``v - 1`` is ``±v``)."""
        return self._literals

    def __getitem__(self, var: int) -> bool:
        return var <= len(self._literals) and self._literals[var - 1] > 0

    def satisfies(self, clause: Sequence[int]) -> bool:
        return any(self[literal] if literal > 0 else not self[-literal] for literal in clause)

    def partition(self, variables: Sequence[int]) -> tuple[list[int], list[int]]:
        """``variables`` split into those set true and those set false, each in order.

        >>> _Model([1, -2, 3, -4]).partition(range(2, 5)), _Model([1, -2]).partition([2, 1, 3])
        (([3], [2, 4]), ([1], [2, 3]))
        """
        literals = self._literals
        size = len(literals)
        if type(variables) is range and variables.step == 1 and variables.stop <= size + 1:
            # a block of variables, as objective_vars gives it: read off its slice at once
            block = literals[variables.start - 1 : variables.stop - 1]
            return [v for v in block if v > 0], [-v for v in block if v < 0]
        true = [v for v in variables if v <= size and literals[v - 1] > 0]
        false = [v for v in variables if v > size or literals[v - 1] < 0]
        return true, false

    def true_among(self, count: int) -> list[int]:
        """The positions ``i < count`` whose variable ``i + 1`` is true (the members, for
        ``in`` variables)."""
        return [literal - 1 for literal in self._literals[:count] if literal > 0]


#: The share of a framework's arguments grounded must decide for a conflict-free encoding
#: with ranges to start from the grounded extension's range
#: (:meth:`Encoding._lean_to_wide_range`).
LEAN_SHARE = 0.5


class Encoding:
    """A SAT encoding of one framework under one base property, ready for incremental calls.

    Under a :func:`~argmap.semantics.deadline.time_limit`, a timer interrupts the running
    solver call at the deadline and :class:`SolverTimeout` is raised: never a partial answer.
    Use it as a context manager so the solver is freed. ``enumerating`` readies it for
    :meth:`enumerate` and :meth:`enumerate_maximal`, and for any long series of calls that
    each add clauses (see :data:`CADICAL_ENUMERATION_OPTIONS`).

    ``one_sided``, for the conflict-free base with ranges, encodes only that ``rng(i)``
    implies the argument is in the range, not the converse: one clause per attack fewer.
    A model may then leave ``rng`` false for an argument its set covers; :meth:`maximise`
    and :meth:`strictly_larger` read the range off the members instead, and the model
    :meth:`maximise` returns has its range exact. An ``enumerating`` encoding keeps both
    directions.
    In one process (medians of five, against both directions), one stage extension of the
    30,000-argument SCC benchmark framework took 0.32 s against 0.39 s and credulous stage
    acceptance of its middle argument 0.37 s against 0.50 s; on the 1,000-argument
    Erdős–Rényi framework 0.48 s against 0.54 s, on the 30,000-argument stable one 0.82 s
    against 0.77 s. Sceptical stage acceptance on the 1,000-argument SCC framework took
    2.6 s against 1.7 s, its loop meeting other models (7,449 calls against 5,434), so
    sceptical searches keep both directions.

    ``steer=False`` leaves the solver as it comes: none of the options above for the range
    loops, and no first call or branching towards a large range (:meth:`_lean_to_wide_range`),
    for a search that does better without them (:mod:`argmap.semantics.witness`).
    """

    def __init__(
        self,
        af: Framework,
        base: Base,
        *,
        with_range: bool = False,
        solver: type[SatSolver] = Glucose,
        enumerating: bool = False,
        one_sided: bool = False,
        steer: bool = True,
    ) -> None:
        self.af = af
        self.base = base
        self.n = n = len(af.sorted_arguments)
        # the variables come in blocks of n, each only where it is encoded: in, then def,
        # then rng, then fresh ones (see in_var)
        defined = base in ("ad", "co") or (base == "st" and with_range)
        self._rng_start = 2 * n if defined else n
        self.next_var = (self._rng_start + n if with_range else n + n * defined) + 1
        self.solver = solver()
        if isinstance(self.solver, Cadical) and steer:
            options = {
                **(CADICAL_COMPLETE_OPTIONS if base == "co" else {}),
                **(CADICAL_CONFLICT_FREE_OPTIONS if base == "cf" else {}),
                **(CADICAL_ENUMERATION_OPTIONS if enumerating else {}),
            }
            for name, value in options.items():
                self.solver.set_option(name, value)
        self._alarm: Alarm | None = None
        self._complete: int | None = None
        self._range_blocks: _Blocks | None = None
        self._coverers: list[tuple[int, ...]] | None = None
        self._one_sided = one_sided and base == "cf" and with_range and not enumerating
        self._encode(with_range)
        if with_range and not enumerating and base in ("co", "cf") and steer:
            try:
                self._lean_to_wide_range()
            except BaseException:
                self.close()
                raise

    def _lean_to_wide_range(self) -> None:
        """Start a semi-stable or stage search close to a large range.

        Semi-stable (complete base): the solver branches towards every argument in and every
        argument in range, so the first complete extension it finds already covers much and
        the maximisation has little left to do. On the 23,089 arguments grounded leaves open
        in the 30,000-argument Watts-Strogatz benchmark framework, the maximisation of one
        semi-stable extension took 47 solver calls against 1,106 (rounds that each added a
        few arguments to the range). Whole `argmap solve` processes there, three hash seeds
        each, both cores busy, without a time limit: SE-SST 2.0 to 2.3 s, DC-SST 7.0 to 7.7 s
        and DS-SST 7.0 to 8.8 s, against 19 to 21 s, 39 to 42 s and 30 to 40 s before; under
        a 20 s limit, which searches in slices, 3.7 to 4.0 s against 4.6 to 4.9 s, 5.9 to
        6.8 s against 6.6 to 8.0 s and 5.7 to 6.0 s against 6.7 to 8.7 s. On the
        1,000-argument Erdős–Rényi framework DC-SST went from 0.60 s to 0.41 s in one
        process; the other families moved within the noise. A first call then asks for any
        complete extension, and its model is forgotten, as for stage below: a query's own
        first call, which must also hold (or lack) the argument asked about, took 3.3 s cold
        on WS-30000 and 0.3 s after the 0.5 s of this one. DC-SST and DS-SST there took
        1.9 s against 4.8 s as commands, with or without a time limit; the semi-stable tasks
        on the other benchmark frameworks from 1,000 arguments moved within the noise.

        Stage (conflict-free base), where grounded decides at least half of the arguments
        (:data:`LEAN_SHARE`): a first call keeps the grounded extension's range in range, and
        its model is forgotten; the solver starts its next calls from the values this one
        ended with. The grounded extension is conflict-free, so the call is satisfiable, and
        every conflict-free set it leaves possible covers at least what grounded covers. On
        the 29,999-argument conflict part of the 30,000-argument SCC benchmark framework
        (grounded decides 90 % of it) the plain first call took 0.29 s and its model was
        grown in 15 rounds; after this call (0.10 to 0.15 s) the next is answered at once and
        its model grown in 5 rounds, to a larger range: one stage extension 0.64 s to 0.40 s,
        credulous stage acceptance of the middle argument 0.69 s to 0.42 s (in one process,
        medians of five). Starting from a greedy naive set instead made the call instant but
        its range smaller, and growing it took 270 rounds. Where grounded decides little, the
        values that call leaves mislead the search: credulous stage acceptance on the
        1,000-argument Erdős–Rényi framework (12 %) went from 0.54 s to 1.00 s.

        Stage, elsewhere: the solver branches towards every argument in range (not towards
        every argument in, which slowed Watts-Strogatz frameworks down). On WS-30000 (grounded
        decides 23 %), whole processes as above: SE-STG 3.7 to 4.6 s against 30 to 39 s
        without a limit and 2.3 to 2.8 s against 3.8 to 4.0 s under one, DC-STG 8.6 to 11.3 s
        against 39 to 40 s and 2.2 to 2.6 s against 3.5 to 4.0 s, DS-STG 3.0 to 4.0 s against
        39 to 42 s and 2.3 to 2.6 s against 3.3 to 4.1 s (each maximisation had
        crept up a few arguments a round, for 1,821 to 2,603 calls); ER-1000 moved by up to
        15 % either way, the other families within the noise. On the SCC framework above,
        the same branching made DC-STG 1.7 times slower than the grounded start.
        """
        n = self.n
        if self.base == "co":
            self.solver.set_phases([*range(1, n + 1), *self.objective_vars("rng")])
            self.solve()
            return
        in_, out = grounded_positions(self.af)
        if in_ and len(in_) + len(out) >= LEAN_SHARE * n:
            first = self.rng_var(0)
            self.solve([first + i for i in (*in_, *out)])
        else:
            self.solver.set_phases(list(self.objective_vars("rng")))

    # -- variables -------------------------------------------------------------------------
    def in_var(self, i: int) -> int:
        """Whether argument ``i`` is in the set. The ``def`` and ``rng`` variables follow,
        each block only where it is encoded, and the fresh ones after them: a solver
        decides every variable up to the largest, so a block left unused would be decided
        anew after every restart and read with every model (on the 30,000-argument
        Watts-Strogatz benchmark framework, 6.7 million decisions in the first call of a
        stage search)."""
        return i + 1

    def def_var(self, i: int) -> int:
        """Whether some member attacks argument ``i``. Encoded for the admissible and
        complete bases, and for the stable base with range variables: the conflict-free base
        never needs it, and in a stable extension it is the negation of ``in_var(i)``."""
        return self.n + i + 1

    def rng_var(self, i: int) -> int:
        """Whether argument ``i`` is in the set's range (encoded ``with_range`` only)."""
        return self._rng_start + i + 1

    def fresh(self) -> int:
        var = self.next_var
        self.next_var += 1
        return var

    # -- encoding --------------------------------------------------------------------------
    def _encode(self, with_range: bool) -> None:
        if self.base == "st" and not with_range:
            self._encode_stable()
            return
        if self.base == "cf":
            self._encode_conflict_free(with_range)
            return
        # the variables' numbering (in_var, def_var, rng_var) written out, and clauses added
        # through the bound adder: this loop makes several clauses per attack, and a method
        # call per literal and per clause made it 10-25 % slower on 30,000 arguments
        add = self.solver.clause_adder()
        n = self.n
        rows: Sequence[tuple[int, Sequence[int]]]
        if self.base in ("co", "st"):
            rows = self._fix_grounded(with_range)
        else:
            rows = list(enumerate(self.af.attackers_of))
        # whether an attack j -> i runs the other way too: j among the few targets of i
        targets = self.af.targets_of
        defends = self.base in ("ad", "co")
        complete = self.base == "co"
        rng_start = self._rng_start
        stable = self.base == "st"
        for i, row in rows:
            in_i, def_i = i + 1, n + i + 1
            # def(i) <-> OR of in(j) for attackers j
            add([-def_i, *[j + 1 for j in row]])
            add([-def_i, -in_i])  # implied by conflict-freeness; helps propagation
            for j in row:
                add([def_i, -1 - j])
                if j < i or (j != i and j not in targets[i]):
                    add([-in_i, -1 - j])
                elif j == i:
                    add([-in_i])
            if defends:
                for j in row:
                    # every attacker of a member is defeated; a symmetric attack needs no clause
                    if j != i and j not in targets[i]:
                        add([-in_i, n + 1 + j])
            if complete:
                add([in_i, *[-n - 1 - j for j in row]])
            if stable:
                add([in_i, def_i])
            if with_range:
                rng_i = rng_start + i + 1
                add([-rng_i, in_i, def_i])
                add([rng_i, -in_i])
                add([rng_i, -def_i])

    def _encode_conflict_free(self, with_range: bool) -> None:
        """Conflict-free sets over ``in`` variables, and with ``with_range`` their ranges:
        ``rng(i)`` holds exactly when the argument or one of its attackers is in. No ``def``
        variables: nothing asked of a conflict-free set speaks of them. On the
        30,000-argument SCC benchmark framework this leaves 180,000 clauses of 270,000."""
        add = self.solver.clause_adder()
        attackers, targets = self.af.attackers_of, self.af.targets_of
        if not with_range:
            for i, row in enumerate(attackers):
                for j in row:
                    if j < i or (j != i and j not in targets[i]):
                        add([-1 - i, -1 - j])
                    elif j == i:
                        add([-1 - i])
            return
        # the clause rng(i) -> in(i) or an attacker in is gathered on the way through the
        # row: the same clauses in the same order as a loop per kind, in 30 ms of Python
        # against 49 ms on the 30,000-argument SCC benchmark framework
        rng_i = self._rng_start
        both = not self._one_sided
        for i, row in enumerate(attackers):
            in_i = i + 1
            rng_i += 1
            covered = [-rng_i, in_i]
            for j in row:
                covered.append(j + 1)
                if j < i or (j != i and j not in targets[i]):
                    add([-in_i, -1 - j])
                elif j == i:
                    add([-in_i])
            add(covered)
            if both:
                add([rng_i, -in_i])
                for j in row:
                    add([rng_i, -1 - j])

    def _fix_grounded(self, with_range: bool = False) -> list[tuple[int, list[int]]]:
        """Fix every argument the grounded labelling decides, which every complete extension
        agrees with, by unit clauses on its variables, and return the rest: each undecided
        argument's position with its undecided attackers, the only ones left to encode.

        Clauses about the decided arguments would follow from the unit clauses: an undecided
        argument has no IN attacker, its OUT attackers are never in and always defeated, and
        so the conditions on it read the same over its undecided attackers alone (this is
        the grounded reduct of :mod:`argmap.semantics.split`). On the 30,000-argument
        benchmark frameworks that leaves from none of the attacks to encode (grounded
        family) to 84 % of them (grid).
        """
        in_, out = grounded_positions(self.af)
        add = self.solver.clause_adder()
        n = self.n
        definite = self.base == "co" or with_range  # the def variables are encoded
        open_ = bytearray(b"\x01") * n
        for i in in_:
            open_[i] = 0
            add([i + 1])
            if definite:
                add([-(n + i + 1)])
        for i in out:
            open_[i] = 0
            add([-(i + 1)])
            if definite:
                add([n + i + 1])
        if with_range:
            for i in (*in_, *out):
                add([self._rng_start + i + 1])
        attackers = self.af.attackers_of
        rows = ([j for j in row if open_[j]] for row in compress(attackers, open_))
        return list(zip(compress(range(n), open_), rows, strict=True))

    def _encode_stable(self) -> None:
        """Stable extensions over ``in`` variables alone: conflict-free, and every argument is
        in or has an attacker in. In a stable extension ``def(i)`` is ``not in(i)``, so the
        ``def`` variables are left out. On 16 single queries over four 30,000-argument
        frameworks of the stable benchmark family, Glucose answered in 0.98 s in median with
        this encoding and in 1.64 s with the general one (25 s against 38 s in all), though
        single queries vary widely either way (measured before the encoding was restricted
        to the undecided arguments and single stable queries moved to CaDiCaL)."""
        rows = self._fix_grounded()
        add = self.solver.clause_adder()
        targets = self.af.targets_of
        for i, row in rows:
            in_i = i + 1
            add([in_i, *[j + 1 for j in row]])
            for j in row:
                # a symmetric attack gives one clause, from the side of the larger position
                if j < i or (j != i and j not in targets[i]):
                    add([-in_i, -1 - j])
                elif j == i:
                    add([-in_i])

    def complete_when(self) -> int:
        """A variable that, assumed true, makes an admissible encoding complete: every
        argument all of whose attackers are defeated is in. Created on first use; clauses that
        hold only when it is assumed leave the admissible encoding as it was otherwise."""
        if self._complete is None:
            self._complete = guard = self.fresh()
            for i, row in enumerate(self.af.attackers_of):
                self.add([self.in_var(i), *(-self.def_var(j) for j in row), -guard])
        return self._complete

    # -- solving ---------------------------------------------------------------------------
    def close(self) -> None:
        if self._alarm is not None:
            self._alarm.cancel()  # after this the alarm cannot touch the solver
        self.solver.delete()

    def disarm(self) -> bool:
        """End the hold of the current time limit on the solver, so that a later call under
        another limit, or none, starts afresh. Returns whether the solver can still be used:
        not once the limit's alarm has interrupted it."""
        alarm, self._alarm = self._alarm, None
        if alarm is None:
            return True
        alarm.cancel()
        return not alarm.fired

    def __enter__(self) -> Encoding:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def solve(self, assumptions: Sequence[int] = ()) -> _Model | None:
        """A model as a list indexed by variable (index 0 unused), or None if unsatisfiable."""
        check_deadline()
        left = remaining()
        if left is not None and self._alarm is None:
            # the deadline interrupts whatever call is running when it comes
            self._alarm = Alarm(left, self.solver.interrupt)
        if self._alarm is not None:
            result = self.solver.solve_interruptible(list(assumptions), remaining)
            if result is None or self._alarm.fired:
                raise SolverTimeout(limit_seconds())
        else:
            result = self.solver.solve(list(assumptions))
        if not result:
            return None
        # pysat lists one literal per variable, in order: literal v-1 is +v or -v
        return _Model(self.solver.get_model())

    def solve_with(self, clause: Sequence[int], assumptions: Sequence[int] = ()) -> _Model | None:
        """:meth:`solve` with ``clause`` holding for this call alone."""
        guard = self._guard(clause)
        try:
            return self.solve([*assumptions, guard])
        finally:
            self.add([-guard])

    def solve_within(
        self, assumptions: Sequence[int], budget: int | None, clause: Sequence[int] = ()
    ) -> tuple[bool, _Model | None]:
        """:meth:`solve`, given up once the call has spent ``budget`` (``None``: no budget), in
        the solver's own steps: propagations for Glucose, conflicts for CaDiCaL. ``clause``,
        if given, holds for this call alone. Whether the call was decided, and the model if
        it was satisfiable."""
        if budget is None:
            model = self.solve_with(clause, assumptions) if clause else self.solve(assumptions)
            return True, model
        check_deadline()
        left = remaining()
        if left is not None and self._alarm is None:
            self._alarm = Alarm(left, self.solver.interrupt)
        guard = self._guard(clause) if clause else None
        assumed = [*assumptions] if guard is None else [*assumptions, guard]
        try:
            time_left = remaining if self._alarm is not None else None
            result = self.solver.solve_limited(assumed, budget, time_left)
            if self._alarm is not None and self._alarm.fired:
                raise SolverTimeout(limit_seconds())
            if result is None:
                # CaDiCaL stops slicing once the deadline has passed, maybe before the alarm
                # rings: that is not a budget spent
                check_deadline()
            # the model is read before the guard is retired: a new clause discards it
            return result is not None, _Model(self.solver.get_model()) if result else None
        finally:
            if guard is not None:
                self.add([-guard])

    def _guard(self, clause: Sequence[int]) -> int:
        """A fresh literal under which ``clause`` holds (add its negation to retire it)."""
        guard = self.fresh()
        self.add([*clause, -guard])
        return guard

    def add_naive(self) -> None:
        """On a conflict-free base: every argument that does not attack itself is in the set
        or in conflict with a member, so the models are the naive extensions."""
        attackers, targets = self.af.attackers_of, self.af.targets_of
        for i, row in enumerate(attackers):
            if i not in row:
                self.add([i + 1, *(j + 1 for j in {*row, *targets[i]})])

    def prefer(self, members: Collection[int]) -> None:
        """Make the solver branch towards these positions in and every other one out, from
        its next call on (both solvers follow a new preference at a later call too)."""
        chosen = members if isinstance(members, (set, frozenset)) else set(members)
        self.solver.set_phases([i + 1 if i in chosen else -(i + 1) for i in range(self.n)])

    def add(self, clause: Sequence[int]) -> None:
        self.solver.add_clause(clause)

    def _exact(
        self, model: _Model, objective: Objective, among: Iterable[int] | None = None
    ) -> _Model:
        """``model`` with every range variable of an argument its set covers set true (a
        one-sided encoding may leave some false). ``among``, if given, holds every range
        variable the model may set false: a caller that holds the others true says so, and
        only these are looked at."""
        if not self._one_sided or objective != "rng":
            return model
        literals, first = model.literals, self._rng_start
        if among is None:
            # the range variables set false come first in sorted order: sorting in C finds
            # the few of thousands quicker than a loop over all of them in Python
            among = []
            for literal in sorted(literals[first : first + self.n]):
                if literal > 0:
                    break
                among.append(-literal)
        if self._coverers is None:
            # for each argument, the indices in a model of the in variables of the argument
            # and its attackers, the members that would cover it
            self._coverers = [(i, *row) for i, row in enumerate(self.af.attackers_of)]
        coverers = self._coverers
        for v in among:  # plain loops: quicker than any() over a generator, called per model
            if literals[v - 1] < 0:
                for j in coverers[v - first - 1]:
                    if literals[j] > 0:
                        literals[v - 1] = v
                        break
        return model

    def objective_vars(self, objective: Objective) -> range:
        first = self.in_var(0) if objective == "in" else self.rng_var(0)
        return range(first, first + self.n)

    def extension(self, model: _Model) -> frozenset[str]:
        names = self.af.sorted_arguments
        return frozenset(names[i] for i in model.true_among(self.n))

    # -- maximisation ----------------------------------------------------------------------
    def maximise(
        self, model: _Model, objective: Objective, assumptions: Sequence[int] = ()
    ) -> _Model:
        """Grow ``model`` until no model has a strictly larger set of true objective variables
        (under ``assumptions``)."""
        grown, hold, _ = self._grow(model, objective, assumptions)
        self.add([-hold])
        return grown

    def _grow(
        self,
        model: _Model,
        objective: Objective,
        assumptions: Sequence[int],
        loose: int | None = None,
    ) -> tuple[_Model, int, _Model | None]:
        """:meth:`maximise`, and the guard literal under which the grown model's objective set
        is held and one more objective variable asked for: a call assuming the guard alone
        answers :meth:`strictly_larger` for that model without new clauses or variables. The
        caller retires the guard (adds its negation).

        ``loose``, one of ``assumptions``, is one a step may do without: each step asks first
        under the other assumptions alone, and a model that satisfies ``loose`` anyway is the
        step's; one that does not is kept, and the step asks again with ``loose``. The third
        value is then what the last step learnt of models strictly larger than the grown one
        under the other assumptions: the one it met, or None if there is none. Without
        ``loose`` it is None and says nothing.

        An objective variable once true stays true: a guarded clause holds it (range
        variables, by the blocks of :class:`_Blocks`, most of them), so each call assumes
        one guard literal rather than every variable won so far, and each round looks
        again only at the variables still false. The same guard asks for one of those to turn
        true: each round's clause implies the one before, so they may all stay. One fresh
        variable per maximisation, not one per call, matters because every model the solver
        returns lists every variable: credulous stage acceptance of argument 262 of the
        1,000-argument Watts-Strogatz benchmark framework made some 90,000 calls, and reading
        their models, which grew to some 100,000 variables, took 82 s of its 100 s of solver
        calls."""
        model = self._exact(model, objective)
        true, false = model.partition(self.objective_vars(objective))
        hold = self.fresh()
        add = self.solver.clause_adder()
        if objective == "rng":
            if self._range_blocks is None:
                self._range_blocks = _Blocks(self, self.objective_vars("rng"))
            self._range_blocks.hold(hold, false)
        else:
            for v in true:
                add([-hold, v])
        others = [literal for literal in assumptions if literal != loose]
        try:
            while false:
                add([*false, -hold])
                larger = self.solve([*others, hold])
                beyond = None
                if loose is not None and larger is not None and not larger.satisfies([loose]):
                    beyond, larger = larger, self.solve([*assumptions, hold])
                if larger is None:
                    return model, hold, beyond
                # the hold keeps every objective variable outside ``false`` true
                model = self._exact(larger, objective, false)
                won, false = model.partition(false)
                for v in won:
                    add([-hold, v])
        except BaseException:
            self.add([-hold])
            raise
        add([-hold])  # every objective variable is true: nothing is larger
        return model, hold, None

    def strictly_larger(self, model: _Model, objective: Objective) -> _Model | None:
        """A model whose objective set strictly contains that of ``model``, if any."""
        true, false = self._exact(model, objective).partition(self.objective_vars(objective))
        if not false:
            return None
        return self.solve_with(false, true)

    def enumerate(self, assumptions: Sequence[int] = ()) -> Iterator[_Model]:
        """Every model of the base (distinct in ``in``), blocking each one after it is found."""
        in_vars = self.objective_vars("in")
        while (model := self.solve(assumptions)) is not None:
            yield model
            self.add([-v if model[v] else v for v in in_vars])

    def enumerate_maximal(self, objective: Objective) -> Iterator[_Model]:
        """Every model whose objective set is maximal (by inclusion) among the base's models."""
        variables = self.objective_vars(objective)
        while (model := self.solve()) is not None:
            model = self.maximise(model, objective)
            top, rest = model.partition(variables)
            if objective == "in":
                yield model
            else:
                # several extensions can share one maximal range
                fixed = [*top, *(-v for v in rest)]
                yield from self.enumerate(fixed)
            if not rest:
                return
            self.add(rest)

    def find_maximal_with(self, constraint: Sequence[int], objective: Objective) -> _Model | None:
        """A model maximal among *all* base models whose ``in`` part satisfies ``constraint``
        (one clause over ``in`` variables), or None."""
        models = self.maximal_models_towards(objective, lambda: constraint)
        try:
            for model in models:
                if model.satisfies(constraint):
                    return model
            return None
        finally:
            models.close()

    def maximal_models_towards(
        self, objective: Objective, constraint: Callable[[], Sequence[int]]
    ) -> Generator[_Model, None, None]:
        """Models maximal among all base models, found while looking for one that satisfies
        ``constraint()``: a clause over ``in`` variables, asked again before each round. Each
        new clause must imply the previous one (the caller may only narrow it), and once a
        model that satisfies the clause is yielded, the caller must stop or narrow the clause
        so that the model no longer satisfies it. An empty clause ends the search, as does the
        lack of any further model.

        Each round takes a model that satisfies the clause and grows it to one maximal among
        those that do. If no model at all is strictly larger, that model is maximal and is
        yielded. Otherwise (but in stage searches, below) the larger model is grown to a
        maximal one, which is yielded, and every model below it is ruled out for the rounds to
        come: none of them satisfies the clause and is maximal, since the one grown was
        maximal among those satisfying it and lies strictly below; and as clauses only
        narrow, this stays so. Every round either rules out more or is answered by a
        narrower clause, so the search ends.

        For stage semantics (ranges over conflict-free sets) a round that meets a larger
        model also rules out every conflict-free set that a local exchange found between
        the two would enlarge (:func:`stage_exchange`): a clause of a few literals that
        holds wherever else those sets differ, and that the model itself fails, so that round
        rules out more even without the range clause; one such clause for each of the
        smallest :data:`EXCHANGE_CLAUSES` exchanges. Semi-stable semantics (ranges over
        complete extensions) rules out the same way every admissible set that the exchange
        would enlarge (:func:`semi_stable_exchange`). On the 1,000-argument SCC benchmark framework,
        sceptical stage acceptance of the middle argument took 1.5 s with the exchange and
        did not finish in 60 s without it: there the ranges nearly fall apart into local
        choices, and the loop went through their combinations. On one part made of an
        argument that another strictly range-dominates and ten binary choices, whether a
        semi-stable extension holds the argument took 4,099 solver calls without it and 7
        with it.

        With the exchange in place, the larger model of a stage search is neither grown nor
        yielded, and the range below it is not ruled out: those calls cost more than the
        clause saved. On the 5,000-argument SCC framework credulous stage acceptance of the
        middle argument took 5.3 s against 12.0 s (2,477 solver calls against 6,801); on the
        1,000-argument one, 0.82 s against 2.1 s for argument 461 and 0.70 s against 1.3 s
        for sceptical acceptance of the middle argument, and every credulously (sceptically)
        accepted argument at once 13.0 s against 25.4 s (9.9 s against 17.8 s). Semi-stable
        searches keep both: without them, every semi-stable-accepted argument of the
        1,000-argument Watts-Strogatz framework, found in 74 (credulous) and 297 (sceptical)
        solver calls with them, was not found within minutes.

        What a stage round does rule out besides, with no call, is every set whose range lies
        within the model's own (:meth:`_rule_out_below`). Many sets can share one range, and
        the exchange's clause names the member that covers each argument the exchange would
        lose, so a set covering it by another member escaped the clause and took a round of
        its own. On the 1,000-argument Watts-Strogatz framework, where every conflict-free
        set leaves only a few arguments out of its range, whether a stage extension holds
        argument 262 (it does not) took 11,468 rounds and 126 s against 16,758 rounds and
        230 s. On the SCC frameworks, whose ranges leave out some 40 to 100 arguments, the
        clause changed little: credulous acceptance of the middle argument of the
        5,000-argument one 7.1 s against 6.8 s, and sceptical acceptance of that of the
        1,000-argument one 0.75 s against 0.65 s (1,827 calls against 1,661).

        A round makes one fresh variable, where it made three; every model the solver returns
        lists every variable, so the rounds' models grew three times as fast. A clause of one
        literal (a query about one argument) is assumed as it is, and whether any model is
        strictly larger is asked under the guard of the round's own maximisation
        (:meth:`_grow`), where that call assumed every objective variable the model had true
        and guarded a clause over the rest. On 40 random arguments of the 1,000-argument
        Erdős–Rényi benchmark framework, credulous stage acceptance took 0.68 of the time in
        median (31.4 s against 33.0 s in all, 2,238 solver calls against 2,542), and the
        whole DC-STG process on the 30,000-argument Watts-Strogatz one, without a time limit,
        2.8 s against 6.2 s; the other ICCMA tasks on the benchmark frameworks from 1,000
        arguments moved within the noise.

        Each step of a round's growth asks first for a larger model under ``dominated``
        alone, the clause left out (``loose`` in :meth:`_grow`). A model that satisfies the
        clause anyway is the step's; one that does not is kept, and the step asks again with
        the clause. So when the growth ends, the round already knows a strictly larger model
        or that there is none, which took a call of its own after the growth. Leaving
        ``dominated`` in loses no larger model: what it rules out is either not maximal or
        lies within the range (objective set) of a maximal model yielded before, which the
        round's models escape, and every larger one with them; so above a larger model, if
        any, is a maximal one that ``dominated`` leaves. Whole processes under callgrind
        without a time limit, in billions of instructions: credulous stage acceptance on the
        1,000-argument Erdős–Rényi framework of argument 244 51.2 to 2.3, of 813 3.2 to 1.8,
        of 97 1.9 to 1.1, of 146 4.8 to 3.9, and on the Watts-Strogatz one of argument 190
        7.9 to 0.53; but sceptical of 227 on Erdős–Rényi 3.8 to 4.2, and credulous of 1285 on
        the 5,000-argument SCC framework, a NO after some 550 rounds, 25.9 to 32.5, where the
        larger models mostly lack the argument and a step takes two calls. Semi-stable
        acceptance of argument 432 on Erdős–Rényi moved by under 1 %. How long one query
        takes depends on its path: on renumbered copies some quick queries became slow, while
        the totals fell (docs/benchmarks.md).
        """
        rounds = self.rounds_towards(objective, constraint)
        try:
            for model in rounds:
                if model is not None:
                    yield model
        finally:
            rounds.close()

    def rounds_towards(
        self, objective: Objective, constraint: Callable[[], Sequence[int]]
    ) -> Generator[_Model | None, None, None]:
        """The search of :meth:`maximal_models_towards`, round by round: each maximal model
        it meets, and None for a round that met none, so that a caller can take turns with
        another search between rounds (:func:`argmap.semantics.witness.in_turns`)."""
        variables = self.objective_vars(objective)
        dominated = self.fresh()  # guards the clauses that rule out dominated models
        try:
            while clause := constraint():
                # one literal is assumed as it is; a longer clause holds under a guard
                guarded = len(clause) > 1
                wanted = self._guard(clause) if guarded else clause[0]
                model = self.solve([dominated, wanted])
                if model is not None:
                    # larger: a model strictly larger than the grown one, or None
                    model, hold, larger = self._grow(
                        model, objective, [dominated, wanted], loose=wanted
                    )
                if guarded:
                    self.add([-wanted])
                if model is None:
                    return
                self.add([-hold])
                if larger is None:
                    yield model
                    continue
                if objective == "rng":
                    self._rule_out_exchange(model, larger, dominated)
                    if self.base == "cf":
                        self._rule_out_below(model, dominated)
                        yield None
                        continue
                larger = self.maximise(larger, objective)
                self.add([*(v for v in variables if not larger[v]), -dominated])
                yield larger
        finally:
            self.add([-dominated])

    def _rule_out_exchange(self, model: _Model, larger: _Model, dominated: int) -> None:
        """Under ``dominated``, rule out every set that one of the smallest exchanges
        between ``model`` and the strictly larger ``larger`` would enlarge: one clause for
        each of the first :data:`EXCHANGE_CLAUSES` of :func:`_range_exchanges`."""
        exchanges = _range_exchanges(
            self.af,
            model.true_among(self.n),
            larger.true_among(self.n),
            admissible=self.base != "cf",
            covered=_SetTrue(self._range_literals(model)),
        )
        for holds, lacks in exchanges[:EXCHANGE_CLAUSES]:
            escape = [*(-self.in_var(i) for i in holds), *map(self.in_var, lacks)]
            self.add([*escape, -dominated])

    def _rule_out_below(self, model: _Model, dominated: int) -> None:
        """Under ``dominated``, rule out every set whose range lies within that of ``model``,
        which is known to be strictly dominated: each such set is dominated too. The clause
        asks for one argument ``model`` leaves out of its range (exact, from
        :meth:`_grow`); a one-sided encoding's range variable implies it is covered."""
        literals = self._range_literals(model)
        self.add([*(-literal for literal in literals if literal < 0), -dominated])

    def _range_literals(self, model: _Model) -> list[int]:
        """The literals ``model`` gives the range variables, in order of position."""
        first = self.rng_var(0)
        return model.literals[first - 1 : first - 1 + self.n]


#: How many of the arguments a larger range gains are each the start of an exchange
#: (:func:`stage_exchange`); the gains are few on the benchmark frameworks.
EXCHANGE_SEEDS = 32

#: How many exchanges a round of a stage or semi-stable search rules out, the smallest first
#: (:meth:`Encoding.maximal_models_towards`). Each is sound alone, and each rules out sets the
#: others may not. On 20 random arguments of the 1,000-argument SCC benchmark framework,
#: credulous and sceptical stage acceptance together took 1,186 rounds and 3.1 s against
#: 1,483 rounds and 3.7 s with the smallest exchange alone (in another trial, two a round
#: took 1,370 rounds and eight 1,269, where four took 1,229); on six arguments of the
#: Watts-Strogatz one, 74 rounds and 0.41 s against 247 and 0.75 s. DC-STG on the
#: 5,000-argument SCC framework, as a command, took 3.8 s against 4.7 s in medians of five
#: (419 rounds against 528); on ten arguments of the 1,000-argument Erdős–Rényi framework
#: the time moved within the noise. The 30,000-argument SCC framework's searches depend more
#: on their path: of 34 random arguments, sceptical stage acceptance made rounds on 12 and
#: ran past 30 s on 7 either way; of the other five, four took less time (5.0 s against
#: 9.3 s, 16.5 s against 20.7 s) and one, answered in 6.0 s and 134 rounds with the smallest
#: exchange alone, ran past 30 s (603 rounds and 24.4 s in a later run). That one is a
#: matter of path: taking the seeds in reverse order, the smallest exchange alone took 384
#: rounds there.
EXCHANGE_CLAUSES = 4


def stage_exchange(
    af: Framework, members: Collection[int], larger: Collection[int]
) -> tuple[set[int], set[int]]:
    """Given conflict-free sets ``members`` (S) and ``larger`` (T), as positions, with the
    range of T strictly larger than that of S: arguments S holds and arguments S lacks such
    that every conflict-free set S' holding the first and lacking the second is strictly
    range-dominated by another conflict-free set, so S' is no stage extension.

    The exchange is that of a set D of arguments where S and T differ: S' minus (S and D)
    plus (T and D). It enlarges the range of S' when S'

    * lacks every argument next to T and D outside D (the result stays conflict-free);
    * holds, for every argument that S and D hold or attack but T and D do not, a member of S
      outside D that holds or attacks it (nothing S' covers is lost);
    * lacks an argument y that T and D cover and S does not, and every attacker of y (y is
      gained).

    D starts from one member of T outside S that covers such a y and takes in only what the
    conditions need: the members of S next to what it puts in, and, for each argument its
    removals would lose, a member of T outside S that covers it. Such a member exists: T
    covers all that S covers, and a member of both never joins D (it is next to no member of
    T), so if one covers the argument, S' keeps it. Of the exchanges grown from the first
    :data:`EXCHANGE_SEEDS` gains, the one with the fewest conditions is taken: the fewer,
    the more sets its clause rules out.

    Exchanging whole clusters of differences instead (all within two attack steps of one
    another) asked for 18 conditions per clause in mean on the 1,000-argument SCC benchmark
    framework, against 10. Credulous stage acceptance there took 1,122 rounds and 8.0 s for
    argument 461, against 437 rounds and 2.5 s, and 28.9 s against 2.6 s for argument 262;
    every credulously (sceptically) accepted argument at once, more than 100 s against 28 s
    (20 s). The ICCMA tasks on the benchmark frameworks took the same time within the noise,
    but for sceptical stage acceptance on that SCC framework, 1.6 s against 2.3 s.
    """
    return _range_exchanges(af, members, larger, admissible=False)[0]


def semi_stable_exchange(
    af: Framework, members: Collection[int], larger: Collection[int]
) -> tuple[set[int], set[int]]:
    """:func:`stage_exchange` for admissible sets: given admissible sets ``members`` (S) and
    ``larger`` (T), as positions, with the range of T strictly larger than that of S:
    arguments S holds and arguments S lacks such that every admissible set S' holding the
    first and lacking the second is strictly range-dominated by another admissible set, so
    S' is no semi-stable extension.

    The exchange of D, under the stage conditions and one more, so that what it makes is
    admissible: every attacker x of a member of T and D that T and D do not attack is
    attacked by a member of S outside D, which S' holds. (T defends its members, so D takes
    in a member of T outside S that attacks x where no member of S outside D does.)

    The members of S' outside D need nothing more. Say one of them was defended against x
    only by a member w of S and D. Then x is not in T and D (S' lacks what T and D attack or
    are attacked by), so either T and D attack x, or, by the stage conditions, S' holds a
    member of S outside D that covers x, which attacks it (S' is conflict-free).
    """
    return _range_exchanges(af, members, larger, admissible=True)[0]


def _range_exchanges(
    af: Framework,
    members: Collection[int],
    larger: Collection[int],
    *,
    admissible: bool,
    covered: Container[int] | None = None,
) -> list[tuple[set[int], set[int]]]:
    """The exchanges of :func:`stage_exchange` or, if ``admissible``,
    :func:`semi_stable_exchange`, one grown from each of the first :data:`EXCHANGE_SEEDS`
    gains, with the fewest conditions first; none whose conditions include another's, which
    rules out all that it would. ``covered``, if given, is the range of ``members``, from a
    caller that knows the range of ``larger`` to contain it."""
    attackers, targets = af.attackers_of, af.targets_of
    mine, theirs = set(members), set(larger)
    new = theirs - mine

    def covers(group: Iterable[int]) -> set[int]:
        found = set(group)
        return found.union(*(targets[i] for i in found))

    def pick(options: Iterable[int], among: Container[int]) -> int:
        for z in options:
            if z in among:
                return z
        raise ValueError("the larger set does not cover (or defend) what the other does")

    contained = True
    if covered is None:
        covered = covers(mine)
        contained = covered <= covers(theirs)
    gained = sorted(x for x in covers(new) if x not in covered)
    if not gained or not contained:
        raise ValueError("the larger set's range does not strictly contain the other's")
    found: list[tuple[set[int], set[int]]] = []
    for y in gained[:EXCHANGE_SEEDS]:
        # what D puts in, what that takes out of S, what the first covers and the second did
        put_in: set[int] = set()
        taken_out: set[int] = set()
        reached: set[int] = set()
        lost: set[int] = set()
        kept = _Kept(mine, taken_out)
        wanted = {pick((y, *attackers[y]), new)}
        while wanted:  # put in what is wanted, then ask again what the conditions need
            put_in |= wanted
            for i in wanted:
                reached.add(i)
                reached.update(targets[i])
                for j in (*attackers[i], *targets[i]):
                    if j in mine and j not in taken_out:
                        taken_out.add(j)
                        lost.add(j)
                        lost.update(targets[j])
            needs = [(x, (x, *attackers[x])) for x in lost - reached]
            if admissible:
                needs += [(x, attackers[x]) for i in put_in for x in attackers[i]]
            needs = [(x, options) for x, options in needs if x not in reached]
            wanted = {pick(options, new) for _, options in needs if kept.isdisjoint(options)}
        # every need is now met by a member of S that stays
        holds = {pick(options, kept) for _, options in needs}
        lacks = {j for i in put_in for j in (*attackers[i], *targets[i]) if j not in mine}
        lacks = (lacks - put_in) | {y, *attackers[y]}
        found.append((holds, lacks))
    found.sort(key=lambda exchange: len(exchange[0]) + len(exchange[1]))
    chosen: list[tuple[set[int], set[int]]] = []
    for holds, lacks in found:
        if not any(held <= holds and lacked <= lacks for held, lacked in chosen):
            chosen.append((holds, lacks))
    return chosen


#: How many variables a block of :class:`_Blocks` starts with.
BLOCK_SIZE = 64


class _Blocks:
    """Guards that hold a block of variables true each, so that a clause per block, not per
    variable, holds all but a few of them true (:meth:`hold`).

    A range search holds nearly every range variable of each model it grows, and a model
    leaves out only a few, mostly the same from one round to the next. So the variables start
    in blocks of :data:`BLOCK_SIZE`, each under a guard that implies them. A variable that
    some model sets false leaves its block for good (the block is guarded anew without it)
    and is held alone from then on.

    Credulous stage acceptance of the middle argument of the 5,000-argument SCC benchmark
    framework (528 rounds, each holding some 4,900 of the range variables; 263 set aside in
    all) took 4.8 s against 8.5 s as a command, with one clause per variable held (medians
    of five, the two versions in turn).
    """

    def __init__(self, encoding: Encoding, variables: Iterable[int]) -> None:
        self._encoding = encoding
        self._guards: dict[int, list[int]] = {}  # guard -> the variables it holds
        self._guard_of: dict[int, int] = {}
        self._alone: set[int] = set()
        block: list[int] = []
        for v in variables:
            block.append(v)
            if len(block) == BLOCK_SIZE:
                self._guard(block)
                block = []
        if block:
            self._guard(block)

    def _guard(self, block: list[int]) -> None:
        guard = self._encoding.fresh()
        add = self._encoding.solver.clause_adder()
        for v in block:
            add([-guard, v])
            self._guard_of[v] = guard
        self._guards[guard] = block

    def hold(self, hold: int, false: Collection[int]) -> None:
        """Make ``hold`` imply every variable but those in ``false``."""
        add = self._encoding.solver.clause_adder()
        leaving = [v for v in false if v not in self._alone]
        self._alone.update(leaving)
        for guard in {self._guard_of.pop(v) for v in leaving}:
            add([-guard])  # retired: its clauses can go
            rest = [v for v in self._guards.pop(guard) if v not in self._alone]
            if rest:
                self._guard(rest)
        for guard in self._guards:
            add([-hold, guard])
        for v in self._alone.difference(false):
            add([-hold, v])


class _SetTrue:
    """The positions of a block of a model's variables that it sets true, as a set to ask
    about a few members of, without building it: ``literals`` is the block's slice."""

    __slots__ = ("_literals",)

    def __init__(self, literals: list[int]) -> None:
        self._literals = literals

    def __contains__(self, item: object) -> bool:
        return isinstance(item, int) and self._literals[item] > 0


class _Kept:
    """The members of a set that an exchange has not taken out, as a live view: the sets
    grow as the exchange does, where building the difference would cost a pass over the
    whole set each time."""

    __slots__ = ("_members", "_taken_out")

    def __init__(self, members: set[int], taken_out: set[int]) -> None:
        self._members, self._taken_out = members, taken_out

    def __contains__(self, item: object) -> bool:
        return item in self._members and item not in self._taken_out

    def isdisjoint(self, items: Iterable[int]) -> bool:
        members, taken_out = self._members, self._taken_out
        # over a handful of items a plain loop is quicker than set operations or all()
        for i in items:  # noqa: SIM110
            if i in members and i not in taken_out:
                return False
        return True
