"""Diagrams: DOT source, SVG structure, legend honesty, determinism, and the bundled engine."""

import itertools
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings

from argmap import ArgumentMap, Framework, Labelling
from argmap.errors import RenderError, TooManyExtensionsError, UnknownIdError, UnknownNameError
from argmap.render import render_framework, render_map, save, to_bytes
from argmap.render.style import EDGE_STYLES, STATUS_STYLES
from argmap.semantics import check_labelling, grounded_rounds
from argmap.strategies import argument_maps

SVG = "{http://www.w3.org/2000/svg}"


def door() -> ArgumentMap:
    m = ArgumentMap("Was the door locked?")
    with m.section("Testimony"):
        w = m.claim("w", "The witness says the door was locked", source="Witness statement")
        u = m.claim("u", "The witness was not at home that night")
    x = m.claim("x", "The door was locked")
    s = m.support(w, x)
    m.undercut(u, s)
    a = m.claim("a", "A neighbour heard the door slam open", source="Neighbour")
    m.rebut(a, x)
    m.assess(a, likelihood="very unlikely")
    m.source("Neighbour", rating="C3")
    q, r = m.claim("q", "Quaker"), m.claim("r", "Republican")
    m.contradict(q, r)
    return m


def node_blocks(source: str) -> dict[str, str]:
    """DOT node statements by node name (claims only)."""
    return dict(re.findall(r"^\t+(claim\d+) \[(.*)\]$", source, re.MULTILINE))


def test_every_claim_is_drawn_with_its_status_in_two_channels():
    ev = door().evaluate()
    source = render_map(ev).source
    blocks = node_blocks(source)
    assert len(blocks) == len(ev.model.claims)
    for claim in ev.model.claims:
        block = next(b for b in blocks.values() if f">{claim.id}</FONT>" in b)
        look = STATUS_STYLES[ev.status(claim).value]
        assert f'fillcolor="{look.fill}"' in block  # colour
        assert f"filled,{look.border}" in block  # border style
        assert look.badge in block  # text badge
        assert claim.text.split()[0] in block


def test_statuses_have_distinct_borders_and_badges():
    borders = {look.border for look in STATUS_STYLES.values()}
    badges = {look.badge for look in STATUS_STYLES.values()}
    assert len(borders) == len(badges) == len(STATUS_STYLES)


def test_legend_lists_exactly_what_is_used():
    ev = door().evaluate()
    source = render_map(ev).source
    used_status = {ev.status(c).value for c in ev.model.claims}
    heading = source.split('label=<<TABLE BORDER="0" CELLSPACING="3"')[-1]
    for status, look in STATUS_STYLES.items():
        assert (f"<B>{look.badge}</B></TD>" in heading) == (status in used_status)
    used_edges = {"support", "undercut", "contradict", "cancelled", "premise"}
    for kind, look in EDGE_STYLES.items():
        assert (look.meaning in heading) == (kind in used_edges), kind
    assert EDGE_STYLES["support"].meaning not in render_map(ev, legend=False).source


def test_the_legend_draws_each_relation_as_a_line_in_its_own_style():
    # a line drawn in text ("-----") reads as dashed whatever the relation's style is
    heading = render_map(door().evaluate()).source.split('label=<<TABLE BORDER="0" CELLSPACING')[-1]
    used = {"support", "undercut", "contradict", "cancelled", "premise"}
    for kind in used:
        look = EDGE_STYLES[kind]
        words = look.style.split(",")
        dashes = "".join(f' STYLE="{w}"' for w in words if w in ("dashed", "dotted"))
        width = 3 if "bold" in words else 2
        stroke = f'<TD SIDES="B" BORDER="{width}" COLOR="{look.color}"{dashes} WIDTH="40"'
        assert stroke in heading, kind
    assert "-----" not in heading
    assert 'STYLE="dashed"' in heading and 'STYLE="dotted"' in heading  # undercut, cancelled


def test_cancelled_and_derived_attacks_are_drawn_differently():
    ev = door().evaluate()
    cancelled = EDGE_STYLES["cancelled"]
    assert f'color="{cancelled.color}"' in render_map(ev).source  # the weak neighbour
    m = ArgumentMap()
    a, b, c = m.claim("a", "A"), m.claim("b", "B"), m.claim("c", "C")
    m.support(a, b)
    m.rebut(c, b)
    source = render_map(m.evaluate(translation="deductive")).source
    assert f'color="{EDGE_STYLES["derived"].color}"' in source


def test_same_map_same_dot_source_byte_for_byte():
    assert render_map(door().evaluate()).source == render_map(door().evaluate()).source


def test_focus_and_collapse():
    ev = door().evaluate()
    focused = render_map(ev, focus="x").source
    assert "Quaker" not in focused and "The door was locked" in focused
    collapsed = render_map(ev, collapse=["Testimony"]).source
    assert "Testimony\n(2 claims: 2 IN)" in collapsed
    assert "The witness says" not in collapsed
    assert render_map(ev, collapse="Testimony").source == collapsed  # one name, not letters
    with pytest.raises(UnknownIdError, match="unknown claim id: 'nope'"):
        render_map(ev, focus="nope")
    with pytest.raises(UnknownNameError, match="unknown section: 'Nope'"):
        render_map(ev, collapse=["Nope"])
    with pytest.raises(UnknownNameError, match="unknown direction"):
        render_map(ev, direction="sideways")
    with pytest.raises(ValueError, match="fast must be True, False or 'auto', got 'always'"):
        render_map(ev, fast="always")


def test_svg_structure():
    ev = door().evaluate()
    root = ET.fromstring(to_bytes(render_map(ev), "svg"))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    titles = {g.find(f"{SVG}title").text for g in groups}
    assert {f"claim{i}" for i in range(1, len(ev.model.claims) + 1)} <= titles
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for claim in ev.model.claims:
        assert claim.id in text
    assert text.count("(+) IN") >= 1 and "(?) UNDEC" in text


def test_png_and_dot_and_pdf(tmp_path):
    graph = render_map(door().evaluate())
    png = save(graph, tmp_path / "d.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert save(graph, tmp_path / "d.dot").read_text() == graph.source
    target = tmp_path / "d.pdf"
    try:
        save(graph, target)
    except RenderError as error:  # the bundled engine cannot write PDF: said plainly
        assert "PDF needs a system Graphviz" in str(error)
        assert not target.exists()
    else:
        assert target.read_bytes()[:4] == b"%PDF"


def test_framework_diagram():
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c")])
    source = render_framework(af, semantics="PR", index=1).source
    assert "labelling 2 of 2" in source
    # the second preferred labelling is {b}: one IN node, plus the legend's sample
    assert source.count("(+) IN") == 2
    with pytest.raises(
        ValueError, match=r"unknown preferred labelling index: 5 \(must be one of \['0', '1'\]\)"
    ):
        render_framework(af, semantics="PR", index=5)


def _badges(source: str) -> dict[str, str]:
    """Each claim's status badge in a map diagram, by claim id."""
    found = re.findall(r"<B>(\(.\) \w+)</B>(?: · \w+)* · [\d.]+</TD>.*?>(\w+)</FONT>", source)
    return {ident: badge for badge, ident in found}


def test_a_map_diagram_shows_one_extension_when_given_its_index():
    m = ArgumentMap("Two disputes")
    a, b, c, d = (m.claim(i, i.upper()) for i in "abcd")
    m.contradict(a, b)
    m.contradict(c, d)
    m.support(a, m.claim("e", "E"))
    ev = m.evaluate("preferred", preferences=False)
    across = render_map(ev).source
    assert set(_badges(across).values()) == {"(?) UNDEC"}
    assert "credulous" in across
    seen = set()
    for i, labelling in enumerate(ev.labellings):
        source = render_map(ev, index=i).source
        badges = _badges(source)
        assert badges == {
            c.id: STATUS_STYLES[ev.label_in(c, labelling).value].badge for c in ev.model.claims
        }
        assert f"extension {i + 1} of 4 ·" in source and "credulous" not in source
        seen.add(tuple(sorted(badges.items())))
    assert len(seen) == 4  # each extension drawn as it is
    with pytest.raises(UnknownNameError, match=r"labelling index: 4 \(must be one of"):
        render_map(ev, index=4)


def test_a_map_diagram_of_one_extension_says_how_many_were_listed():
    m = ArgumentMap("Two disputes")
    for pair in ("ab", "cd"):
        m.contradict(m.claim(pair[0], pair[0]), m.claim(pair[1], pair[1]))
    ev = m.evaluate("preferred", preferences=False, list_limit=2)
    assert "extension 2 of 2 listed (of 4) ·" in render_map(ev, index=1).source


def test_a_framework_diagram_takes_one_way_of_choosing_its_labelling():
    af = Framework.from_attacks([("a", "b"), ("b", "a")])
    with pytest.raises(ValueError, match="a labelling or an extension to draw, not both"):
        render_framework(af, labelling=Labelling.from_extension(af, {"a"}), extension={"a"})
    with pytest.raises(ValueError, match="index=1 picks a labelling of the semantics"):
        render_framework(af, extension={"b"}, index=1)
    assert "labelled by the given extension" in render_framework(af, extension={"b"}).source
    odd = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a")])
    assert "stable semantics: no extension" in render_framework(odd, semantics="ST").source
    with pytest.raises(UnknownNameError, match=r"labelling index: 1 \(must be one of \[\]\)"):
        render_framework(odd, semantics="ST", index=1)


def test_a_framework_diagram_numbers_only_so_many_labellings(monkeypatch):
    monkeypatch.setattr("argmap.render.diagram.LABELLINGS_SHOWN", 3)
    pair = Framework.from_attacks([("a", "b"), ("b", "a")])
    assert "labelling 3 of 3" in render_framework(pair, semantics="CO", index=2).source
    pairs = Framework.from_attacks([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")])
    with pytest.raises(TooManyExtensionsError, match="more than 3 extensions"):
        render_framework(pairs, semantics="PR")  # four preferred extensions
    shown = render_framework(pairs, extension={"a", "d"}).source
    assert "labelled by the given extension" in shown


def _framework_badges(source: str) -> dict[str, str]:
    """Each argument's badge (with the round under it, if any) in a framework diagram."""
    found = re.findall(r'<B>(\w+)</B><BR/><FONT POINT-SIZE="9">(.*?)</FONT>', source)
    return {name: badge.replace("<BR/>", " / ") for name, badge in found}


def test_a_checked_labelling_is_drawn_with_its_mislabelled_arguments_marked():
    af = Framework.from_attacks([("a", "b"), ("b", "c")])
    answer = Labelling.from_labels(af, in_=["a", "b"])
    check = check_labelling(af, answer, "complete")
    source = render_framework(af, check=check).source
    assert _framework_badges(source) == {
        "a": "(+) IN",
        "b": "(+) IN / (!) should be / OUT",
        "c": "(?) UNDEC / (!) should be / OUT",
    }
    assert "not a complete labelling: 2 arguments marked (!)" in source
    right = check_labelling(af, Labelling.from_extension(af, {"a", "c"}), "grounded")
    assert "a grounded labelling" in render_framework(af, check=right).source
    for beside in ({"labelling": answer}, {"extension": {"a"}}, {"index": 1}, {"rounds": 1}):
        with pytest.raises(ValueError, match="a check draws the labelling it checked"):
            render_framework(af, check=check, **beside)


def test_a_framework_drawn_round_by_round():
    # a -> b -> c -> d, and d is also attacked by the self-attacking s
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d"), ("s", "s"), ("s", "e")])
    not_yet = "( ) not yet"
    assert _framework_badges(render_framework(af, rounds=0).source) == dict.fromkeys(
        "abcdes", not_yet
    )
    first = render_framework(af, rounds=1).source
    assert _framework_badges(first) == {
        "a": "(+) IN / round 1",
        "b": "(-) OUT / round 1",
        **dict.fromkeys("cdes", not_yet),
    }
    assert "grounded labelling after round 1 of 2" in first
    assert "not labelled yet (white, thin)" in first  # in the legend
    last = render_framework(af, rounds=2).source
    assert _framework_badges(last) == {
        "a": "(+) IN / round 1",
        "b": "(-) OUT / round 1",
        "c": "(+) IN / round 2",
        "d": "(-) OUT / round 2",
        "e": "(?) UNDEC",
        "s": "(?) UNDEC",
    }
    assert "complete after 2 rounds" in last and "not labelled yet" not in last
    # the same labels as the grounded labelling drawn whole
    whole = _framework_badges(render_framework(af).source)
    assert {n: b.split(" / ")[0] for n, b in _framework_badges(last).items()} == whole
    with pytest.raises(UnknownNameError, match=r"round .*: 3 \(must be one of \['0', '1', '2'\]\)"):
        render_framework(af, rounds=3)
    cycle = Framework.from_attacks([("a", "b"), ("b", "a")])
    assert (
        "no argument is unattacked, so no round labels any"
        in render_framework(cycle, rounds=0).source
    )


def test_rounds_go_with_the_grounded_semantics_alone():
    af = Framework.from_attacks([("a", "b")])
    for wrong in (-1, 1.0, True, "1"):
        with pytest.raises(ValueError, match="rounds must be a whole number from 0"):
            render_framework(af, rounds=wrong)
    with pytest.raises(ValueError, match="'PR' semantics is not built in rounds"):
        render_framework(af, semantics="PR", rounds=1)
    for chosen in (
        {"extension": {"a"}},
        {"index": 1},
        {"labelling": Labelling.from_extension(af, {"a"})},
    ):
        with pytest.raises(ValueError, match="nothing to draw"):
            render_framework(af, rounds=1, **chosen)


def _claim_heads(source: str) -> dict[str, str]:
    """Each claim's badge and the note after it ("(+) IN · round 1"), by claim id."""
    found = re.findall(
        r'<B>([^<]*)</B>((?: · [^<·]*?)*) · [\d.]+</TD><TD ALIGN="RIGHT">'
        r'<FONT COLOR="#444444">([^<]*)</FONT>',
        source,
    )
    return {ident: badge + note for badge, note, ident in found}


@settings(max_examples=max(10, settings.default.max_examples // 2))  # maps drawn several times
@given(argument_maps(max_claims=7))
def test_a_map_drawn_round_by_round_ends_with_its_grounded_statuses(m):
    ev = m.evaluate()
    total = len(grounded_rounds(ev.framework))
    heads = [_claim_heads(render_map(ev, rounds=k).source) for k in range(total + 1)]
    # at the last round every claim shows its status
    final = {c.id: STATUS_STYLES[ev.status(c).value].badge for c in m.claims}
    assert {ident: head.split(" · ")[0] for ident, head in heads[-1].items()} == final
    for ident in final:
        no_argument = not ev.translation.arguments_for[ident]
        # before any round, only a claim no argument can be built for is labelled (OUT)
        if total:
            assert heads[0][ident] == ("(-) OUT · no argument" if no_argument else "( ) not yet")
        # once labelled, a claim keeps its label and the round that gave it
        for earlier, later in itertools.pairwise(heads):
            if "round" in earlier[ident]:
                assert later[ident] == earlier[ident]


def test_a_map_drawn_round_by_round():
    m = door()
    n = m.claim("n", "A neighbour saw the witness at home")
    m.rebut(n, "u")
    m.rebut(m.claim("k", "The neighbour was abroad that week"), n)
    ev = m.evaluate()
    first, last = render_map(ev, rounds=1).source, render_map(ev, rounds=2).source
    assert "grounded labelling after round 1 of 2 · aspic translation" in first
    heads = _claim_heads(first)
    assert heads["k"] == "(+) IN · round 1" and heads["n"] == "(-) OUT · round 1"
    assert heads["u"] == heads["x"] == "( ) not yet"  # u waits for n to fall, x for u
    heads = _claim_heads(last)
    assert heads["u"] == "(+) IN · round 2" and heads["x"] == "(-) OUT · round 2"
    assert heads["q"] == heads["r"] == "(?) UNDEC"  # the contradiction no round settles
    assert "complete after 2 rounds" in last
    with pytest.raises(UnknownNameError, match=r"round .*: 3 \(must be one of"):
        render_map(ev, rounds=3)
    with pytest.raises(ValueError, match="an index beside it has nothing to draw"):
        render_map(ev, rounds=1, index=0)
    with pytest.raises(ValueError, match="'PR' semantics is not built in rounds"):
        render_map(m.evaluate("preferred"), rounds=1)
    collapsed = render_map(ev, rounds=1, collapse="Testimony").source
    assert "(2 claims: 1 IN, 1 not yet)" in collapsed  # w IN in round 1, u not yet


def test_a_blank_map_shows_the_relations_and_no_outcome():
    ev = door().evaluate()
    source = render_map(ev, blank=True).source
    heads = _claim_heads(source + "")
    assert "to be labelled" in source and "grounded semantics" not in source
    for look in STATUS_STYLES.values():
        assert look.badge not in source  # neither on a claim nor in the legend
    blocks = node_blocks(source)
    assert len(blocks) == len(ev.model.claims)
    assert all('fillcolor="#FFFFFF"' in block for block in blocks.values())
    # the neighbour's rebuttal is weaker and does not defeat; blank, it is drawn as a rebuttal
    assert EDGE_STYLES["cancelled"].color not in source
    assert EDGE_STYLES["cancelled"].meaning not in source
    assert EDGE_STYLES["rebut"].meaning in source
    assert not heads  # no status, strength or acceptance before a claim's id
    collapsed = render_map(ev, blank=True, collapse="Testimony").source
    assert "Testimony\n(2 claims)" in collapsed
    for chosen in ({"index": 0}, {"rounds": 1}):
        with pytest.raises(ValueError, match="a blank map has no labels to pick"):
            render_map(ev, blank=True, **chosen)
    assert to_bytes(render_map(ev, blank=True), "svg").startswith(b"<?xml")


def test_markup_in_texts_and_source_names_is_shown_as_written():
    m = ArgumentMap("<Odd> & title")
    m.claim("a", "A <b>bold</b> & claim", source="Src <1> & co")
    m.source("Src <1> & co", rating="B2")
    source = render_map(m.evaluate()).source
    # escaped once: Graphviz shows '<', '>' and '&' again, not '&lt;' as text
    assert "Src &lt;1&gt; &amp; co (B2)" in source and "&amp;lt;" not in source
    assert "A &lt;b&gt;bold&lt;/b&gt; &amp; claim" in source
    assert "&lt;Odd&gt; &amp; title" in source


def test_relation_labels_are_drawn_on_their_edges_as_written():
    m = ArgumentMap("Expert")
    e, x = m.claim("e", "Dr Lee says the strain is airborne"), m.claim("x", "It is airborne")
    s = m.support(e, x, label="Argument From Expert Opinion")
    m.undercut(m.claim("b", "Dr Lee is paid"), s, label="Conflict From Bias <& \\n>")
    m.rebut(m.claim("d", "No lab found airborne spread"), x, label="Conflict From Evidence")
    m.rebut("d", "e")
    root = ET.fromstring(to_bytes(render_map(m.evaluate()), "svg"))
    edge_texts = {
        g.find(f"{SVG}title").text: " ".join(t.text for t in g.iter(f"{SVG}text"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "edge"
    }
    assert edge_texts == {
        "claim1->support1": "",
        "support1->claim2": "",
        "claim3->support1": "Conflict From Bias <& \\n>",
        "claim4->claim2": "Conflict From Evidence",
        "claim4->claim1": "",
    }
    node_texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "s1: Argument From Expert Opinion" in node_texts


@pytest.mark.parametrize("wrap", [0, -3, "32", 2.5, True])
def test_wrap_is_a_number_of_characters(wrap):
    with pytest.raises(ValueError, match="wrap is a number of characters from 1"):
        render_map(door().evaluate(), wrap=wrap)


def test_a_framework_without_a_semantics_is_drawn_plain():
    # its heading has no subtitle, and an empty one was a syntax error to Graphviz
    graph = render_framework(Framework.from_attacks([("a", "b")]), semantics=None)
    assert "(+) IN" not in graph.source and 'POINT-SIZE="13"' not in graph.source
    assert b"<svg" in to_bytes(graph, "svg")


def test_jupyter_shows_an_svg():
    bundle = door().evaluate()._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert "status" in bundle["text/plain"]


def test_renders_with_no_dot_on_path(tmp_path):
    code = (
        "from argmap.render import find_program, render_framework, to_bytes\n"
        "from argmap import Framework\n"
        "print(find_program().kind)\n"
        "svg = to_bytes(render_framework(Framework.from_attacks([('a', 'b')])), 'svg')\n"
        "print(svg[:5].decode())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "ARGMAP_GRAPHVIZ"}
    env["PATH"] = str(tmp_path)  # nothing on it: no system dot
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["graphviz-pure", "<?xml"]


def test_large_maps_get_the_fast_layout_small_ones_do_not():
    small = render_map(door().evaluate()).source
    assert "splines=line" not in small
    m = ArgumentMap("large")
    for i in range(200):
        m.claim(f"c{i}", f"claim {i}")
    for i in range(1, 200):
        m.rebut(f"c{i - 1}", f"c{i}")
    assert "splines=line" in render_map(m.evaluate()).source
    assert "splines=line" not in render_map(m.evaluate(), fast=False).source
