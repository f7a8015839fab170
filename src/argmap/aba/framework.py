"""Flat assumption-based argumentation frameworks: atoms, rules, assumptions, contraries.

An ABA framework (Bondarenko, Dung, Kowalski and Toni 1997) is a deductive system of rules
``head <- body`` over a language of atoms, a set of assumptions in that language, and for
each assumption its contrary, another atom. A set of assumptions derives the atoms that
the rules lead to from it; it attacks an assumption whose contrary it derives. The framework
is flat when no rule derives an assumption, as in every framework of the ICCMA ABA track;
argmap takes flat frameworks only.

References
----------
Bondarenko, A., Dung, P. M., Kowalski, R. A. and Toni, F. (1997). An abstract,
argumentation-theoretic approach to default reasoning. Artificial Intelligence 93(1-2).
Čyras, K., Fan, X., Schulz, C. and Toni, F. (2018). Assumption-based argumentation: disputes,
explanations, preferences. Handbook of Formal Argumentation, chapter 7.
"""

from __future__ import annotations

from argmap._frozen import Frozen, cached_property
from argmap.errors import ABAError, UnknownAtomError
from argmap.framework import natural_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["ABAFramework", "Rule"]


class Rule(Frozen):
    """``head <- body``: the head is derived once every atom of the body is; a rule with an
    empty body is a fact. A body atom given twice counts once.

    >>> print(Rule("p", ["q", "a"]), Rule("q"), sep="; ")
    p <- q, a; q <-
    """

    __slots__ = _fields = ("head", "body")
    head: str
    body: tuple[str, ...]

    def __init__(self, head: str, body: Iterable[str] = ()) -> None:
        if isinstance(body, str):
            raise TypeError(f"a rule's body is a collection of atoms, not the string {body!r}")
        self._set(head=head, body=tuple(dict.fromkeys(body)))

    def __str__(self) -> str:
        return f"{self.head} <- {', '.join(self.body)}" if self.body else f"{self.head} <-"


class ABAFramework(Frozen):
    """A flat ABA framework.

    Parameters
    ----------
    rules : iterable of Rule or (head, body) pairs
    assumptions : iterable of str
    contraries : mapping or pairs, assumption -> its contrary
        At most one contrary for each assumption. Bondarenko et al. give every assumption
        one; an assumption given none here is never attacked, as if its contrary were an
        atom that nothing derives (how ICCMA ABA files without a ``c`` line for an
        assumption are read by crustabri too).
    atoms : iterable of str
        Atoms of the language besides those the rules, assumptions and contraries name.

    Raises
    ------
    ABAError
        A contrary for something that is not an assumption, or a rule whose head is an
        assumption (the framework would not be flat).

    Examples
    --------
    The framework with rules ``p <- q, a``, ``q <-`` and ``r <- b, c``, assumptions ``a``,
    ``b``, ``c`` and contraries ``r``, ``s``, ``t``:

    >>> aba = ABAFramework(
    ...     rules=[("p", ["q", "a"]), ("q", []), ("r", ["b", "c"])],
    ...     assumptions=["a", "b", "c"],
    ...     contraries={"a": "r", "b": "s", "c": "t"},
    ... )
    >>> sorted(aba.closure({"a"}))
    ['a', 'p', 'q']
    >>> sorted(aba.attacked_by({"b", "c"}))
    ['a']
    >>> aba.contrary("b")
    's'
    """

    _fields = ("rules", "assumptions", "contraries", "atoms")
    rules: tuple[Rule, ...]
    assumptions: frozenset[str]
    contraries: tuple[tuple[str, str], ...]
    atoms: tuple[str, ...]

    def __init__(
        self,
        rules: Iterable[Rule | tuple[str, Iterable[str]]] = (),
        assumptions: Iterable[str] = (),
        contraries: Mapping[str, str] | Iterable[tuple[str, str]] = (),
        atoms: Iterable[str] = (),
    ) -> None:
        kept = tuple(dict.fromkeys(r if isinstance(r, Rule) else Rule(r[0], r[1]) for r in rules))
        assumed = frozenset(assumptions)
        contrary_of = dict(contraries.items() if hasattr(contraries, "items") else contraries)
        names = {*atoms, *assumed, *contrary_of, *contrary_of.values()}
        for rule in kept:
            names.add(rule.head)
            names.update(rule.body)
        for name in names:
            if not isinstance(name, str) or not name:
                raise ABAError(f"an atom is a non-empty string, got {name!r}")
        stray = sorted(contrary_of.keys() - assumed, key=natural_key)
        if stray:
            raise ABAError(f"a contrary is given for {stray[0]!r}, which is not an assumption")
        for rule in kept:
            if rule.head in assumed:
                raise ABAError(
                    f"the rule {str(rule)!r} derives the assumption {rule.head!r}; argmap "
                    "takes flat frameworks, where no rule derives an assumption"
                )
        self._set(
            rules=kept,
            assumptions=assumed,
            contraries=tuple(sorted(contrary_of.items(), key=lambda p: natural_key(p[0]))),
            atoms=tuple(sorted(names, key=natural_key)),
        )

    def __contains__(self, atom: object) -> bool:
        return atom in self.index

    @cached_property
    def index(self) -> dict[str, int]:
        """Each atom's position in :attr:`atoms`."""
        return {atom: i for i, atom in enumerate(self.atoms)}

    @cached_property
    def _contrary_of(self) -> dict[str, str]:
        return dict(self.contraries)

    def contrary(self, assumption: str) -> str | None:
        """The contrary of ``assumption`` (None if it has none); :class:`UnknownAtomError`
        for an atom that is not an assumption."""
        if assumption not in self.assumptions:
            raise UnknownAtomError(assumption, self.assumptions, kind="assumption")
        return self._contrary_of.get(assumption)

    def check(self, atom: str) -> str:
        """``atom`` if it is in the language, else :class:`UnknownAtomError`."""
        if atom not in self.index:
            raise UnknownAtomError(atom, self.atoms)
        return atom

    def _check_assumptions(self, assumptions: Iterable[str]) -> frozenset[str]:
        given = frozenset(assumptions)
        stray = sorted(given - self.assumptions, key=lambda name: natural_key(str(name)))
        if stray:
            raise UnknownAtomError(stray[0], self.assumptions, kind="assumption")
        return given

    @cached_property
    def _derivation(self) -> tuple[list[list[int]], list[int], list[int], list[int]]:
        """For each atom position the rules whose body holds it; each rule's body size and
        head position; the heads of the facts."""
        at = self.index
        using: list[list[int]] = [[] for _ in self.atoms]
        sizes: list[int] = []
        heads: list[int] = []
        facts: list[int] = []
        for k, rule in enumerate(self.rules):
            for atom in rule.body:
                using[at[atom]].append(k)
            sizes.append(len(rule.body))
            heads.append(at[rule.head])
            if not rule.body:
                facts.append(at[rule.head])
        return using, sizes, heads, facts

    @cached_property
    def cyclic(self) -> bool:
        """Whether the rules have a cycle: an atom that, through a chain of rules, is
        needed to derive itself.

        >>> ABAFramework([("p", ["q"]), ("q", ["p"])]).cyclic
        True
        >>> ABAFramework([("p", ["a"]), ("q", ["p", "a"])], ["a"]).cyclic
        False
        """
        # Kahn's order over the atoms, each rule an edge from each body atom to its head:
        # every atom is ordered exactly when no cycle passes through the rules
        using, _sizes, heads, _facts = self._derivation
        waiting = [0] * len(self.atoms)
        for rules in using:
            for k in rules:
                waiting[heads[k]] += 1
        ready = [i for i, count in enumerate(waiting) if count == 0]
        ordered = 0
        while ready:
            atom = ready.pop()
            ordered += 1
            for k in using[atom]:
                waiting[heads[k]] -= 1
                if waiting[heads[k]] == 0:
                    ready.append(heads[k])
        return ordered < len(self.atoms)

    def _closure(self, start: Iterable[int]) -> list[bool]:
        """Which atom positions the assumptions at ``start`` derive, in time linear in the
        size of the rules: each rule counts the body atoms not derived yet, and fires at 0."""
        using, sizes, heads, facts = self._derivation
        missing = list(sizes)
        derived = [False] * len(self.atoms)
        todo = [*start, *facts]
        while todo:
            atom = todo.pop()
            if derived[atom]:
                continue
            derived[atom] = True
            for k in using[atom]:
                missing[k] -= 1
                if missing[k] == 0 and not derived[heads[k]]:
                    todo.append(heads[k])
        return derived

    def closure(self, assumptions: Iterable[str]) -> frozenset[str]:
        """Th(S): the atoms derived from the assumptions ``S``, ``S`` among them.

        >>> aba = ABAFramework([("p", ["a"]), ("q", ["p", "b"])], ["a", "b"], {"a": "x", "b": "y"})
        >>> sorted(aba.closure(["a"])), sorted(aba.closure(["a", "b"]))
        (['a', 'p'], ['a', 'b', 'p', 'q'])
        """
        given = self._check_assumptions(assumptions)
        derived = self._closure(self.index[a] for a in given)
        return frozenset(atom for atom, held in zip(self.atoms, derived, strict=True) if held)

    def derives(self, assumptions: Iterable[str], atom: str) -> bool:
        """Whether the assumptions derive ``atom``."""
        self.check(atom)
        return atom in self.closure(assumptions)

    def _attacked(self, derived: list[bool]) -> frozenset[str]:
        at = self.index
        return frozenset(a for a, c in self.contraries if derived[at[c]])

    def attacked_by(self, assumptions: Iterable[str]) -> frozenset[str]:
        """The assumptions whose contraries ``assumptions`` derive."""
        given = self._check_assumptions(assumptions)
        return self._attacked(self._closure(self.index[a] for a in given))

    def defended_by(self, assumptions: Iterable[str]) -> frozenset[str]:
        """The assumptions that ``S`` defends: S attacks every set of assumptions that
        attacks them.

        A set that S does not attack lies within U, the assumptions S does not attack, and
        derivation is monotone; so S defends ``b`` exactly when U does not derive the
        contrary of ``b``. One closure answers for every assumption.

        >>> aba = ABAFramework(
        ...     [("x", ["b"]), ("y", ["c"])], ["a", "b", "c"], {"a": "x", "b": "y", "c": "z"}
        ... )
        >>> sorted(aba.defended_by([])), sorted(aba.defended_by(["c"]))
        (['c'], ['a', 'c'])
        """
        attacked = self.attacked_by(assumptions)
        at = self.index
        unattacked = self._closure(at[a] for a in self.assumptions - attacked)
        return self.assumptions - self._attacked(unattacked)
