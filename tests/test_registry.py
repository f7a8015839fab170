"""The registries check themselves: public names, semantics, checkers and CLI tasks."""

import importlib

import pytest

import argmap
from argmap import SEMANTICS, Framework, resolve_semantics
from argmap.semantics import named
from argmap.tasks import PROBLEMS

MODULES = [
    "argmap",
    "argmap.errors",
    "argmap.framework",
    "argmap.semantics",
    "argmap.semantics.api",
    "argmap.semantics.named",
    "argmap.io",
    "argmap.io.iccma",
    "argmap.tasks",
    "argmap.strategies",
    "argmap.render",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_lists_exactly_the_public_names(name):
    module = importlib.import_module(name)
    public = {
        n
        for n, value in vars(module).items()
        if not n.startswith("_")
        and getattr(value, "__module__", name).startswith(name.rsplit(".", 1)[0])
        and not isinstance(value, type(importlib))
        and n not in ("annotations", "TYPE_CHECKING")
        and (callable(value) or n.isupper())
    }
    listed = set(module.__all__)
    assert listed <= set(vars(module)), listed - set(vars(module))
    defined_here = {n for n in public if getattr(vars(module)[n], "__module__", None) == name}
    assert defined_here <= listed, defined_here - listed


@pytest.mark.parametrize("code", sorted(SEMANTICS))
def test_every_semantics_has_an_engine_a_checker_and_cli_tasks(code):
    info = SEMANTICS[code]
    assert resolve_semantics(info.name) == code
    af = Framework.from_attacks([("a", "b")])
    assert argmap.extensions(af, code)
    stem = info.name.replace("-", "_")
    enumerator = getattr(named, f"{stem}_extension" if info.unique else f"{stem}_extensions")
    checker = getattr(named, f"is_{stem}")
    assert "References" in enumerator.__doc__ and "Notes" in enumerator.__doc__
    for extension in argmap.extensions(af, code):
        assert checker(af, extension)
    for task in ("DC", "DS", "SE", "EE", "CE"):
        assert f"{task}-{code}" in PROBLEMS
