"""Whether claim statuses marked by hand on a map are those of its evaluation, and why not.

A student marks claims of a map IN, OUT or UNDEC (on a blank diagram, say); the marks are
right when some labelling of the evaluation gives every marked claim that status (for grounded,
ideal and eager semantics the one labelling; for the others, one of their extensions'). Where
none does, the labelling that differs on the fewest marked claims is the one compared with,
and each claim marked otherwise is named with its status there and why it has it.
"""

from __future__ import annotations

from collections.abc import Collection

import attrs

from argmap.errors import LabellingError, UnknownIdError
from argmap.evaluation import Evaluation, Status
from argmap.semantics import Labelling

__all__ = ["StatusCheck", "check_statuses"]


@attrs.frozen
class StatusCheck:
    """The outcome of :func:`check_statuses`: whether the marks are those of some labelling
    of the evaluation; ``compared``, the labelling they are compared with (one they agree
    with, or the closest); ``wrong``, each claim marked otherwise with its status there; and
    the problems in plain sentences."""

    semantics: str
    marks: dict[str, Status]
    holds: bool
    compared: Labelling | None
    wrong: dict[str, Status]
    problems: tuple[str, ...]
    verdict: str

    def explain(self) -> str:
        """The verdict and, where the marks are wrong, each wrong one with its reason."""
        return "\n".join([self.verdict, *self.problems])


def check_statuses(
    ev: Evaluation,
    *,
    in_: Collection[str] = (),
    out: Collection[str] = (),
    undec: Collection[str] = (),
) -> StatusCheck:
    """Whether the claims marked IN, OUT and UNDEC have those statuses in some labelling of
    ``ev``; claims not marked are not checked. An unknown claim, or one marked twice, is an
    error.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> a, b, c = m.claim("a", "A"), m.claim("b", "B"), m.claim("c", "C")
    >>> _ = m.rebut(b, a), m.rebut(c, b)
    >>> print(check_statuses(m.evaluate(), in_=["c", "b"]).explain())
    Not right under grounded semantics:
    - b is marked IN, but it is OUT:
      - 'B' (b) is defeated: 'C' (c) rebuts it, and stands.
    """
    marks: dict[str, Status] = {}
    for status, claims in ((Status.IN, in_), (Status.OUT, out), (Status.UNDEC, undec)):
        if isinstance(claims, str):  # its letters would each become a claim id
            raise TypeError(f"marks are a collection of claim ids, not one string: {claims!r}")
        for claim in claims:
            if claim not in ev.model.claim_by_id:
                raise UnknownIdError("claim", claim, ev.model.claim_by_id)
            if claim in marks and marks[claim] is not status:
                raise LabellingError(
                    f"claim {claim!r} is marked both {marks[claim].name} and {status.name}",
                    [claim],
                )
            marks[claim] = status
    name = ev.semantics_name
    wrongly = f"Not right under {name} semantics:"
    if not ev.labellings:
        none = (f"- {name} semantics gives this map no extension.",)
        return StatusCheck(name, marks, False, None, {}, none, wrongly)

    def misses(labelling: Labelling) -> dict[str, Status]:
        found = {claim: ev.label_in(claim, labelling) for claim in marks}
        return {claim: s for claim, s in found.items() if s is not marks[claim]}

    closest = min(ev.labellings, key=lambda labelling: len(misses(labelling)))
    wrong = misses(closest)
    several = len(ev.labellings) > 1
    position = ev.labellings.index(closest) + 1
    if not wrong:
        where = f" in extension {position}" if several else ""
        right = f"Right: under {name} semantics each marked claim has its mark{where}."
        return StatusCheck(name, marks, True, closest, {}, (), right)
    problems = []
    if several:
        listed = "" if ev.all_listed else f" (of the first {len(ev.labellings)} listed)"
        problems.append(
            f"- No extension gives every marked claim its mark{listed}; extension {position} "
            f"is the closest, where {len(wrong)} differ{'s' if len(wrong) == 1 else ''}."
        )
    there = " there" if several else ""
    for claim, status in wrong.items():
        problems.append(f"- {claim} is marked {marks[claim].name}, but it is {status.name}{there}:")
        problems.extend(f"  {line}" for line in ev.explain(claim).splitlines()[1:])
    return StatusCheck(name, marks, False, closest, wrong, tuple(problems), wrongly)
