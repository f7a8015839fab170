"""What every translation produces: a Dung framework and a trace back to the map."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from argmap.framework import Framework
from argmap.map.model import AttackKind, MapModel

__all__ = ["CancelledAttack", "StructuredArgument", "Translation", "claim_arguments"]


@attrs.frozen
class StructuredArgument:
    """An abstract argument and what it stands for in the map.

    ``support`` is the last inference (None for a claim taken as a premise); ``claims`` and
    ``supports`` are every claim and inference the argument uses, its conclusion included.
    """

    name: str
    conclusion: str
    support: str | None
    subarguments: tuple[str, ...]
    premises: frozenset[str]
    claims: frozenset[str]
    supports: frozenset[str]
    strength: float


@attrs.frozen
class CancelledAttack:
    """An attack that preferences stopped from being a defeat, and why."""

    attacker: str
    target: str
    relation: str
    attacker_strength: float
    target_strength: float


@attrs.frozen
class Translation:
    """A map translated into a framework of defeats, with its trace."""

    name: str
    framework: Framework
    arguments: dict[str, StructuredArgument]
    arguments_for: dict[str, tuple[str, ...]]
    # each defeat -> the ids of the map relations behind it (or "derived:<kind>")
    origins: dict[tuple[str, str], tuple[str, ...]]
    cancelled: tuple[CancelledAttack, ...] = ()
    notes: tuple[str, ...] = ()

    def derived(self) -> frozenset[tuple[str, str]]:
        """Defeats that no single map relation states: the translation inferred them."""
        return frozenset(
            pair
            for pair, origin in self.origins.items()
            if all(o.startswith("derived:") for o in origin)
        )


def claim_arguments(model: MapModel, strengths: dict[str, float]) -> dict[str, StructuredArgument]:
    """One abstract argument per claim, named by the claim id (flat and bipolar translations)."""
    return {
        claim.id: StructuredArgument(
            claim.id,
            claim.id,
            None,
            (),
            frozenset({claim.id}),
            frozenset({claim.id}),
            frozenset(),
            strengths[claim.id],
        )
        for claim in model.claims
    }


def direct_claim_attacks(model: MapModel) -> Iterable[tuple[str, str, str]]:
    """(attacker claim, target claim, relation id) for every rebut, undermine and both
    directions of every contradiction."""
    for attack in model.attacks:
        if attack.kind is AttackKind.UNDERCUT:
            continue
        yield attack.attacker, attack.target, attack.id
        if attack.kind is AttackKind.CONTRADICT:
            yield attack.target, attack.attacker, attack.id
