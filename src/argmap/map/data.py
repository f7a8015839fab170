"""Maps as plain data and JSON, losslessly, with every problem in the data reported at once."""

from __future__ import annotations

import json
from typing import Any

from argmap.errors import ArgmapError, MapValidationError
from argmap.map.builder import ArgumentMap
from argmap.map.model import AttackKind, MapModel

__all__ = ["FORMAT", "map_from_dict", "map_from_json", "model_to_dict"]

FORMAT = "argmap-map/1"


def _drop_none(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, (), [])}


def model_to_dict(model: MapModel) -> dict[str, Any]:
    """The model as JSON-ready data, in declaration order."""
    return {
        "format": FORMAT,
        "title": model.title,
        **({"description": model.description} if model.description else {}),
        "sections": list(model.sections),
        "sources": [_drop_none({"name": s.name, "note": s.note}) for s in model.sources],
        "claims": [
            _drop_none(
                {
                    "id": c.id,
                    "text": c.text,
                    "source": c.source,
                    "tags": list(c.tags),
                    "notes": c.notes,
                    "section": c.section,
                }
            )
            for c in model.claims
        ],
        "supports": [
            _drop_none(
                {
                    "id": s.id,
                    "premises": list(s.premises),
                    "conclusion": s.conclusion,
                    "label": s.label,
                }
            )
            for s in model.supports
        ],
        "attacks": [
            _drop_none(
                {
                    "id": a.id,
                    "kind": a.kind.value,
                    "attacker": a.attacker,
                    "target": a.target,
                    "label": a.label,
                }
            )
            for a in model.attacks
        ],
        "assessments": [
            _drop_none(
                {
                    "target": a.target,
                    "target_kind": a.target_kind,
                    "likelihood": a.likelihood.value if a.likelihood else None,
                    "confidence": a.confidence.value if a.confidence else None,
                    "reliability": a.reliability.value if a.reliability else None,
                    "credibility": a.credibility.value if a.credibility else None,
                    "by": a.by,
                    "note": a.note,
                    "wording": a.wording,
                }
            )
            for a in model.assessments
        ],
    }


_FIELDS = {
    "sources": ({"name"}, {"name", "note"}),
    "claims": ({"id", "text"}, {"id", "text", "source", "tags", "notes", "section"}),
    "supports": ({"premises", "conclusion"}, {"id", "premises", "conclusion", "label"}),
    "attacks": ({"kind", "attacker", "target"}, {"id", "kind", "attacker", "target", "label"}),
    "assessments": (
        {"target"},
        {
            "target",
            "target_kind",
            "likelihood",
            "confidence",
            "reliability",
            "credibility",
            "by",
            "note",
            "wording",
        },
    ),
}
_TOP = {"format", "title", "description", "sections", *_FIELDS}


def map_from_dict(data: Any, *, source: str | None = None) -> ArgumentMap:
    """Build an :class:`ArgumentMap` from data; raise :class:`MapValidationError` listing
    every problem (a missing field, an unknown id, a word not on a scale) at once."""
    where = f"{source}: " if source else ""
    if not isinstance(data, dict):
        raise MapValidationError([f"{where}a map is a JSON object, got {type(data).__name__}"])
    problems: list[str] = []
    for key in sorted(set(data) - _TOP):
        problems.append(f"{where}unknown top-level field {key!r} (valid: {sorted(_TOP)})")
    if data.get("format", FORMAT) != FORMAT:
        problems.append(f"{where}unknown format {data.get('format')!r} (expected {FORMAT!r})")
    m = ArgumentMap(str(data.get("title", "")), description=data.get("description"))
    for section in data.get("sections", []):
        with m.section(section):
            pass

    def entries(kind: str) -> list[tuple[str, dict[str, Any]]]:
        required, allowed = _FIELDS[kind]
        items = data.get(kind, [])
        if not isinstance(items, list):
            problems.append(f"{where}{kind}: expected a list, got {type(items).__name__}")
            return []
        good = []
        for number, item in enumerate(items, start=1):
            label = f"{where}{kind}[{number}]"
            if isinstance(item, dict) and "id" in item:
                label += f" ({item['id']!r})"
            if not isinstance(item, dict):
                problems.append(f"{label}: expected an object, got {item!r}")
                continue
            missing = sorted(required - set(item))
            extra = sorted(set(item) - allowed)
            if missing:
                problems.append(
                    f"{label}: missing field{'s' if len(missing) > 1 else ''} "
                    f"{', '.join(repr(f) for f in missing)}"
                )
            if extra:
                problems.append(f"{label}: unknown field(s) {extra!r} (valid: {sorted(allowed)})")
            if not missing:
                good.append((label, item))
        return good

    def attempt(label: str, action: Any) -> None:
        try:
            action()
        except (ArgmapError, TypeError) as error:
            problems.append(f"{label}: {error}")

    for label, item in entries("sources"):
        attempt(label, lambda item=item: m.source(item["name"], note=item.get("note")))
    for label, item in entries("claims"):
        attempt(
            label,
            lambda item=item: m.claim(
                item["id"],
                item["text"],
                source=item.get("source"),
                tags=item.get("tags", ()),
                notes=item.get("notes"),
                section=item.get("section"),
            ),
        )
    for label, item in entries("supports"):
        attempt(
            label,
            lambda item=item: m.support(
                item["premises"], item["conclusion"], id=item.get("id"), label=item.get("label")
            ),
        )
    methods = {
        AttackKind.REBUT: m.rebut,
        AttackKind.UNDERMINE: m.undermine,
        AttackKind.UNDERCUT: m.undercut,
        AttackKind.CONTRADICT: m.contradict,
    }
    for label, item in entries("attacks"):
        kind = next((k for k in AttackKind if k.value == item["kind"]), None)
        if kind is None:
            problems.append(
                f"{label}: unknown attack kind {item['kind']!r} "
                f"(must be one of {[k.value for k in AttackKind]})"
            )
            continue
        attempt(
            label,
            lambda item=item, kind=kind: methods[kind](
                item["attacker"], item["target"], id=item.get("id"), label=item.get("label")
            ),
        )
    for label, item in entries("assessments"):

        def add(item: dict[str, Any] = item) -> None:
            target: Any = item["target"]
            if item.get("target_kind") == "source":
                target = m.source(target)
            m.assess(
                target,
                likelihood=item.get("likelihood"),
                confidence=item.get("confidence"),
                reliability=item.get("reliability"),
                credibility=item.get("credibility"),
                by=item.get("by"),
                note=item.get("note"),
                wording=item.get("wording"),
            )

        attempt(label, add)
    if problems:
        raise MapValidationError(problems)
    return m


def map_from_json(text: str, *, source: str | None = None) -> ArgumentMap:
    """Parse a map saved by :meth:`ArgumentMap.to_json`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"{source}:" if source else "line "
        raise MapValidationError(
            [f"{where}{error.lineno}: not valid JSON ({error.msg})"]
        ) from error
    return map_from_dict(data, source=source)
