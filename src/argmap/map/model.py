"""The immutable model of an argument map: claims, supports, attacks, sources, assessments.

Nodes are small frozen records that refer to each other by id; the relations live in the
:class:`MapModel`, never on the nodes. :class:`~argmap.map.builder.ArgumentMap` builds one.
"""

from __future__ import annotations

import enum
from functools import cached_property

import attrs

from argmap.map.scales import Confidence, Credibility, Likelihood, Reliability

__all__ = [
    "NEUTRAL_SCORE",
    "Assessment",
    "Attack",
    "AttackKind",
    "Claim",
    "MapModel",
    "Source",
    "Support",
]

#: The base score of a claim nobody has assessed: neither likely nor unlikely.
NEUTRAL_SCORE = 0.5


class AttackKind(enum.StrEnum):
    """How one claim speaks against something else."""

    REBUT = "rebut"  # a reason against a claim
    UNDERMINE = "undermine"  # a reason against a claim used as a premise
    UNDERCUT = "undercut"  # a reason against an inference (a support), not its conclusion
    CONTRADICT = "contradict"  # two claims exclude each other (symmetric)


@attrs.frozen
class Source:
    """Where a claim comes from (a person, an outlet, a document)."""

    name: str
    note: str | None = None


@attrs.frozen
class Claim:
    """A statement. ``section`` groups claims into clusters for diagrams."""

    id: str
    text: str
    source: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    section: str | None = None


@attrs.frozen
class Support:
    """An inference from premises to a conclusion; linked when it has several premises.

    Several supports of one claim are independent (convergent) reasons for it.
    """

    id: str
    premises: tuple[str, ...]
    conclusion: str
    label: str | None = None

    @property
    def linked(self) -> bool:
        return len(self.premises) > 1


@attrs.frozen
class Attack:
    """An attack: ``attacker`` (a claim id) against ``target`` (a claim id, or a support id
    for an undercut). ``label`` names the kind of conflict in the analyst's words, such as
    a conflict scheme ("Conflict From Expert Opinion")."""

    id: str
    kind: AttackKind
    attacker: str
    target: str
    label: str | None = None


@attrs.frozen
class Assessment:
    """An analyst's judgement on a claim, a support or a source, kept apart from structure."""

    target: str
    target_kind: str  # "claim", "support" or "source"
    likelihood: Likelihood | None = None
    confidence: Confidence | None = None
    reliability: Reliability | None = None
    credibility: Credibility | None = None
    by: str | None = None
    note: str | None = None
    wording: str | None = None

    def badge(self) -> str:
        """A compact text such as ``likely · moderate`` or ``B2``."""
        parts = []
        if self.likelihood is not None:
            parts.append(self.likelihood.value)
        if self.confidence is not None:
            parts.append(self.confidence.value)
        rating = (self.reliability.value if self.reliability else "") + (
            self.credibility.value if self.credibility else ""
        )
        if rating:
            parts.append(rating)
        return " · ".join(parts)


def _confidence_adjusted(score: float, confidence: Confidence | None) -> float:
    weight = 1.0 if confidence is None else confidence.weight
    return round(NEUTRAL_SCORE + (score - NEUTRAL_SCORE) * weight, 6)


@attrs.frozen
class MapModel:
    """A whole map, frozen: what translation, evaluation and rendering read."""

    title: str
    claims: tuple[Claim, ...]
    supports: tuple[Support, ...]
    attacks: tuple[Attack, ...]
    sources: tuple[Source, ...]
    assessments: tuple[Assessment, ...]
    sections: tuple[str, ...] = ()
    description: str | None = None

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def support_by_id(self) -> dict[str, Support]:
        return {support.id: support for support in self.supports}

    @cached_property
    def supports_of(self) -> dict[str, tuple[Support, ...]]:
        """The supports concluding each claim, in the order they were declared."""
        result: dict[str, list[Support]] = {claim.id: [] for claim in self.claims}
        for support in self.supports:
            result[support.conclusion].append(support)
        return {key: tuple(value) for key, value in result.items()}

    def bearing_on(self, claim_id: str) -> frozenset[str]:
        """The claim and the claims that bear on it: its premises, attackers and
        undercutters, and theirs, transitively (with both sides of a contradiction). Its
        status depends on these claims alone, and on the supports concluding them.
        """
        feeds: dict[str, set[str]] = {c.id: set() for c in self.claims}
        for support in self.supports:
            feeds[support.conclusion].update(support.premises)
        for attack in self.attacks:
            if attack.kind is AttackKind.UNDERCUT:
                feeds[self.support_by_id[attack.target].conclusion].add(attack.attacker)
            else:
                feeds[attack.target].add(attack.attacker)
                if attack.kind is AttackKind.CONTRADICT:
                    feeds[attack.attacker].add(attack.target)
        seen = {claim_id}
        stack = [claim_id]
        while stack:
            for nxt in feeds[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return frozenset(seen)

    def assessments_of(self, target: str) -> tuple[Assessment, ...]:
        return tuple(a for a in self.assessments if a.target == target)

    def latest_assessment(self, target: str) -> Assessment | None:
        found = self.assessments_of(target)
        return found[-1] if found else None

    def assessed_score(self, target: str) -> float | None:
        """The base score of a claim or support from its latest likelihood judgement, moved
        towards 0.5 by lower confidence; for a claim with none, from its source's Admiralty
        rating; None when nothing about it was assessed."""
        for assessment in reversed(self.assessments_of(target)):
            if assessment.likelihood is not None:
                return _confidence_adjusted(assessment.likelihood.score, assessment.confidence)
        claim = self.claim_by_id.get(target)
        if claim is not None and claim.source is not None:
            return self.source_score(claim.source)
        return None

    def source_score(self, name: str) -> float | None:
        """The mean of the reliability and credibility scores of a source's latest rating."""
        for assessment in reversed(self.assessments_of(name)):
            scores = [
                part.score
                for part in (assessment.reliability, assessment.credibility)
                if part is not None
            ]
            if scores:
                return round(sum(scores) / len(scores), 6)
        return None

    def base_score(self, claim_id: str) -> float:
        """A claim's base score: assessed, or :data:`NEUTRAL_SCORE`."""
        score = self.assessed_score(claim_id)
        return NEUTRAL_SCORE if score is None else score
