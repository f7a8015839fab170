"""The default translation: structured arguments built the ASPIC+ way.

An argument is either a claim with no support, taken as a premise, or a support applied to
one argument for each of its premises; a claim with supports therefore stands only through
one of them. Arguments are finite trees and never use their own conclusion below the top,
so cycles of support build nothing circular.

* A rebut, undermine or contradiction against claim ``c`` attacks every argument that
  concludes or uses ``c``, on its sub-argument for ``c``.
* An undercut against support ``s`` attacks every argument that uses ``s``.
* With preferences, an attack from an argument strictly weaker than the sub-argument it hits
  is no defeat; an undercut always defeats. Strength is the weakest link (the least base score
  of the premises and assessed supports used) or the last link (the last inference's score).

Reference: Modgil, S. and Prakken, H. (2014). The ASPIC+ framework for structured
argumentation: a tutorial. Argument & Computation 5(1).
"""

from __future__ import annotations

import itertools

from argmap.errors import MapError
from argmap.framework import Framework
from argmap.map.model import AttackKind, MapModel
from argmap.translate.common import CancelledAttack, StructuredArgument, Translation

__all__ = ["MAX_ARGUMENTS", "translate_aspic"]

#: Past this many structured arguments the map is too entangled for this translation.
MAX_ARGUMENTS = 20000


def _build_arguments(model: MapModel, link: str) -> list[StructuredArgument]:
    built: list[StructuredArgument] = []
    by_claim: dict[str, list[StructuredArgument]] = {c.id: [] for c in model.claims}
    seen: set[tuple[str, tuple[str, ...]]] = set()

    def add(argument: StructuredArgument) -> None:
        if len(built) >= MAX_ARGUMENTS:
            raise MapError(
                f"the map yields more than {MAX_ARGUMENTS} structured arguments (linked "
                "supports over many alternative reasons multiply); evaluate it with "
                "translation='deductive', 'necessary' or 'flat' instead"
            )
        built.append(argument)
        by_claim[argument.conclusion].append(argument)

    for claim in model.claims:
        if not model.supports_of[claim.id]:
            score = model.base_score(claim.id)
            add(
                StructuredArgument(
                    f"A{len(built) + 1}",
                    claim.id,
                    None,
                    (),
                    frozenset({claim.id}),
                    frozenset({claim.id}),
                    frozenset(),
                    score,
                )
            )
    changed = True
    while changed:
        changed = False
        for support in model.supports:
            pools = [list(by_claim[p]) for p in support.premises]
            for combination in itertools.product(*pools):
                key = (support.id, tuple(a.name for a in combination))
                if key in seen:
                    continue
                seen.add(key)
                used = frozenset().union(*(a.claims for a in combination))
                if support.conclusion in used:
                    continue  # circular: the conclusion would support itself
                add(
                    _apply(
                        model,
                        support.id,
                        support.conclusion,
                        combination,
                        link,
                        f"A{len(built) + 1}",
                    )
                )
                changed = True
    return built


def _apply(
    model: MapModel,
    support: str,
    conclusion: str,
    subs: tuple[StructuredArgument, ...],
    link: str,
    name: str,
) -> StructuredArgument:
    inference = model.assessed_score(support)
    claimed = model.assessed_score(conclusion)
    if link == "weakest":
        scores = [a.strength for a in subs]
        scores += [s for s in (inference, claimed) if s is not None]
        strength = min(scores)
    else:  # last link: the last inference decides, else the conclusion's own assessment
        if inference is not None:
            strength = inference
        elif claimed is not None:
            strength = claimed
        else:
            strength = min(a.strength for a in subs)
    return StructuredArgument(
        name,
        conclusion,
        support,
        tuple(a.name for a in subs),
        frozenset().union(*(a.premises for a in subs)),
        frozenset({conclusion}).union(*(a.claims for a in subs)),
        frozenset({support}).union(*(a.supports for a in subs)),
        strength,
    )


def _sub_arguments_for(
    arguments: dict[str, StructuredArgument], top: StructuredArgument, claim: str
) -> list[StructuredArgument]:
    """The sub-arguments of ``top`` (itself included) that conclude ``claim``."""
    found = []
    stack = [top]
    while stack:
        current = stack.pop()
        if current.conclusion == claim:
            found.append(current)
        stack.extend(arguments[name] for name in current.subarguments)
    return found


def translate_aspic(
    model: MapModel, *, preferences: bool = True, link: str = "weakest"
) -> Translation:
    """Translate a map into structured arguments and the defeats among them."""
    built = _build_arguments(model, link)
    arguments = {a.name: a for a in built}
    concluding: dict[str, list[str]] = {c.id: [] for c in model.claims}
    # the arguments that use each claim and each support, in the order they were built: an
    # attack on one looks at those alone, not at every argument
    using: dict[str, list[StructuredArgument]] = {}
    for argument in built:
        concluding[argument.conclusion].append(argument.name)
        for part in itertools.chain(argument.claims, argument.supports):
            using.setdefault(part, []).append(argument)
    arguments_for = {claim: tuple(names) for claim, names in concluding.items()}
    origins: dict[tuple[str, str], list[str]] = {}
    cancelled: list[CancelledAttack] = []
    for attack in model.attacks:
        directions = [(attack.attacker, attack.target)]
        if attack.kind is AttackKind.CONTRADICT:
            directions.append((attack.target, attack.attacker))
        for source, target in directions:
            for attacker_name in arguments_for[source]:
                attacker = arguments[attacker_name]
                for victim in using.get(target, ()):
                    if attack.kind is AttackKind.UNDERCUT:
                        defeats = True
                        hit_strength = victim.strength
                    else:
                        hits = _sub_arguments_for(arguments, victim, target)
                        hit_strength = max(h.strength for h in hits)
                        defeats = not preferences or attacker.strength >= min(
                            h.strength for h in hits
                        )
                    pair = (attacker.name, victim.name)
                    if defeats:
                        origins.setdefault(pair, []).append(attack.id)
                    else:
                        cancelled.append(
                            CancelledAttack(
                                attacker.name,
                                victim.name,
                                attack.id,
                                attacker.strength,
                                hit_strength,
                            )
                        )
    framework = Framework(frozenset(arguments), frozenset(origins))
    notes = []
    unbuildable = [c.id for c in model.claims if not arguments_for[c.id]]
    if unbuildable:
        notes.append(
            "no argument can be built for "
            + ", ".join(repr(c) for c in unbuildable)
            + ": every support for them rests on a cycle of support"
        )
    return Translation(
        "aspic",
        framework,
        arguments,
        arguments_for,
        {pair: tuple(origin) for pair, origin in origins.items()},
        tuple(cancelled),
        tuple(notes),
    )
