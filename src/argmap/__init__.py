"""argmap: formal argument mapping.

The curated public API; submodules hold the rest.

Declare claims, supports and attacks, evaluate them under Dung's semantics, and see which
conclusions survive. The abstract core is an ICCMA-compatible solver.

>>> from argmap import Framework, extensions, accepted
>>> af = Framework.from_attacks([("a", "b"), ("b", "a")], arguments=["c"])
>>> sorted(sorted(e) for e in extensions(af, "PR"))
[['a', 'c'], ['b', 'c']]
>>> accepted(af, "c", "PR", mode="sceptical")
True
"""

from __future__ import annotations

from argmap._lazy import lazy_exports

TYPE_CHECKING = False  # typing is not imported at run time: the command starts sooner

__version__ = "0.1.0"

# Names are imported on first use, so `argmap solve` starts without loading maps, rendering
# and evaluation. The mapping is the curated API: name -> module that defines it.
_EXPORTS = {
    **dict.fromkeys(
        [
            "ArgmapError",
            "DuplicateIdError",
            "FormatError",
            "InvalidRelationError",
            "MapError",
            "MapValidationError",
            "SolverTimeout",
            "TooManyExtensionsError",
            "UnknownArgumentError",
            "UnknownNameError",
            "UnknownSemanticsError",
        ],
        "argmap.errors",
    ),
    **dict.fromkeys(
        ["Acceptance", "Evaluation", "Status", "Tally", "evaluate"], "argmap.evaluation"
    ),
    "Framework": "argmap.framework",
    **dict.fromkeys(
        ["ArgumentMap", "Confidence", "Credibility", "Likelihood", "MapModel", "Reliability"],
        "argmap.map",
    ),
    **dict.fromkeys(
        [
            "SEMANTICS",
            "Label",
            "Labelling",
            "Reasoner",
            "accepted",
            "accepted_arguments",
            "count_extensions",
            "credulous_witness",
            "extensions",
            "grounded_extension",
            "grounded_labelling",
            "is_extension",
            "iter_extensions",
            "labellings",
            "resolve_semantics",
            "sceptical_counterexample",
            "some_extension",
            "time_limit",
        ],
        "argmap.semantics",
    ),
}


__getattr__, __dir__ = lazy_exports("argmap", _EXPORTS, globals())


if TYPE_CHECKING:
    from argmap.errors import (
        ArgmapError,
        DuplicateIdError,
        FormatError,
        InvalidRelationError,
        MapError,
        MapValidationError,
        SolverTimeout,
        TooManyExtensionsError,
        UnknownArgumentError,
        UnknownNameError,
        UnknownSemanticsError,
    )
    from argmap.evaluation import Acceptance, Evaluation, Status, Tally, evaluate
    from argmap.framework import Framework
    from argmap.map import (
        ArgumentMap,
        Confidence,
        Credibility,
        Likelihood,
        MapModel,
        Reliability,
    )
    from argmap.semantics import (
        SEMANTICS,
        Label,
        Labelling,
        Reasoner,
        accepted,
        accepted_arguments,
        count_extensions,
        credulous_witness,
        extensions,
        grounded_extension,
        grounded_labelling,
        is_extension,
        iter_extensions,
        labellings,
        resolve_semantics,
        sceptical_counterexample,
        some_extension,
        time_limit,
    )


__all__ = [
    "SEMANTICS",
    "Acceptance",
    "ArgmapError",
    "ArgumentMap",
    "Confidence",
    "Credibility",
    "DuplicateIdError",
    "Evaluation",
    "FormatError",
    "Framework",
    "InvalidRelationError",
    "Label",
    "Labelling",
    "Likelihood",
    "MapError",
    "MapModel",
    "MapValidationError",
    "Reasoner",
    "Reliability",
    "SolverTimeout",
    "Status",
    "Tally",
    "TooManyExtensionsError",
    "UnknownArgumentError",
    "UnknownNameError",
    "UnknownSemanticsError",
    "__version__",
    "accepted",
    "accepted_arguments",
    "count_extensions",
    "credulous_witness",
    "evaluate",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "is_extension",
    "iter_extensions",
    "labellings",
    "resolve_semantics",
    "sceptical_counterexample",
    "some_extension",
    "time_limit",
]
