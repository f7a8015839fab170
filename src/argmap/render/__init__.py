"""Graphviz diagrams of maps and frameworks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap._lazy import lazy_exports

# Imported on first use: the layout constants load without the diagram code and graphviz.
_EXPORTS = {
    **dict.fromkeys(
        ["render_framework", "render_map", "save", "to_bytes"], "argmap.render.diagram"
    ),
    **dict.fromkeys(["DIRECTIONS", "LAYOUT_ENGINES", "OUTPUT_FORMATS"], "argmap.render.options"),
    **dict.fromkeys(["engine_description", "find_program", "run_layout"], "argmap.render.engine"),
}


__getattr__, __dir__ = lazy_exports("argmap.render", _EXPORTS, globals())


if TYPE_CHECKING:
    from argmap.render.diagram import render_framework, render_map, save, to_bytes
    from argmap.render.engine import engine_description, find_program, run_layout
    from argmap.render.options import DIRECTIONS, LAYOUT_ENGINES, OUTPUT_FORMATS

__all__ = [
    "DIRECTIONS",
    "LAYOUT_ENGINES",
    "OUTPUT_FORMATS",
    "engine_description",
    "find_program",
    "render_framework",
    "render_map",
    "run_layout",
    "save",
    "to_bytes",
]
