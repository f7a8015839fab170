"""The analyst's scales: ICD 203 likelihood, confidence, and the Admiralty code for sources.

Each scale word maps to a base score in [0, 1], used two ways: to order arguments when
assessments act as preferences, and as the base score of the DF-QuAD gradual semantics.
"""

from __future__ import annotations

import enum
import re
from typing import TypeVar

from argmap.errors import UnknownNameError

__all__ = [
    "Confidence",
    "Credibility",
    "Likelihood",
    "Reliability",
    "parse_admiralty",
    "parse_judgement",
]


_E = TypeVar("_E", bound=enum.Enum)


def _lookup(scale: type[_E], kind: str, value: object) -> _E:
    if isinstance(value, scale):
        return value
    if isinstance(value, str):
        key = " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
        for member in scale:
            if key in (str(member.value).lower(), member.name.lower().replace("_", " ")):
                return member
    elif isinstance(value, int) and not isinstance(value, bool):
        for member in scale:
            if str(member.value) == str(value):
                return member
    raise UnknownNameError(kind, value, [str(m.value) for m in scale])


class Likelihood(enum.Enum):
    """The seven likelihood bands of Intelligence Community Directive 203 (2015).

    ``probability`` is the band's range; ``score`` its midpoint.

    >>> Likelihood.parse("likely").probability
    (0.55, 0.8)
    >>> Likelihood.parse("probable") is Likelihood.LIKELY
    True
    """

    ALMOST_NO_CHANCE = "almost no chance"
    VERY_UNLIKELY = "very unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly even chance"
    LIKELY = "likely"
    VERY_LIKELY = "very likely"
    ALMOST_CERTAIN = "almost certain"

    @property
    def probability(self) -> tuple[float, float]:
        return _BANDS[self]

    @property
    def score(self) -> float:
        low, high = _BANDS[self]
        return round((low + high) / 2, 4)

    @classmethod
    def parse(cls, value: object) -> Likelihood:
        """A band from its word, or from the synonym ICD 203 pairs with it."""
        if isinstance(value, str):
            key = " ".join(value.strip().lower().split())
            if key in _SYNONYMS:
                return _SYNONYMS[key]
        return _lookup(cls, "likelihood", value)


_BANDS = {
    Likelihood.ALMOST_NO_CHANCE: (0.01, 0.05),
    Likelihood.VERY_UNLIKELY: (0.05, 0.20),
    Likelihood.UNLIKELY: (0.20, 0.45),
    Likelihood.ROUGHLY_EVEN_CHANCE: (0.45, 0.55),
    Likelihood.LIKELY: (0.55, 0.80),
    Likelihood.VERY_LIKELY: (0.80, 0.95),
    Likelihood.ALMOST_CERTAIN: (0.95, 0.99),
}
_SYNONYMS = {
    "remote": Likelihood.ALMOST_NO_CHANCE,
    "highly improbable": Likelihood.VERY_UNLIKELY,
    "improbable": Likelihood.UNLIKELY,
    "improbably": Likelihood.UNLIKELY,
    "roughly even odds": Likelihood.ROUGHLY_EVEN_CHANCE,
    "even chance": Likelihood.ROUGHLY_EVEN_CHANCE,
    "probable": Likelihood.LIKELY,
    "probably": Likelihood.LIKELY,
    "highly probable": Likelihood.VERY_LIKELY,
    "nearly certain": Likelihood.ALMOST_CERTAIN,
}


class Confidence(enum.Enum):
    """Analytic confidence in a judgement. ``weight`` says how far it moves a score from 0.5.

    >>> Confidence.parse("Moderate").weight
    0.75
    """

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def weight(self) -> float:
        return {"low": 0.5, "moderate": 0.75, "high": 1.0}[self.value]

    @classmethod
    def parse(cls, value: object) -> Confidence:
        return _lookup(cls, "confidence", value)


class Reliability(enum.Enum):
    """Admiralty code: reliability of a source, A (completely reliable) to F (cannot be judged).

    >>> Reliability.parse("b").label
    'usually reliable'
    """

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def label(self) -> str:
        return {
            "A": "completely reliable",
            "B": "usually reliable",
            "C": "fairly reliable",
            "D": "not usually reliable",
            "E": "unreliable",
            "F": "reliability cannot be judged",
        }[self.value]

    @property
    def score(self) -> float:
        return {"A": 0.95, "B": 0.8, "C": 0.65, "D": 0.35, "E": 0.15, "F": 0.5}[self.value]

    @classmethod
    def parse(cls, value: object) -> Reliability:
        if isinstance(value, str):
            value = value.strip().upper()
        return _lookup(cls, "source reliability (Admiralty code)", value)


class Credibility(enum.Enum):
    """Admiralty code: credibility of information, 1 (confirmed) to 6 (cannot be judged).

    >>> Credibility.parse(2).label
    'probably true'
    """

    CONFIRMED = "1"
    PROBABLY_TRUE = "2"
    POSSIBLY_TRUE = "3"
    DOUBTFUL = "4"
    IMPROBABLE = "5"
    CANNOT_BE_JUDGED = "6"

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")

    @property
    def score(self) -> float:
        return {"1": 0.95, "2": 0.8, "3": 0.6, "4": 0.35, "5": 0.15, "6": 0.5}[self.value]

    @classmethod
    def parse(cls, value: object) -> Credibility:
        return _lookup(cls, "information credibility (Admiralty code)", value)


def parse_admiralty(code: str) -> tuple[Reliability, Credibility]:
    """Split an Admiralty rating such as ``"B2"``.

    >>> parse_admiralty("B2")
    (<Reliability.B: 'B'>, <Credibility.PROBABLY_TRUE: '2'>)
    """
    match = re.fullmatch(r"\s*([A-Fa-f])\s*-?\s*([1-6])\s*", str(code))
    if match is None:
        raise UnknownNameError(
            "Admiralty rating", code, [f"{r}{c}" for r in "ABCDEF" for c in "123456"], limit=8
        )
    return Reliability.parse(match.group(1)), Credibility.parse(match.group(2))


_LIKELIHOOD_WORDS = sorted([*(m.value for m in Likelihood), *_SYNONYMS], key=len, reverse=True)
_CONFIDENCE = re.compile(
    r"\b(low|moderate|high)(?:\s*-\s*|\s+)confidence\b|"
    r"\bconfidence\s+(?:is\s+)?(low|moderate|high)\b",
    re.IGNORECASE,
)


def parse_judgement(text: str) -> tuple[Likelihood | None, Confidence | None]:
    """Read likelihood and confidence from an analyst's sentence.

    >>> parse_judgement("We assess with moderate confidence that the talks are likely to fail")
    (<Likelihood.LIKELY: 'likely'>, <Confidence.MODERATE: 'moderate'>)
    >>> parse_judgement("We judge it highly improbable (low confidence)")
    (<Likelihood.VERY_UNLIKELY: 'very unlikely'>, <Confidence.LOW: 'low'>)
    """
    lowered = " ".join(text.lower().split())
    confidence = None
    match = _CONFIDENCE.search(lowered)
    if match:
        confidence = Confidence.parse(match.group(1) or match.group(2))
        lowered = lowered[: match.start()] + " " + lowered[match.end() :]
    likelihood = None
    for word in _LIKELIHOOD_WORDS:
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            likelihood = Likelihood.parse(word)
            break
    if likelihood is None and confidence is None:
        words = [m.value for m in Likelihood] + [f"{c.value} confidence" for c in Confidence]
        raise UnknownNameError(
            "judgement wording (no likelihood or confidence word in it)", text, words
        )
    return likelihood, confidence
