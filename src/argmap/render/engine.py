"""Which Graphviz program lays out diagrams, and running it.

argmap prefers a system Graphviz (``dot`` on PATH) and falls back to ``graphviz-pure``, a
Rust port of Graphviz installed with argmap from PyPI, so diagrams render on a machine with
no system Graphviz. The program is called directly with the DOT source on standard input;
nothing in the caller's environment is changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import attrs

from argmap.errors import RenderError, UnknownNameError
from argmap.render.options import DIRECTIONS, LAYOUT_ENGINES, OUTPUT_FORMATS

__all__ = [
    "DIRECTIONS",
    "LAYOUT_ENGINES",
    "OUTPUT_FORMATS",
    "LayoutProgram",
    "engine_description",
    "find_program",
    "run_layout",
]

_ENV_VAR = "ARGMAP_GRAPHVIZ"


@attrs.frozen
class LayoutProgram:
    """A Graphviz executable and what it can write."""

    path: str
    kind: str  # "system" or "graphviz-pure"
    formats: tuple[str, ...]

    def describe(self) -> str:
        label = "system Graphviz" if self.kind == "system" else "graphviz-pure (bundled)"
        return f"{label} at {self.path}"


_PURE_FORMATS = ("svg", "png", "dot", "plain", "json")
_SYSTEM_FORMATS = ("svg", "png", "pdf", "dot", "plain", "json")


def _pure_candidates() -> list[str]:
    found = shutil.which("graphviz-pure")
    beside_python = Path(sys.executable).parent / "graphviz-pure"
    return [path for path in (found, str(beside_python)) if path and os.access(path, os.X_OK)]


@lru_cache(maxsize=1)
def find_program() -> LayoutProgram | None:
    """The layout program to use: ``$ARGMAP_GRAPHVIZ`` if set, system ``dot``, else bundled."""
    chosen = os.environ.get(_ENV_VAR)
    if chosen:
        kind = "graphviz-pure" if "graphviz-pure" in Path(chosen).name else "system"
        formats = _PURE_FORMATS if kind == "graphviz-pure" else _SYSTEM_FORMATS
        return LayoutProgram(chosen, kind, formats)
    system = shutil.which("dot")
    if system:
        return LayoutProgram(system, "system", _SYSTEM_FORMATS)
    for candidate in _pure_candidates():
        return LayoutProgram(candidate, "graphviz-pure", _PURE_FORMATS)
    return None


def engine_description() -> str:
    """One line saying which program renders, for ``argmap --version``."""
    program = find_program()
    if program is None:
        return "no Graphviz program found (pip install graphviz-pure, or install Graphviz)"
    return program.describe()


def run_layout(source: str, fmt: str, layout: str = "dot", *, timeout: float = 120.0) -> bytes:
    """Lay out DOT ``source`` with ``layout`` and return the output in format ``fmt``."""
    if layout not in LAYOUT_ENGINES:
        raise UnknownNameError("layout engine", layout, LAYOUT_ENGINES)
    program = find_program()
    if program is None:
        raise RenderError(
            "no Graphviz program to lay out the diagram: install argmap's dependency "
            "'graphviz-pure' (pip install graphviz-pure) or a system Graphviz (e.g. "
            "apt-get install graphviz)"
        )
    if fmt not in program.formats:
        raise UnknownNameError(f"output format for {program.describe()}", fmt, program.formats)
    command = [program.path, f"-K{layout}", f"-T{fmt}"]
    try:
        done = subprocess.run(
            command, input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise RenderError(f"{program.describe()} took longer than {timeout:g} s") from error
    except OSError as error:
        raise RenderError(f"cannot run {program.describe()}: {error}") from error
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise RenderError(f"{program.describe()} failed: {message}")
    return done.stdout
