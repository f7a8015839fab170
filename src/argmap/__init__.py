"""argmap: formal argument mapping.

Declare claims, supports and attacks, evaluate them under Dung's semantics, and see which
conclusions survive. The abstract core is an ICCMA-compatible solver.

>>> from argmap import Framework, extensions, accepted
>>> af = Framework.from_attacks([("a", "b"), ("b", "a")], arguments=["c"])
>>> sorted(sorted(e) for e in extensions(af, "PR"))
[['a', 'c'], ['b', 'c']]
>>> accepted(af, "c", "PR", mode="sceptical")
True
"""

from argmap.errors import (
    ArgmapError,
    FormatError,
    SolverTimeout,
    UnknownArgumentError,
    UnknownNameError,
    UnknownSemanticsError,
)
from argmap.framework import Framework
from argmap.semantics import (
    SEMANTICS,
    Label,
    Labelling,
    accepted,
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

__version__ = "0.1.0"

__all__ = [
    "SEMANTICS",
    "ArgmapError",
    "FormatError",
    "Framework",
    "Label",
    "Labelling",
    "SolverTimeout",
    "UnknownArgumentError",
    "UnknownNameError",
    "UnknownSemanticsError",
    "__version__",
    "accepted",
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
]
