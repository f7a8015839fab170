"""Abstract argumentation semantics: pure functions over a :class:`~argmap.Framework`."""

from argmap.semantics.api import (
    accepted,
    count_extensions,
    credulous_witness,
    extensions,
    is_extension,
    iter_extensions,
    labellings,
    sceptical_counterexample,
    some_extension,
)
from argmap.semantics.deadline import time_limit
from argmap.semantics.labelling import Label, Labelling, grounded_labelling
from argmap.semantics.named import *  # noqa: F403
from argmap.semantics.named import __all__ as _named
from argmap.semantics.registry import SEMANTICS, SemanticsInfo, resolve_semantics

__all__ = [
    "SEMANTICS",
    "Label",
    "Labelling",
    "SemanticsInfo",
    "accepted",
    "count_extensions",
    "credulous_witness",
    "extensions",
    "grounded_labelling",
    "is_extension",
    "iter_extensions",
    "labellings",
    "resolve_semantics",
    "sceptical_counterexample",
    "some_extension",
    "time_limit",
    *_named,
]
