"""Render every picture the docs show: the tutorial's steps and the gallery.

Run with ``make docs-images``; the pictures land in docs/images/.
"""

from __future__ import annotations

import contextlib
import io
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
IMAGES = HERE / "images"
sys.path.insert(0, str(HERE.parent / "tests"))

from argmap import Framework  # noqa: E402
from argmap.aba import ABAFramework, instantiate  # noqa: E402
from argmap.io import read_framework  # noqa: E402
from argmap.render import render_framework, render_map, save  # noqa: E402
from argmap.semantics import categoriser  # noqa: E402

from markdown_blocks import blocks  # noqa: E402


def tutorial() -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    with contextlib.chdir(IMAGES), contextlib.redirect_stdout(io.StringIO()):
        for language, code in blocks(HERE / "tutorial.md"):
            if language == "python":
                exec(code, namespace)
    for leftover in ("door.json",):
        (IMAGES / leftover).unlink(missing_ok=True)


def gallery() -> None:
    example = runpy.run_path(str(HERE.parent / "examples" / "russia_hamas.py"), run_name="docs")
    m = example["m"]
    save(render_map(m.evaluate("grounded"), wrap=34), IMAGES / "russia_hamas.png")
    save(
        render_map(m.evaluate("preferred", preferences=False), wrap=34),
        IMAGES / "russia_hamas_preferred_no_preferences.png",
    )
    save(
        render_map(m.evaluate("grounded", translation="deductive"), wrap=34),
        IMAGES / "russia_hamas_deductive.png",
    )
    save(render_map(m.evaluate(), focus="bottom_line", wrap=34), IMAGES / "russia_hamas_focus.png")
    save(
        render_map(
            m.evaluate(),
            collapse=["A long relationship", "Arms allegations", "Material support"],
            wrap=34,
        ),
        IMAGES / "russia_hamas_collapsed.png",
    )
    af = Framework.from_attacks(
        [("a1", "a3"), ("a1", "a4"), ("a2", "a2"), ("a3", "a3"), ("a4", "a1"), ("a4", "a2")]
    )
    for index in (0, 1):
        save(
            render_framework(af, semantics="semi-stable", index=index, title="Semi-stable"),
            IMAGES / f"framework_semi_stable_{index + 1}.png",
        )
    alibi = instantiate(read_aba_named())[0]
    save(render_framework(alibi, title="The alibi's arguments"), IMAGES / "alibi_arguments.png")
    nixon = read_framework(HERE.parent / "examples" / "frameworks" / "nixon.apx")
    save(
        render_framework(nixon, degrees=categoriser(nixon), title="h-categoriser degrees"),
        IMAGES / "nixon_degrees.png",
    )


def read_aba_named() -> ABAFramework:
    """The concepts page's ABA framework, as its first block on ABA builds it."""
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for language, code in blocks(HERE / "concepts.md"):
        if language == "python" and "ABAFramework(" in code:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(code, namespace)
            break
    aba = namespace["aba"]
    assert isinstance(aba, ABAFramework)
    return aba


def teachers() -> None:
    """The teachers' page's pictures (the grounded labelling round by round, a labelling
    checked), as its blocks draw them, run in order in one namespace."""
    namespace: dict[str, object] = {"__name__": "__docs__"}
    with contextlib.chdir(IMAGES), contextlib.redirect_stdout(io.StringIO()):
        for language, code in blocks(HERE / "howto-teachers.md"):
            if language == "python":
                exec(code, namespace)


if __name__ == "__main__":
    IMAGES.mkdir(exist_ok=True)
    tutorial()
    gallery()
    teachers()
    print(f"images written to {IMAGES}")
