"""Graphviz diagrams of maps and frameworks."""

from argmap.render.diagram import (
    DIRECTIONS,
    OUTPUT_FORMATS,
    render_framework,
    render_map,
    save,
    to_bytes,
)
from argmap.render.engine import LAYOUT_ENGINES, engine_description, find_program, run_layout

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
