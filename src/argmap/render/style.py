"""The visual vocabulary of diagrams: one place for colours, borders, badges and edge styles.

Status is shown three ways at once, so it reads in greyscale and for colour-blind readers:
a fill from the Okabe-Ito palette (tints light enough for black text), a border style
(IN thick solid, OUT dashed, UNDEC dotted) and a text badge in the label ("(+) IN").

Reference: Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): how to make figures
and presentations that are friendly to colorblind people.
"""

from __future__ import annotations

import attrs

__all__ = ["BLANK", "EDGE_STYLES", "STATUS_STYLES", "UNLABELLED", "EdgeStyle", "StatusStyle"]


@attrs.frozen
class StatusStyle:
    badge: str
    fill: str
    border: str  # Graphviz style words added to "filled"
    penwidth: str
    meaning: str


STATUS_STYLES = {
    "in": StatusStyle("(+) IN", "#A6DCEF", "solid", "3", "stands (thick solid border)"),
    "out": StatusStyle("(-) OUT", "#E69F00", "dashed", "2", "falls (dashed border)"),
    "undec": StatusStyle("(?) UNDEC", "#F0F0F0", "dotted", "2", "undecided (dotted border)"),
}

#: An argument that the grounded labelling, drawn round by round, has not reached yet.
UNLABELLED = StatusStyle("( ) not yet", "#FFFFFF", "solid", "1", "not labelled yet (white, thin)")
#: A claim in a map drawn for labelling by hand: no badge, and no legend entry.
BLANK = StatusStyle("", "#FFFFFF", "solid", "1", "")


@attrs.frozen
class EdgeStyle:
    color: str
    style: str
    arrowhead: str
    meaning: str
    head: str  # the legend's sample: a line in this style, this text at its end
    arrowtail: str = "none"
    dir: str = "forward"
    tail: str = ""  # and this text at its start


EDGE_STYLES = {
    "support": EdgeStyle("#0072B2", "solid", "normal", "supports (solid, arrow)", "&gt;"),
    "premise": EdgeStyle(
        "#0072B2", "solid", "none", "premise of an inference (dot: the inference)", "o"
    ),
    "rebut": EdgeStyle("#D55E00", "bold", "tee", "rebuts (bold, bar)", "|"),
    "attack": EdgeStyle("#D55E00", "bold", "normal", "attacks (bold, arrow)", "&gt;"),
    "undermine": EdgeStyle(
        "#D55E00", "bold", "teeodot", "undermines a premise (bold, bar and ring)", "o|"
    ),
    "undercut": EdgeStyle(
        "#CC79A7", "bold,dashed", "tee", "undercuts an inference (dashed, bar)", "|"
    ),
    "contradict": EdgeStyle(
        "#D55E00",
        "bold",
        "tee",
        "contradicts (bars at both ends)",
        "|",
        arrowtail="tee",
        dir="both",
        tail="|",
    ),
    "cancelled": EdgeStyle(
        "#8C8C8C", "dotted", "tee", "attack that does not defeat: the attacker is weaker", "|"
    ),
    "derived": EdgeStyle(
        "#6A3D9A", "dashed", "empty", "attack derived from supports (bipolar)", "&gt;"
    ),
}
