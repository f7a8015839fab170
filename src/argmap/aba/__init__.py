"""Flat assumption-based argumentation (ABA): frameworks, semantics, the ICCMA ABA format.

>>> from argmap.aba import ABAFramework, extensions, accepted
>>> aba = ABAFramework(
...     rules=[("not_guilty", ["innocent"]), ("guilty", ["seen"])],
...     assumptions=["innocent", "seen"],
...     contraries={"innocent": "guilty", "seen": "mistaken"},
... )
>>> sorted(sorted(e) for e in extensions(aba, "PR"))
[['seen']]
>>> accepted(aba, "not_guilty", "PR", mode="credulous")
False
"""

from argmap._lazy import lazy_exports
from argmap.aba.arguments import argument_name, explain_atom, instantiate, supports
from argmap.aba.framework import ABAFramework, Rule
from argmap.aba.semantics import (
    ABA_SEMANTICS,
    accepted,
    accepted_atoms,
    count_extensions,
    credulous_witness,
    extensions,
    grounded_extension,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_extension,
    is_grounded,
    is_preferred,
    is_stable,
    iter_extensions,
    resolve_aba_semantics,
    sceptical_counterexample,
    some_extension,
)

__all__ = [
    "ABA_SEMANTICS",
    "ABAFramework",
    "Rule",
    "accepted",
    "accepted_atoms",
    "argument_name",
    "count_extensions",
    "credulous_witness",
    "explain_atom",
    "extensions",
    "grounded_extension",
    "instantiate",
    "is_admissible",
    "is_complete",
    "is_conflict_free",
    "is_extension",
    "is_grounded",
    "is_preferred",
    "is_stable",
    "iter_extensions",
    "parse_aba",
    "read_aba",
    "resolve_aba_semantics",
    "sceptical_counterexample",
    "some_extension",
    "supports",
    "write_aba",
]

_IO = {name: "argmap.io.aba" for name in ("parse_aba", "read_aba", "write_aba")}
__getattr__, __dir__ = lazy_exports("argmap.aba", _IO, globals())

TYPE_CHECKING = False
if TYPE_CHECKING:
    from argmap.io.aba import parse_aba, read_aba, write_aba
