"""Graphviz diagrams of maps and frameworks."""

from argmap.render.engine import engine_description, find_program, run_layout

__all__ = ["engine_description", "find_program", "run_layout"]
