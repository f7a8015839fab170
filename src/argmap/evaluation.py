"""Evaluating a map: translate, apply a semantics, and read each claim's status.

A claim's label in one labelling is IN when some argument for it is IN, OUT when every
argument for it is OUT (so a claim no argument can be built for is OUT), UNDEC otherwise.
Across the labellings of a semantics with several extensions, ``status`` is IN when the claim
is IN in all of them, OUT when OUT in all, UNDEC otherwise; ``acceptance`` is SCEPTICAL when
IN in all, CREDULOUS when IN in some, REJECTED when IN in none. When a semantics has no
extension at all, every claim is UNDEC and REJECTED, and the evaluation says so.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from argmap.errors import UnknownIdError
from argmap.framework import Framework
from argmap.gradual import dfquad_strengths
from argmap.map.model import Claim, MapModel
from argmap.semantics import Label, Labelling, labellings, resolve_semantics
from argmap.semantics.registry import SEMANTICS
from argmap.translate import Translation, translate

__all__ = ["Acceptance", "Evaluation", "Status", "evaluate"]


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


@attrs.frozen(eq=False)
class Evaluation:
    """The outcome of evaluating a map under one semantics and one translation."""

    model: MapModel
    semantics: str
    translation: Translation
    labellings: tuple[Labelling, ...]
    strengths: dict[str, float]
    strengths_settled: bool
    preferences: bool
    link: str

    @property
    def framework(self) -> Framework:
        return self.translation.framework

    @property
    def semantics_name(self) -> str:
        return SEMANTICS[self.semantics].name

    @property
    def has_extensions(self) -> bool:
        return bool(self.labellings)

    @property
    def notes(self) -> tuple[str, ...]:
        """Everything the reader should know that the statuses alone do not say."""
        notes = list(self.translation.notes)
        if not self.labellings:
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
        """The claim's status in each labelling, in order."""
        return tuple(self.label_in(claim, lab) for lab in self.labellings)

    def status(self, claim: Claim | str) -> Status:
        """IN when IN in every labelling, OUT when OUT in every one, UNDEC otherwise."""
        labels = set(self.labels(claim))
        if labels == {Status.IN}:
            return Status.IN
        if labels == {Status.OUT}:
            return Status.OUT
        return Status.UNDEC

    def acceptance(self, claim: Claim | str) -> Acceptance:
        """SCEPTICAL when IN in every extension, CREDULOUS when in some, REJECTED otherwise."""
        labels = self.labels(claim)
        if labels and all(s is Status.IN for s in labels):
            return Acceptance.SCEPTICAL
        if Status.IN in labels:
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
            "extensions": len(self.labellings),
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
) -> Evaluation:
    """Evaluate a map model; :meth:`ArgumentMap.evaluate` calls this."""
    code = resolve_semantics(semantics)
    translated = translate(model, translation, preferences=preferences, link=link)
    found = labellings(translated.framework, code, timeout=timeout)
    strengths, settled = dfquad_strengths(model)
    return Evaluation(model, code, translated, tuple(found), strengths, settled, preferences, link)
