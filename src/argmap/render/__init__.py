"""Graphviz diagrams of maps and frameworks."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Imported on first use: the layout constants load without the diagram code and graphviz.
_EXPORTS = {
    **dict.fromkeys(
        ["render_framework", "render_map", "save", "to_bytes"], "argmap.render.diagram"
    ),
    **dict.fromkeys(
        [
            "DIRECTIONS",
            "LAYOUT_ENGINES",
            "OUTPUT_FORMATS",
            "engine_description",
            "find_program",
            "run_layout",
        ],
        "argmap.render.engine",
    ),
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap.render' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:
    from argmap.render.diagram import render_framework, render_map, save, to_bytes
    from argmap.render.engine import (
        DIRECTIONS,
        LAYOUT_ENGINES,
        OUTPUT_FORMATS,
        engine_description,
        find_program,
        run_layout,
    )

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
