"""Reading and writing frameworks and maps.

The AIF names load on first use: the solver reads frameworks through this package, and AIF
needs the map builder, which a solver run has no use for.
"""

from argmap._lazy import lazy_exports
from argmap.io.iccma import (
    FORMATS,
    asp_constant,
    format_for_path,
    parse_apx,
    parse_framework,
    parse_i23,
    parse_tgf,
    read_framework,
    write_apx,
    write_framework,
    write_i23,
    write_tgf,
)

__all__ = [
    "FORMATS",
    "asp_constant",
    "format_for_path",
    "from_aif",
    "parse_apx",
    "parse_framework",
    "parse_i23",
    "parse_tgf",
    "read_aif",
    "read_framework",
    "to_aif",
    "write_aif",
    "write_apx",
    "write_framework",
    "write_i23",
    "write_tgf",
]

_AIF = {name: "argmap.io.aif" for name in ("from_aif", "read_aif", "to_aif", "write_aif")}
__getattr__, __dir__ = lazy_exports("argmap.io", _AIF, globals())

TYPE_CHECKING = False
if TYPE_CHECKING:
    from argmap.io.aif import from_aif, read_aif, to_aif, write_aif
