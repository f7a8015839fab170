"""What would change a claim's status: each assessment a map could hold, changed one at a time.

An analyst's judgements act on a map through its preferences: an attack from a strictly
weaker argument does not defeat. Which of those judgements does a conclusion rest on? This
module re-evaluates the map once for every other value of every judgement that bears on
the claim, one change at a time, and reports the changes after which the claim's status or
acceptance differs: the likelihood of each claim and of each inference (a claim or an
inference not yet judged gets each band in turn), the confidence in each likelihood judged,
and the reliability and the credibility of each source whose claims bear on it. It is the
single-change form of a key-assumptions check; changes that only act together are not tried.

Under the ASPIC+ and flat translations only the claims that bear on the claim (its
premises, attackers and undercutters, transitively) can change its status, and only their
judgements are tried; the bipolar translations derive attacks along supports in both
directions, so there every judgement in the map is tried.
"""

from __future__ import annotations

import enum
import textwrap
from typing import TYPE_CHECKING, NamedTuple

import attrs

from argmap.errors import UnknownIdError
from argmap.map.model import Assessment, Claim, MapModel
from argmap.map.scales import Confidence, Credibility, Likelihood, Reliability
from argmap.semantics.deadline import check_deadline, time_limit
from argmap.translate import resolve_translation

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.evaluation import Acceptance, Evaluation, Status
    from argmap.map.builder import ArgumentMap

__all__ = ["Change", "WhatWouldChange", "what_would_change"]


@attrs.frozen
class Change:
    """One judgement changed, and the claim's status and acceptance after it.

    ``target`` is a claim or support id (``kind`` "claim" or "support", ``scale``
    "likelihood" or "confidence") or a source's name (``kind`` "source", ``scale`` "reliability" or
    "credibility"); ``before`` is its value now, None when it was not judged on that scale.
    """

    target: str
    kind: str
    scale: str
    before: str | None
    after: str
    status: Status
    acceptance: Acceptance


@attrs.frozen
class WhatWouldChange:
    """The claim's status and acceptance as the map stands, the single changes tried, and
    those after which the status or the acceptance differs, in the map's order."""

    claim: str
    semantics: str
    status: Status
    acceptance: Acceptance
    tried: int
    changes: tuple[Change, ...]

    def __str__(self) -> str:
        head = (
            f"{self.claim} is {self.status.value.upper()} ({self.acceptance.value}) under "
            f"{self.semantics} semantics."
        )
        if not self.changes:
            return textwrap.fill(
                f"{head} None of the {self.tried} single changes of one judgement that bears "
                "on it changes that.",
                width=96,
            )
        lines = textwrap.wrap(
            f"{head} {len(self.changes)} of {self.tried} single changes of one judgement "
            "change that:",
            width=96,
        )
        # one line for each judgement and outcome, with the values that lead to it
        groups: dict[tuple[str, str, str, str | None, str, str], list[str]] = {}
        for c in self.changes:
            key = (c.kind, c.target, c.scale, c.before, c.status.value, c.acceptance.value)
            groups.setdefault(key, []).append(c.after)
        for (kind, target, scale, before, status, acceptance), values in groups.items():
            now = "not judged" if before is None else f"now {before}"
            said = values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"
            line = f"- {kind} {target!r} ({scale} {now}): {said} makes it {status.upper()}"
            lines += textwrap.wrap(f"{line} ({acceptance})", width=96, subsequent_indent="  ")
        return "\n".join(lines)


def what_would_change(
    subject: ArgumentMap | MapModel | Evaluation,
    claim: Claim | str,
    *,
    semantics: str | None = None,
    translation: str | None = None,
    link: str | None = None,
    timeout: float | None = None,
) -> WhatWouldChange:
    """Every single change of one judgement after which ``claim``'s status or acceptance
    differs (see the module's text), under ``semantics`` (grounded unless given),
    ``translation`` (aspic) and ``link`` (weakest).

    Given an evaluation, its semantics, translation and link principle are used (giving
    them again is an error), and its preferences must be on: with them off, judgements
    change no status. ``timeout`` bounds the whole search
    (:class:`~argmap.errors.SolverTimeout`).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> a, b = m.claim("a", "The bridge is safe"), m.claim("b", "A crack was reported")
    >>> _ = m.rebut(b, a)
    >>> _ = m.assess(a, likelihood="likely"), m.assess(b, likelihood="unlikely")
    >>> found = what_would_change(m, "a")
    >>> found.status.value, len(found.changes)
    ('in', 6)
    >>> first = found.changes[0]
    >>> first.target, first.before, first.after, first.status.value
    ('a', 'likely', 'almost no chance', 'out')
    """
    from argmap.evaluation import Evaluation, evaluate
    from argmap.map.builder import ArgumentMap

    if isinstance(subject, Evaluation):
        if not subject.preferences:
            raise ValueError(
                "judgements act through preferences, and this evaluation has them off: "
                "nothing a judgement says can change a status"
            )
        chosen = {"semantics": semantics, "translation": translation, "link": link}
        given = [name for name, value in chosen.items() if value is not None]
        if given:
            raise ValueError(
                f"an evaluation brings its own semantics, translation and link principle; "
                f"{', '.join(given)} given beside it would be ignored"
            )
        model = subject.model
        semantics, link = subject.semantics, subject.link
        translation = subject.translation.name
    else:
        model = subject.model() if isinstance(subject, ArgumentMap) else subject
        semantics = semantics or "grounded"
        translation = translation or "aspic"
        link = link or "weakest"
    claim = claim.id if isinstance(claim, Claim) else claim
    if claim not in model.claim_by_id:
        raise UnknownIdError("claim", claim, model.claim_by_id)
    translation = resolve_translation(translation)

    def outcome(changed: MapModel) -> tuple[Status, Acceptance, str]:
        check_deadline()
        ev = evaluate(changed, semantics, translation=translation, link=link)
        return ev.status(claim), ev.acceptance(claim), ev.semantics_name

    with time_limit(timeout):
        status, acceptance, name = outcome(model)
        changes: list[Change] = []
        tried = 0
        for trial in _alternatives(model, claim, translation):
            tried += 1
            new_status, new_acceptance, _ = outcome(trial.model)
            if (new_status, new_acceptance) != (status, acceptance):
                changes.append(Change(*trial[:5], status=new_status, acceptance=new_acceptance))
    return WhatWouldChange(claim, name, status, acceptance, tried, tuple(changes))


class _Trial(NamedTuple):
    """One judgement changed: what, on which scale, from what to what, and the map with it."""

    target: str
    kind: str
    scale: str
    before: str | None
    after: str
    model: MapModel


def _alternatives(model: MapModel, claim: str, translation: str) -> Iterator[_Trial]:
    """Each single change of one judgement, made the target's latest judgement, with the
    rest of the judgement it replaces (a likelihood's confidence, the other half of an
    Admiralty rating) kept."""
    if translation in ("aspic", "flat"):
        bearing = model.bearing_on(claim)
    else:
        bearing = frozenset(model.claim_by_id)

    def current(target: str, scales: tuple[str, ...]) -> Assessment | None:
        """The judgement that counts now: the latest with a value on the first scale (a
        likelihood), or on either (a source's rating)."""
        counted = scales[:1] if scales[0] == "likelihood" else scales
        for assessment in reversed(model.assessments_of(target)):
            if any(getattr(assessment, scale) is not None for scale in counted):
                return assessment
        return None

    def trials(target: str, kind: str, scales: tuple[str, ...]) -> Iterator[_Trial]:
        now = current(target, scales)
        kept = {} if now is None else {key: getattr(now, key) for key in _JUDGED}
        for scale in scales:
            if scale == "confidence" and (now is None or now.likelihood is None):
                continue  # a confidence weighs a likelihood, and there is none
            before = None if now is None else getattr(now, scale)
            for value in _SCALES[scale]:
                if value is not before:
                    judgement = Assessment(target, kind, **{**kept, scale: value})
                    changed = attrs.evolve(model, assessments=(*model.assessments, judgement))
                    shown = None if before is None else before.value
                    yield _Trial(target, kind, scale, shown, value.value, changed)

    for c in model.claims:
        if c.id in bearing:
            yield from trials(c.id, "claim", ("likelihood", "confidence"))
    for support in model.supports:
        if support.conclusion in bearing:
            yield from trials(support.id, "support", ("likelihood", "confidence"))
    cited = {c.source for c in model.claims if c.id in bearing}
    for source in model.sources:
        if source.name in cited:
            yield from trials(source.name, "source", ("reliability", "credibility"))


#: The scales a judgement is made on, and the fields of a judgement that carry a value.
_SCALES: dict[str, type[enum.Enum]] = {
    "likelihood": Likelihood,
    "confidence": Confidence,
    "reliability": Reliability,
    "credibility": Credibility,
}
_JUDGED = ("likelihood", "confidence", "reliability", "credibility")
