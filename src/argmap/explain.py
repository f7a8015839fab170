"""Plain-language explanations of why a claim stands, falls, or is left undecided.

For a claim IN under grounded semantics the explanation is a dialectical justification: an
argument for the claim, each of its defeaters, and for each an argument that defeats it and
was itself established earlier (the grounded rank), down to arguments nobody defeats. This
is the winning strategy of the proponent in the grounded game (Modgil and Caminada 2009,
"Proof theories and algorithms for abstract argumentation frameworks").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.evaluation import Status
from argmap.semantics import Label, Labelling
from argmap.translate import CancelledAttack

if TYPE_CHECKING:
    from argmap.evaluation import Evaluation

__all__ = ["explain"]

_MAX_DEPTH = 6


def _quote(ev: Evaluation, claim: str) -> str:
    return f"'{ev.model.claim_by_id[claim].text}' ({claim})"


def _argument(ev: Evaluation, name: str) -> str:
    """A short description of an abstract argument in the map's words."""
    argument = ev.translation.arguments[name]
    if argument.support is None:
        return _quote(ev, argument.conclusion)
    support = ev.model.support_by_id[argument.support]
    premises = " and ".join(_quote(ev, p) for p in support.premises)
    scheme = f" [{support.label}]" if support.label else ""
    return f"{_quote(ev, argument.conclusion)}, inferred from {premises}{scheme}"


def _relation_words(ev: Evaluation, attacker: str, target: str, obj: str = "it") -> str:
    """How ``attacker`` hits ``target``, as a predicate: "rebuts it", or with the point hit
    when it is not the target's own conclusion: "rebuts 'x', on which it rests"."""
    origins = ev.translation.origins.get((attacker, target), ())
    conclusion = ev.translation.arguments[target].conclusion
    phrases = []
    for origin in origins:
        if origin.startswith("derived:"):
            kind = origin.split(":", 1)[1]
            phrases.append(f"has a {kind} attack, derived from the supports, on {obj}")
            continue
        relation = next(a for a in ev.model.attacks if a.id == origin)
        verb = {
            "rebut": "rebuts",
            "undermine": "undermines",
            "undercut": "undercuts",
            "contradict": "contradicts",
        }[relation.kind.value]
        if relation.kind.value == "undercut":
            support = ev.model.support_by_id[relation.target]
            if support.conclusion != conclusion:
                verb += f" the inference to {_quote(ev, support.conclusion)}, on which {obj} rests"
            else:
                verb += f" {obj}"
        else:
            point = (
                relation.target
                if relation.attacker == ev.translation.arguments[attacker].conclusion
                else relation.attacker
            )
            if point != conclusion:
                verb += f" {_quote(ev, point)}, on which {obj} rests"
            else:
                verb += f" {obj}"
        if relation.label:
            verb += f" [{relation.label}]"
        phrases.append(verb)
    return " and ".join(dict.fromkeys(phrases)) or f"attacks {obj}"


def _grounded_ranks(ev: Evaluation) -> dict[str, int]:
    """The round of the characteristic function in which each IN argument is established."""
    af = ev.framework
    ranks: dict[str, int] = {}
    defeated: set[str] = set()
    round_number = 0
    while True:
        new = [
            a
            for a in af.sorted_arguments
            if a not in ranks and all(b in defeated for b in af.attackers(a))
        ]
        if not new:
            return ranks
        for a in new:
            ranks[a] = round_number
        for a in new:
            defeated.update(af.targets(a))
        round_number += 1


def _justify(
    ev: Evaluation, name: str, ranks: dict[str, int], depth: int, lines: list[str], shown: set[str]
) -> None:
    pad = "  " * depth
    shown.add(name)
    attackers = sorted(ev.framework.attackers(name), key=ev.framework.index.__getitem__)
    if not attackers:
        lines.append(f"{pad}- {_argument(ev, name)} stands: nothing defeats it.")
        return
    lines.append(
        f"{pad}- {_argument(ev, name)} stands, because each of its defeaters is itself defeated:"
    )
    # arguments for one claim that fall to the same counter-argument are told once
    groups: dict[tuple[str, str], list[str]] = {}
    for attacker in attackers:
        counters = [c for c in ev.framework.attackers(attacker) if c in ranks]
        counter = min(counters, key=lambda c: (ranks[c], ev.framework.index[c]))
        key = (ev.translation.arguments[attacker].conclusion, counter)
        groups.setdefault(key, []).append(attacker)
    for (claim, counter), group in groups.items():
        first = group[0]
        who = (
            _argument(ev, first)
            if len(group) == 1
            else (f"{_quote(ev, claim)} (through {len(group)} arguments)")
        )
        lines.append(
            f"{pad}  - {who} {_relation_words(ev, first, name)}; but "
            f"{_argument(ev, counter)} {_relation_words(ev, counter, first, 'that')}."
        )
        if counter in shown:
            continue
        if depth + 1 < _MAX_DEPTH:
            _justify(ev, counter, ranks, depth + 2, lines, shown)
        else:
            lines.append(f"{pad}    (and so on)")


def _defeat_lines(ev: Evaluation, claim: str, labelling: Labelling) -> list[str]:
    lines = []
    for name in ev.translation.arguments_for[claim]:
        winners = [a for a in ev.framework.attackers(name) if a in labelling.in_]
        winner = min(winners, key=ev.framework.index.__getitem__)
        lines.append(
            f"- {_argument(ev, name)} is defeated: {_argument(ev, winner)} "
            f"{_relation_words(ev, winner, name)}, and stands."
        )
    return lines


def _undecided_lines(ev: Evaluation, claim: str, labelling: Labelling) -> list[str]:
    lines = []
    for name in ev.translation.arguments_for[claim]:
        if labelling.label(name) is not Label.UNDEC:
            continue
        if (name, name) in ev.framework.attacks:
            lines.append(f"- {_argument(ev, name)} defeats itself, so it can never stand.")
            continue
        cycle = _undecided_cycle(ev, name, labelling)
        steps = " → ".join(_argument(ev, step) for step in cycle)
        lines.append(
            f"- {_argument(ev, name)} is caught in an unresolved conflict: its "
            f"defeaters are undecided, in the cycle of defeats {steps}."
        )
    return lines


def _undecided_cycle(ev: Evaluation, start: str, labelling: Labelling) -> list[str]:
    """Follow undecided defeaters backwards from ``start`` until one repeats."""
    path = [start]
    seen = {start: 0}
    current = start
    while True:
        undecided = sorted(
            (a for a in ev.framework.attackers(current) if labelling.label(a) is Label.UNDEC),
            key=ev.framework.index.__getitem__,
        )
        current = undecided[0]
        if current in seen:
            loop = path[seen[current] :]
            return [*reversed(loop), loop[-1]] if len(loop) > 1 else [current, current]
        seen[current] = len(path)
        path.append(current)


def _cancelled_lines(ev: Evaluation, claim: str) -> list[str]:
    """Attacks on the claim's arguments that preferences cancelled, once per attacking
    relation, told against the claim's strongest argument."""
    mine = set(ev.translation.arguments_for[claim])
    strongest: dict[tuple[str, str], CancelledAttack] = {}
    for c in ev.translation.cancelled:
        if c.target not in mine:
            continue
        key = (ev.translation.arguments[c.attacker].conclusion, c.relation)
        if key not in strongest or c.target_strength > strongest[key].target_strength:
            strongest[key] = c
    return [
        f"- The attack from {_quote(ev, attacker)} does not defeat it: that argument is weaker "
        f"(score {c.attacker_strength:.2f} against {c.target_strength:.2f}), so the "
        "preference for the stronger argument settles the conflict."
        for (attacker, _), c in strongest.items()
    ]


def explain(ev: Evaluation, claim: str) -> str:
    """Why ``claim`` has its status in ``ev``, in plain sentences."""
    status = ev.status(claim)
    head = f"{_quote(ev, claim)} is {status.value.upper()} under {ev.semantics_name} semantics"
    if not ev.has_extensions:
        return (
            f"{head}: this semantics gives the map no extension at all (typically an "
            "odd cycle of defeats), so no claim can be accepted."
        )
    arguments = ev.translation.arguments_for[claim]
    lines: list[str] = []
    if not arguments:
        lines.append(
            "- No argument for it can be built: every support for it rests, through "
            "a cycle of support, on itself."
        )
    count = ev.extension_count
    if count == 1:
        labelling = ev.labellings[0]
        if status.value == "in":
            in_args = [a for a in arguments if a in labelling.in_]
            if ev.semantics in ("GR", "ID", "EA") or len(ev.labellings) == 1:
                ranks = _grounded_ranks(ev)
                grounded = [a for a in in_args if a in ranks]
                if grounded:
                    best = min(grounded, key=lambda a: (ranks[a], ev.framework.index[a]))
                    _justify(ev, best, ranks, 0, lines, set())
                else:
                    lines.append(
                        f"- {_argument(ev, in_args[0])} belongs to the only "
                        "extension, which defends it against every defeater."
                    )
        elif status.value == "out":
            lines += _defeat_lines(ev, claim, labelling)
        else:
            lines += _undecided_lines(ev, claim, labelling)
    else:
        tally = ev.tally(claim)
        lines.append(
            f"- Across the {count:,} extensions it is IN in {tally.in_:,}, OUT in "
            f"{tally.out:,} and undecided in {tally.undec:,}."
        )
        labels = ev.labels(claim) if ev.all_listed else ()
        for wanted in (Status.IN, Status.OUT):
            example = ev.examples[claim].get(wanted)
            if example is None:
                continue
            where = f"In extension {labels.index(wanted) + 1}" if labels else "In one of them"
            if wanted is Status.IN:
                name = next(a for a in arguments if a in example.in_)
                lines.append(
                    f"- {where}, {_argument(ev, name)} stands, defended against every defeater."
                )
            else:
                lines.append(f"- {where} it falls:")
                lines += ["  " + line for line in _defeat_lines(ev, claim, example)]
    lines += _cancelled_lines(ev, claim)
    return head + ".\n" + "\n".join(lines)
