"""Evaluating a map: translate, apply a semantics, and read each claim's status.

A claim's label in one labelling is IN when some argument for it is IN, OUT when every
argument for it is OUT (so a claim no argument can be built for is OUT), UNDEC otherwise.
Across the labellings of a semantics with several extensions, ``status`` is IN when the claim
is IN in all of them, OUT when OUT in all, UNDEC otherwise; ``acceptance`` is SCEPTICAL when
IN in all, CREDULOUS when IN in some, REJECTED when IN in none. When a semantics has no
extension at all, every claim is UNDEC and REJECTED, and the evaluation says so.

An evaluation lists the labelling of every extension, up to ``list_limit`` of them. Past it
(a map with twenty independent disputes has a million preferred extensions), it lists the
first ``list_limit`` and counts each claim's labels part by part instead: the framework falls
into parts that no attack joins, each part's extensions are found on their own, and the
extensions of the whole are the unions of one extension of each part, for every semantics
argmap offers. Those parts are what grounded leaves undecided, for the semantics whose
extensions all hold the grounded extension and lack what it attacks (complete, preferred,
stable, semi-stable, cf2, stage2); the arguments in conflict, for stage and naive semantics,
whose extensions all hold the rest; otherwise the whole framework. Where stable extensions
exist, the semi-stable and stage extensions are exactly the stable ones, and are counted so.
A claim's label depends only on the parts that hold its arguments (an argument's attackers
that may be in an extension lie in its part), so how many extensions of the whole label it
IN, OUT or UNDEC is a product over parts, and the statuses are exact without listing those
unions. A part's own extensions are listed, or, past :data:`COUNT_FROM` of them, counted by
the model counter where it counts the semantics (:mod:`argmap.semantics.counting`): how many
hold one of the claim's arguments there, and how many attack them all, are model counts with
one clause more.
"""

from __future__ import annotations

import enum
import functools
import itertools
import math
import time
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from argmap.errors import SolverTimeout, TooManyExtensionsError, UnknownIdError
from argmap.framework import Framework
from argmap.gradual import dfquad_strengths
from argmap.map.model import Claim, MapModel
from argmap.semantics import (
    GroundedRound,
    Label,
    Labelling,
    counting,
    resolve_semantics,
    split,
    strong,
)
from argmap.semantics.deadline import check_deadline, remaining, time_limit
from argmap.semantics.engine import has_stable, iterate
from argmap.semantics.registry import SEMANTICS
from argmap.semantics.sat import Encoding
from argmap.translate import Translation, translate

if TYPE_CHECKING:
    from collections.abc import Collection

    from argmap.marking import StatusCheck
    from argmap.sensitivity import WhatWouldChange

__all__ = [
    "COUNT_FROM",
    "COUNT_SECONDS",
    "COUNT_TRIAL",
    "LIST_LIMIT",
    "PART_LIMIT",
    "Acceptance",
    "Evaluation",
    "Status",
    "Tally",
    "evaluate",
]

#: The extensions an evaluation lists by default, labelling by labelling; past it, each
#: claim's labels are counted part by part.
LIST_LIMIT = 1_000

#: The extensions of one part of a framework (arguments no attack joins to the rest) that
#: are listed to count the claims' labels, when the claims' labels are counted part by part;
#: past them the model counter counts them (:mod:`argmap.semantics.counting`), for the
#: semantics it counts (conflict-free, admissible, complete, stable, naive) where it is
#: installed.
COUNT_FROM = 1_000

#: The most extensions one part may have, where the model counter does not count them: each
#: of them is listed to count the claims' labels.
PART_LIMIT = 100_000

#: Seconds the model counter is given to count a part's extensions before the claims' labels
#: in it are counted, in an evaluation without a time limit; a part it cannot count in that
#: time is refused. Under a time limit, it has the time left. (Counting the naive extensions
#: of a random map's part of 268 arguments ran past two minutes; counting the complete
#: extensions of its part of 70 arguments took 0.06 s.)
COUNT_TRIAL = 2.0

#: Seconds of counting the claims' labels, over all parts of an evaluation without a time
#: limit: once the counts it expects to make would, at the pace of those made, take longer,
#: it is refused. Under a time limit, they must fit in the time left.
COUNT_SECONDS = 30.0


class Status(enum.StrEnum):
    """A claim's status: it stands (IN), falls (OUT), or is left undecided (UNDEC)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class Acceptance(enum.StrEnum):
    """Acceptance across all extensions: in every one, in some, in none."""

    SCEPTICAL = "sceptical"
    CREDULOUS = "credulous"
    REJECTED = "rejected"


class Tally(NamedTuple):
    """In how many extensions a claim is IN, OUT and undecided."""

    in_: int
    out: int
    undec: int


@attrs.frozen(eq=False)
class Evaluation:
    """The outcome of evaluating a map under one semantics and one translation.

    ``labellings`` holds the labelling of every extension, in a deterministic order, unless
    there are more than the evaluation's ``list_limit``: then the first that many found.
    ``extension_count`` is the number of extensions, and ``tallies`` says for each claim in
    how many of them it is IN, OUT and undecided; ``status`` and ``acceptance`` read them.
    ``examples`` holds, for each claim, one labelling where it is IN and one where it is OUT,
    where there is any. The claims' DF-QuAD strengths are computed when first asked for.
    """

    model: MapModel
    semantics: str
    translation: Translation
    labellings: tuple[Labelling, ...]
    preferences: bool
    link: str
    extension_count: int
    tallies: dict[str, Tally]
    examples: dict[str, dict[Status, Labelling]]

    @functools.cached_property
    def _dfquad(self) -> tuple[dict[str, float], bool]:
        # on a cyclic map the iteration takes most of an evaluation's time (two thirds on a
        # random 100-claim map), which statuses alone do not need
        return dfquad_strengths(self.model)

    @property
    def strengths(self) -> dict[str, float]:
        """Each claim's DF-QuAD strength in [0, 1] (:mod:`argmap.gradual`)."""
        return self._dfquad[0]

    @property
    def strengths_settled(self) -> bool:
        """Whether the DF-QuAD iteration settled (always, on an acyclic map)."""
        return self._dfquad[1]

    @property
    def framework(self) -> Framework:
        return self.translation.framework

    @property
    def semantics_name(self) -> str:
        return SEMANTICS[self.semantics].name

    @property
    def has_extensions(self) -> bool:
        return self.extension_count > 0

    @property
    def all_listed(self) -> bool:
        """Whether ``labellings`` holds the labelling of every extension."""
        return len(self.labellings) == self.extension_count

    @property
    def notes(self) -> tuple[str, ...]:
        """Everything the reader should know that the statuses alone do not say."""
        notes = list(self.translation.notes)
        if not self.has_extensions:
            notes.insert(
                0,
                f"{self.semantics_name} semantics gives this map no extension at "
                "all, so every claim is undecided and none is accepted",
            )
        if not self.strengths_settled:
            notes.append(
                "the DF-QuAD strengths did not settle on this cyclic map; the values "
                "shown are those of the last round"
            )
        return tuple(notes)

    def _claim(self, claim: Claim | str) -> str:
        ident = claim.id if isinstance(claim, Claim) else claim
        if ident not in self.model.claim_by_id:
            raise UnknownIdError("claim", ident, self.model.claim_by_id)
        return ident

    def label_in(self, claim: Claim | str, labelling: Labelling) -> Status:
        """The claim's status in one labelling."""
        return _claim_label(labelling, self.translation.arguments_for[self._claim(claim)])

    def labels(self, claim: Claim | str) -> tuple[Status, ...]:
        """The claim's status in each listed labelling, in order."""
        return tuple(self.label_in(claim, lab) for lab in self.labellings)

    def tally(self, claim: Claim | str) -> Tally:
        """In how many extensions the claim is IN, OUT and undecided."""
        return self.tallies[self._claim(claim)]

    def status(self, claim: Claim | str) -> Status:
        """IN when IN in every labelling, OUT when OUT in every one, UNDEC otherwise."""
        tally = self.tally(claim)
        if self.has_extensions and tally.in_ == self.extension_count:
            return Status.IN
        if self.has_extensions and tally.out == self.extension_count:
            return Status.OUT
        return Status.UNDEC

    def acceptance(self, claim: Claim | str) -> Acceptance:
        """SCEPTICAL when IN in every extension, CREDULOUS when in some, REJECTED otherwise."""
        tally = self.tally(claim)
        if self.has_extensions and tally.in_ == self.extension_count:
            return Acceptance.SCEPTICAL
        if tally.in_:
            return Acceptance.CREDULOUS
        return Acceptance.REJECTED

    def strength(self, claim: Claim | str) -> float:
        """The claim's DF-QuAD strength in [0, 1]."""
        return self.strengths[self._claim(claim)]

    def grounded_rounds(self) -> tuple[GroundedRound, ...]:
        """The claims each round of the grounded labelling labels, for a grounded evaluation.

        The rounds are those of the framework's arguments
        (:func:`~argmap.semantics.grounded_rounds`): a claim is labelled IN in the first
        round that labels one of its arguments IN, and OUT in the round that labels the last
        of them OUT. A round may label only arguments for claims already labelled, and then
        no claim. A claim that no round labels is UNDEC, or, if no argument for it can be
        built, OUT from the start.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> a, b, c = m.claim("a", "A"), m.claim("b", "B"), m.claim("c", "C")
        >>> _ = m.rebut(a, b), m.rebut(b, c)
        >>> m.evaluate().grounded_rounds()
        (GroundedRound(1, in=['a'], out=['b']), GroundedRound(2, in=['c'], out=[]))
        """
        from argmap.semantics import grounded_rounds

        if self.semantics != "GR":
            raise ValueError(
                "the rounds are those of the grounded labelling, and this evaluation is under "
                f"{self.semantics_name} semantics: evaluate with 'grounded'"
            )
        steps = grounded_rounds(self.framework)
        labelled: dict[str, tuple[Label, int]] = {}
        for step in steps:
            labelled.update(dict.fromkeys(step.in_, (Label.IN, step.number)))
            labelled.update(dict.fromkeys(step.out, (Label.OUT, step.number)))
        accepted: dict[int, list[str]] = {step.number: [] for step in steps}
        rejected: dict[int, list[str]] = {step.number: [] for step in steps}
        for claim, arguments in self.translation.arguments_for.items():
            reached = [labelled[a] for a in arguments if a in labelled]
            rounds_in = [number for label, number in reached if label is Label.IN]
            if rounds_in:
                accepted[min(rounds_in)].append(claim)
            elif arguments and len(reached) == len(arguments):
                rejected[max(number for _, number in reached)].append(claim)
        return tuple(
            GroundedRound(
                step.number, frozenset(accepted[step.number]), frozenset(rejected[step.number])
            )
            for step in steps
        )

    def what_would_change(
        self, claim: Claim | str, *, timeout: float | None = None
    ) -> WhatWouldChange:
        """Which single change of one judgement (a likelihood, a confidence, a source's
        reliability or credibility) changes the claim's status or acceptance, under this
        evaluation's semantics, translation and link principle: a
        :class:`~argmap.sensitivity.WhatWouldChange` (see :mod:`argmap.sensitivity`)."""
        from argmap.sensitivity import what_would_change

        return what_would_change(self, self._claim(claim), timeout=timeout)

    def check_statuses(
        self,
        *,
        in_: Collection[str] = (),
        out: Collection[str] = (),
        undec: Collection[str] = (),
    ) -> StatusCheck:
        """Whether claims marked by hand have those statuses in some labelling of this
        evaluation, and why not (see :func:`argmap.marking.check_statuses`)."""
        from argmap.marking import check_statuses

        return check_statuses(self, in_=in_, out=out, undec=undec)

    def explain(self, claim: Claim | str) -> str:
        """Plain sentences on why the claim stands, falls, or is undecided."""
        from argmap.explain import explain

        return explain(self, self._claim(claim))

    def rows(self) -> list[dict[str, Any]]:
        """One record per claim: id, text, status, acceptance, strength, and in how many
        extensions it is IN, OUT and undecided."""
        return [
            {
                "id": c.id,
                "text": c.text,
                "status": self.status(c).value,
                "acceptance": self.acceptance(c).value,
                "strength": self.strength(c),
                "extensions": dict(zip(("in", "out", "undec"), self.tally(c), strict=True)),
            }
            for c in self.model.claims
        ]

    def table(self, claims: list[str] | None = None, *, width: int = 60) -> str:
        """A plain-text table of claims with status, acceptance and strength."""
        chosen = (
            [self.model.claim_by_id[self._claim(c)] for c in claims]
            if claims
            else list(self.model.claims)
        )
        id_width = max([len(c.id) for c in chosen] + [5])
        lines = [f"{'claim':<{id_width}}  {'status':<6}  {'acceptance':<10}  strength  text"]
        for c in chosen:
            text = c.text if len(c.text) <= width else c.text[: width - 1] + "…"
            lines.append(
                f"{c.id:<{id_width}}  {self.status(c).value.upper():<6}  "
                f"{self.acceptance(c).value:<10}  {self.strength(c):>8.3f}  {text}"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready results."""
        return {
            "title": self.model.title,
            "semantics": self.semantics_name,
            "translation": self.translation.name,
            "preferences": self.preferences,
            "extensions": self.extension_count,
            "notes": list(self.notes),
            "claims": self.rows(),
        }

    def render(self, **options: Any) -> Any:
        """The diagram as a ``graphviz.Digraph``; options as for ``render_map``."""
        from argmap.render import render_map

        return render_map(self, **options)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """Jupyter shows an evaluation as its diagram (SVG) and its table (plain text)."""
        from argmap.render import to_bytes

        return {
            "image/svg+xml": to_bytes(self.render(), "svg").decode("utf-8"),
            "text/plain": self.table(),
        }


def evaluate(
    model: MapModel,
    semantics: str = "grounded",
    *,
    translation: str = "aspic",
    preferences: bool = True,
    link: str = "weakest",
    timeout: float | None = None,
    list_limit: int | None = None,
) -> Evaluation:
    """Evaluate a map model; :meth:`ArgumentMap.evaluate` calls this.

    At most ``list_limit`` labellings are listed (:data:`LIST_LIMIT` if None); past them the
    claims' labels are counted part by part (see the module's text), which raises
    :class:`TooManyExtensionsError` where one part has too many extensions to count (see
    :data:`PART_LIMIT`, :data:`COUNT_TRIAL` and :data:`COUNT_SECONDS`; under ``timeout``,
    the counting has the time left of it instead).
    """
    if list_limit is None:
        list_limit = LIST_LIMIT
    if isinstance(list_limit, bool) or not isinstance(list_limit, int) or list_limit < 1:
        raise ValueError(f"list_limit must be a whole number from 1, got {list_limit!r}")
    code = resolve_semantics(semantics)
    translated = translate(model, translation, preferences=preferences, link=link)
    af = translated.framework
    with time_limit(timeout):
        found = list(itertools.islice(iterate(af, code), list_limit + 1))
        if len(found) <= list_limit:
            listed = Labelling.in_order(af, found)
            count, tallies, examples = _count_listed(translated, listed)
        else:
            listed = Labelling.in_order(af, found[:list_limit])
            count, tallies, examples = _count_by_parts(translated, code)
    return Evaluation(
        model,
        code,
        translated,
        tuple(listed),
        preferences,
        link,
        count,
        tallies,
        examples,
    )


_Counted = tuple[int, dict[str, Tally], dict[str, dict[Status, Labelling]]]


def _claim_label(labelling: Labelling, arguments: tuple[str, ...] | list[str]) -> Status:
    """A claim's status in one labelling, given the arguments for it."""
    labels = [labelling.label(a) for a in arguments]
    if Label.IN in labels:
        return Status.IN
    if all(label is Label.OUT for label in labels):
        return Status.OUT
    return Status.UNDEC


def _count_listed(translation: Translation, listed: list[Labelling]) -> _Counted:
    """Each claim's labels counted over every extension's labelling."""
    tallies: dict[str, Tally] = {}
    examples: dict[str, dict[Status, Labelling]] = {}
    for ident, arguments in translation.arguments_for.items():
        labels = [_claim_label(labelling, arguments) for labelling in listed]
        tallies[ident] = Tally(*(labels.count(s) for s in (Status.IN, Status.OUT, Status.UNDEC)))
        examples[ident] = {}
        for label, labelling in zip(labels, listed, strict=True):
            examples[ident].setdefault(label, labelling)
        examples[ident].pop(Status.UNDEC, None)
    return len(listed), tallies, examples


#: The semantics whose extensions are the grounded extension joined with one extension of
#: each part of what grounded leaves open (see :func:`argmap.semantics.split.open_parts`
#: and :func:`argmap.semantics.engine.grounded_reduct`).
_OPEN_PARTS = ("CO", "PR", "ST", "SST", "CF2", "STG2")

#: The semantics whose extensions are the arguments in no conflict joined with one extension
#: of each part of the rest (see :func:`argmap.semantics.split.conflict_parts`).
_CONFLICT_PARTS = ("STG", "NA")


def _parts(af: Framework, code: str) -> tuple[list[Label], list[list[int]]]:
    """The label every extension gives each argument outside the parts (UNDEC for those in
    a part, which the part decides), and the parts (positions): the extensions of ``af`` under
    ``code`` are the arguments labelled IN joined with one extension of each part."""
    size = len(af.sorted_arguments)
    if code in _OPEN_PARTS:
        state = split.grounded_state(af)
        fixed = {split.IN: Label.IN, split.OUT: Label.OUT, split.OPEN: Label.UNDEC}
        return [fixed[label] for label in state], split.weak_components(
            af, [i for i, label in enumerate(state) if label == split.OPEN]
        )
    if code in _CONFLICT_PARTS:
        free, parts = split.conflict_parts(af)
        labels = [Label.UNDEC] * size  # an argument attacked by itself alone is in no range
        for i in free:
            labels[i] = Label.IN
        return labels, parts
    return [Label.UNDEC] * size, split.weak_components(af, range(size))


class _ListedPart:
    """A part whose extensions are listed, with what each attacks."""

    def __init__(self, local: Framework, found: list[frozenset[str]]) -> None:
        self.total = len(found)
        self.first = found[0] if found else frozenset()
        self._extensions = found
        self._beaten = [local.attacked_by_set(extension) for extension in found]

    def holding(self, group: list[str]) -> tuple[int, frozenset[str] | None]:
        """How many extensions hold one of ``group``, and the first that does."""
        hits = [e for e in self._extensions if any(a in e for a in group)]
        return len(hits), hits[0] if hits else None

    def beating(self, group: list[str]) -> tuple[int, frozenset[str] | None]:
        """How many extensions attack every argument of ``group``, and the first that does."""
        hits = [
            e
            for e, beaten in zip(self._extensions, self._beaten, strict=True)
            if all(a in beaten for a in group)
        ]
        return len(hits), hits[0] if hits else None


class _Budget:
    """The time one evaluation counts claims' labels in, shared by the counts it expects to
    make: :data:`COUNT_SECONDS`, or under a time limit what is left of it."""

    def __init__(self) -> None:
        self.expected = self.done = 0
        self.spent = 0.0

    def spend(self, seconds: float) -> bool:
        """Record one count; whether all of them, at the pace so far, fit the time."""
        self.done += 1
        self.spent += seconds
        ahead = self.spent / self.done * max(self.expected - self.done, 0)
        left = remaining()
        if left is None:
            return self.spent + ahead <= COUNT_SECONDS
        return ahead <= left

    @staticmethod
    def describe() -> str:
        """The time the counts must fit in, for a refusal."""
        left = remaining()
        if left is None:
            return f"more than {COUNT_SECONDS:g} s"
        return f"longer than the {max(left, 0.0):.3g} s left of the time limit"


class _CountedPart:
    """A part whose extensions the model counter counts (:mod:`argmap.semantics.counting`),
    and a SAT encoding of them finds one example each. The part's total is counted first,
    within :data:`COUNT_TRIAL`; then each count is charged to ``budget``, and once the
    counts expected of it no longer fit, :class:`TooManyExtensionsError` is raised."""

    def __init__(self, local: Framework, code: str, budget: _Budget, name: str) -> None:
        self._local, self._code, self._budget, self._name = local, code, budget, name
        # under the caller's time limit, the count has all the time left of it
        trial = COUNT_TRIAL if remaining() is None else None
        try:
            with time_limit(trial):
                self.total = counting.count_extensions(local, code)
        except SolverTimeout:
            check_deadline()  # the caller's own time limit, if that is what ran out
            raise _too_many(
                local,
                name,
                f"more extensions than the model counter counts in {COUNT_TRIAL:g} s",
                slow=True,
            ) from None
        self.first = self._example([]) or frozenset()

    def _count(self, clauses: list[list[tuple[int, bool]]]) -> tuple[int, frozenset[str] | None]:
        if any(not clause for clause in clauses):
            return 0, None
        start = time.perf_counter()
        count = counting.count_extensions(self._local, self._code, clauses=clauses)
        example = self._example(clauses) if count else None
        check_deadline()  # a limit that ran out is a timeout, not a refusal
        if not self._budget.spend(time.perf_counter() - start):
            raise _too_many(
                self._local,
                self._name,
                f"so many extensions that counting them would take {self._budget.describe()}",
                slow=True,
            )
        return count, example

    def _example(self, clauses: list[list[tuple[int, bool]]]) -> frozenset[str] | None:
        if self._code == "SAD":
            return strong.strongly_admissible_with(self._local, clauses)
        with Encoding(self._local, counting.COUNTED[self._code]) as encoding:
            if self._code == "NA":
                encoding.add_naive()
            for clause in clauses:
                encoding.add(
                    [encoding.in_var(i) if held else -encoding.in_var(i) for i, held in clause]
                )
            model = encoding.solve()
            return None if model is None else encoding.extension(model)

    def holding(self, group: list[str]) -> tuple[int, frozenset[str] | None]:
        index = self._local.index
        return self._count([[(index[a], True) for a in group]])

    def beating(self, group: list[str]) -> tuple[int, frozenset[str] | None]:
        index, attackers = self._local.index, self._local.attackers_of
        return self._count([[(b, True) for b in attackers[index[a]]] for a in group])


def _part(local: Framework, code: str, budget: _Budget, name: str) -> _ListedPart | _CountedPart:
    """A part's extensions, listed up to :data:`COUNT_FROM`; past it, counted by the model
    counter where it counts this semantics, else listed up to :data:`PART_LIMIT`. ``name``
    is the semantics asked for, which a refusal names."""
    countable = (
        code in counting.COUNTABLE
        and counting.available()
        and (code != "SAD" or strong.cnf_fits(local))
    )
    most = COUNT_FROM if countable else PART_LIMIT
    found = list(itertools.islice(iterate(local, code), most + 1))
    if len(found) <= most:
        return _ListedPart(local, found)
    if countable:
        return _CountedPart(local, code, budget, name)
    raise _too_many(local, name, f"more than {PART_LIMIT:,} extensions")


def _too_many(
    local: Framework, name: str, how_many: str, *, slow: bool = False
) -> TooManyExtensionsError:
    """The refusal; ``slow`` where counting took too long, which a time limit lets go on."""
    ways = [
        "a semantics with one extension (grounded, ideal, eager) answers at once",
        "argmap.accepted_arguments tells which arguments each semantics accepts",
    ]
    if slow and remaining() is None:
        ways.append("a time limit (timeout=, --timeout) lets the counting go on that long")
    return TooManyExtensionsError(
        f"{name} semantics gives one part of this map, of {len(local)} arguments, "
        f"{how_many}: too many to count its claims' labels; {', '.join(ways[:-1])}, "
        f"and {ways[-1]}"
    )


def _count_by_parts(translation: Translation, code: str) -> _Counted:
    """Each claim's labels counted over every extension without listing them: the product,
    over the parts of the framework that no attack joins, of each part's counts."""
    af = translation.framework
    names = af.sorted_arguments
    name = SEMANTICS[code].name
    if code in ("SST", "STG") and has_stable(af):
        code = "ST"  # where stable extensions exist, they are the semi-stable and stage ones
    fixed, positions = _parts(af, code)
    held_in = frozenset(names[i] for i, label in enumerate(fixed) if label is Label.IN)
    part_of = [-1] * len(names)
    parts = []
    budget = _Budget()
    for k, part in enumerate(positions):
        for position in part:
            part_of[position] = k
        parts.append(_part(split.induced(af, part), code, budget, name))
        check_deadline()
    count = math.prod(part.total for part in parts)
    index = af.index
    # for each claim, its arguments in each part, and the labels of those in no part
    where: dict[str, tuple[dict[int, list[str]], list[Label]]] = {}
    for ident, arguments in translation.arguments_for.items():
        held: dict[int, list[str]] = {}
        outside = []
        for name in arguments:
            k = part_of[index[name]]
            if k < 0:
                outside.append(fixed[index[name]])
            else:
                held.setdefault(k, []).append(name)
        where[ident] = held, outside
        if Label.IN not in outside:
            # in each part counted: those holding one of them, and those attacking them all
            counts = 1 + all(label is Label.OUT for label in outside)
            budget.expected += counts * sum(isinstance(parts[k], _CountedPart) for k in held)
    made: dict[frozenset[str], Labelling] = {}

    def whole(chosen: dict[int, frozenset[str]]) -> Labelling:
        members = held_in.union(*(chosen.get(k, part.first) for k, part in enumerate(parts)))
        if members not in made:
            made[members] = Labelling.from_extension(af, members)
        return made[members]

    tallies: dict[str, Tally] = {}
    examples: dict[str, dict[Status, Labelling]] = {}
    for ident, (held, outside) in where.items():
        examples[ident] = {}
        if count == 0:
            tallies[ident] = Tally(0, 0, 0)
            continue
        within = math.prod(parts[k].total for k in held)
        rest = count // within
        if Label.IN in outside:
            tallies[ident] = Tally(count, 0, 0)
            examples[ident][Status.IN] = whole({})
            continue
        # in each part: the extensions that hold one of the claim's arguments there, and
        # those that attack them all
        holding = {k: parts[k].holding(group) for k, group in held.items()}
        in_count = rest * (within - math.prod(parts[k].total - holding[k][0] for k in held))
        out_count = 0
        if all(label is Label.OUT for label in outside):
            beating = {k: parts[k].beating(group) for k, group in held.items()}
            out_count = rest * math.prod(beating[k][0] for k in held)
            if out_count:
                examples[ident][Status.OUT] = whole({k: e for k, (_, e) in beating.items() if e})
        if in_count:
            k, (_, example) = next((k, h) for k, h in holding.items() if h[0])
            examples[ident][Status.IN] = whole({k: example} if example else {})
        tallies[ident] = Tally(in_count, out_count, count - in_count - out_count)
    return count, tallies, examples
