"""Bipolar translations: one argument per claim, supports turned into derived attacks.

Each claim is an abstract argument; rebuttals, underminings and contradictions are attacks
between them (with preferences, one from a strictly weaker claim is dropped). Supports are
read one of two ways (Cayrol and Lagasquie-Schiex 2013, "Bipolarity in argumentation graphs:
towards a better understanding", International Journal of Approximate Reasoning 54(7)):

* deductive support (``a`` supports ``b``: accepting ``a`` forces ``b``): a *supported attack*
  (``a`` supports, via a chain, some ``x`` that attacks ``c``, so ``a`` attacks ``c``) and a
  *mediated attack* (``c`` attacks ``x`` and ``a`` supports ``x`` via a chain, so ``c``
  attacks ``a``);
* necessary support (``a`` is necessary for ``b``): a *secondary attack* (``c`` attacks ``a``
  and ``a`` is necessary for ``b`` via a chain, so ``c`` attacks ``b``) and an *extended
  attack* (``a`` is necessary for ``b`` via a chain and ``a`` attacks ``c``, so ``b`` attacks
  ``c``).

Each premise of a linked support counts as a supporter on its own. Undercuts have no place in
a bipolar framework: the evaluation notes each one it leaves out.

The flat translation keeps only the direct attacks and ignores supports altogether.
"""

from __future__ import annotations

from argmap.framework import Framework
from argmap.map.model import AttackKind, MapModel
from argmap.translate.common import (
    CancelledAttack,
    Translation,
    claim_arguments,
    direct_claim_attacks,
)

__all__ = ["translate_bipolar", "translate_flat"]


def _direct(
    model: MapModel, preferences: bool
) -> tuple[dict[tuple[str, str], list[str]], list[CancelledAttack]]:
    origins: dict[tuple[str, str], list[str]] = {}
    cancelled = []
    for attacker, target, relation in direct_claim_attacks(model):
        a, t = model.base_score(attacker), model.base_score(target)
        if preferences and a < t:
            cancelled.append(CancelledAttack(attacker, target, relation, a, t))
        else:
            origins.setdefault((attacker, target), []).append(relation)
    return origins, cancelled


def _undercut_notes(model: MapModel, translation: str) -> list[str]:
    return [
        f"undercut {a.id!r} ({a.attacker!r} against support {a.target!r}) has no counterpart "
        f"in the {translation} translation and is left out"
        for a in model.attacks
        if a.kind is AttackKind.UNDERCUT
    ]


def _support_closure(model: MapModel) -> dict[str, set[str]]:
    """For each claim, the claims it supports through a chain of one or more supports."""
    direct: dict[str, set[str]] = {c.id: set() for c in model.claims}
    for support in model.supports:
        for premise in support.premises:
            direct[premise].add(support.conclusion)
    closure: dict[str, set[str]] = {}
    for start in direct:
        reached: set[str] = set()
        stack = list(direct[start])
        while stack:
            current = stack.pop()
            if current not in reached:
                reached.add(current)
                stack.extend(direct[current])
        closure[start] = reached
    return closure


def translate_bipolar(model: MapModel, *, kind: str, preferences: bool = True) -> Translation:
    """The bipolar translation with ``kind`` ``"deductive"`` or ``"necessary"`` support."""
    origins, cancelled = _direct(model, preferences)
    direct_pairs = list(origins)
    reach = _support_closure(model)
    derived: dict[tuple[str, str], str] = {}
    for x, y in direct_pairs:
        for a, supported in reach.items():
            if kind == "deductive":
                if x in supported:  # a supports x, x attacks y: supported attack
                    derived.setdefault((a, y), "derived:supported")
                if y in supported:  # a supports y, x attacks y: mediated attack on a
                    derived.setdefault((x, a), "derived:mediated")
            else:
                if y == a:  # x attacks a, a is necessary for b: secondary attack
                    for b in supported:
                        derived.setdefault((x, b), "derived:secondary")
                if x == a:  # a is necessary for b, a attacks y: extended attack
                    for b in supported:
                        derived.setdefault((b, y), "derived:extended")
    for pair, origin in derived.items():
        origins.setdefault(pair, []).append(origin)
    arguments = claim_arguments(model, {c.id: model.base_score(c.id) for c in model.claims})
    notes = _undercut_notes(model, f"bipolar ({kind})")
    if kind == "deductive" and any(s.linked for s in model.supports):
        notes.append(
            "linked supports are read premise by premise: under deductive support "
            "each premise alone is taken to force the conclusion"
        )
    return Translation(
        kind,
        Framework(frozenset(arguments), frozenset(origins)),
        arguments,
        {c.id: (c.id,) for c in model.claims},
        {pair: tuple(origin) for pair, origin in origins.items()},
        tuple(cancelled),
        tuple(notes),
    )


def translate_flat(model: MapModel, *, preferences: bool = True) -> Translation:
    """One argument per claim and only the direct attacks; supports play no part."""
    origins, cancelled = _direct(model, preferences)
    arguments = claim_arguments(model, {c.id: model.base_score(c.id) for c in model.claims})
    notes = _undercut_notes(model, "flat")
    if model.supports:
        count = len(model.supports)
        notes.append(
            "the flat translation ignores "
            + ("the map's one support" if count == 1 else f"all {count} supports")
        )
    return Translation(
        "flat",
        Framework(frozenset(arguments), frozenset(origins)),
        arguments,
        {c.id: (c.id,) for c in model.claims},
        {pair: tuple(origin) for pair, origin in origins.items()},
        tuple(cancelled),
        tuple(notes),
    )
