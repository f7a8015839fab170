"""Why an argument of an abstract framework is accepted or not, in plain words.

Under grounded semantics the explanation follows the rounds of the grounded labelling
(:func:`~argmap.semantics.grounded_rounds`): an IN argument's attackers are each OUT by an
earlier round, each because an argument labelled IN before attacks it, down to arguments
nothing attacks. That is the proponent's winning strategy in the grounded game (Modgil and
Caminada 2009). An OUT argument names the IN argument that attacks it, and an undecided one
the undecided attacker that keeps it so, with the cycle of attacks that attacker lies on.

Under strong admissibility it names a small strongly admissible set holding the argument
(or says that none does, as the grounded extension does not), then gives the grounded
explanation, whose rounds build such sets up. Under any other semantics it names an
extension that holds the argument and one that does not (and, there, which of its members
attacks the argument), or says that none does.

References
----------
Modgil, S. and Caminada, M. (2009). Proof theories and algorithms for abstract argumentation
frameworks. In Argumentation in Artificial Intelligence, Springer.
"""

from __future__ import annotations

import textwrap

from argmap.framework import Framework, natural_key
from argmap.semantics.api import credulous_witness, sceptical_counterexample, some_extension
from argmap.semantics.deadline import time_limit
from argmap.semantics.labelling import grounded_rounds
from argmap.semantics.registry import SEMANTICS, resolve_semantics
from argmap.semantics.strong import strongly_admissible_holding

__all__ = ["explain_argument"]

#: How deep a grounded justification goes before it says "and so on".
MAX_DEPTH = 8


def explain_argument(
    af: Framework, argument: str, semantics: str = "grounded", *, timeout: float | None = None
) -> str:
    """Plain sentences on why ``argument`` is, or is not, accepted under ``semantics``.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c")])
    >>> print(explain_argument(af, "c"))
    c is IN under grounded semantics, in round 2 of 2: each of its attackers is OUT.
    - b is OUT in round 1: a, IN in round 1, attacks it.
      - a is IN in round 1: nothing attacks it.
    >>> nixon = Framework.from_attacks([("q", "r"), ("r", "q")])
    >>> print(explain_argument(nixon, "q", "preferred"))
    q is credulously but not sceptically accepted under preferred semantics: it is in the
    preferred extension {q}, and not in {r}, where r attacks it.
    """
    af.check(argument)
    code = resolve_semantics(semantics)
    if code == "GR":
        return _grounded(af, argument)
    if code == "SAD":
        return _strongly_admissible(af, argument)
    return textwrap.fill(_extensions(af, argument, code, timeout), width=96, break_on_hyphens=False)


def _strongly_admissible(af: Framework, argument: str) -> str:
    """Under strong admissibility: a small strongly admissible set holding the argument, or
    none, by way of the grounded labelling, inside whose IN arguments they all lie and whose
    rounds build them up (the grounded explanation follows)."""
    holding = strongly_admissible_holding(af, argument)
    if holding is None:
        head = (
            f"{argument} is rejected under strongly admissible semantics: every strongly "
            "admissible set lies inside the grounded extension, which does not hold it."
        )
    else:
        head = (
            f"{argument} is credulously but not sceptically accepted under strongly admissible "
            f"semantics: it is in the strongly admissible set {_set(holding)}, each of whose "
            "members is defended by members the grounded labelling labels IN before it, and "
            "not in the empty set, which is strongly admissible too."
        )
    head = textwrap.fill(head, width=96, break_on_hyphens=False)
    return f"{head}\n{_grounded(af, argument)}"


def _extensions(af: Framework, argument: str, code: str, timeout: float | None) -> str:
    name = SEMANTICS[code].name
    with time_limit(timeout):
        holding = credulous_witness(af, argument, code)
        lacking = sceptical_counterexample(af, argument, code)
        if holding is None and lacking is None:  # vacuous: no extension at all
            assert some_extension(af, code) is None
            return (
                f"{argument} is sceptically but not credulously accepted under {name} "
                f"semantics, vacuously: the framework has no {name} extension."
            )
    if lacking is None:
        assert holding is not None
        return (
            f"{argument} is sceptically accepted under {name} semantics: every {name} "
            f"extension holds it, {_set(holding)} for one."
        )
    attackers = sorted(af.attackers(argument) & lacking, key=natural_key)
    why = (
        f"where {_names(attackers)} {'attacks' if len(attackers) == 1 else 'attack'} it"
        if attackers
        else "which does not attack it either"
    )
    if holding is None:
        return (
            f"{argument} is rejected under {name} semantics: no {name} extension holds it; "
            f"{_set(lacking)}, for one, leaves it out, {why}."
        )
    return (
        f"{argument} is credulously but not sceptically accepted under {name} semantics: "
        f"it is in the {name} extension {_set(holding)}, and not in {_set(lacking)}, {why}."
    )


def _set(extension: frozenset[str]) -> str:
    if not extension:
        return "the empty extension {}"
    return "{" + ", ".join(sorted(extension, key=natural_key)) + "}"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _grounded(af: Framework, argument: str) -> str:
    """The grounded explanation, its lines wrapped at 96 characters under their own indent."""
    wrapped = []
    for line in _grounded_lines(af, argument).splitlines():
        indent = " " * (len(line) - len(line.lstrip(" -")))
        wrapped += textwrap.wrap(line, width=96, subsequent_indent=indent, break_on_hyphens=False)
    return "\n".join(wrapped)


def _grounded_lines(af: Framework, argument: str) -> str:
    steps = grounded_rounds(af)
    labelled: dict[str, tuple[str, int]] = {}
    for step in steps:
        labelled.update(dict.fromkeys(step.in_, ("IN", step.number)))
        labelled.update(dict.fromkeys(step.out, ("OUT", step.number)))
    total = len(steps)
    order = af.index

    def attacker_in(name: str) -> str:
        """The attacker of an OUT argument labelled IN earliest (it labelled it OUT)."""
        found = [b for b in af.attackers(name) if labelled.get(b, ("", 0))[0] == "IN"]
        return min(found, key=lambda b: (labelled[b][1], order[b]))

    lines: list[str] = []
    shown: set[str] = set()

    def justify(name: str, depth: int) -> None:
        pad = "  " * depth
        label, number = labelled[name]
        if name in shown:
            lines.append(f"{pad}- {name} is {label} in round {number} (see above).")
            return
        shown.add(name)
        if depth >= MAX_DEPTH:
            lines.append(f"{pad}- {name} is {label} in round {number}, and so on.")
            return
        if label == "OUT":
            by = attacker_in(name)
            lines.append(
                f"{pad}- {name} is OUT in round {number}: {by}, IN in round "
                f"{labelled[by][1]}, attacks it."
            )
            justify(by, depth + 1)
            return
        attackers = sorted(af.attackers(name), key=order.__getitem__)
        if not attackers:
            lines.append(f"{pad}- {name} is IN in round {number}: nothing attacks it.")
            return
        lines.append(f"{pad}- {name} is IN in round {number}: each of its attackers is OUT.")
        for b in attackers:
            justify(b, depth + 1)

    label, number = labelled.get(argument, ("UNDEC", 0))
    head = f"{argument} is {label} under grounded semantics"
    if label == "UNDEC":
        return f"{head}: {_undecided(af, argument, labelled)}"
    if label == "OUT":
        by = attacker_in(argument)
        lines.append(
            f"{head}, in round {number} of {total}: {by}, IN in round {labelled[by][1]}, "
            "attacks it."
        )
        shown.add(argument)
        justify(by, 0)
        return "\n".join(lines)
    attackers = sorted(af.attackers(argument), key=order.__getitem__)
    if not attackers:
        return f"{head}, in round 1 of {total}: nothing attacks it."
    lines.append(f"{head}, in round {number} of {total}: each of its attackers is OUT.")
    shown.add(argument)
    for b in attackers:
        justify(b, 0)
    return "\n".join(lines)


def _undecided(af: Framework, argument: str, labelled: dict[str, tuple[str, int]]) -> str:
    """Why no round labels ``argument``: no attacker is IN, and one is never OUT; and the
    cycle of undecided arguments that attacker lies on (or is led to by)."""
    order = af.index
    open_attackers = sorted(
        (b for b in af.attackers(argument) if b not in labelled), key=order.__getitem__
    )
    if argument in open_attackers:
        return (
            "no round labels it: it attacks itself, so it is never IN, and nothing IN attacks it."
        )
    # follow undecided attackers back from the argument until one repeats: a cycle
    path = [argument]
    seen = {argument: 0}
    current = argument
    while True:
        nxt = min((b for b in af.attackers(current) if b not in labelled), key=order.__getitem__)
        if nxt in seen:
            cycle = path[seen[nxt] :][::-1]  # in the direction of the attacks
            break
        seen[nxt] = len(path)
        path.append(nxt)
        current = nxt
    first = open_attackers[0]
    if len(cycle) == 1:
        where = f"{cycle[0]} attacks itself, so it is never IN"
        if first != cycle[0]:
            where = f"{first} is attacked, in the end, by {cycle[0]}, which attacks itself"
    else:
        ring = " → ".join([*cycle, cycle[0]])
        if argument in cycle:
            where = f"it lies on the cycle of attacks {ring}"
        elif first in cycle:
            where = f"{first} lies on the cycle of attacks {ring}"
        else:
            where = f"{first} is attacked, in the end, from the cycle of attacks {ring}"
        where += ", in which no argument is ever labelled"
    verb = "is" if len(open_attackers) == 1 else "are"
    return (
        f"no round labels it: none of its attackers is IN, and {_names(open_attackers)} "
        f"{verb} never OUT; {where}."
    )
