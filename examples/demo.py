"""Solve a small framework under every semantics, as `make demo` does."""

from pathlib import Path

from argmap import SEMANTICS, extensions
from argmap.io import read_framework
from argmap.tasks import format_extensions

here = Path(__file__).parent
af = read_framework(here / "frameworks" / "nixon.apx")
print(f"{len(af)} arguments, {len(af.attacks)} attacks")
for code, info in SEMANTICS.items():
    print(f"{code:>4}  {info.name:<14} {format_extensions(extensions(af, code))}")
