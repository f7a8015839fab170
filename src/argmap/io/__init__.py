"""Reading and writing frameworks and maps."""

from argmap.io.iccma import (
    FORMATS,
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
    "format_for_path",
    "parse_apx",
    "parse_framework",
    "parse_i23",
    "parse_tgf",
    "read_framework",
    "write_apx",
    "write_framework",
    "write_i23",
    "write_tgf",
]
