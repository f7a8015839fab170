"""Maps in AIF JSON, the Argument Interchange Format as AIFdb and OVA exchange it.

AIF (Chesñevar et al. 2006; Rahwan et al. 2007) draws an argument as a graph of information
nodes (``I``, a claim's text) and scheme nodes: an inference (``RA``) takes edges from its
premises and gives one to its conclusion; a conflict (``CA``) takes an edge from the
attacker and gives one to what it attacks, an I-node or an inference. The JSON form of
AIFdb lists ``nodes`` (``nodeID``, ``text``, ``type``) and ``edges`` (``edgeID``,
``fromID``, ``toID``).

A map is written with its ids as node ids: each claim an I-node, each support one RA-node
(a linked support one RA-node with all its premises, its label, such as a scheme's name, as
the node's text), each rebuttal, undermining and
undercut one CA-node (its label, such as a conflict scheme's name, as the node's text), and
a contradiction two, one each way. AIF has no place for
assessments, sources, sections or a title; the map JSON of :meth:`ArgumentMap.save` keeps
them.

Reading takes the same three node types back: an RA-node's text other than "Default
Inference" becomes its support's label, a CA-node's other than "Default Conflict" its
attack's; a CA-node aimed at a claim that some RA-node
concludes is a rebuttal, at any other claim an undermining, at an RA-node an undercut. AIF
files from dialogue analysis also hold locutions and transitions (``L``, ``YA``, ``TA``),
rephrases (``MA``) and preferences (``PA``), which a map does not; their types must be named
in ``skip``, so that nothing is left out unasked.

References
----------
Chesñevar, C., McGinnis, J., Modgil, S., Rahwan, I., Reed, C., Simari, G., South, M.,
Vreeswijk, G. and Willmott, S. (2006). Towards an argument interchange format. The
Knowledge Engineering Review 21(4).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from argmap.errors import MapError
from argmap.map.builder import ArgumentMap
from argmap.map.model import AttackKind, MapModel

__all__ = [
    "DEFAULT_CONFLICT",
    "DEFAULT_INFERENCE",
    "SCHEME_TYPES",
    "from_aif",
    "read_aif",
    "to_aif",
    "write_aif",
]

#: The node types a map is made of; any other type in a file must be skipped by name.
SCHEME_TYPES = ("I", "RA", "CA")
#: The text of an inference node that names no scheme; a support's label names one.
DEFAULT_INFERENCE = "Default Inference"
#: The text of a conflict node that names no scheme; an attack's label names one.
DEFAULT_CONFLICT = "Default Conflict"


def to_aif(subject: ArgumentMap | MapModel) -> dict[str, Any]:
    """The map as AIF JSON data (``nodes``, ``edges``, and an empty ``locutions``).

    >>> m = ArgumentMap("Door")
    >>> s = m.support(m.claim("w", "A witness says so"), m.claim("x", "The door was locked"))
    >>> _ = m.undercut(m.claim("u", "The witness was away"), s)
    >>> data = to_aif(m)
    >>> sorted((n["nodeID"], n["type"]) for n in data["nodes"])
    [('r1', 'CA'), ('s1', 'RA'), ('u', 'I'), ('w', 'I'), ('x', 'I')]
    >>> sorted((e["fromID"], e["toID"]) for e in data["edges"])
    [('r1', 's1'), ('s1', 'x'), ('u', 'r1'), ('w', 's1')]
    """
    model = subject.model() if isinstance(subject, ArgumentMap) else subject
    nodes = [{"nodeID": c.id, "text": c.text, "type": "I"} for c in model.claims]
    edges: list[dict[str, str]] = []

    def edge(tail: str, head: str) -> None:
        edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": tail, "toID": head})

    for support in model.supports:
        scheme = support.label or DEFAULT_INFERENCE
        nodes.append({"nodeID": support.id, "text": scheme, "type": "RA"})
        for premise in support.premises:
            edge(premise, support.id)
        edge(support.id, support.conclusion)
    taken = {node["nodeID"] for node in nodes} | {a.id for a in model.attacks}
    for attack in model.attacks:
        directions = [(attack.id, attack.attacker, attack.target)]
        if attack.kind is AttackKind.CONTRADICT:
            back = _fresh(f"{attack.id}-back", taken)
            directions.append((back, attack.target, attack.attacker))
        for node, attacker, target in directions:
            scheme = attack.label or DEFAULT_CONFLICT
            nodes.append({"nodeID": node, "text": scheme, "type": "CA"})
            edge(attacker, node)
            edge(node, target)
    return {"nodes": nodes, "edges": edges, "locutions": []}


def _fresh(ident: str, taken: set[str]) -> str:
    """``ident``, or it numbered until no node has it; the result is taken."""
    candidate, number = ident, 1
    while candidate in taken:
        number += 1
        candidate = f"{ident}{number}"
    taken.add(candidate)
    return candidate


def write_aif(subject: ArgumentMap | MapModel, path: str | Path) -> Path:
    """Write the map as AIF JSON to ``path``."""
    path = Path(path)
    path.write_text(json.dumps(to_aif(subject), indent=2, ensure_ascii=False) + "\n")
    return path


def read_aif(
    path: str | Path, *, title: str | None = None, skip: Iterable[str] = ()
) -> ArgumentMap:
    """The map in the AIF JSON file ``path`` (see :func:`from_aif`)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise MapError(f"{path}: cannot read the file ({error.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MapError(f"{path}: not valid JSON ({error})") from None
    return from_aif(data, title=title or path.stem, skip=skip, source=str(path))


def from_aif(
    data: dict[str, Any],
    *,
    title: str | None = None,
    skip: Iterable[str] = (),
    source: str | None = None,
) -> ArgumentMap:
    """A map from AIF JSON data: I-nodes become claims, RA-nodes supports and CA-nodes
    attacks, each with its node id as its id.

    ``skip`` names the other node types to leave out (for example ``["L", "YA", "TA"]``
    for the dialogue of an OVA analysis); a node of a type neither read nor skipped is an
    error, as are an edge to an unknown node and a scheme node without exactly one
    conclusion or target. Each message names the node or edge, and ``source`` where given.

    The AIF may also sit under an ``AIF`` key, as OVA3 and xAIF files hold it beside the
    diagram's layout (``OVA``) and the analysed text (``text``), which a map does not keep.

    >>> data = {"nodes": [{"nodeID": "1", "text": "Britain should disarm", "type": "I"},
    ...                   {"nodeID": "2", "text": "Nuclear weapons deter", "type": "I"},
    ...                   {"nodeID": "3", "text": "Default Conflict", "type": "CA"}],
    ...         "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"},
    ...                   {"edgeID": "2", "fromID": "3", "toID": "1"}]}
    >>> attack = from_aif(data).attacks[0]
    >>> attack.kind.value, attack.attacker, attack.target
    ('undermine', '2', '1')
    """
    where = f"{source}: " if source else ""
    if isinstance(data, dict) and "nodes" not in data and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # OVA3 and xAIF
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise MapError(
            f"{where}AIF JSON is an object with a list of 'nodes' (or one under 'AIF', as "
            "OVA3 writes it)"
        )
    skipped = set(skip)
    kinds: dict[str, str] = {}
    texts: dict[str, object] = {}
    unread: dict[str, list[str]] = {}
    for position, node in enumerate(data["nodes"], start=1):
        if not isinstance(node, dict) or "nodeID" not in node or "type" not in node:
            raise MapError(f"{where}node {position}: needs a 'nodeID' and a 'type', got {node!r}")
        ident, kind = str(node["nodeID"]), str(node["type"])
        if ident in kinds:
            raise MapError(f"{where}node {ident!r} appears twice")
        kinds[ident] = kind
        texts[ident] = node.get("text")
        if kind not in SCHEME_TYPES and kind not in skipped:
            unread.setdefault(kind, []).append(ident)
    if unread:
        found = ", ".join(
            f"{kind} ({len(ids)}, e.g. node {ids[0]!r})" for kind, ids in unread.items()
        )
        raise MapError(
            f"{where}nodes of types a map does not hold: {found}; a map is made of "
            f"{list(SCHEME_TYPES)} nodes: skip {sorted(unread)!r} to leave the others out "
            "(skip= in Python, --skip on the command line)"
        )
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise MapError(f"{where}AIF JSON's 'edges' is a list, got {edges!r}")
    into: dict[str, list[str]] = {ident: [] for ident in kinds}
    out_of: dict[str, list[str]] = {ident: [] for ident in kinds}
    for position, edge in enumerate(edges, start=1):
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            raise MapError(f"{where}edge {position}: needs a 'fromID' and a 'toID', got {edge!r}")
        name = edge.get("edgeID", position)
        tail, head = str(edge["fromID"]), str(edge["toID"])
        for end in (tail, head):
            if end not in kinds:
                raise MapError(f"{where}edge {name!r} names no node: {end!r}")
        if kinds[tail] in skipped or kinds[head] in skipped:
            continue
        out_of[tail].append(head)
        into[head].append(tail)

    m = ArgumentMap(title or "AIF map")
    for ident, kind in kinds.items():
        if kind == "I" and kind not in skipped:
            text = texts[ident]
            if not isinstance(text, str) or not text.strip():
                raise MapError(f"{where}I-node {ident!r} has no text, got {text!r}")
            m.claim(ident, text)
            if any(kinds[other] == "I" for other in out_of[ident]):
                raise MapError(f"{where}I-node {ident!r} has an edge straight to another I-node")
    concluded = set()
    for ident, kind in kinds.items():
        if kind == "RA" and kind not in skipped:
            conclusion = _one(ident, "conclusion", out_of[ident], kinds, ("I",), where)
            premises = [p for p in into[ident] if kinds[p] == "I"]
            if not premises or any(kinds[p] not in ("I", "CA") for p in into[ident]):
                # the CA-nodes into it are undercuts, read below
                raise MapError(f"{where}RA-node {ident!r} needs I-nodes as its premises")
            label = _scheme(texts[ident], DEFAULT_INFERENCE)
            m.support(premises, conclusion, id=ident, label=label)
            concluded.add(conclusion)
    for ident, kind in kinds.items():
        if kind == "CA" and kind not in skipped:
            attacker = _one(ident, "attacker", into[ident], kinds, ("I",), where)
            target = _one(ident, "target", out_of[ident], kinds, ("I", "RA"), where)
            label = _scheme(texts[ident], DEFAULT_CONFLICT)
            if kinds[target] == "RA":
                m.undercut(attacker, target, id=ident, label=label)
            elif target in concluded:
                m.rebut(attacker, target, id=ident, label=label)
            else:
                m.undermine(attacker, target, id=ident, label=label)
    return m


def _scheme(text: object, default: str) -> str | None:
    """The scheme a scheme node's text names, or None for the default one or none."""
    scheme = text.strip() if isinstance(text, str) else ""
    return scheme if scheme not in ("", default) else None


def _one(
    node: str,
    role: str,
    ends: list[str],
    kinds: dict[str, str],
    allowed: tuple[str, ...],
    where: str,
) -> str:
    """The one node at the other end of ``node``'s edges for ``role``, of an allowed type."""
    if len(ends) != 1 or kinds[ends[0]] not in allowed:
        found = [f"{end} ({kinds[end]})" for end in ends]
        raise MapError(
            f"{where}{kinds[node]}-node {node!r} needs exactly one {role}, "
            f"of type {' or '.join(allowed)}; its edges give {found}"
        )
    return ends[0]
