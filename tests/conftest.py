import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATA = Path(__file__).resolve().parent / "data"


#: A map file for the command-line tests: a witness's statement, undercut.
DOOR = """
from argmap import ArgumentMap
m = ArgumentMap("Was the door locked?")
w = m.claim("w", "The witness says the door was locked", source="Witness statement")
x = m.claim("x", "The door was locked")
s = m.support(w, x)
u = m.claim("u", "The witness was not at home that night")
m.undercut(u, s)
"""


def run(capsys, *argv):
    """The ``argmap`` command on ``argv``: its exit status, standard output and error."""
    from argmap.cli import main

    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def pytest_collection_modifyitems(config, items):
    """The doctests of the model counter run only where it is installed (an optional
    dependency); its own tests skip themselves."""
    from argmap.semantics import counting

    if counting.available():
        return
    skip = pytest.mark.skip(reason="pyganak is not installed: pip install argmap[count]")
    for item in items:
        if type(item).__name__ == "DoctestItem" and item.name.startswith(counting.__name__):
            item.add_marker(skip)
