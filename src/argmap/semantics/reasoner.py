"""Many queries on one framework: a :class:`Reasoner` keeps what each query builds.

Asking :func:`~argmap.semantics.accepted` about one argument after another builds the same
things again each time: the grounded labelling, the split of the framework, a SAT encoding of
the part that holds the argument. A reasoner builds each once, on first use, and keeps:

* the grounded labelling and the parts of the framework that grounded leaves open and no
  attack joins (their complete, preferred, stable and semi-stable extensions combine freely
  with the grounded extension: modularization, Baumann, Brewka and Ulbricht 2020), and for
  stage semantics the parts of the whole framework that no attack joins;
* one incremental encoding per part (admissible, with completeness behind a switch, for
  admissible, complete and preferred queries; stable for stable ones; a range encoding for
  semi-stable and stage queries on a part without stable extensions); the most recently
  used :data:`ENCODINGS_KEPT` are kept;
* for credulous admissible, complete and preferred queries, a dispute around the argument
  (:mod:`argmap.semantics.dispute`) before the encoding is asked, while disputes on the
  part decide (:class:`~argmap.semantics.engine.DisputeBudget`);
* every extension a query finds: it answers later queries about each of its members
  (credulous) and about each argument it lacks (sceptical) without a solver call;
* for semi-stable and stage semantics, once :data:`SWEEP_AFTER` questions on one part have
  each needed a search that found no extension, the answers for the whole part, from one
  sweep (:mod:`argmap.semantics.acceptance`), with every extension it meets;
* the unique extension of grounded, ideal and eager semantics, and the answers of
  :meth:`Reasoner.accepted_arguments`.

References
----------
Baumann, R., Brewka, G. and Ulbricht, M. (2020). Revisiting the foundations of abstract
argumentation: semantics based on weak admissibility and weak defense. AAAI 2020.
"""

from __future__ import annotations

from collections import OrderedDict

from argmap.errors import SolverTimeout
from argmap.framework import Framework
from argmap.semantics import acceptance, dispute, engine, split, strong
from argmap.semantics.deadline import time_limit
from argmap.semantics.registry import is_credulous, resolve_semantics
from argmap.semantics.sat import Encoding
from argmap.semantics.witness import find_stage

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from typing import TypeVar

    from argmap.semantics.api import Mode

    Extension = frozenset[str]
    T = TypeVar("T")

__all__ = ["ENCODINGS_KEPT", "SWEEP_AFTER", "Reasoner"]

#: Encodings a reasoner keeps at most; the least recently used goes first. Parts are
#: disjoint, so the encodings kept never hold more clauses than two whole-framework ones;
#: the bound limits the solvers' fixed cost on frameworks split into very many parts.
ENCODINGS_KEPT = 32

#: Searches that find no semi-stable (or stage) extension holding an argument, or none lacking
#: one, on a part of a reasoner's framework, after which the next such question on that part
#: is answered, with every other, by one sweep over the part (see
#: :mod:`argmap.semantics.acceptance`). Each such search is a proof over the whole part,
#: which a sweep shares: on the 4,026-argument part of the 5,000-argument Watts-Strogatz
#: benchmark framework, 1,762 of them took 24 s (credulous) and 653 took 58 s (sceptical),
#: and the sweeps 4.1 s and 2.7 s. Until then, a question costs no more than its search.
SWEEP_AFTER = 32

#: Semantics answered part by part: every extension is the grounded extension joined with
#: one extension of each open part.
_BY_PARTS = ("AD", "CO", "PR", "ST")


class _Found:
    """The extensions met so far for one question (one semantics on one part or on the
    whole framework), indexed by the arguments they hold and lack, and the arguments known
    to be in every extension or in none. For sceptical preferred queries a lacking argument
    may instead map to an admissible set that no preferred extension holding it contains."""

    __slots__ = ("first", "holding", "in_all", "in_none", "lacking", "proved", "swept")

    def __init__(self) -> None:
        self.first: Extension | None = None
        self.holding: dict[str, Extension] = {}
        self.lacking: dict[str, Extension] = {}
        self.in_none: set[str] = set()
        self.in_all: set[str] = set()
        # how many "no such extension" answers took a search, and whether a sweep has
        # answered the question for every argument; both per kind (holding, lacking)
        self.proved = {True: 0, False: 0}
        self.swept = {True: False, False: False}

    def lookup(self, name: str, wanted: bool) -> tuple[bool, Extension | None]:
        """Whether the question "an extension holding (``wanted``) or lacking ``name``" is
        settled already, and its answer."""
        known = self.holding if wanted else self.lacking
        if name in known:
            return True, known[name]
        return name in (self.in_none if wanted else self.in_all), None

    def settle(self, name: str, wanted: bool) -> None:
        """Note that no extension holds (``wanted``) or lacks ``name``."""
        (self.in_none if wanted else self.in_all).add(name)

    def proved_by_search(self, name: str, wanted: bool) -> None:
        """:meth:`settle`, after a search that found no extension."""
        self.settle(name, wanted)
        self.proved[wanted] += 1

    def record(self, extension: Extension, among: Collection[str]) -> Extension:
        """Keep ``extension``; ``among`` are the arguments whose lack of it is worth noting."""
        if self.first is None:
            self.first = extension
        for name in extension:
            self.holding.setdefault(name, extension)
        for name in among:
            if name not in extension:
                self.lacking.setdefault(name, extension)
        return extension


class Reasoner:
    """Credulous and sceptical queries on one framework, sharing their work.

    The answers are those of :func:`~argmap.semantics.accepted`,
    :func:`~argmap.semantics.credulous_witness` and
    :func:`~argmap.semantics.sceptical_counterexample`; what one query builds or finds
    makes the next ones cheaper (see :mod:`argmap.semantics.reasoner`). Asking every
    argument of a 1,000-argument benchmark framework in turn takes a fraction of the time
    the one-off functions take. Close it, or use it as a context manager, to free its
    solvers.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d")])
    >>> with Reasoner(af) as reasoner:
    ...     credulous = [reasoner.accepted(name, "PR") for name in "abcd"]
    ...     sceptical = [reasoner.accepted(name, "PR", mode="sceptical") for name in "abcd"]
    ...     witness = sorted(reasoner.credulous_witness("d", "ST"))
    >>> credulous, sceptical, witness
    ([True, True, True, True], [False, False, False, False], ['b', 'd'])
    """

    def __init__(self, af: Framework) -> None:
        self.af = af
        self._state: list[int] | None = None
        self._grounded: Extension = frozenset()
        # every part met, of either split, numbered in order of discovery
        self._parts: list[Framework] = []
        self._part_of: dict[str, int] = {}
        self._open: list[int] = []
        self._stage: tuple[Extension, list[int], dict[str, int]] | None = None
        self._encodings: OrderedDict[tuple[int, str], Encoding] = OrderedDict()
        self._found: dict[tuple[int, str], _Found] = {}
        self._defaults: dict[tuple[int, str], Extension | None] = {}
        self._unique: dict[str, Extension] = {}
        self._accepted: dict[tuple[str, bool], Extension] = {}
        self._disputes: dict[int, engine.DisputeBudget] = {}

    # -- public queries --------------------------------------------------------------------
    def accepted(
        self,
        argument: str,
        semantics: str,
        *,
        mode: Mode = "credulous",
        timeout: float | None = None,
    ) -> bool:
        """Whether ``argument`` is in some (credulous) or every (sceptical) extension; as
        :func:`~argmap.semantics.accepted`."""
        credulous = is_credulous(mode)
        code = resolve_semantics(semantics)
        name = self.af.check(argument)
        known = self._accepted.get((code, credulous))
        if known is not None:
            return name in known
        if credulous:
            return self._run(timeout, self._holding, name, code, False) is not None
        return self._run(timeout, self._lacking, name, code, False) is None

    def credulous_witness(
        self, argument: str, semantics: str, *, timeout: float | None = None
    ) -> Extension | None:
        """An extension that contains ``argument``, or None; as
        :func:`~argmap.semantics.credulous_witness`."""
        code = resolve_semantics(semantics)
        name = self.af.check(argument)
        return self._run(timeout, self._holding, name, code, True)

    def sceptical_counterexample(
        self, argument: str, semantics: str, *, timeout: float | None = None
    ) -> Extension | None:
        """An extension that lacks ``argument``, or None when every extension holds it (also
        when there is none); as :func:`~argmap.semantics.sceptical_counterexample`."""
        code = resolve_semantics(semantics)
        name = self.af.check(argument)
        return self._run(timeout, self._lacking, name, code, True)

    def accepted_arguments(
        self, semantics: str, *, mode: Mode = "credulous", timeout: float | None = None
    ) -> Extension:
        """Every accepted argument, as :func:`~argmap.semantics.accepted_arguments`; the
        answer is kept, and later :meth:`accepted` queries in that mode are looked up in it."""
        from argmap.semantics import acceptance

        credulous = is_credulous(mode)
        code = resolve_semantics(semantics)
        key = (code, credulous)
        if key not in self._accepted:
            find = acceptance.credulously_accepted if credulous else acceptance.sceptically_accepted
            self._accepted[key] = self._run(timeout, find, self.af, code)
        return self._accepted[key]

    def close(self) -> None:
        """Free every solver; the reasoner answers on, building encodings again as needed."""
        while self._encodings:
            self._encodings.popitem()[1].close()

    def __enter__(self) -> Reasoner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- running a query -------------------------------------------------------------------
    def _run(self, timeout: float | None, query: Callable[..., T], *args: object) -> T:
        """``query(*args)`` under the time limit. Past it, the encodings are dropped, as a
        solver may have stopped anywhere; what was found before stays."""
        try:
            with time_limit(timeout):
                return query(*args)
        except SolverTimeout:
            self.close()
            raise
        finally:
            for key, encoding in list(self._encodings.items()):
                if not encoding.disarm():
                    del self._encodings[key]
                    encoding.close()

    def _encoding(self, part: int, kind: str) -> Encoding:
        """The encoding of a part: ``kind`` is ``"ad"`` or ``"st"``, or ``"SST"`` or ``"STG"``
        for the range encoding of that semantics' maximisation loop."""
        key = (part, kind)
        encoding = self._encodings.get(key)
        if encoding is not None:
            self._encodings.move_to_end(key)
            return encoding
        if kind in engine.MAXIMAL:
            base, _ = engine.MAXIMAL[kind]
            encoding = Encoding(self._parts[part], base, with_range=True, solver=engine.LOOP_SOLVER)
        else:
            encoding = Encoding(self._parts[part], "st" if kind == "st" else "ad")
        self._encodings[key] = encoding
        if len(self._encodings) > ENCODINGS_KEPT:
            self._encodings.popitem(last=False)[1].close()
        return encoding

    def _memo(self, part: int, kind: str) -> _Found:
        return self._found.setdefault((part, kind), _Found())

    def _split(self) -> list[int]:
        """The grounded labelling; on first use, the open parts too."""
        if self._state is None:
            af = self.af
            names = af.sorted_arguments
            state = split.grounded_state(af)
            self._grounded = frozenset(
                n for n, label in zip(names, state, strict=True) if label == split.IN
            )
            rest = [i for i, label in enumerate(state) if label == split.OPEN]
            self._open = self._number(split.weak_components(af, rest), self._part_of)
            self._state = state
        return self._state

    def _stage_split(self) -> tuple[Extension, list[int], dict[str, int]]:
        """For stage semantics: the arguments in no conflict, the parts of the rest (see
        :func:`~argmap.semantics.split.conflict_parts`), and the part of each argument."""
        if self._stage is None:
            free, parts = split.conflict_parts(self.af)
            names = self.af.sorted_arguments
            part_of: dict[str, int] = {}
            self._stage = frozenset(names[i] for i in free), self._number(parts, part_of), part_of
        return self._stage

    def _number(self, parts: list[list[int]], part_of: dict[str, int]) -> list[int]:
        """Number the parts (positions) among all parts met, noting each member's part."""
        names = self.af.sorted_arguments
        numbers = []
        for part in parts:
            numbers.append(len(self._parts))
            self._parts.append(split.induced(self.af, part))
            for i in part:
                part_of[names[i]] = numbers[-1]
        return numbers

    # -- credulous -------------------------------------------------------------------------
    def _holding(self, name: str, code: str, whole: bool) -> Extension | None:
        """An extension holding ``name``, or None. Unless ``whole`` is set, evidence will do
        where the framework is split: an extension of the argument's part alone, for preferred
        semantics a complete set of it, which some preferred extension contains."""
        af = self.af
        if code in engine.UNIQUE:
            extension = self._unique_extension(code)
            return extension if name in extension else None
        if code == "CF":
            return None if af.is_self_attacking(name) else frozenset([name])
        if code == "NA":
            return engine.naive_with(af, name, True)
        if code == "SAD":
            return strong.strongly_admissible_holding(af, name)
        return self._searched(name, code, True, whole)

    # -- sceptical -------------------------------------------------------------------------
    def _lacking(self, name: str, code: str, whole: bool) -> Extension | None:
        """An extension lacking ``name``, or None when every extension holds it. Unless
        ``whole`` is set, an extension of the argument's part alone will do where the framework
        is split."""
        if code in engine.UNIQUE:
            extension = self._unique_extension(code)
            return None if name in extension else extension
        if code in ("CF", "AD", "SAD"):
            return frozenset()
        if code == "CO":
            self._split()
            return None if name in self._grounded else self._grounded
        if code == "NA":
            return engine.naive_with(self.af, name, False)
        return self._searched(name, code, False, whole)

    def _searched(self, name: str, code: str, wanted: bool, whole: bool) -> Extension | None:
        """An extension holding (``wanted``) or lacking ``name``, for the semantics that need
        a search: part by part, on the whole framework, or by the engine."""
        if code in ("SST", "STG") and self._stable_exists():
            code = "ST"  # where stable extensions exist they are the semi-stable and stage ones
        if code in _BY_PARTS:
            return self._by_parts(name, code, wanted, whole)
        if code in ("SST", "STG"):
            return self._maximal(name, code, wanted, whole)
        return self._enumerated(name, code, wanted)

    # -- part by part ----------------------------------------------------------------------
    def _by_parts(self, name: str, code: str, wanted: bool, whole: bool) -> Extension | None:
        state = self._split()
        if code == "ST" and not self._stable_exists():
            return None  # nothing is held, everything is sceptically accepted
        label = state[self.af.index[name]]
        if label != split.OPEN:
            if (label == split.IN) != wanted:
                return None
            return self._assemble(code, -1, frozenset()) if whole else self._grounded
        part = self._part_of[name]
        if code == "ST":
            local = self._stable_local(part, name, wanted)
        elif wanted:
            local = self._admissible_local(part, name)
            if local is not None and code == "PR" and whole:
                local = self._grow(part, local)
        else:
            local = self._preferred_without(part, name)
            if local is not None and whole:
                local = self._grow(part, local)
        if local is None:
            return None
        return self._assemble(code, part, local) if whole else local

    def _assemble(self, code: str, part: int, local: Extension) -> Extension:
        """A whole extension: what every extension holds, ``local`` for ``part`` (``-1``:
        none) and, for preferred, stable, semi-stable and stage semantics, one extension of
        each other part (complete and admissible semantics take the empty set there)."""
        if code == "STG":
            fixed, numbers, _ = self._stage_split()
        else:
            self._split()
            fixed, numbers = self._grounded, self._open
        chosen = set(fixed) | local
        if code in ("PR", "ST", "SST", "STG"):
            for other in numbers:
                if other != part:
                    default = self._default(other, code)
                    assert default is not None  # stable: checked by _stable_exists
                    chosen |= default
        return frozenset(chosen)

    def _default(self, part: int, code: str) -> Extension | None:
        """One extension of a part under preferred, stable, semi-stable or stage semantics
        (None: the part has no stable one)."""
        key = (part, code)
        if key not in self._defaults:
            found: Extension | None
            if code in ("SST", "STG"):
                stable = self._default(part, "ST")
                found = stable if stable is not None else self._some_maximal(part, code)
            elif code == "PR":
                found = self._memo(part, "PR").first
                if found is None:
                    found = self._record_preferred(part, engine.preferred(self._parts[part]))
            else:
                encoding = self._encoding(part, "st")
                model = encoding.solve()
                found = None if model is None else encoding.extension(model)
                if found is not None:
                    self._memo(part, "ST").record(found, self._parts[part].arguments)
            self._defaults[key] = found
        return self._defaults[key]

    def _stable_exists(self) -> bool:
        """Whether the framework has a stable extension: whether every open part has one."""
        self._split()
        key = (-1, "ST")
        if key not in self._defaults:
            exists = all(self._default(part, "ST") is not None for part in self._open)
            self._defaults[key] = frozenset() if exists else None
        return self._defaults[key] is not None

    def _admissible_local(self, part: int, name: str) -> Extension | None:
        """A complete (so admissible) extension of the part holding ``name``, or None when no
        admissible set of the part holds it."""
        memo = self._memo(part, "CO")
        settled, found = memo.lookup(name, True)
        if settled:
            return found
        framework = self._parts[part]
        position = framework.index[name]
        # every argument of a part is open: grounded decided what it could before the split
        state = [split.OPEN] * len(framework)
        budget = self._disputes.setdefault(part, engine.DisputeBudget())
        decided, members = (
            budget.hold(framework, position, state) if budget.allows() else (False, None)
        )
        if decided:
            if members is None:
                memo.settle(name, True)
                return None
            complete = dispute.least_complete_holding(framework, state, members)
            return memo.record(split.members(framework, complete), ())
        encoding = self._encoding(part, "ad")
        model = encoding.solve([encoding.complete_when(), encoding.in_var(position)])
        if model is None:
            memo.settle(name, True)
            return None
        return memo.record(encoding.extension(model), ())

    def _grow(self, part: int, members: Extension) -> Extension:
        """A preferred extension of the part that contains the admissible set ``members``."""
        memo = self._memo(part, "PR")
        for name in members:
            found = memo.holding.get(name)
            if found is not None and members <= found:
                return found
        encoding = self._encoding(part, "ad")
        index = self._parts[part].index
        model = encoding.solve([encoding.in_var(index[name]) for name in members])
        assert model is not None  # the set is admissible
        return self._record_preferred(part, engine.grow_preferred(encoding, model))

    def _record_preferred(self, part: int, extension: Extension) -> Extension:
        self._memo(part, "CO").record(extension, ())  # preferred extensions are complete
        return self._memo(part, "PR").record(extension, self._parts[part].arguments)

    def _preferred_without(self, part: int, name: str) -> Extension | None:
        """An admissible set of the part that no preferred extension holding ``name``
        contains, or None when every preferred extension of the part holds it. The set is
        kept for ``name`` and for every argument it attacks, which no preferred extension
        containing it holds either; it is grown into a preferred extension only when a whole
        extension is asked for (growing took most of the time of sceptical queries on the
        benchmark grids)."""
        memo = self._memo(part, "PR")
        settled, found = memo.lookup(name, False)
        if settled:
            return found
        encoding = self._encoding(part, "ad")
        model = engine.preferred_counterexample(encoding, self._parts[part].index[name])
        if model is None:
            memo.settle(name, False)
            return None
        members = model.true_among(encoding.n)
        names, targets = encoding.af.sorted_arguments, encoding.af.targets_of
        found = frozenset(names[i] for i in members)
        memo.lacking.setdefault(name, found)
        for i in members:
            for lacked in targets[i]:
                memo.lacking.setdefault(names[lacked], found)
        return found

    def _stable_local(self, part: int, name: str, wanted: bool) -> Extension | None:
        memo = self._memo(part, "ST")
        settled, found = memo.lookup(name, wanted)
        if settled:
            return found
        encoding = self._encoding(part, "st")
        literal = encoding.in_var(self._parts[part].index[name])
        model = encoding.solve([literal if wanted else -literal])
        if model is None:
            memo.settle(name, wanted)
            return None
        return memo.record(encoding.extension(model), self._parts[part].arguments)

    # -- semi-stable and stage, part by part ------------------------------------------------
    def _maximal(self, name: str, code: str, wanted: bool, whole: bool) -> Extension | None:
        """Semi-stable or stage semantics where the framework has no stable extension, part by
        part (see :func:`~argmap.semantics.engine.maximal_parts`): the part holding ``name``
        is asked, with its stable extensions if it has any, else on its range encoding."""
        if code == "STG":
            fixed, _, part_of = self._stage_split()
        else:
            self._split()
            fixed, part_of = self._grounded, self._part_of
        part = part_of.get(name, -1)
        local: Extension | None
        if part < 0:
            if (name in fixed) != wanted:
                return None
            local = frozenset()
        elif self._default(part, "ST") is not None:
            local = self._stable_local(part, name, wanted)
        else:
            local = self._maximal_local(part, name, code, wanted)
        if local is None:
            return None
        return self._assemble(code, part, local) if whole else local

    def _maximal_local(self, part: int, name: str, code: str, wanted: bool) -> Extension | None:
        """A semi-stable or stage extension of a part without stable extensions, holding
        (``wanted``) or lacking ``name``, or None. Every extension met on the way is kept."""
        memo = self._memo(part, code)
        settled, found = memo.lookup(name, wanted)
        if not settled and memo.proved[wanted] >= SWEEP_AFTER and not memo.swept[wanted]:
            self._sweep_maximal(part, code, wanted)
            settled, found = memo.lookup(name, wanted)
        if settled:
            return found
        encoding = self._encoding(part, code)
        arguments = self._parts[part].arguments
        literal = encoding.in_var(self._parts[part].index[name])
        clause = [literal if wanted else -literal]
        _, objective = engine.MAXIMAL[code]
        if code == "STG":
            found = find_stage(
                encoding,
                lambda: clause,
                clause,
                self._parts[part].index[name],
                wanted,
                met=lambda extension: memo.record(extension, arguments),
            )
            if found is not None:
                return memo.record(found, arguments)
            memo.proved_by_search(name, wanted)
            return None
        models = encoding.maximal_models_towards(objective, lambda: clause)
        try:
            for model in models:
                extension = memo.record(encoding.extension(model), arguments)
                if model.satisfies(clause):
                    return extension
        finally:
            models.close()
        memo.proved_by_search(name, wanted)
        return None

    def _sweep_maximal(self, part: int, code: str, wanted: bool) -> None:
        """Answer, for every argument of a part without stable extensions, whether a
        semi-stable or stage extension holds (``wanted``) or lacks it, by one sweep; every
        extension the sweep meets is kept as a witness."""
        memo = self._memo(part, code)
        framework = self._parts[part]
        arguments = framework.arguments

        def met(extension: Extension) -> None:
            memo.record(extension, arguments)

        if wanted:
            for name in arguments - acceptance.credulous_maximal_range(framework, code, met):
                memo.settle(name, True)
        else:
            for name in acceptance.sceptical_maximal_range(framework, code, met):
                memo.settle(name, False)
        memo.swept[wanted] = True

    def _some_maximal(self, part: int, code: str) -> Extension:
        """One semi-stable or stage extension of a part without stable extensions."""
        memo = self._memo(part, code)
        if memo.first is not None:
            return memo.first
        encoding = self._encoding(part, code)
        model = encoding.solve()
        assert model is not None  # the empty set is complete and conflict-free
        _, objective = engine.MAXIMAL[code]
        extension = encoding.extension(encoding.maximise(model, objective))
        return memo.record(extension, self._parts[part].arguments)

    def _enumerated(self, name: str, code: str, wanted: bool) -> Extension | None:
        """CF2 and stage2, by the engine's search; what it finds is kept."""
        memo = self._memo(-1, code)
        settled, found = memo.lookup(name, wanted)
        if settled:
            return found
        found = engine.find(self.af, code, [(name, wanted)])
        if found is None:
            memo.settle(name, wanted)
            return None
        return memo.record(found, self.af.arguments)

    def _unique_extension(self, code: str) -> Extension:
        if code not in self._unique:
            if code == "GR":
                self._split()
                self._unique[code] = self._grounded
            else:
                self._unique[code] = engine.UNIQUE[code](self.af)
        return self._unique[code]
