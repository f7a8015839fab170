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
whose extensions all hold the rest; otherwise the whole framework. A claim's label depends
only on the parts that hold its arguments (an argument's attackers that may be in an
extension lie in its part), so how many extensions of the whole label it IN, OUT
or UNDEC is a product over parts, and the statuses are exact without listing those unions.
"""

from __future__ import annotations

import enum
import itertools
import math
from typing import Any, NamedTuple

import attrs

from argmap.errors import TooManyExtensionsError, UnknownIdError
from argmap.framework import Framework
from argmap.gradual import dfquad_strengths
from argmap.map.model import Claim, MapModel
from argmap.semantics import Label, Labelling, resolve_semantics, split
from argmap.semantics.deadline import check_deadline, time_limit
from argmap.semantics.engine import iterate
from argmap.semantics.registry import SEMANTICS
from argmap.translate import Translation, translate

__all__ = [
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

#: The most extensions one part of a framework (arguments no attack joins to the rest) may
#: have when the claims' labels are counted part by part: each of them is listed to count.
PART_LIMIT = 100_000


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
    where there is any.
    """

    model: MapModel
    semantics: str
    translation: Translation
    labellings: tuple[Labelling, ...]
    strengths: dict[str, float]
    strengths_settled: bool
    preferences: bool
    link: str
    extension_count: int
    tallies: dict[str, Tally]
    examples: dict[str, dict[Status, Labelling]]

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
        labels = [labelling.label(a) for a in self.translation.arguments_for[self._claim(claim)]]
        if Label.IN in labels:
            return Status.IN
        if all(label is Label.OUT for label in labels):
            return Status.OUT
        return Status.UNDEC

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

    def explain(self, claim: Claim | str) -> str:
        """Plain sentences on why the claim stands, falls, or is undecided."""
        from argmap.explain import explain

        return explain(self, self._claim(claim))

    def rows(self) -> list[dict[str, Any]]:
        """One record per claim: id, text, status, acceptance, strength."""
        return [
            {
                "id": c.id,
                "text": c.text,
                "status": self.status(c).value,
                "acceptance": self.acceptance(c).value,
                "strength": self.strength(c),
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
    :class:`TooManyExtensionsError` if one part has more than :data:`PART_LIMIT` extensions.
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
            listed = _ordered(af, found)
            count, tallies, examples = _count_listed(translated, listed)
        else:
            listed = _ordered(af, found[:list_limit])
            count, tallies, examples = _count_by_parts(translated, code)
    strengths, settled = dfquad_strengths(model)
    return Evaluation(
        model,
        code,
        translated,
        tuple(listed),
        strengths,
        settled,
        preferences,
        link,
        count,
        tallies,
        examples,
    )


Counted = tuple[int, dict[str, Tally], dict[str, dict[Status, Labelling]]]


def _ordered(af: Framework, found: list[frozenset[str]]) -> list[Labelling]:
    """The labellings of ``found``, ordered by their members' positions."""
    found.sort(key=lambda e: sorted(af.index[name] for name in e))
    return [Labelling.from_extension(af, extension) for extension in found]


def _claim_label(labelling: Labelling, arguments: tuple[str, ...] | list[str]) -> Status:
    labels = [labelling.label(a) for a in arguments]
    if Label.IN in labels:
        return Status.IN
    if all(label is Label.OUT for label in labels):
        return Status.OUT
    return Status.UNDEC


def _count_listed(translation: Translation, listed: list[Labelling]) -> Counted:
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


def _count_by_parts(translation: Translation, code: str) -> Counted:
    """Each claim's labels counted over every extension without listing them: the product,
    over the parts of the framework that no attack joins, of each part's counts."""
    af = translation.framework
    names = af.sorted_arguments
    fixed, parts = _parts(af, code)
    held_in = frozenset(names[i] for i, label in enumerate(fixed) if label is Label.IN)
    part_of = [-1] * len(names)
    extensions: list[list[frozenset[str]]] = []
    beaten: list[list[frozenset[str]]] = []  # what each of those extensions attacks
    for k, part in enumerate(parts):
        for position in part:
            part_of[position] = k
        local = split.induced(af, part)
        found = list(itertools.islice(iterate(local, code), PART_LIMIT + 1))
        if len(found) > PART_LIMIT:
            raise TooManyExtensionsError(
                f"{SEMANTICS[code].name} semantics gives one part of this map, of "
                f"{len(part)} arguments, more than {PART_LIMIT:,} extensions, too many to "
                "count its claims' labels; a semantics with one extension (grounded, ideal, "
                "eager) answers at once, and argmap.accepted_arguments tells which arguments "
                "each semantics accepts"
            )
        extensions.append(found)
        beaten.append([local.attacked_by_set(extension) for extension in found])
        check_deadline()
    count = math.prod(len(found) for found in extensions)
    index = af.index
    first = [0] * len(parts)
    made: dict[tuple[int, ...], Labelling] = {}

    def whole(choice: list[int]) -> Labelling:
        key = tuple(choice)
        if key not in made:
            chosen = (found[i] for found, i in zip(extensions, choice, strict=True))
            made[key] = Labelling.from_extension(af, held_in.union(*chosen))
        return made[key]

    tallies: dict[str, Tally] = {}
    examples: dict[str, dict[Status, Labelling]] = {}
    for ident, arguments in translation.arguments_for.items():
        examples[ident] = {}
        if count == 0:
            tallies[ident] = Tally(0, 0, 0)
            continue
        held: dict[int, list[str]] = {}  # the claim's arguments in each part
        outside = []  # the labels of those in no part
        for name in arguments:
            k = part_of[index[name]]
            if k < 0:
                outside.append(fixed[index[name]])
            else:
                held.setdefault(k, []).append(name)
        # in each part: which extensions hold one of the claim's arguments there, and which
        # attack them all
        ins = {k: [any(a in e for a in group) for e in extensions[k]] for k, group in held.items()}
        outs = {k: [all(a in b for a in group) for b in beaten[k]] for k, group in held.items()}
        within = math.prod(len(extensions[k]) for k in held)
        rest = count // within
        if Label.IN in outside:
            in_count, out_count = count, 0
        else:
            lacking = math.prod(len(extensions[k]) - sum(ins[k]) for k in held)
            in_count = rest * (within - lacking)
            all_out = all(label is Label.OUT for label in outside)
            out_count = rest * math.prod(sum(outs[k]) for k in held) if all_out else 0
        tallies[ident] = Tally(in_count, out_count, count - in_count - out_count)
        if in_count:
            choice = list(first)
            if Label.IN not in outside:
                k = next(k for k in held if any(ins[k]))
                choice[k] = ins[k].index(True)
            examples[ident][Status.IN] = whole(choice)
        if out_count:
            choice = list(first)
            for k in held:
                choice[k] = outs[k].index(True)
            examples[ident][Status.OUT] = whole(choice)
    return count, tallies, examples
