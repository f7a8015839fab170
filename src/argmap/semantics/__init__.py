"""Abstract argumentation semantics: pure functions over a :class:`~argmap.Framework`.

Names are imported on first use, so the solver's engine modules load without the catalogue
of named enumerators and checkers.
"""

from __future__ import annotations

from argmap._lazy import lazy_exports

TYPE_CHECKING = False  # typing is not imported at run time: the command starts sooner

_NAMED = [
    "admissible_extensions",
    "cf2_extensions",
    "complete_extensions",
    "conflict_free_extensions",
    "eager_extension",
    "grounded_extension",
    "ideal_extension",
    "is_admissible",
    "is_cf2",
    "is_complete",
    "is_conflict_free",
    "is_eager",
    "is_grounded",
    "is_ideal",
    "is_naive",
    "is_preferred",
    "is_semi_stable",
    "is_stable",
    "is_stage",
    "is_stage2",
    "is_strongly_admissible",
    "naive_extensions",
    "preferred_extensions",
    "semi_stable_extensions",
    "stable_extensions",
    "stage2_extensions",
    "stage_extensions",
    "strongly_admissible_extensions",
]

_EXPORTS = {
    **dict.fromkeys(
        [
            "accepted",
            "accepted_arguments",
            "count_extensions",
            "credulous_witness",
            "extensions",
            "is_extension",
            "iter_extensions",
            "labellings",
            "sceptical_counterexample",
            "some_extension",
        ],
        "argmap.semantics.api",
    ),
    "Reasoner": "argmap.semantics.reasoner",
    "explain_argument": "argmap.semantics.explanation",
    **dict.fromkeys(
        ["LabellingCheck", "check_labelling", "legal_label"], "argmap.semantics.legality"
    ),
    "time_limit": "argmap.semantics.deadline",
    **dict.fromkeys(["categoriser", "explain_degree", "ranked"], "argmap.semantics.ranking"),
    **dict.fromkeys(
        ["GroundedRound", "Label", "Labelling", "grounded_labelling", "grounded_rounds"],
        "argmap.semantics.labelling",
    ),
    **dict.fromkeys(_NAMED, "argmap.semantics.named"),
    **dict.fromkeys(
        ["SEMANTICS", "SemanticsInfo", "resolve_semantics"], "argmap.semantics.registry"
    ),
}

__getattr__, __dir__ = lazy_exports("argmap.semantics", _EXPORTS, globals())

if TYPE_CHECKING:
    from argmap.semantics.api import (
        accepted,
        accepted_arguments,
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
    from argmap.semantics.explanation import explain_argument
    from argmap.semantics.labelling import (
        GroundedRound,
        Label,
        Labelling,
        grounded_labelling,
        grounded_rounds,
    )
    from argmap.semantics.legality import LabellingCheck, check_labelling, legal_label
    from argmap.semantics.named import (
        admissible_extensions,
        cf2_extensions,
        complete_extensions,
        conflict_free_extensions,
        eager_extension,
        grounded_extension,
        ideal_extension,
        is_admissible,
        is_cf2,
        is_complete,
        is_conflict_free,
        is_eager,
        is_grounded,
        is_ideal,
        is_naive,
        is_preferred,
        is_semi_stable,
        is_stable,
        is_stage,
        is_stage2,
        is_strongly_admissible,
        naive_extensions,
        preferred_extensions,
        semi_stable_extensions,
        stable_extensions,
        stage2_extensions,
        stage_extensions,
        strongly_admissible_extensions,
    )
    from argmap.semantics.ranking import categoriser, explain_degree, ranked
    from argmap.semantics.reasoner import Reasoner
    from argmap.semantics.registry import SEMANTICS, SemanticsInfo, resolve_semantics

__all__ = [
    "SEMANTICS",
    "GroundedRound",
    "Label",
    "Labelling",
    "LabellingCheck",
    "Reasoner",
    "SemanticsInfo",
    "accepted",
    "accepted_arguments",
    "admissible_extensions",
    "categoriser",
    "cf2_extensions",
    "check_labelling",
    "complete_extensions",
    "conflict_free_extensions",
    "count_extensions",
    "credulous_witness",
    "eager_extension",
    "explain_argument",
    "explain_degree",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "grounded_rounds",
    "ideal_extension",
    "is_admissible",
    "is_cf2",
    "is_complete",
    "is_conflict_free",
    "is_eager",
    "is_extension",
    "is_grounded",
    "is_ideal",
    "is_naive",
    "is_preferred",
    "is_semi_stable",
    "is_stable",
    "is_stage",
    "is_stage2",
    "is_strongly_admissible",
    "iter_extensions",
    "labellings",
    "legal_label",
    "naive_extensions",
    "preferred_extensions",
    "ranked",
    "resolve_semantics",
    "sceptical_counterexample",
    "semi_stable_extensions",
    "some_extension",
    "stable_extensions",
    "stage2_extensions",
    "stage_extensions",
    "strongly_admissible_extensions",
    "time_limit",
]
