"""AIF JSON: maps written and read back keep their structure and their statuses; files that
are not a map's argument layer are refused with the node or edge named."""

import json
import runpy
from pathlib import Path

import pytest
from hypothesis import given

from argmap import ArgumentMap, MapError
from argmap.io import from_aif, read_aif, to_aif, write_aif
from argmap.loading import load_map
from argmap.map.model import AttackKind
from argmap.strategies import argument_maps

from conftest import DATA

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "russia_hamas.py"


def _directed(m: ArgumentMap) -> set[tuple[str, str, str, str | None]]:
    """Each attack as (attacker, target, rebut-or-undercut, label), a contradiction both
    ways: what AIF keeps of it (rebutting and undermining a claim act alike)."""
    found = set()
    for attack in m.attacks:
        kind = "undercut" if attack.kind is AttackKind.UNDERCUT else "claim"
        found.add((attack.attacker, attack.target, kind, attack.label))
        if attack.kind is AttackKind.CONTRADICT:
            found.add((attack.target, attack.attacker, kind, attack.label))
    return found


def _statuses(m: ArgumentMap, semantics: str) -> dict[str, str]:
    ev = m.evaluate(semantics, preferences=False)
    return {c.id: ev.status(c).value for c in m.claims}


def test_the_showcase_map_reads_back_with_its_structure_and_statuses():
    m = runpy.run_path(str(EXAMPLE), run_name="aif_test")["m"]
    back = from_aif(json.loads(json.dumps(to_aif(m))))
    assert [(c.id, c.text) for c in back.claims] == [(c.id, c.text) for c in m.claims]
    assert {(s.id, s.premises, s.conclusion, s.label) for s in back.supports} == {
        (s.id, s.premises, s.conclusion, s.label) for s in m.supports
    }
    assert _directed(back) == _directed(m)
    for semantics in ("grounded", "preferred"):
        assert _statuses(back, semantics) == _statuses(m, semantics)


@given(m=argument_maps(assessments=False))
def test_random_maps_read_back_with_the_same_statuses(m):
    back = from_aif(to_aif(m))
    assert _directed(back) == _directed(m)
    assert {(s.id, s.premises, s.conclusion, s.label) for s in back.supports} == {
        (s.id, s.premises, s.conclusion, s.label) for s in m.supports
    }
    for semantics in ("grounded", "preferred", "stable"):
        assert _statuses(back, semantics) == _statuses(m, semantics)


def test_rebuttal_undermining_and_undercut_are_told_apart_on_reading():
    m = ArgumentMap()
    p, c, x, y, z = (m.claim(i, i.upper()) for i in "pcxyz")
    s = m.support(p, c)
    m.rebut(x, c)
    m.rebut(y, p)
    m.undercut(z, s)
    back = from_aif(to_aif(m))
    kinds = {(a.attacker, a.target): a.kind for a in back.attacks}
    assert kinds == {
        ("x", "c"): AttackKind.REBUT,  # c is concluded by an inference
        ("y", "p"): AttackKind.UNDERMINE,  # p is a premise only
        ("z", s.id): AttackKind.UNDERCUT,
    }


def test_a_support_label_is_the_inference_scheme_named_in_its_node():
    m = ArgumentMap()
    expert = m.support(m.claim("e", "Dr Ng says so"), m.claim("c", "C"), label="Expert opinion")
    plain = m.support(m.claim("d", "D"), "c")
    nodes = {n["nodeID"]: n["text"] for n in to_aif(m)["nodes"]}
    assert nodes[expert.id] == "Expert opinion" and nodes[plain.id] == "Default Inference"
    back = from_aif(to_aif(m))
    assert {s.id: s.label for s in back.supports} == {expert.id: "Expert opinion", plain.id: None}
    # as AIFdb names schemes
    data = _with(
        [{"nodeID": "r", "text": "Argument From Expert Opinion ", "type": "RA"}],
        [{"fromID": "a", "toID": "r"}, {"fromID": "r", "toID": "b"}],
    )
    assert from_aif(data).supports[0].label == "Argument From Expert Opinion"


def test_an_attack_label_is_the_conflict_scheme_named_in_its_node():
    m = ArgumentMap()
    e, c = m.claim("e", "Dr Ng says so"), m.claim("c", "C")
    s = m.support(e, c)
    bias = m.undercut(m.claim("b", "Dr Ng is paid by the maker"), s, label="Conflict From Bias")
    plain = m.rebut(m.claim("d", "D"), c)
    clash = m.contradict("d", "e", id="k", label="Contradiction")
    nodes = {n["nodeID"]: n["text"] for n in to_aif(m)["nodes"]}
    assert nodes[bias.id] == "Conflict From Bias" and nodes[plain.id] == "Default Conflict"
    assert nodes["k"] == nodes["k-back"] == "Contradiction"
    back = from_aif(to_aif(m))
    assert {a.id: a.label for a in back.attacks} == {
        bias.id: "Conflict From Bias",
        plain.id: None,
        clash.id: "Contradiction",
        "k-back": "Contradiction",
    }
    # as AIFdb names schemes: padded, and the default one is no label
    data = _with(
        [
            {"nodeID": "x", "text": " Conflict From Expert Opinion", "type": "CA"},
            {"nodeID": "y", "text": "Default Conflict", "type": "CA"},
        ],
        [
            {"fromID": "a", "toID": "x"},
            {"fromID": "x", "toID": "b"},
            {"fromID": "b", "toID": "y"},
            {"fromID": "y", "toID": "a"},
        ],
    )
    assert {a.id: a.label for a in from_aif(data).attacks} == {
        "x": "Conflict From Expert Opinion",
        "y": None,
    }


def test_a_contradiction_is_written_as_two_conflicts():
    m = ArgumentMap()
    m.contradict(m.claim("a", "A"), m.claim("b", "B"), id="k")
    conflicts = [n["nodeID"] for n in to_aif(m)["nodes"] if n["type"] == "CA"]
    assert conflicts == ["k", "k-back"]
    assert {(a.attacker, a.target) for a in from_aif(to_aif(m)).attacks} == {
        ("a", "b"),
        ("b", "a"),
    }


def test_dialogue_nodes_are_refused_unless_skipped_by_name():
    aifdb = json.loads((DATA / "trident_aif.json").read_text())
    with pytest.raises(MapError, match=r"types a map does not hold: L \(1, e.g. node '4'\)"):
        from_aif(aifdb)
    m = from_aif(aifdb, skip=["L", "YA"], title="Trident")
    assert m.title == "Trident"
    assert [(s.premises, s.conclusion) for s in m.supports] == [(("2",), "1")]
    assert [(a.kind, a.attacker, a.target) for a in m.attacks] == [(AttackKind.UNDERMINE, "6", "2")]
    assert _statuses(m, "grounded") == {"1": "out", "2": "out", "6": "in"}
    calm = from_aif(aifdb, skip=["L", "YA", "CA"])  # a type a map holds, skipped knowingly
    assert calm.attacks == () and _statuses(calm, "grounded") == {"1": "in", "2": "in", "6": "in"}


def _with(nodes=(), edges=()):
    return {
        "nodes": [
            {"nodeID": "a", "text": "A", "type": "I"},
            {"nodeID": "b", "text": "B", "type": "I"},
            *nodes,
        ],
        "edges": list(edges),
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "an object with a list of 'nodes'"),
        ({"AIF": {"edges": []}}, r"an object with a list of 'nodes' \(or one under 'AIF'"),
        ({"nodes": [{"text": "x"}]}, "node 1: needs a 'nodeID' and a 'type'"),
        (_with([{"nodeID": "a", "text": "again", "type": "I"}]), "node 'a' appears twice"),
        (_with([{"nodeID": "c", "text": " ", "type": "I"}]), "I-node 'c' has no text"),
        (_with([{"nodeID": "c", "text": 5, "type": "I"}]), "I-node 'c' has no text, got 5"),
        ({"nodes": [], "edges": "x"}, "AIF JSON's 'edges' is a list, got 'x'"),
        (_with(edges=[{"edgeID": "e", "fromID": "a", "toID": "q"}]), "edge 'e' names no node: 'q'"),
        (_with(edges=[{"edgeID": "e", "fromID": "a"}]), "edge 1: needs a 'fromID' and a 'toID'"),
        (
            _with(edges=[{"edgeID": "e", "fromID": "a", "toID": "b"}]),
            "I-node 'a' has an edge straight to another I-node",
        ),
        (
            _with(
                [{"nodeID": "r", "type": "RA"}],
                [
                    {"fromID": "a", "toID": "r"},
                    {"fromID": "r", "toID": "b"},
                    {"fromID": "r", "toID": "a"},
                ],
            ),
            r"RA-node 'r' needs exactly one conclusion, of type I; "
            r"its edges give \['b \(I\)', 'a \(I\)'\]",
        ),
        (
            _with([{"nodeID": "r", "type": "RA"}], [{"fromID": "r", "toID": "b"}]),
            "RA-node 'r' needs I-nodes as its premises",
        ),
        (
            _with([{"nodeID": "k", "type": "CA"}], [{"fromID": "a", "toID": "k"}]),
            r"CA-node 'k' needs exactly one target, of type I or RA; its edges give \[\]",
        ),
    ],
)
def test_malformed_aif_is_refused_naming_the_node_or_edge(data, message):
    with pytest.raises(MapError, match=message):
        from_aif(data)


def test_an_ova3_file_holds_its_aif_under_a_key_of_its_own(tmp_path):
    aifdb = json.loads((DATA / "trident_aif.json").read_text())
    ova3 = {
        "AIF": aifdb,
        "OVA": {"firstname": "A", "surname": "N", "nodes": [], "edges": []},
        "text": "Rebecca: Britain should disarm ...",
    }
    expected = from_aif(aifdb, skip=["L", "YA"])
    m = from_aif(ova3, skip=["L", "YA"])
    assert m.to_dict() == expected.to_dict()
    path = tmp_path / "trident_ova3.json"
    path.write_text(json.dumps(ova3))
    loaded = load_map(path, skip=["L", "YA"])  # known as AIF by its AIF key
    assert [(a.kind, a.attacker, a.target) for a in loaded.attacks] == [
        (AttackKind.UNDERMINE, "6", "2")
    ]


def test_map_and_aif_files_with_a_byte_order_mark_are_read(tmp_path):
    m = ArgumentMap("Door")
    m.support(m.claim("w", "A witness says so"), m.claim("x", "The door was locked"))
    for name, text in (
        ("map.json", m.to_json()),
        ("aif.json", json.dumps(to_aif(m))),
    ):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
        assert [c.id for c in load_map(path).claims] == ["w", "x"]


def test_files_are_written_and_read(tmp_path):
    m = ArgumentMap("Door")
    m.support(m.claim("w", "A witness says so"), m.claim("x", "The door was locked"))
    path = write_aif(m, tmp_path / "door.json")
    back = read_aif(path)
    assert back.title == "door" and [c.id for c in back.claims] == ["w", "x"]
    broken = tmp_path / "broken.json"
    broken.write_text("{nodes")
    with pytest.raises(MapError, match=r"broken\.json: not valid JSON"):
        read_aif(broken)
    with pytest.raises(MapError, match=r"missing\.json: cannot read the file"):
        read_aif(tmp_path / "missing.json")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(_with(edges=[{"edgeID": "e", "fromID": "a", "toID": "q"}])))
    with pytest.raises(MapError, match=r"wrong\.json: edge 'e' names no node"):
        read_aif(wrong)
