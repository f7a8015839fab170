"""Whether a labelling given by hand is a labelling of a semantics, and why not.

A labelling of a semantics is the labelling of one of its extensions: the extension IN,
what it attacks OUT, the rest UNDEC (:func:`~argmap.semantics.labellings`). For the
complete-based semantics these are Caminada's (2006) labellings, which rest on legality: an
argument is legally IN when every attacker is OUT, legally OUT when some attacker is IN, and
legally UNDEC when neither holds. Complete labellings are those in which every argument is
legally labelled; the grounded labelling is the complete one with the fewest arguments IN,
preferred ones have as many IN as a complete labelling can, stable ones leave nothing
UNDEC, and semi-stable ones leave as little UNDEC as a complete labelling can. So
:func:`check_labelling` names each illegally labelled argument and what its label should
be, and, for a complete labelling that the semantics does not select, another labelling that
it does, where they differ. For the other semantics it names the arguments labelled
otherwise than the IN set's labelling, and why the IN set is not an extension.

References
----------
Caminada, M. (2006). On the issue of reinstatement in argumentation. JELIA 2006.

Modgil, S. and Caminada, M. (2009). Proof theories and algorithms for abstract argumentation
frameworks. In Argumentation in Artificial Intelligence, Springer.
"""

from __future__ import annotations

import attrs

from argmap.errors import LabellingError
from argmap.framework import Framework, natural_key
from argmap.semantics import engine, strong
from argmap.semantics.api import is_extension
from argmap.semantics.engine import LOOP_SOLVER
from argmap.semantics.labelling import Label, Labelling, grounded_labelling
from argmap.semantics.registry import SEMANTICS, resolve_semantics
from argmap.semantics.sat import Encoding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection

    Extension = frozenset[str]

__all__ = ["LabellingCheck", "check_labelling", "legal_label"]

#: The semantics whose labellings are complete labellings: each is checked label by label.
COMPLETE_BASED = ("CO", "GR", "PR", "ST", "SST", "ID", "EA")


@attrs.frozen
class LabellingCheck:
    """The outcome of :func:`check_labelling`: whether ``labelling`` is a labelling of
    ``semantics`` (a code); ``mislabelled``, the arguments it labels illegally (or, for a
    semantics not based on complete labellings, otherwise than its IN set's labelling), each
    with the label it should have given the others'; the problems in
    plain sentences (none when it is one), and ``instead``, a labelling of the semantics
    that the problems compare it with, if they do: the grounded (ideal, eager) labelling, a
    preferred one with more IN, a semi-stable one with less UNDEC, a stage one whose IN set
    has a larger range, or one of the semantics to set beside an IN set that is none."""

    semantics: str
    labelling: Labelling
    holds: bool
    mislabelled: dict[str, Label]
    problems: tuple[str, ...]
    instead: Labelling | None = None

    def explain(self) -> str:
        """The verdict and, if it is not a labelling of the semantics, each problem."""
        name = SEMANTICS[self.semantics].name
        if self.holds:
            return f"This is a {name} labelling."
        return f"This is not a {name} labelling:\n" + "\n".join(f"- {p}" for p in self.problems)


def legal_label(af: Framework, labelling: Labelling, name: str) -> Label:
    """The label legality asks of ``name`` given its attackers' labels: IN when every
    attacker is OUT (or there is none), OUT when some attacker is IN, UNDEC otherwise
    (Caminada 2006).

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "c")])
    >>> lab = Labelling.from_labels(af, in_=["a", "b"])
    >>> [legal_label(af, lab, x).value for x in "abc"]
    ['in', 'out', 'out']
    """
    labels = [labelling.label(attacker) for attacker in af.attackers(name)]
    if Label.IN in labels:
        return Label.OUT
    if all(label is Label.OUT for label in labels):
        return Label.IN
    return Label.UNDEC


def check_labelling(af: Framework, labelling: Labelling, semantics: str) -> LabellingCheck:
    """Whether ``labelling`` is a labelling of ``semantics`` on ``af``, and why not.

    It is one exactly when it is the labelling of one of the semantics' extensions (an
    element of :func:`~argmap.semantics.labellings`).

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c")])
    >>> print(check_labelling(af, Labelling.from_labels(af, in_=["a"]), "complete").explain())
    This is not a complete labelling:
    - b is UNDEC, but its attacker a is IN; it should be OUT.
    >>> check_labelling(af, Labelling.from_extension(af, {"a", "c"}), "GR").holds
    True

    Notes
    -----
    Linear in the attacks for complete, stable and grounded labellings; the others ask
    the engine for one extension at most (a preferred or semi-stable one that improves on a
    complete labelling, or an extension to compare with), or for whether the IN set is one.

    References
    ----------
    Caminada, M. (2006). On the issue of reinstatement in argumentation. JELIA 2006.
    """
    code = resolve_semantics(semantics)
    _check_covers(af, labelling)
    instead = None
    if code in COMPLETE_BASED:
        mislabelled, problems = _illegal(af, labelling)
        if not problems:
            problems, instead = _not_selected(af, labelling, code)
    else:
        mislabelled, problems = _not_its_in_set(af, labelling)
        if not is_extension(af, labelling.in_, code):
            why, instead = _not_an_extension(af, labelling.in_, code)
            problems.append(why)
    return LabellingCheck(code, labelling, not problems, mislabelled, tuple(problems), instead)


def _check_covers(af: Framework, labelling: Labelling) -> None:
    parts = (labelling.in_, labelling.out, labelling.undec)
    every = frozenset().union(*parts)
    faults = {
        "given no label": af.arguments - every,
        "given two": {a for a in every if sum(a in part for part in parts) > 1},
        "not arguments of the framework": every - af.arguments,
    }
    if any(faults.values()):
        found = "; ".join(f"{what}: {_listed(names)}" for what, names in faults.items() if names)
        raise LabellingError(
            f"a labelling gives each argument of the framework one label ({found}); "
            "Labelling.from_labels(af, in_=..., out=...) builds one",
            frozenset().union(*faults.values()),
        )


def _show(names: Collection[str]) -> str:
    return "{" + ", ".join(sorted(names, key=natural_key)) + "}"


def _listed(names: Collection[str]) -> str:
    return ", ".join(sorted(names, key=natural_key))


def _illegal(af: Framework, labelling: Labelling) -> tuple[dict[str, Label], list[str]]:
    """The illegally labelled arguments, each with what is wrong and what it should be."""
    mislabelled: dict[str, Label] = {}
    problems = []
    for name in af.sorted_arguments:
        given = labelling.label(name)
        if given is legal_label(af, labelling, name):
            continue
        mislabelled[name] = _fitting(af, labelling, name)
        attackers = sorted(af.attackers(name), key=natural_key)
        ins = [a for a in attackers if a in labelling.in_]
        if given is Label.IN:
            culprit = next(a for a in attackers if a not in labelling.out)
            why = (
                f"{name} is IN, but it attacks itself"
                if culprit == name
                else f"{name} is IN, but its attacker {culprit} is "
                f"{labelling.label(culprit).name}: an IN argument's attackers are all OUT"
            )
        elif given is Label.OUT:
            why = (
                f"{name} is OUT, but nothing attacks it"
                if not attackers
                else f"{name} is OUT, but none of its attackers ({_listed(attackers)}) is IN"
            )
        elif ins:
            why = f"{name} is UNDEC, but its attacker {ins[0]} is IN"
        else:
            why = (
                f"{name} is UNDEC, but nothing attacks it"
                if not attackers
                else f"{name} is UNDEC, but its attackers are all OUT ({_listed(attackers)})"
            )
        problems.append(f"{why}; it should be {mislabelled[name].name}.")
    return mislabelled, problems


def _fitting(af: Framework, labelling: Labelling, name: str) -> Label:
    """The label that would be legal for ``name`` given the other arguments' labels. It is
    the legal label, except for an argument that attacks itself, whose own label is one of
    its attackers': it cannot be legally IN, it is legally OUT when another attacker is IN,
    and UNDEC otherwise."""
    if not af.is_self_attacking(name):
        return legal_label(af, labelling, name)
    others = af.attackers(name) - {name}
    return Label.OUT if others & labelling.in_ else Label.UNDEC


def _differences(ours: Labelling, theirs: Labelling) -> str:
    """Where two labellings differ, argument by argument."""
    changed = sorted(
        (name for name in ours.as_dict() if ours.label(name) is not theirs.label(name)),
        key=natural_key,
    )
    return "; ".join(
        f"{name} {ours.label(name).name} here, {theirs.label(name).name} there" for name in changed
    )


Found = tuple[list[str], Labelling | None]


def _not_selected(af: Framework, labelling: Labelling, code: str) -> Found:
    """Why a complete labelling is not one ``code`` selects (nothing if it is), and the
    labelling of the semantics it is compared with."""
    name = SEMANTICS[code].name
    if code == "CO":
        return [], None
    if code in engine.UNIQUE:
        wanted = (
            grounded_labelling(af)
            if code == "GR"
            else Labelling.from_extension(af, engine.UNIQUE[code](af))
        )
        if wanted == labelling:
            return [], None
        held = _show(wanted.in_) if wanted.in_ else "nothing"
        return [
            f"It is a complete labelling, but the {name} labelling has {held} IN: "
            f"{_differences(labelling, wanted)}."
        ], wanted
    if code == "ST":
        if not labelling.undec:
            return [], None
        stable = engine.some(af, "ST")
        return [
            f"It is a complete labelling, but it leaves {_listed(labelling.undec)} UNDEC, and a "
            "stable labelling labels every argument IN or OUT"
            + ("; this framework has none." if stable is None else f", as {_show(stable)} IN does.")
        ], None if stable is None else Labelling.from_extension(af, stable)
    if code == "PR":
        larger = engine.preferred_containing(af, labelling.in_)
        assert larger is not None  # the IN set of a complete labelling is admissible
        if larger == labelling.in_:
            return [], None
        better = Labelling.from_extension(af, larger)
        return [
            "It is a complete labelling, but not one with as many IN as can be: "
            f"{_show(better.in_)} IN is complete too ({_differences(labelling, better)})."
        ], better
    # semi-stable: a complete labelling leaving less UNDEC
    wider = _wider(af, labelling.in_, "SST")
    if wider is None:
        return [], None
    better = Labelling.from_extension(af, wider)
    return [
        "It is a complete labelling, but not one with as little UNDEC as can be: "
        f"{_show(better.in_)} IN is complete too and leaves "
        + (f"only {_listed(better.undec)}" if better.undec else "nothing")
        + f" UNDEC ({_differences(labelling, better)})."
    ], better


def _wider(af: Framework, members: frozenset[str], code: str) -> Extension | None:
    """A semi-stable (``code`` "SST") or stage ("STG") extension whose range strictly
    contains that of ``members``, a complete (conflict-free) set, or None if it has a
    maximal range: one SAT call for a complete (conflict-free) set with more in range, then
    its range grown until no such set has more."""
    index = af.index
    with Encoding(af, "co" if code == "SST" else "cf", with_range=True, solver=LOOP_SOLVER) as e:
        covered = af.range_of(members)
        rest = [e.rng_var(index[name]) for name in af.arguments - covered]
        if not rest:
            return None
        e.add(rest)
        model = e.solve([e.rng_var(index[name]) for name in covered])
        if model is None:
            return None
        return e.extension(e.maximise(model, "rng"))


def _not_its_in_set(af: Framework, labelling: Labelling) -> tuple[dict[str, Label], list[str]]:
    """The arguments labelled otherwise than the labelling of the IN set: OUT what it
    attacks, UNDEC the rest."""
    wanted = Labelling.from_extension(af, labelling.in_)
    mislabelled: dict[str, Label] = {}
    problems = []
    for name in af.sorted_arguments:
        given, should = labelling.label(name), wanted.label(name)
        if given is Label.IN or given is should:
            continue
        mislabelled[name] = should
        hitting = sorted(af.attackers(name) & labelling.in_, key=natural_key)
        if should is Label.OUT:
            why = f"{name} is {given.name}, but {hitting[0]}, which is IN, attacks it"
        else:
            why = f"{name} is OUT, but no IN argument attacks it"
        problems.append(f"{why}; it should be {should.name}.")
    return mislabelled, problems


def _not_an_extension(
    af: Framework, members: frozenset[str], code: str
) -> tuple[str, Labelling | None]:
    """Why the IN set is not an extension of ``code``, as far as a short sentence goes, and
    the labelling of an extension it is compared with, if any."""
    name = SEMANTICS[code].name
    shown = _show(members)
    clash = next(((a, b) for a, b in sorted(af.attacks) if a in members and b in members), None)
    if clash is not None:
        a, b = clash
        attacks = f"{a} attacks itself" if a == b else f"{a} attacks {b}"
        return f"The IN arguments {shown} are not conflict-free: {attacks}.", None
    if code in ("AD", "SAD"):
        beaten = af.attacked_by_set(members)
        for member in sorted(members, key=natural_key):
            loose = sorted(af.attackers(member) - beaten, key=natural_key)
            if loose:
                return (
                    f"The IN arguments {shown} are not admissible: {member}'s attacker "
                    f"{loose[0]} is attacked by no IN argument."
                ), None
        left = members - strong.strongly_admissible_within(af, members)
        return (
            f"The IN arguments {shown} are admissible but not strongly admissible: "
            + (
                f"{_listed(left)} is defended only with its own help"
                if len(left) == 1
                else f"{_listed(left)} are defended only with their own help"
            )
            + ", never by IN arguments defended before them."
        ), None
    if code == "NA":
        free = sorted(
            (
                x
                for x in af.arguments - members
                if not af.is_self_attacking(x)
                and not (af.attackers(x) & members or af.targets(x) & members)
            ),
            key=natural_key,
        )
        return (
            f"The IN arguments {shown} are not a maximal conflict-free set: {free[0]} can "
            "join them."
        ), None
    if code == "STG":
        extension = _wider(af, members, "STG")
        assert extension is not None  # a conflict-free set that is not a stage extension
        return (
            f"The IN arguments {shown} are conflict-free, but {_show(extension)} is "
            f"too and its range, what it holds or attacks, takes in more: "
            f"{_listed(af.range_of(extension) - af.range_of(members))}."
        ), Labelling.from_extension(af, extension)
    example = engine.some(af, code)
    if example is None:
        return f"The IN arguments {shown} are not a {name} extension (there is none).", None
    return (
        f"The IN arguments {shown} are not a {name} extension ({_show(example)} is one).",
        Labelling.from_extension(af, example),
    )
