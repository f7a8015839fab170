"""Argument maps: the DSL, its immutable model, the analyst's scales, and plain data."""

from argmap.map.builder import ArgumentMap
from argmap.map.model import (
    NEUTRAL_SCORE,
    Assessment,
    Attack,
    AttackKind,
    Claim,
    MapModel,
    Source,
    Support,
)
from argmap.map.scales import (
    Confidence,
    Credibility,
    Likelihood,
    Reliability,
    parse_admiralty,
    parse_judgement,
)

__all__ = [
    "NEUTRAL_SCORE",
    "ArgumentMap",
    "Assessment",
    "Attack",
    "AttackKind",
    "Claim",
    "Confidence",
    "Credibility",
    "Likelihood",
    "MapModel",
    "Reliability",
    "Source",
    "Support",
    "parse_admiralty",
    "parse_judgement",
]
