"""The choices a diagram offers, kept apart from the rendering code so the command line can list
them without loading it."""

from __future__ import annotations

__all__ = ["DIRECTIONS", "LAYOUT_ENGINES", "OUTPUT_FORMATS"]

#: Graphviz layout programs a diagram can be laid out with.
LAYOUT_ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")
#: Rank directions of a layered layout: top to bottom, left to right, and their reverses.
DIRECTIONS = ("TB", "LR", "BT", "RL")
#: What a diagram can be written as (PDF only with a system Graphviz).
OUTPUT_FORMATS = ("svg", "png", "pdf", "dot")
