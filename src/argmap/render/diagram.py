"""Diagrams of evaluated maps and of abstract frameworks, built with the ``graphviz`` API.

:func:`render_map` and :func:`render_framework` return a ``graphviz.Digraph`` that callers may
tweak; :func:`save` lays it out with the program :mod:`argmap.render.engine` finds and writes
SVG, PNG, PDF (system Graphviz only) or DOT. The same map renders to the same DOT source,
byte for byte.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import graphviz

from argmap.errors import (
    RenderError,
    TooManyExtensionsError,
    UnknownArgumentError,
    UnknownIdError,
    UnknownNameError,
)
from argmap.framework import Framework, natural_key
from argmap.map.model import AttackKind, Claim
from argmap.render.engine import find_program, run_layout
from argmap.render.options import DIRECTIONS, LAYOUT_ENGINES, OUTPUT_FORMATS
from argmap.render.style import BLANK, EDGE_STYLES, STATUS_STYLES, UNLABELLED, EdgeStyle

if TYPE_CHECKING:
    from argmap.evaluation import Evaluation
    from argmap.map.builder import ArgumentMap
    from argmap.marking import StatusCheck
    from argmap.semantics.labelling import Labelling
    from argmap.semantics.legality import LabellingCheck

__all__ = [
    "DIRECTIONS",
    "LABELLINGS_SHOWN",
    "OUTPUT_FORMATS",
    "render_framework",
    "render_map",
    "save",
    "to_bytes",
]

#: Above this many nodes plus edges, ``fast="auto"`` trades curved edges and extra
#: crossing-minimisation rounds for a layout in seconds: dense graphs of a few hundred
#: nodes otherwise take minutes in dot.
FAST_LAYOUT_THRESHOLD = 250
_FAST_LAYOUT = {
    "splines": "line",
    "nslimit": "1",
    "nslimit1": "1",
    "mclimit": "0.1",
    "remincross": "false",
}
_FONT = "Helvetica"

#: The most extensions a framework diagram picks its labelling among, by ``index`` in the
#: order :func:`~argmap.semantics.labellings` lists them; past it, the diagram is refused and
#: a labelling or extension must be given.
LABELLINGS_SHOWN = 10_000


def _check(kind: str, value: str, valid: Collection[str]) -> str:
    if value not in valid:
        raise UnknownNameError(kind, value, valid)
    return value


def _new_graph(name: str, direction: str, layout: str) -> graphviz.Digraph:
    graph = graphviz.Digraph(name=name, engine=_check("layout engine", layout, LAYOUT_ENGINES))
    graph.attr(
        rankdir=_check("direction", direction, DIRECTIONS),
        newrank="true",
        labelloc="t",
        fontname=_FONT,
        fontsize="12",
        nodesep="0.35",
        ranksep="0.5",
        outputorder="edgesfirst",
        pad="0.2",
    )
    graph.attr("node", fontname=_FONT, fontsize="12", margin="0.12,0.06")
    graph.attr("edge", fontname=_FONT, fontsize="10", penwidth="1.6")
    return graph


def _edge(graph: graphviz.Graph, tail: str, head: str, style: EdgeStyle, **extra: str) -> None:
    graph.edge(
        tail,
        head,
        color=style.color,
        style=style.style,
        arrowhead=style.arrowhead,
        arrowtail=style.arrowtail,
        dir=style.dir,
        **extra,
    )


#: Every look a node can have: the three statuses, not labelled yet, and blank.
_LOOKS = {**STATUS_STYLES, "unlabelled": UNLABELLED, "blank": BLANK}
#: How a collapsed section counts its claims of each look.
_SUMMARY_WORDS = {"in": "IN", "out": "OUT", "undec": "UNDEC", "unlabelled": "not yet"}


def _status_node_attrs(status: str) -> dict[str, str]:
    look = _LOOKS[status]
    return {
        "shape": "box",
        "style": f"rounded,filled,{look.border}",
        "fillcolor": look.fill,
        "penwidth": look.penwidth,
        "color": "#222222",
    }


def _html_lines(text: str, width: int) -> str:
    lines = textwrap.wrap(text, width=width) or [""]
    return "".join(f'{html.escape(line)}<BR ALIGN="LEFT"/>' for line in lines)


def _caption(text: str | None, width: int = 24) -> str:
    """A relation's label as a short centred HTML label ('' for none), so that no character
    of the analyst's text reads as Graphviz markup or an escape."""
    if not text:
        return ""
    return "<" + "<BR/>".join(html.escape(line) for line in textwrap.wrap(text, width)) + ">"


# -- maps ------------------------------------------------------------------------------------
def _claim_label(
    ev: Evaluation,
    claim: Claim,
    status: str,
    width: int,
    show_strength: bool,
    across: bool,
    note: str = "",
) -> str:
    """A claim's node: its status (and a ``note`` on it), its acceptance when ``across``
    every extension, its strength, id, text, source and assessment."""
    badge = _LOOKS[status].badge
    head = " · ".join(
        part for part in (f"<B>{badge}</B>" if badge else "", html.escape(note)) if part
    )
    if across and ev.extension_count > 1:
        head += f" · {ev.acceptance(claim).value}"
    if show_strength:
        head += f" · {ev.strength(claim):.2f}"
    rows = [
        f'<TR><TD ALIGN="LEFT">{head}</TD>'
        f'<TD ALIGN="RIGHT"><FONT COLOR="#444444">{html.escape(claim.id)}</FONT></TD></TR>',
        f'<TR><TD COLSPAN="2" ALIGN="LEFT">{_html_lines(claim.text, width)}</TD></TR>',
    ]
    footer = []
    if claim.source:
        rating = ev.model.latest_assessment(claim.source)
        badge = rating.badge() if rating else ""
        footer.append(claim.source + (f" ({badge})" if badge else ""))
    assessment = ev.model.latest_assessment(claim.id)
    if assessment is not None and assessment.badge():
        footer.append(assessment.badge())
    if footer:  # escaped once, line by line, by _html_lines
        text = " · ".join(footer)
        rows.append(
            f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="10">'
            f"{_html_lines(text, width + 10)}</FONT></TD></TR>"
        )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _relation_state(ev: Evaluation, relation: str) -> str:
    """'active' when the relation gave some defeat, 'cancelled' when preferences stopped every
    attack it made, 'idle' otherwise (nothing to attack, or not expressible)."""
    if any(relation in origin for origin in ev.translation.origins.values()):
        return "active"
    if any(c.relation == relation for c in ev.translation.cancelled):
        return "cancelled"
    return "idle"


def render_map(
    subject: Evaluation | ArgumentMap,
    *,
    legend: bool = True,
    direction: str = "TB",
    layout: str = "dot",
    focus: str | None = None,
    collapse: str | Iterable[str] = (),
    wrap: int = 32,
    show_strength: bool = True,
    fast: bool | str = "auto",
    index: int | None = None,
    rounds: int | None = None,
    blank: bool = False,
    marks: StatusCheck | None = None,
) -> graphviz.Digraph:
    """A diagram of an evaluated map: which claims stand, which fall, and why.

    Parameters
    ----------
    subject : Evaluation or ArgumentMap
        An evaluation, or a map (evaluated under grounded semantics with the defaults).
    legend : bool
        Add a legend explaining each colour, border and edge style the diagram uses.
    direction : {"TB", "LR", "BT", "RL"}
        Top-down (default) or left-right, and their reverses.
    layout : str
        The Graphviz layout engine (``dot`` unless you have a reason).
    focus : str, optional
        Show only this claim and what bears on it (premises, attackers, recursively).
    collapse : str or iterable of str
        Section names (or one name) to draw as one summary node each.
    wrap : int
        Characters per line of claim text.
    fast : bool or "auto"
        Lay out with straight edges and bounded optimisation rounds, which keeps a dense
        300-claim map to seconds; ``"auto"`` (default) does so above
        ``FAST_LAYOUT_THRESHOLD`` nodes plus edges.
    index : int, optional
        Show each claim's label in one extension, the evaluation's ``labellings[index]``
        (from 0), instead of its status across all of them.
    rounds : int, optional
        For a grounded evaluation: the claims as the first ``rounds`` rounds of the
        grounded labelling of its arguments leave them
        (:func:`~argmap.semantics.grounded_rounds`). A claim is IN from the round that
        labels one of its arguments IN, OUT from the round that labels the last of them
        OUT (a claim no argument can be built for is OUT throughout), and not labelled
        yet before; from the last round on, the claims not reached are UNDEC.
    blank : bool
        Draw the map without any outcome, for labelling by hand: every claim white, with no
        status, acceptance or strength, and every attack in its relation's style, whether
        or not it defeats. The sources and judgements stay.
    marks : StatusCheck, optional
        Marks checked by :meth:`~argmap.evaluation.Evaluation.check_statuses`: each marked
        claim drawn with its mark, a wrong one noted "(!) is" with its status in the
        labelling compared with, the claims not marked white, and the attacks as on a blank
        map (which defeat is the answer).

    Raises
    ------
    UnknownNameError
        An ``index`` the evaluation lists no labelling for; its ``valid`` are those listed.
        A number of ``rounds`` past the last; its ``valid`` are ``0`` to the last.

    Returns
    -------
    graphviz.Digraph

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap("Door")
    >>> w, x = m.claim("w", "A witness says so"), m.claim("x", "The door was locked")
    >>> s = m.support(w, x)
    >>> _ = m.undercut(m.claim("u", "The witness was away"), s)
    >>> graph = render_map(m.evaluate())
    >>> "(-) OUT" in graph.source and "arrowhead=tee" in graph.source
    True
    """
    from argmap.evaluation import Evaluation

    if fast not in (True, False, "auto"):
        raise ValueError(f"fast must be True, False or 'auto', got {fast!r}")
    if isinstance(wrap, bool) or not isinstance(wrap, int) or wrap < 1:
        raise ValueError(f"wrap is a number of characters from 1, got {wrap!r}")
    ev = subject if isinstance(subject, Evaluation) else subject.evaluate()
    model = ev.model
    collapse = [collapse] if isinstance(collapse, str) else list(collapse)  # one section
    for name in collapse:
        if name not in model.sections:
            raise UnknownNameError("section", name, model.sections)
    shown = {c.id for c in model.claims}
    if focus is not None:
        if focus not in model.claim_by_id:
            raise UnknownIdError("claim", focus, model.claim_by_id)
        shown = set(model.bearing_on(focus))
    title = model.title or "Argument map"
    if blank and (index is not None or rounds is not None):
        raise ValueError("a blank map has no labels to pick: give blank, index or rounds")
    if marks is not None and (blank or index is not None or rounds is not None):
        raise ValueError("marks are drawn as marked: give no blank, index or rounds beside them")
    if marks is not None:
        looks, shown_as = _marked_looks(ev, marks), ""
    else:
        looks, shown_as = _claim_looks(ev, index, rounds, blank)
    across = index is None and rounds is None and not blank and marks is None
    plain = blank or marks is not None  # no outcome of the evaluation's own shown
    if marks is not None:
        wrong = len(marks.wrong)
        subtitle = f"marks checked under {ev.semantics_name} semantics: " + (
            f"{wrong} wrong, marked (!)" if wrong else "right"
        )
    elif blank:
        subtitle = "to be labelled"
    else:
        subtitle = (
            f"{shown_as} · {ev.translation.name} translation · "
            f"preferences {'on' if ev.preferences else 'off'}"
        )
        if not ev.has_extensions:
            subtitle += " · no extension"

    def status_of(claim: Claim) -> str:
        return looks[claim.id][0]

    graph = _new_graph("argmap", direction, layout)

    # nodes: claims (or a summary node per collapsed section), grouped by section
    node_of: dict[str, str] = {}
    used_status: set[str] = set()
    used_edges: set[str] = set()
    sections: dict[str | None, list[Claim]] = {}
    for claim in model.claims:
        if claim.id in shown:
            sections.setdefault(claim.section, []).append(claim)
    # node names are generated: DOT reads "a:b" in an edge as node a, port b
    claim_index = {c.id: i for i, c in enumerate(model.claims, start=1)}

    def add_claims(target: graphviz.Digraph, members: list[Claim]) -> None:
        for claim in members:
            status = status_of(claim)
            used_status.add(status)
            node_of[claim.id] = f"claim{claim_index[claim.id]}"
            target.node(
                node_of[claim.id],
                _claim_label(
                    ev,
                    claim,
                    status,
                    wrap,
                    show_strength and not plain,
                    across,
                    looks[claim.id][1],
                ),
                **_status_node_attrs(status),
            )

    for index, section in enumerate([None, *model.sections]):
        members = sections.get(section, [])
        if not members:
            continue
        if section in collapse:
            node = f"section{index}"
            counts = {s: sum(1 for c in members if status_of(c) == s) for s in _SUMMARY_WORDS}
            summary = ", ".join(f"{n} {_SUMMARY_WORDS[s]}" for s, n in counts.items() if n)
            graph.node(
                node,
                f"{section}\n({len(members)} claims{': ' + summary if summary else ''})",
                shape="box3d",
                style="filled",
                fillcolor="#FFFFFF",
            )
            for claim in members:
                node_of[claim.id] = node
            continue
        if section is None:
            add_claims(graph, members)
            continue
        with graph.subgraph(name=f"cluster_{index}") as cluster:
            cluster.attr(
                label=section,
                style="rounded,dashed",
                color="#777777",
                fontsize="14",
                fontname=_FONT,
            )
            add_claims(cluster, members)

    drawn: set[tuple[str, str, str, str]] = set()

    def draw(tail: str, head: str, kind: str, label: str = "") -> None:
        key = (tail, head, kind, label)
        if tail == head or key in drawn:
            return
        drawn.add(key)
        used_edges.add(kind)
        extra = {"label": label, "fontsize": "9", "fontname": _FONT} if label else {}
        _edge(graph, tail, head, EDGE_STYLES[kind], **extra)

    undercut = {a.target for a in model.attacks if a.kind is AttackKind.UNDERCUT}
    inference_of: dict[str, str] = {}
    for support_index, support in enumerate(model.supports, start=1):
        if support.conclusion not in shown or not all(p in shown for p in support.premises):
            continue
        conclusion = node_of[support.conclusion]
        assessment = model.latest_assessment(support.id)
        badge = assessment.badge() if assessment else ""
        needs_node = support.linked or support.id in undercut or badge or support.label
        if not needs_node:
            draw(node_of[support.premises[0]], conclusion, "support")
            continue
        node = f"support{support_index}"
        inference_of[support.id] = node
        caption = " · ".join(x for x in (support.label or "", badge) if x)
        graph.node(
            node,
            "",
            shape="circle",
            width="0.14",
            height="0.14",
            style="filled",
            fillcolor="#0072B2",
            color="#0072B2",
            xlabel=_caption(f"{support.id}: {caption}" if caption else support.id, 32),
            fontsize="9",
        )
        for premise in support.premises:
            draw(node_of[premise], node, "premise")
        draw(node, conclusion, "support")

    for attack in model.attacks:
        if attack.attacker not in shown:
            continue
        if attack.kind is AttackKind.UNDERCUT:
            head = inference_of.get(attack.target)
        else:
            head = node_of.get(attack.target) if attack.target in shown else None
        if head is None:
            continue
        # a blank map keeps to the analyst's relations: which attacks defeat is the answer
        state = "active" if plain else _relation_state(ev, attack.id)
        kind = "cancelled" if state == "cancelled" else attack.kind.value
        draw(node_of[attack.attacker], head, kind, _caption(attack.label))

    claim_ids = set(model.claim_by_id)
    for attacker, target in sorted(ev.translation.derived() if not plain else ()):
        if attacker in claim_ids and target in claim_ids and {attacker, target} <= shown:
            draw(node_of[attacker], node_of[target], "derived")

    size = len(node_of) + len(inference_of) + len(drawn)
    if fast is True or (fast == "auto" and size > FAST_LAYOUT_THRESHOLD):
        graph.attr(**_FAST_LAYOUT)
    used_status.discard("blank")  # nothing to explain
    statuses = sorted(used_status, key=list(_LOOKS).index) if legend else []
    graph.attr(
        label=_heading(
            title, subtitle, statuses, [k for k in EDGE_STYLES if k in used_edges] if legend else []
        )
    )
    return graph


def _sample(line: EdgeStyle) -> str:
    """A short line drawn in the edge's own style (solid, bold, dashed or dotted, in its
    colour), for the legend: the bottom border of a cell, level with the text of the arrow
    head at its end (and of the tail at its start)."""
    words = line.style.split(",")
    width = 3 if "bold" in words else 2
    dashes = "".join(f' STYLE="{w}"' for w in words if w in ("dashed", "dotted"))

    def end(text: str, side: str) -> str:  # against the line, however wide the cell is drawn
        font = f'<FONT COLOR="{line.color}"><B>{text}</B></FONT>'
        return f'<TD ROWSPAN="2" ALIGN="{side}">{font}</TD>' if text else ""

    stroke = (
        f'<TD SIDES="B" BORDER="{width}" COLOR="{line.color}"{dashes} WIDTH="40" HEIGHT="9"></TD>'
    )
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"<TR>{end(line.tail, 'RIGHT')}{stroke}{end(line.head, 'LEFT')}</TR>"
        '<TR><TD HEIGHT="9"></TD></TR></TABLE>'
    )


def _heading(title: str, subtitle: str, statuses: list[str], edges: list[str]) -> str:
    """The graph's HTML label: title, subtitle and (when asked) the legend of what is used."""
    rows = [
        f'<TR><TD COLSPAN="4"><FONT POINT-SIZE="20"><B>{html.escape(title)}</B></FONT></TD></TR>'
    ]
    if subtitle:  # an empty FONT element is a syntax error to Graphviz
        rows.append(
            f'<TR><TD COLSPAN="4"><FONT POINT-SIZE="13">{html.escape(subtitle)}</FONT></TD></TR>'
        )
    cells = []
    for status in statuses:
        shade = _LOOKS[status]
        border = "rounded" if shade.border == "solid" else shade.border
        cells.append(
            f'<TD BORDER="{shade.penwidth}" BGCOLOR="{shade.fill}" STYLE="{border}">'
            f"<B>{shade.badge}</B></TD>"
            f'<TD ALIGN="LEFT">{html.escape(shade.meaning)}</TD>'
        )
    for kind in edges:
        line = EDGE_STYLES[kind]
        cells.append(f'<TD>{_sample(line)}</TD><TD ALIGN="LEFT">{html.escape(line.meaning)}</TD>')
    for first in range(0, len(cells), 2):
        rows.append("<TR>" + "".join(cells[first : first + 2]) + "</TR>")
    return '<<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="3">' + "".join(rows) + "</TABLE>>"


# -- frameworks ------------------------------------------------------------------------------
def render_framework(
    af: Framework,
    *,
    semantics: str | None = "grounded",
    labelling: Labelling | None = None,
    extension: Collection[str] | None = None,
    index: int = 0,
    rounds: int | None = None,
    check: LabellingCheck | None = None,
    degrees: Mapping[str, float] | None = None,
    legend: bool = True,
    direction: str = "LR",
    layout: str = "dot",
    title: str | None = None,
) -> graphviz.Digraph:
    """A diagram of an abstract framework, arguments labelled by one labelling.

    Give a ``labelling``, an ``extension`` (labelled IN, what it attacks OUT), or a
    ``semantics`` whose ``index``-th labelling is shown (default: grounded), in the order
    :func:`~argmap.semantics.labellings` lists them; a semantics with more than
    :data:`LABELLINGS_SHOWN` extensions raises :class:`~argmap.errors.TooManyExtensionsError`.
    Both a labelling and an extension, or an ``index`` beside either, is a ``ValueError``.

    ``rounds=k`` draws the grounded labelling as its first ``k`` rounds leave it
    (:func:`~argmap.semantics.grounded_rounds`): each label with the round that gave it, the
    arguments not reached yet plain and white; from ``k`` = the number of rounds on, the whole
    labelling, with the undecided arguments UNDEC. It goes with the grounded semantics only.

    ``check``, the outcome of :func:`~argmap.semantics.check_labelling`, draws the labelling
    it checked (a labelling done by hand) with "(!) should be ..." under each argument it
    found mislabelled, and the verdict as the caption.

    ``degrees``, a degree in [0, 1] for each argument (such as
    :func:`~argmap.semantics.categoriser` gives), are drawn instead of a labelling: each
    argument with its degree, its border the thicker and its fill the darker the higher the
    degree. No semantics but the default, labelling, extension, index or rounds goes with
    them.

    >>> g = render_framework(Framework.from_attacks([("a", "b")]))
    >>> "(+) IN" in g.source
    True
    >>> "IN<BR/>round 1" in render_framework(Framework.from_attacks([("a", "b")]), rounds=1).source
    True
    """
    from itertools import islice

    from argmap.semantics import Labelling, resolve_semantics
    from argmap.semantics.engine import iterate

    if labelling is not None and extension is not None:
        raise ValueError("give a labelling or an extension to draw, not both")
    if index != 0 and (labelling is not None or extension is not None):
        raise ValueError(
            f"index={index!r} picks a labelling of the semantics; with a labelling or an "
            "extension given there is none to pick"
        )
    heading = title or "Argumentation framework"
    if check is not None:
        if labelling is not None or extension is not None or index != 0 or rounds is not None:
            raise ValueError(
                "a check draws the labelling it checked: give no labelling, extension, "
                "index or rounds beside it"
            )
        return _framework_graph(af, *_checked(check), heading, legend, direction, layout)
    if degrees is not None:
        chosen = labelling is not None or extension is not None or index != 0
        if chosen or rounds is not None or semantics not in (None, "grounded"):
            raise ValueError(
                "degrees are drawn instead of a labelling: give no semantics, labelling, "
                "extension, index or rounds beside them"
            )
        return _degrees_graph(af, degrees, heading, legend, direction, layout)
    if rounds is not None:
        chosen = labelling is not None or extension is not None or index != 0
        _check_rounds(rounds, semantics, chosen)
        return _framework_graph(af, *_by_rounds(af, rounds), heading, legend, direction, layout)
    caption = ""
    if labelling is None and extension is not None:
        labelling = Labelling.from_extension(af, extension)
        caption = "labelled by the given extension"
    elif labelling is None and semantics is not None:
        from argmap.semantics.registry import SEMANTICS

        code = resolve_semantics(semantics)
        name = SEMANTICS[code].name
        extensions = list(islice(iterate(af, code), LABELLINGS_SHOWN + 1))
        if len(extensions) > LABELLINGS_SHOWN:
            raise TooManyExtensionsError(
                f"{name} semantics gives this framework more than {LABELLINGS_SHOWN:,} "
                "extensions, too many to number its labellings for a diagram; give a "
                "labelling or an extension instead (argmap.some_extension finds one)"
            )
        found = Labelling.in_order(af, extensions)
        if not found and index == 0:
            caption = f"{name} semantics: no extension"
        else:
            if not 0 <= index < len(found):
                valid = [str(i) for i in range(len(found))]
                raise UnknownNameError(f"{name} labelling index", index, valid)
            labelling = found[index]
            caption = f"{name} semantics, labelling {index + 1} of {len(found)}"
    looks: dict[str, tuple[str, str]] = {}
    if labelling is not None:
        looks = {name: (labelling.label(name).value, "") for name in af.sorted_arguments}
    return _framework_graph(af, looks, caption, heading, legend, direction, layout)


def _checked(check: LabellingCheck) -> tuple[dict[str, tuple[str, str]], str]:
    """Each argument's look in a checked labelling, with a note on each mislabelled one,
    and the verdict as the caption."""
    from argmap.semantics.registry import SEMANTICS

    labelling = check.labelling
    looks = {name: (label.value, "") for name, label in labelling.as_dict().items()}
    for name, should in check.mislabelled.items():
        looks[name] = (labelling.label(name).value, f"(!) should be\n{should.name}")
    name = SEMANTICS[check.semantics].name
    if check.holds:
        return looks, f"a {name} labelling"
    marked = len(check.mislabelled)
    return looks, f"not a {name} labelling" + (
        f": {marked} argument{'s' if marked > 1 else ''} marked (!)" if marked else ""
    )


def _marked_looks(ev: Evaluation, marks: StatusCheck) -> dict[str, tuple[str, str]]:
    """Each marked claim's mark, with the status it has where the mark is wrong; the
    claims not marked blank."""
    looks = {c.id: ("blank", "") for c in ev.model.claims}
    for claim, mark in marks.marks.items():
        looks[claim] = (mark.value, "")
    for claim, status in marks.wrong.items():
        looks[claim] = (marks.marks[claim].value, f"(!) is {status.name}")
    return looks


def _claim_looks(
    ev: Evaluation, index: int | None, rounds: int | None, blank: bool
) -> tuple[dict[str, tuple[str, str]], str]:
    """Each claim's look (a status, "unlabelled" or "blank") and a note on it, and what the
    subtitle says is shown: the status across every extension, the label in the
    ``index``-th, the label after ``rounds`` rounds of the grounded labelling, or nothing."""
    claims = ev.model.claims
    if blank:
        return {c.id: ("blank", "") for c in claims}, ""
    if rounds is not None:
        _check_rounds(rounds, ev.semantics, chosen=index is not None)
        return _claims_by_rounds(ev, rounds)
    shown_as = f"{ev.semantics_name} semantics"
    if index is None:
        return {c.id: (ev.status(c).value, "") for c in claims}, shown_as
    if not 0 <= index < len(ev.labellings):
        valid = [str(i) for i in range(len(ev.labellings))]
        raise UnknownNameError(f"{ev.semantics_name} labelling index", index, valid)
    labelling = ev.labellings[index]
    listed = "" if ev.all_listed else f" listed (of {ev.extension_count:,})"
    shown_as += f", extension {index + 1} of {len(ev.labellings):,}{listed}"
    return {c.id: (ev.label_in(c, labelling).value, "") for c in claims}, shown_as


def _check_rounds(rounds: object, semantics: str | None, chosen: bool) -> None:
    """``rounds`` is a number of rounds, asked of the grounded semantics alone, and no
    other way of choosing what to draw (``chosen``) is given beside it."""
    from argmap.semantics import resolve_semantics

    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 0:
        raise ValueError(f"rounds must be a whole number from 0, got {rounds!r}")
    if chosen:
        raise ValueError(
            "rounds= draws the grounded labelling round by round; a labelling, an extension "
            "or an index beside it has nothing to draw"
        )
    if semantics is None or resolve_semantics(semantics) != "GR":
        raise ValueError(
            f"rounds= draws the grounded labelling round by round; {semantics!r} semantics "
            "is not built in rounds (use the grounded semantics)"
        )


def _rounds_taken(af: Framework, rounds: int) -> tuple[dict[str, tuple[str, int]], int]:
    """The label and round of each argument the first ``rounds`` rounds of the grounded
    labelling reach, and the number of rounds it takes in all."""
    from argmap.semantics import grounded_rounds

    steps = grounded_rounds(af)
    _within(rounds, len(steps))
    reached: dict[str, tuple[str, int]] = {}
    for step in steps[:rounds]:
        reached.update(dict.fromkeys(step.in_, ("in", step.number)))
        reached.update(dict.fromkeys(step.out, ("out", step.number)))
    return reached, len(steps)


def _within(rounds: int, total: int) -> None:
    """Refuse a number of rounds past the ``total`` the grounded labelling takes."""
    if rounds > total:
        raise UnknownNameError(
            "grounded labelling round (the last gives the whole labelling)",
            rounds,
            [str(k) for k in range(total + 1)],
        )


def _rounds_caption(rounds: int, total: int) -> str:
    """How far the grounded labelling has got after ``rounds`` of its ``total`` rounds."""
    if rounds == total == 0:
        return "grounded labelling: no argument is unattacked, so no round labels any"
    if rounds == total:
        return f"grounded labelling, complete after {total} round{'' if total == 1 else 's'}"
    if rounds == 0:
        return f"grounded labelling, round 0 of {total}: nothing labelled yet"
    return f"grounded labelling after round {rounds} of {total}"


def _by_rounds(af: Framework, rounds: int) -> tuple[dict[str, tuple[str, str]], str]:
    """Each argument's look and note after ``rounds`` rounds of the grounded labelling, and
    the caption that says how far it has got."""
    reached, total = _rounds_taken(af, rounds)
    left = "undec" if rounds == total else "unlabelled"
    looks = {name: (left, "") for name in af.sorted_arguments}
    for name, (label, number) in reached.items():
        looks[name] = (label, f"round {number}")
    return looks, _rounds_caption(rounds, total)


def _claims_by_rounds(ev: Evaluation, rounds: int) -> tuple[dict[str, tuple[str, str]], str]:
    """Each claim's look and note after ``rounds`` rounds of the grounded labelling
    (:meth:`~argmap.evaluation.Evaluation.grounded_rounds`), and the caption."""
    steps = ev.grounded_rounds()
    total = len(steps)
    _within(rounds, total)
    left = "undec" if rounds == total else "unlabelled"
    looks = {
        claim.id: ("out", "no argument")
        if not ev.translation.arguments_for[claim.id]
        else (left, "")
        for claim in ev.model.claims
    }
    for step in steps[:rounds]:
        looks.update(dict.fromkeys(step.in_, ("in", f"round {step.number}")))
        looks.update(dict.fromkeys(step.out, ("out", f"round {step.number}")))
    return looks, _rounds_caption(rounds, total)


def _framework_graph(
    af: Framework,
    looks: dict[str, tuple[str, str]],
    caption: str,
    heading: str,
    legend: bool,
    direction: str,
    layout: str,
) -> graphviz.Digraph:
    """The framework drawn with each argument's look (a status, or "unlabelled") and a note
    under its badge; an argument without a look is a plain circle."""
    graph = _new_graph("framework", direction, layout)
    used: list[str] = []
    for name in af.sorted_arguments:
        if name not in looks:
            graph.node(name, name, shape="circle", style="filled", fillcolor="#FFFFFF")
            continue
        status, note = looks[name]
        if status not in used:
            used.append(status)
        badge = html.escape(_LOOKS[status].badge)
        if note:
            badge += "".join(f"<BR/>{html.escape(line)}" for line in note.splitlines())
        graph.node(
            name,
            f'<<B>{html.escape(name)}</B><BR/><FONT POINT-SIZE="9">{badge}</FONT>>',
            **{**_status_node_attrs(status), "shape": "circle"},
        )
    index_of = af.index
    for attacker, target in sorted(af.attacks, key=lambda p: (index_of[p[0]], index_of[p[1]])):
        _edge(graph, attacker, target, EDGE_STYLES["attack"])
    statuses = sorted(used, key=list(_LOOKS).index) if legend else []
    edges = ["attack"] if legend and af.attacks else []
    graph.attr(label=_heading(heading, caption, statuses, edges))
    return graph


def _degrees_graph(
    af: Framework,
    degrees: Mapping[str, float],
    heading: str,
    legend: bool,
    direction: str,
    layout: str,
) -> graphviz.Digraph:
    """The framework with each argument's degree, in its border's width and its fill's
    shade of grey as well as in figures."""
    from numbers import Real

    for name in degrees:
        if name not in af:
            raise UnknownArgumentError(name, af.arguments)
    missing = sorted(af.arguments - degrees.keys(), key=natural_key)
    if missing:
        raise ValueError(f"every argument needs a degree; none for {missing}")
    graph = _new_graph("framework", direction, layout)
    # one size for every circle, wide enough for the longest name: a bigger circle would
    # read as a higher degree
    width = max(0.75, 0.12 * max((len(name) for name in af.arguments), default=0) + 0.35)
    for name in af.sorted_arguments:
        value = degrees[name]
        if isinstance(value, bool) or not isinstance(value, Real) or not 0 <= value <= 1:
            raise ValueError(f"argument {name!r}: a degree lies in [0, 1], got {value!r}")
        grey = round(255 - 110 * value)  # from white to a grey black text reads on
        graph.node(
            name,
            f'<<B>{html.escape(name)}</B><BR/><FONT POINT-SIZE="10">{value:.3f}</FONT>>',
            shape="circle",
            style="filled",
            fillcolor=f"#{grey:02X}{grey:02X}{grey:02X}",
            penwidth=f"{0.5 + 3.5 * value:.2f}",
            color="#222222",
            width=f"{width:.2f}",
        )
    index_of = af.index
    for attacker, target in sorted(af.attacks, key=lambda p: (index_of[p[0]], index_of[p[1]])):
        _edge(graph, attacker, target, EDGE_STYLES["attack"])
    caption = "gradual degrees: the higher, the thicker the border and the darker the fill"
    edges = ["attack"] if legend and af.attacks else []
    graph.attr(label=_heading(heading, caption, [], edges))
    return graph


# -- output ----------------------------------------------------------------------------------
def to_bytes(graph: graphviz.Digraph, fmt: str) -> bytes:
    """The laid-out diagram in ``fmt`` (svg, png, pdf, dot), or the DOT source for ``dot``."""
    _check("output format", fmt, OUTPUT_FORMATS)
    if fmt == "dot":
        source: str = graph.source
        return source.encode("utf-8")
    if fmt == "pdf":
        program = find_program()
        if program is not None and "pdf" not in program.formats:
            raise RenderError(
                f"PDF needs a system Graphviz; this machine renders with {program.describe()}, "
                "which writes SVG and PNG only. Install Graphviz (e.g. apt-get install "
                "graphviz, brew install graphviz) or save as .svg or .png"
            )
    extra = ["dpi=110"] if fmt == "png" else []
    source = graph.source
    if extra:
        source = source.replace("{", "{\n\t" + ";".join(extra) + ";", 1)
    return run_layout(source, fmt, graph.engine)


def save(graph: graphviz.Digraph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the diagram to ``path``; the format comes from ``fmt`` or the file's extension.

    Nothing is written when laying out fails.
    """
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    data = to_bytes(graph, fmt)
    path.write_bytes(data)
    return path
