"""Labellings (Caminada 2006) and the linear-time grounded labelling."""

from __future__ import annotations

import enum
from collections.abc import Collection

import attrs

from argmap.errors import LabellingError
from argmap.framework import Framework, natural_key
from argmap.semantics.split import grounded_positions

__all__ = ["GroundedRound", "Label", "Labelling", "grounded_labelling", "grounded_rounds"]


class Label(enum.StrEnum):
    """The three labels of an argument: accepted, rejected, or undecided."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


@attrs.frozen
class Labelling:
    """A total labelling ``A -> {IN, OUT, UNDEC}`` kept as three disjoint sets.

    For a complete-based semantics the labelling of extension ``E`` labels ``E`` IN, the
    arguments ``E`` attacks OUT, and the rest UNDEC (Caminada 2006, "On the issue of
    reinstatement in argumentation").

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c")])
    >>> lab = Labelling.from_extension(af, {"a", "c"})
    >>> lab.label("b")
    <Label.OUT: 'out'>
    >>> lab
    Labelling(in=['a', 'c'], out=['b'], undec=[])
    """

    in_: frozenset[str]
    out: frozenset[str]
    undec: frozenset[str]

    @classmethod
    def from_extension(cls, af: Framework, extension: Collection[str]) -> Labelling:
        """The labelling ``(E, E+, A - (E ∪ E+))`` of an extension."""
        members = frozenset(af.check(name) for name in extension)
        out = af.attacked_by_set(members) - members
        return cls(members, out, af.arguments - members - out)

    @classmethod
    def from_labels(
        cls,
        af: Framework,
        *,
        in_: Collection[str] = (),
        out: Collection[str] = (),
        undec: Collection[str] | None = None,
    ) -> Labelling:
        """A labelling given label by label, as one labels a framework by hand. The
        arguments not named are UNDEC, unless ``undec`` is given, in which case every
        argument must be named. An unknown argument, or one given two labels, is an error.

        >>> af = Framework.from_attacks([("a", "b"), ("b", "c")])
        >>> Labelling.from_labels(af, in_=["a", "c"], out=["b"])
        Labelling(in=['a', 'c'], out=['b'], undec=[])
        >>> Labelling.from_labels(af, in_=["a"], out=["a"])
        Traceback (most recent call last):
        ...
        argmap.errors.LabellingError: argument 'a' is labelled both IN and OUT
        """
        for label, names in (("in_", in_), ("out", out), ("undec", undec)):
            if isinstance(names, str):  # its letters would each become an argument
                raise TypeError(f"{label} is a collection of names, not one string: {names!r}")
        given = {"IN": list(in_), "OUT": list(out), "UNDEC": list(undec or ())}
        seen: dict[str, str] = {}
        for label, names in given.items():
            for name in names:
                af.check(name)
                if name in seen and seen[name] != label:
                    raise LabellingError(
                        f"argument {name!r} is labelled both {seen[name]} and {label}", [name]
                    )
                seen[name] = label
        if undec is not None:
            missing = sorted(af.arguments - seen.keys(), key=natural_key)
            if missing:
                raise LabellingError(
                    f"arguments given no label: {missing} (each needs IN, OUT or UNDEC)",
                    missing,
                )
        ins, outs = frozenset(given["IN"]), frozenset(given["OUT"])
        return cls(ins, outs, af.arguments - ins - outs)

    @classmethod
    def in_order(cls, af: Framework, extensions: Collection[Collection[str]]) -> list[Labelling]:
        """The labellings of ``extensions``, in a deterministic order: by their members'
        positions in ``af``.

        Examples
        --------
        >>> af = Framework.from_attacks([("a", "b"), ("b", "a")])
        >>> [lab.in_ for lab in Labelling.in_order(af, [{"b"}, set(), {"a"}])]
        [frozenset(), frozenset({'a'}), frozenset({'b'})]
        """
        ordered = sorted(extensions, key=lambda e: sorted(af.index[name] for name in e))
        return [cls.from_extension(af, extension) for extension in ordered]

    def label(self, name: str) -> Label:
        """The label of one argument."""
        if name in self.in_:
            return Label.IN
        if name in self.out:
            return Label.OUT
        if name in self.undec:
            return Label.UNDEC
        raise KeyError(name)

    def as_dict(self) -> dict[str, Label]:
        """A plain mapping from argument to label, in natural order of names."""
        every = sorted(self.in_ | self.out | self.undec, key=natural_key)
        return {name: self.label(name) for name in every}

    def __repr__(self) -> str:
        def show(names: frozenset[str]) -> list[str]:
            return sorted(names, key=natural_key)

        return f"Labelling(in={show(self.in_)}, out={show(self.out)}, undec={show(self.undec)})"


def grounded_labelling(af: Framework) -> Labelling:
    """The grounded labelling: the least fixed point of the characteristic function.

    Propagates from the unattacked arguments: an argument is IN once all its attackers are OUT,
    OUT once one of its attackers is IN; what propagation never reaches is UNDEC. A
    self-attacking argument is never IN, so it is UNDEC unless an IN argument attacks it.

    Parameters
    ----------
    af : Framework

    Returns
    -------
    Labelling
        The grounded labelling; its IN set is the grounded extension.

    Examples
    --------
    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_labelling(af)
    Labelling(in=['a', 'c'], out=['b'], undec=['d'])

    Notes
    -----
    Time O(|A| + |R|): every attack is looked at at most twice.

    References
    ----------
    Dung, P. M. (1995). On the acceptability of arguments and its fundamental role in
    nonmonotonic reasoning, logic programming and n-person games. Artificial Intelligence 77.
    Modgil, S. and Caminada, M. (2009). Proof theories and algorithms for abstract
    argumentation frameworks. In Argumentation in Artificial Intelligence, Springer.
    """
    names = af.sorted_arguments
    in_, out = grounded_positions(af)
    in_names = frozenset(names[i] for i in in_)
    out_names = frozenset(names[i] for i in out)
    return Labelling(in_names, out_names, af.arguments - in_names - out_names)


@attrs.frozen
class GroundedRound:
    """One round of building the grounded labelling: ``in_``, the arguments every attacker
    of which is OUT by now (in round 1, the unattacked ones), and ``out``, those that
    they attack. For a map (:meth:`~argmap.evaluation.Evaluation.grounded_rounds`), the
    claims the round labels IN and OUT."""

    number: int
    in_: frozenset[str]
    out: frozenset[str]

    def __repr__(self) -> str:
        def show(names: frozenset[str]) -> list[str]:
            return sorted(names, key=natural_key)

        return f"GroundedRound({self.number}, in={show(self.in_)}, out={show(self.out)})"


def grounded_rounds(af: Framework) -> tuple[GroundedRound, ...]:
    """The grounded labelling built round by round, as it is taught.

    Round 1 labels IN the unattacked arguments and OUT what they attack; each later round
    labels IN the arguments all of whose attackers are OUT by then, and OUT what those
    attack. The rounds stop when one would label nothing IN; what is left unlabelled is
    UNDEC. The arguments IN after ``k`` rounds are ``F^k(∅)``, the characteristic function
    applied ``k`` times to the empty set (Dung 1995), and the labels after the last round are
    :func:`grounded_labelling`'s.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d"), ("e", "e")])
    >>> for step in grounded_rounds(af):
    ...     print(step)
    GroundedRound(1, in=['a'], out=['b'])
    GroundedRound(2, in=['c'], out=['d'])

    Here ``e`` attacks itself, so no round labels it: it is UNDEC.

    References
    ----------
    Dung (1995) and Modgil and Caminada (2009), as cited at :func:`grounded_labelling`.
    """
    names = af.sorted_arguments
    targets = af.targets_of
    pending = af.attacker_counts()  # attackers not yet labelled OUT
    labelled = [False] * len(names)
    ready = [i for i, count in enumerate(pending) if count == 0]
    rounds: list[GroundedRound] = []
    while ready:
        for i in ready:
            labelled[i] = True
        out = []
        for i in ready:
            for target in targets[i]:
                if not labelled[target]:
                    labelled[target] = True
                    out.append(target)
        following = []
        for i in out:
            for target in targets[i]:
                if not labelled[target]:
                    pending[target] -= 1
                    if pending[target] == 0:
                        following.append(target)
        rounds.append(
            GroundedRound(
                len(rounds) + 1,
                frozenset(names[i] for i in ready),
                frozenset(names[i] for i in out),
            )
        )
        ready = following
    return tuple(rounds)
