"""The registries check themselves: public names, semantics, checkers and CLI tasks."""

import importlib
import subprocess
import sys

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
    for lazy in listed - set(vars(module)):  # packages that import their names on first use
        getattr(module, lazy)
    assert listed <= set(vars(module)) | set(getattr(module, "_EXPORTS", ())), listed - set(
        vars(module)
    )
    defined_here = {n for n in public if getattr(vars(module)[n], "__module__", None) == name}
    assert defined_here <= listed, defined_here - listed


@pytest.mark.parametrize("code", sorted(SEMANTICS))
def test_every_semantics_has_an_engine_a_checker_and_cli_tasks(code):
    info = SEMANTICS[code]
    assert resolve_semantics(info.name) == code
    af = Framework.from_attacks([("a", "b")])
    assert argmap.extensions(af, code)
    stem = info.name.replace("-", "_").replace(" ", "_")
    enumerator = getattr(named, f"{stem}_extension" if info.unique else f"{stem}_extensions")
    checker = getattr(named, f"is_{stem}")
    assert "References" in enumerator.__doc__ and "Notes" in enumerator.__doc__
    for extension in argmap.extensions(af, code):
        assert checker(af, extension)
    for task in ("DC", "DS", "SE", "EE", "CE"):
        assert f"{task}-{code}" in PROBLEMS


@pytest.mark.parametrize("name", ["argmap", "argmap.render", "argmap.semantics"])
def test_lazy_packages_export_every_listed_name(name):
    module = importlib.import_module(name)
    assert set(module.__all__) - {"__version__"} == set(module._EXPORTS)
    for source in set(module._EXPORTS.values()):
        defined = getattr(importlib.import_module(source), "__all__", ())
        exported = {n for n, s in module._EXPORTS.items() if s == source}
        assert exported <= set(defined), exported - set(defined)
    for listed in module.__all__:
        assert getattr(module, listed) is not None
        assert listed in dir(module)
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        module.nonexistent  # noqa: B018


def test_the_solver_command_loads_no_map_rendering_graph_or_solver_code_up_front():
    probe = (
        "import sys, argmap.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('graphviz', 'networkx', 'pysat', 'clingo') "
        "or m.startswith(('argmap.map', 'argmap.evaluation', 'argmap.render.diagram'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_answering_an_iccma_task_loads_only_the_solver_path(tmp_path):
    # one process per query is how ICCMA runs solvers: what is imported is paid on every call
    path = tmp_path / "af.apx"
    path.write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\natt(c,c).\n")
    probe = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"main(['solve', '-p', 'DS-PR', '-f', {str(path)!r}, '-a', 'a'])\n"
        "heavy = ('attr', 'attrs', 'pysat', 'graphviz', 'networkx', 'inspect', 'subprocess',\n"
        "         'typing', 're', 'argparse', 'threading', 'functools', 'collections', 'json')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["NO", "w", "b"]
    assert done.stderr.strip() == "[]"
    # with a time limit too: the alarm that enforces it is not a threading.Timer
    timed = probe.replace("'-a', 'a']", "'-a', 'a', '--timeout', '5']")
    assert timed != probe
    done = subprocess.run([sys.executable, "-c", timed], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["NO", "w", "b"]
    assert done.stderr.strip() == "[]"


def test_the_semantics_package_offers_every_named_enumerator_and_checker():
    import argmap.semantics
    from argmap.semantics import named

    assert set(named.__all__) <= set(argmap.semantics.__all__)
