"""The DSL: :class:`ArgumentMap` collects claims, supports, attacks and assessments.

Every method checks its input at once and raises at the first problem, naming the id and the
valid options. :meth:`ArgumentMap.validate` and :meth:`ArgumentMap.from_dict` report every
problem of a whole map at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import (
    DuplicateIdError,
    InvalidRelationError,
    MapError,
    MapValidationError,
    UnknownIdError,
)
from argmap.map.model import Assessment, Attack, AttackKind, Claim, MapModel, Source, Support
from argmap.map.scales import (
    Confidence,
    Credibility,
    Likelihood,
    Reliability,
    parse_admiralty,
    parse_judgement,
)

if TYPE_CHECKING:
    from argmap.evaluation import Evaluation

__all__ = ["ArgumentMap"]

ClaimRef = Claim | str
SupportRef = Support | str


class ArgumentMap:
    """An argument map under construction.

    >>> m = ArgumentMap("Was the door locked?")
    >>> w = m.claim("w", "The witness says the door was locked", source="Witness statement")
    >>> x = m.claim("x", "The door was locked")
    >>> s = m.support(w, x)
    >>> u = m.claim("u", "The witness was not at home that night")
    >>> _ = m.undercut(u, s)
    >>> ev = m.evaluate()
    >>> ev.status("x"), ev.status("w"), ev.status("u")
    (<Status.OUT: 'out'>, <Status.IN: 'in'>, <Status.IN: 'in'>)
    """

    def __init__(self, title: str = "", *, description: str | None = None) -> None:
        self.title = title
        self.description = description
        self._claims: dict[str, Claim] = {}
        self._supports: dict[str, Support] = {}
        self._attacks: dict[str, Attack] = {}
        self._sources: dict[str, Source] = {}
        self._assessments: list[Assessment] = []
        self._sections: list[str] = []
        self._section_stack: list[str] = []

    # -- ids -------------------------------------------------------------------------------
    def _kind_of(self, ident: str) -> str | None:
        for kind, table in (
            ("claim", self._claims),
            ("support", self._supports),
            ("attack", self._attacks),
        ):
            if ident in table:
                return kind
        return None

    def _new_id(self, ident: str | None, prefix: str, table: dict[str, Any]) -> str:
        if ident is None:
            number = len(table) + 1
            while self._kind_of(f"{prefix}{number}") is not None:
                number += 1
            return f"{prefix}{number}"
        if not isinstance(ident, str) or not ident.strip():
            raise MapError(f"an id must be a non-empty string, got {ident!r}")
        existing = self._kind_of(ident)
        if existing is not None:
            raise DuplicateIdError(ident, existing)
        return ident

    def _claim_id(self, ref: ClaimRef) -> str:
        ident = ref.id if isinstance(ref, Claim) else ref
        if ident not in self._claims:
            raise UnknownIdError("claim", ident, self._claims)
        return ident

    def _support_id(self, ref: SupportRef) -> str:
        ident = ref.id if isinstance(ref, Support) else ref
        if ident not in self._supports:
            if ident in self._claims:
                raise InvalidRelationError(
                    ident, "is a claim; an undercut attacks a support (use rebut to attack a claim)"
                )
            raise UnknownIdError("support", ident, self._supports)
        return ident

    # -- structure -------------------------------------------------------------------------
    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        """Claims declared inside ``with m.section(name):`` belong to that section."""
        if not isinstance(name, str) or not name.strip():
            raise MapError(f"a section name must be a non-empty string, got {name!r}")
        if name not in self._sections:
            self._sections.append(name)
        self._section_stack.append(name)
        try:
            yield
        finally:
            self._section_stack.pop()

    def claim(
        self,
        id: str,
        text: str,
        *,
        source: str | Source | None = None,
        tags: Iterable[str] = (),
        notes: str | None = None,
        section: str | None = None,
    ) -> Claim:
        """Declare a claim with a unique id and its text."""
        ident = self._new_id(id, "c", self._claims)
        if not isinstance(text, str) or not text.strip():
            raise MapError(f"claim {ident!r}: the text must be a non-empty string, got {text!r}")
        source_name = None
        if source is not None:
            source_name = self.source(source).name
        if section is None and self._section_stack:
            section = self._section_stack[-1]
        if section is not None and section not in self._sections:
            self._sections.append(section)
        if isinstance(tags, str):
            tags = (tags,)
        node = Claim(ident, text, source_name, tuple(tags), notes, section)
        self._claims[ident] = node
        return node

    def source(
        self,
        source: str | Source,
        *,
        note: str | None = None,
        reliability: str | Reliability | None = None,
        credibility: str | int | Credibility | None = None,
        rating: str | None = None,
        by: str | None = None,
    ) -> Source:
        """Declare (or fetch) a source; an Admiralty rating may be given at once."""
        name = source.name if isinstance(source, Source) else source
        if not isinstance(name, str) or not name.strip():
            raise MapError(f"a source name must be a non-empty string, got {name!r}")
        node = self._sources.get(name)
        if node is None or (note is not None and node.note != note):
            node = Source(name, note if note is not None else (node.note if node else None))
            self._sources[name] = node
        if reliability is not None or credibility is not None or rating is not None:
            self.assess(
                node, reliability=reliability, credibility=credibility, rating=rating, by=by
            )
        return node

    def support(
        self,
        premises: ClaimRef | Sequence[ClaimRef],
        conclusion: ClaimRef,
        *,
        id: str | None = None,
        label: str | None = None,
    ) -> Support:
        """``premises`` are a reason for ``conclusion``; several premises are linked (jointly)."""
        refs = [premises] if isinstance(premises, Claim | str) else list(premises)
        if not refs:
            raise MapError("a support needs at least one premise")
        premise_ids = tuple(self._claim_id(ref) for ref in refs)
        if len(set(premise_ids)) != len(premise_ids):
            raise MapError(f"a support lists the same premise twice: {list(premise_ids)!r}")
        conclusion_id = self._claim_id(conclusion)
        if conclusion_id in premise_ids:
            raise InvalidRelationError(
                conclusion_id, "a support's conclusion cannot be one of its own premises"
            )
        _check_label(label, "support", id)
        ident = self._new_id(id, "s", self._supports)
        node = Support(ident, premise_ids, conclusion_id, label)
        self._supports[ident] = node
        return node

    def _attack(
        self,
        kind: AttackKind,
        attacker: ClaimRef,
        target: str,
        ident: str | None,
        label: str | None,
    ) -> Attack:
        attacker_id = self._claim_id(attacker)
        if attacker_id == target:
            raise InvalidRelationError(attacker_id, f"a claim cannot {kind.value} itself")
        _check_label(label, kind.value, ident)
        node = Attack(self._new_id(ident, "r", self._attacks), kind, attacker_id, target, label)
        self._attacks[node.id] = node
        return node

    def rebut(
        self,
        attacker: ClaimRef,
        target: ClaimRef,
        *,
        id: str | None = None,
        label: str | None = None,
    ) -> Attack:
        """``attacker`` is a reason against claim ``target`` (one direction only)."""
        return self._attack(AttackKind.REBUT, attacker, self._claim_id(target), id, label)

    def undermine(
        self,
        attacker: ClaimRef,
        target: ClaimRef,
        *,
        id: str | None = None,
        label: str | None = None,
    ) -> Attack:
        """``attacker`` speaks against ``target`` where it serves as a premise."""
        return self._attack(AttackKind.UNDERMINE, attacker, self._claim_id(target), id, label)

    def contradict(
        self,
        first: ClaimRef,
        second: ClaimRef,
        *,
        id: str | None = None,
        label: str | None = None,
    ) -> Attack:
        """``first`` and ``second`` exclude each other (a symmetric conflict)."""
        return self._attack(AttackKind.CONTRADICT, first, self._claim_id(second), id, label)

    def undercut(
        self,
        attacker: ClaimRef,
        support: SupportRef,
        *,
        id: str | None = None,
        label: str | None = None,
    ) -> Attack:
        """``attacker`` denies that ``support``'s premises bear on its conclusion."""
        return self._attack(AttackKind.UNDERCUT, attacker, self._support_id(support), id, label)

    def assess(
        self,
        target: ClaimRef | SupportRef | Source,
        *,
        likelihood: str | Likelihood | None = None,
        confidence: str | Confidence | None = None,
        reliability: str | Reliability | None = None,
        credibility: str | int | Credibility | None = None,
        rating: str | None = None,
        wording: str | None = None,
        by: str | None = None,
        note: str | None = None,
    ) -> Assessment:
        """Record a judgement on a claim, a support (how likely the inference holds), or a
        source (Admiralty reliability A-F and credibility 1-6, or ``rating="B2"``).

        ``wording`` reads likelihood and confidence from an analyst's sentence:

        >>> m = ArgumentMap()
        >>> x = m.claim("x", "Talks will fail")
        >>> m.assess(x, wording="We assess with moderate confidence that talks are likely to fail",
        ...          by="analyst").badge()
        'likely · moderate'
        """
        kind, ident = self._target(target)
        likely = Likelihood.parse(likelihood) if likelihood is not None else None
        sure = Confidence.parse(confidence) if confidence is not None else None
        if wording is not None:
            read_likely, read_sure = parse_judgement(wording)
            likely = likely or read_likely
            sure = sure or read_sure
        reliable = Reliability.parse(reliability) if reliability is not None else None
        credible = Credibility.parse(credibility) if credibility is not None else None
        if rating is not None:
            reliable, credible = parse_admiralty(rating)
        if kind == "source" and likely is not None:
            raise MapError(
                f"source {ident!r}: a source is rated by reliability and credibility "
                "(Admiralty code), not by likelihood"
            )
        if kind != "source" and (reliable is not None and kind == "support"):
            raise MapError(f"support {ident!r}: reliability rates sources, not inferences")
        if all(v is None for v in (likely, sure, reliable, credible)) and note is None:
            raise MapError(
                f"{kind} {ident!r}: an assessment needs a likelihood, a confidence, "
                "an Admiralty rating or a note"
            )
        node = Assessment(ident, kind, likely, sure, reliable, credible, by, note, wording)
        self._assessments.append(node)
        return node

    def _target(self, target: ClaimRef | SupportRef | Source) -> tuple[str, str]:
        if isinstance(target, Source):
            return "source", self.source(target).name
        if isinstance(target, Claim):
            return "claim", self._claim_id(target)
        if isinstance(target, Support):
            return "support", self._support_id(target)
        if target in self._claims:
            return "claim", target
        if target in self._supports:
            return "support", target
        if target in self._sources:
            return "source", target
        valid = [*self._claims, *self._supports, *self._sources]
        raise UnknownIdError("claim, support or source", target, valid)

    # -- reading ---------------------------------------------------------------------------
    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(self._claims.values())

    @property
    def supports(self) -> tuple[Support, ...]:
        return tuple(self._supports.values())

    @property
    def attacks(self) -> tuple[Attack, ...]:
        return tuple(self._attacks.values())

    def __getitem__(self, ident: str) -> Claim | Support | Attack:
        for table in (self._claims, self._supports, self._attacks):
            if ident in table:
                return table[ident]
        raise UnknownIdError(
            "claim, support or attack", ident, [*self._claims, *self._supports, *self._attacks]
        )

    def __len__(self) -> int:
        return len(self._claims)

    def __repr__(self) -> str:
        return (
            f"ArgumentMap({self.title!r}: {len(self._claims)} claims, "
            f"{len(self._supports)} supports, {len(self._attacks)} attacks)"
        )

    def model(self) -> MapModel:
        """A frozen snapshot of the map as it stands."""
        return MapModel(
            title=self.title,
            claims=self.claims,
            supports=self.supports,
            attacks=self.attacks,
            sources=tuple(self._sources.values()),
            assessments=tuple(self._assessments),
            sections=tuple(self._sections),
            description=self.description,
        )

    def validate(self) -> None:
        """Raise :class:`MapValidationError` listing every problem in the map, if any.

        A map built through these methods is checked as it grows; this re-checks the whole.
        """
        problems = _problems(self.model())
        if problems:
            raise MapValidationError(problems)

    # -- evaluation and data ---------------------------------------------------------------
    def evaluate(
        self,
        semantics: str = "grounded",
        *,
        translation: str = "aspic",
        preferences: bool = True,
        link: str = "weakest",
        timeout: float | None = None,
        list_limit: int | None = None,
    ) -> Evaluation:
        """Translate the map to a Dung framework and evaluate it; see :mod:`argmap.evaluation`.

        At most ``list_limit`` labellings are listed (by default
        :data:`~argmap.evaluation.LIST_LIMIT`); past them each claim's labels are counted
        without listing every extension."""
        from argmap.evaluation import evaluate

        return evaluate(
            self.model(),
            semantics,
            translation=translation,
            preferences=preferences,
            link=link,
            timeout=timeout,
            list_limit=list_limit,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data, lossless; :meth:`from_dict` reads it back."""
        from argmap.map.data import model_to_dict

        return model_to_dict(self.model())

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str | None = None) -> ArgumentMap:
        """Build a map from plain data, reporting every problem at once."""
        from argmap.map.data import map_from_dict

        return map_from_dict(data, source=source)

    def to_json(self, *, indent: int = 2) -> str:
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str, *, source: str | None = None) -> ArgumentMap:
        from argmap.map.data import map_from_json

        return map_from_json(text, source=source)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> ArgumentMap:
        from argmap.map.data import map_from_json

        try:
            # utf-8-sig: a byte-order mark, as some Windows editors write, is skipped
            text = Path(path).read_text(encoding="utf-8-sig")
        except OSError as error:
            raise MapError(f"{path}: cannot read the file ({error.strerror})") from error
        return map_from_json(text, source=str(path))


def _problems(model: MapModel) -> list[str]:
    """Every structural problem of a model, one message each."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for kind, nodes in (
        ("claim", model.claims),
        ("support", model.supports),
        ("attack", model.attacks),
    ):
        for node in nodes:
            if node.id in seen:
                problems.append(f"duplicate id: {node.id!r} is already a {seen[node.id]}")
            seen[node.id] = kind
    claims = model.claim_by_id
    supports = model.support_by_id
    for support in model.supports:
        for premise in support.premises:
            if premise not in claims:
                problems.append(f"support {support.id!r}: unknown premise claim {premise!r}")
        if support.conclusion not in claims:
            problems.append(
                f"support {support.id!r}: unknown conclusion claim {support.conclusion!r}"
            )
        if support.conclusion in support.premises:
            problems.append(
                f"support {support.id!r}: its conclusion {support.conclusion!r} "
                "is among its premises"
            )
    for attack in model.attacks:
        if attack.attacker not in claims:
            problems.append(f"attack {attack.id!r}: unknown attacking claim {attack.attacker!r}")
        table = supports if attack.kind is AttackKind.UNDERCUT else claims
        what = "support" if attack.kind is AttackKind.UNDERCUT else "claim"
        if attack.target not in table:
            problems.append(f"attack {attack.id!r}: unknown target {what} {attack.target!r}")
    return problems


def _check_label(label: object, relation: str, ident: str | None) -> None:
    """A relation's label is a line of text, or None."""
    if label is not None and (not isinstance(label, str) or not label.strip()):
        named = f" {ident!r}" if ident is not None else ""
        raise MapError(f"{relation}{named}: a label must be a non-empty string, got {label!r}")
