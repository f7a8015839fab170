"""CF2 and stage2 reasoning that follows what each component is left with, not every choice.

Both semantics are SCC-recursive (Baroni, Giacomin and Guida 2005): the strongly connected
components are taken in topological order, each loses the arguments that the members chosen in
earlier components attack, and what is left of it is solved recursively, down to the base
semantics (naive for CF2, stage for stage2) on a single component. A component's choice reaches
the later ones only through the arguments it attacks there. So the search here keeps, after
each component, the distinct sets of later arguments beaten so far (its *states*), each with
one choice that leads to it, and never the choices themselves: where thousands of extensions
upstream leave a component the same few sets of arguments, those few are all it meets.

What a component passes on is read off its *outcomes*: the distinct sets that its extensions
hold of the members attacking outside it, each with one whole extension. On a single component
these come from a SAT search, one call per outcome: under naive semantics for conflict-free
sets that leave every other such member in conflict with them, under stage semantics from the
loop that finds a stage extension under a constraint, asked each time for an outcome not found
before. Acceptance then needs each component's base acceptance once per set it is left with,
and a credulous or sceptical query about one argument needs the states of its cone alone.
Both first take out the grounded part (:func:`~argmap.semantics.engine.grounded_reduct`).
"""

from __future__ import annotations

from argmap.semantics import counting, engine, split
from argmap.semantics.deadline import check_deadline
from argmap.semantics.sat import Encoding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from argmap.framework import Framework

    Extension = frozenset[str]
    # one outcome: what the extensions hold of the arguments asked about, with one of them
    Outcome = tuple[Extension, Extension]

__all__ = ["Search", "needed_first"]

_BASE = {"CF2": "NA", "STG2": "STG"}

#: The states acceptance keeps after one component before it turns to one query per argument
#: (:meth:`Search._accepted_by_queries`), counted as they are found. The states multiply where
#: many components choose independently of each other (76,800 after one component of the
#: 1,000-argument Barabási–Albert benchmark framework) or where one large component has many
#: outcomes (over 80,000 for the 856-argument component of ER-1000). Queries do better as soon
#: as the states grow: on the 1,000-argument benchmark frameworks, cf2 acceptance with this
#: limit at 100 takes 0.85 s (credulous) and 0.31 s (sceptical) on Erdős–Rényi, 0.70 s and
#: 0.55 s on the grid and 0.12 s and 0.06 s on the stable family, against 4.2 s, 3.7 s,
#: 8.3 s, 8.4 s, 0.84 s and 0.84 s with 10,000, and stage2 on the grid 1.4 s and 1.3 s, past
#: 30 s with 10,000. With no states at all, the smallest frameworks paid for queries a few
#: states settle (stage2 on grounded-100, 0.10 s against nothing).
STATES_AT_MOST = 100


#: Naive extensions of one component listed, when counting, before each outcome is counted by
#: the model counter instead.
LISTED_BEFORE_COUNTING = 10_000


class _TooManyStates(Exception):
    """More states after one component than :data:`STATES_AT_MOST`."""


class Search:
    """CF2 or stage2 reasoning over one framework and every framework induced by it on the way.

    What is found about a framework is kept, keyed by its arguments (every framework met is
    induced by the first, so its arguments name it): the outcomes of each set of arguments a
    component is left with are searched once however many choices leave it that set.
    """

    def __init__(self, code: str) -> None:
        self.code = code
        self.base = _BASE[code]
        self._outcomes: dict[tuple[Extension, Extension], engine._Replay] = {}
        self._accepted: dict[tuple[Extension, bool], Extension] = {}
        self._grouped_memo: dict[tuple[Extension, Extension], dict[Extension, int]] = {}

    # -- outcomes --------------------------------------------------------------------------
    def outcomes(self, af: Framework, keep: Extension) -> Iterator[Outcome]:
        """Each distinct ``extension & keep`` over the extensions of ``af``, with one such
        extension, streamed: the first comes before the rest are searched for."""
        key = (af.arguments, keep)
        if key not in self._outcomes:
            self._outcomes[key] = engine._Replay(self._search_outcomes(af, keep))
        return iter(self._outcomes[key])

    def _search_outcomes(self, af: Framework, keep: Extension) -> Iterator[Outcome]:
        parts = split.components(af, range(len(af)))
        if len(parts) > 1:
            yield from self._outcomes_by_parts(af, parts, keep)
        elif len(af) <= 1:
            lone = _lone(af)
            yield lone & keep, lone
        elif not keep:
            yield frozenset(), self._any(af)
        elif self.base == "NA":
            yield from _naive_outcomes(af, keep)
        else:
            yield from _stage_outcomes(af, keep)

    def first(self, af: Framework) -> Extension:
        """One extension, the first of the SCC-recursive schema with one extension of the
        base semantics taken for each component (a naive one grown without a solver)."""

        def one(single: Framework) -> list[Extension]:
            return [_lone(single) if len(single) <= 1 else self._any(single)]

        return next(engine.scc_recursive_with(af, one))

    def _any(self, af: Framework) -> Extension:
        if self.base == "NA":
            return engine.grow_naive(af, ())
        found = engine.find(af, self.base, ())
        assert found is not None  # every framework has a stage extension
        return found

    def _outcomes_by_parts(
        self, af: Framework, parts: list[list[int]], keep: Extension
    ) -> Iterator[Outcome]:
        every = 2 ** len(keep)
        for found, (_, kept, chosen) in enumerate(self._paths(af, parts, keep), 1):
            yield kept, chosen  # at the end nothing is beaten: states differ in what is kept
            if found == every:  # every subset of keep met: nothing more to find
                return

    def _paths(
        self,
        af: Framework,
        parts: list[list[int]],
        keep: Extension,
        needs: Mapping[str, bool] | None = None,
    ) -> Iterator[tuple[frozenset[int], Extension, Extension]]:
        """Depth first over the states after each of ``parts`` (components of ``af`` in
        topological order), each state met once: for each distinct state after the last, the
        arguments beaten, what is kept of ``keep``, and one choice that leads there. Each
        component's outcomes are drawn as the search goes, so the first state after the last
        comes after one outcome per component. With ``needs`` (arguments of ``keep``, each
        True for held), only choices that meet them are followed."""
        seen: set[tuple[int, frozenset[int], Extension]] = set()
        nothing: Extension = frozenset()
        stack = [(nothing, nothing, self._steps(af, parts[0], frozenset(), keep, needs))]
        while stack:
            kept, chosen, steps = stack[-1]
            step = next(steps, None)
            if step is None:
                stack.pop()
                continue
            projection, extension, beaten = step
            state = (len(stack), beaten, kept | projection)
            if state in seen:
                continue
            seen.add(state)
            if len(stack) == len(parts):
                yield beaten, kept | projection, chosen | extension
            else:
                after = self._steps(af, parts[len(stack)], beaten, keep, needs)
                stack.append((kept | projection, chosen | extension, after))

    def _steps(
        self,
        af: Framework,
        part: Sequence[int],
        beaten: frozenset[int],
        keep: Extension,
        needs: Mapping[str, bool] | None = None,
    ) -> Iterator[tuple[Extension, Extension, frozenset[int]]]:
        """For each outcome of what ``beaten`` leaves of ``part``: what it holds of ``keep``,
        one extension with it, and the later arguments beaten after it; with ``needs``, only
        the outcomes that meet those of them in ``part``."""
        if needs:
            names = af.sorted_arguments
            asked = [(names[i], needs[names[i]]) for i in part if names[i] in needs]
            for step in self._steps(af, part, beaten, keep):
                if all((name in step[1]) == wanted for name, wanted in asked):
                    yield step
            return
        check_deadline()
        index, names, targets = af.index, af.sorted_arguments, af.targets_of
        inside = set(part)
        left = [i for i in part if i not in beaten]
        ahead = frozenset(j for j in beaten if j not in inside)
        if len(left) == 1 and left[0] not in af.attackers_of[left[0]]:
            member = frozenset([names[left[0]]])  # its own one extension: no search
            yield member & keep, member, ahead | frozenset(targets[left[0]]) - inside
            return
        if len(left) <= 1:
            yield frozenset(), frozenset(), ahead
            return
        passing = frozenset(names[i] for i in left if any(j not in inside for j in targets[i]))
        mine = frozenset(names[i] for i in left) & keep
        for projection, extension in self.outcomes(split.induced(af, left), passing | mine):
            hits = {j for name in projection & passing for j in targets[index[name]]}
            yield (
                projection & keep,
                extension,
                ahead | frozenset(j for j in hits if j not in inside),
            )

    # -- counting --------------------------------------------------------------------------
    def count(self, af: Framework) -> int:
        """The number of extensions: the grounded IN arguments are in every one, and the
        parts that no attack joins of what grounded leaves open combine freely
        (:func:`~argmap.semantics.engine.grounded_reduct`), so the parts' numbers multiply.
        Within a part the components are taken in topological order, keeping for each state
        the number of choices that lead to it (:meth:`_weighted_steps`)."""
        total = 1
        for part in split.open_parts(af)[1]:
            total *= self._count_part(split.induced(af, part))
        return total

    def _count_part(self, af: Framework) -> int:
        parts = split.components(af, range(len(af)))
        if len(parts) == 1:
            return engine.count(af, self.base)
        ways: dict[frozenset[int], int] = {frozenset(): 1}
        for part in parts:
            check_deadline()
            after: dict[frozenset[int], int] = {}
            for beaten, number in ways.items():
                for state, times in self._weighted_steps(af, part, beaten, frozenset()):
                    after[state[0]] = after.get(state[0], 0) + number * times
            ways = after
        return sum(ways.values())

    def _weighted_steps(
        self, af: Framework, part: Sequence[int], beaten: frozenset[int], keep: Extension
    ) -> Iterator[tuple[tuple[frozenset[int], Extension], int]]:
        """For what ``beaten`` leaves of ``part``: each distinct pair of the later arguments
        beaten after it and what it holds of ``keep``, with the number of its extensions
        that lead there."""
        index, names, targets = af.index, af.sorted_arguments, af.targets_of
        inside = set(part)
        left = [i for i in part if i not in beaten]
        ahead = frozenset(j for j in beaten if j not in inside)
        if len(left) == 1 and left[0] not in af.attackers_of[left[0]]:
            member = frozenset([names[left[0]]])
            yield (ahead | frozenset(targets[left[0]]) - inside, member & keep), 1
            return
        if len(left) <= 1:
            yield (ahead, frozenset()), 1
            return
        passing = frozenset(names[i] for i in left if any(j not in inside for j in targets[i]))
        mine = frozenset(names[i] for i in left) & keep
        grouped = self._grouped(split.induced(af, left), passing | mine)
        merged: dict[tuple[frozenset[int], Extension], int] = {}
        for projection, times in grouped.items():
            hits = {j for name in projection & passing for j in targets[index[name]]}
            state = (ahead | frozenset(j for j in hits if j not in inside), projection & keep)
            merged[state] = merged.get(state, 0) + times
        yield from merged.items()

    def _grouped(self, af: Framework, keep: Extension) -> dict[Extension, int]:
        """How many extensions of ``af`` hold each set of ``keep`` that some extension holds:
        on a single component from its extensions listed, otherwise component by component,
        as :meth:`_count_part` does, keeping what the choices hold of ``keep``."""
        key = (af.arguments, keep)
        if key in self._grouped_memo:
            return self._grouped_memo[key]
        parts = split.components(af, range(len(af)))
        grouped: dict[Extension, int] = {}
        if len(parts) == 1:
            grouped = self._grouped_single(af, keep)
        else:
            nothing: Extension = frozenset()
            ways: dict[tuple[frozenset[int], Extension], int] = {(frozenset(), nothing): 1}
            for part in parts:
                check_deadline()
                after: dict[tuple[frozenset[int], Extension], int] = {}
                for (beaten, kept), number in ways.items():
                    for (state, held), times in self._weighted_steps(af, part, beaten, keep):
                        pair = (state, kept | held)
                        after[pair] = after.get(pair, 0) + number * times
                ways = after
            for (_, kept), number in ways.items():
                grouped[kept] = grouped.get(kept, 0) + number
        self._grouped_memo[key] = grouped
        return grouped

    def _grouped_single(self, af: Framework, keep: Extension) -> dict[Extension, int]:
        """:meth:`_grouped` on a single component: its extensions listed, or, past
        :data:`LISTED_BEFORE_COUNTING` naive ones and with the model counter installed, each
        outcome (:func:`_naive_outcomes`) counted by it with the outcome's part of ``keep``
        held and the rest lacked: naive extensions are counted as conflict-free sets in
        conflict with every argument outside, which those fixed arguments only narrow."""
        grouped: dict[Extension, int] = {}
        for listed, extension in enumerate(engine.iterate(af, self.base), 1):
            check_deadline()
            grouped[extension & keep] = grouped.get(extension & keep, 0) + 1
            if listed == LISTED_BEFORE_COUNTING and self.base == "NA" and counting.available():
                index = af.index
                return {
                    projection: counting.count_extensions(
                        af, "NA", [(index[name], name in projection) for name in keep]
                    )
                    for projection, _ in _naive_outcomes(af, keep)
                }
        return grouped

    # -- queries ---------------------------------------------------------------------------
    def left_for(
        self, af: Framework, parts: list[list[int]], needs: Mapping[str, bool] | None = None
    ) -> Iterator[tuple[frozenset[int], Extension]]:
        """For the last of ``parts`` (the components of ``af`` in topological order): each
        distinct set of its members that the extensions of the others leave it, with one of
        those extensions; depth first, the first set found after one choice per component.
        With ``needs`` (arguments of the other components, each True for held), only the
        extensions that meet them."""
        *upstream, own = parts
        keep = frozenset(needs) if needs else frozenset()
        for beaten, _, chosen in self._paths(af, upstream, keep, needs):
            yield frozenset(i for i in own if i not in beaten), chosen

    def meeting(self, af: Framework, needs: Mapping[str, bool]) -> Extension | None:
        """An extension that holds each argument ``needs`` maps to True and lacks each one it
        maps to False, or None; depth first over the states, keeping to the needs."""
        parts = split.components(af, range(len(af)))
        for _, _, chosen in self._paths(af, parts, frozenset(needs), needs):
            return chosen
        return None

    def accepted(self, af: Framework, credulous: bool) -> Extension:
        """The arguments in some extension (``credulous``) or in every one.

        The grounded IN arguments are in every extension, and each part that no attack joins
        of what grounded leaves open is accepted on its own
        (:func:`~argmap.semantics.engine.grounded_reduct`). Within a part, component by
        component: an argument of a component is in some (every) extension exactly when it
        is in some (every) extension of what some (every) state leaves the component. Every
        framework has a CF2 and a stage2 extension, so no state is empty.
        """
        key = (af.arguments, credulous)
        if key in self._accepted:
            return self._accepted[key]
        fixed, parts = split.open_parts(af)
        names = af.sorted_arguments
        found = {names[i] for i in fixed}
        for part in parts:
            found |= self._accepted_part(split.induced(af, part), credulous)
        self._accepted[key] = frozenset(found)
        return self._accepted[key]

    def _accepted_part(self, af: Framework, credulous: bool) -> Extension:
        parts = split.components(af, range(len(af)))
        if len(parts) > 1:
            try:
                return self._accepted_by_parts(af, parts, credulous)
            except _TooManyStates:
                return self._accepted_by_queries(af, credulous)
        from argmap.semantics import acceptance

        find = acceptance.credulously_accepted if credulous else acceptance.sceptically_accepted
        return find(af, self.base)

    def _accepted_by_parts(
        self, af: Framework, parts: list[list[int]], credulous: bool
    ) -> Extension:
        found: set[str] = set()
        states: set[frozenset[int]] = {frozenset()}
        for level, part in enumerate(parts):
            check_deadline()
            lefts = {frozenset(i for i in part if i not in beaten) for beaten in states}
            here = [
                _lone(split.induced(af, sorted(left)))
                if len(left) <= 1
                else self.accepted(split.induced(af, sorted(left)), credulous)
                for left in lefts
            ]
            found |= frozenset().union(*here) if credulous else frozenset.intersection(*here)
            if level < len(parts) - 1:
                following: set[frozenset[int]] = set()
                for beaten in states:
                    for _, _, after in self._steps(af, part, beaten, frozenset()):
                        following.add(after)
                        if len(following) > STATES_AT_MOST:
                            raise _TooManyStates
                states = following
        return frozenset(found)

    def _accepted_by_queries(self, af: Framework, credulous: bool) -> Extension:
        """:meth:`accepted` one argument at a time, each extension found settling all it
        holds (credulous) or ruling out all it lacks (sceptical)."""
        names = sorted(af.arguments)
        if credulous:
            held: set[str] = set()
            for name in names:
                if name not in held:
                    found = engine._find_in_cone(af, self.code, name, True, self)
                    held |= found or frozenset()
            return frozenset(held)
        from argmap.semantics import acceptance

        return acceptance._refine(
            names, (), lambda name: engine._find_in_cone(af, self.code, name, False, self)
        )


def needed_first(
    af: Framework, parts: list[list[int]], needs: Mapping[str, bool]
) -> list[list[int]]:
    """``parts`` (components in topological order) reordered so that the components holding
    a need, with every component that reaches them, come first, each group in its own order,
    which stays topological. A depth-first search over the states
    (:meth:`Search.left_for`) then meets a choice that fails the needs before it goes
    through the components that do not bear on them."""
    level = {i: k for k, part in enumerate(parts) for i in part}
    attackers, index = af.attackers_of, af.index
    wanted = {level[index[name]] for name in needs if index[name] in level}
    stack = list(wanted)
    while stack:
        for i in parts[stack.pop()]:
            for j in attackers[i]:
                above = level.get(j)
                if above is not None and above not in wanted:
                    wanted.add(above)
                    stack.append(above)
    first = [part for k, part in enumerate(parts) if k in wanted]
    return first + [part for k, part in enumerate(parts) if k not in wanted]


def _lone(af: Framework) -> Extension:
    """The one extension of a framework of at most one argument (naive and stage alike)."""
    return frozenset(a for a in af.arguments if not af.is_self_attacking(a))


def _naive_outcomes(af: Framework, keep: Extension) -> Iterator[Outcome]:
    """The distinct sets the naive extensions of ``af`` hold of ``keep``.

    Each model of the naive encoding (conflict-free, and every argument that does not attack
    itself in it or in conflict with a member) is a naive extension; after each, a clause
    over the members of ``keep`` blocks the set it holds of them. On the 856-argument
    component of the 1,000-argument Erdős–Rényi benchmark framework (74 members attack
    outside it) the first 10,000 outcomes take 1.5 s this way, against 2.1 s for
    conflict-free models that decide only ``keep``, each grown into a naive extension in
    Python."""
    index, names = af.index, af.sorted_arguments
    asked = sorted(index[name] for name in keep if not af.is_self_attacking(name))
    with Encoding(af, "cf") as encoding:
        var = encoding.in_var
        encoding.add_naive()
        while (model := encoding.solve()) is not None:
            extension = frozenset(names[i] for i in model.true_among(len(af)))
            yield extension & keep, extension
            held, missed = model.partition([var(p) for p in asked])
            encoding.add([*(-v for v in held), *missed])


def _stage_outcomes(af: Framework, keep: Extension) -> Iterator[Outcome]:
    """The distinct sets the stage extensions of ``af`` hold of ``keep``.

    The loop that finds a stage extension satisfying a constraint
    (:meth:`~argmap.semantics.sat.Encoding.maximal_models_towards`) is asked for one whose
    part of ``keep`` differs from every one found so far. That constraint is a conjunction of
    blocking clauses, one per outcome, and the loop takes one clause that may only narrow: so
    each outcome adds a fresh variable that implies the one before and its blocking clause,
    and the loop is asked for that variable. The implications bind nothing where the variable
    is false, so what is maximal among all conflict-free sets is not changed by them."""
    index = af.index
    asked = sorted(index[name] for name in keep)
    with Encoding(af, "cf", with_range=True, solver=engine.LOOP_SOLVER) as encoding:
        var = encoding.in_var
        narrowest = encoding.fresh()
        clause = [narrowest]
        models = encoding.maximal_models_towards("rng", lambda: clause)
        try:
            for model in models:
                if not model.satisfies(clause):
                    continue  # maximal, but its part of keep was met before
                extension = encoding.extension(model)
                yield extension & keep, extension
                held, missed = model.partition([var(p) for p in asked])
                narrower = encoding.fresh()
                encoding.add([-narrower, narrowest])
                encoding.add([-narrower, *(-v for v in held), *missed])
                narrowest = narrower
                clause = [narrowest] if asked else []
        finally:
            models.close()
