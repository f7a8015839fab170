"""Loading a map from a file: a Python file that builds an ArgumentMap, map JSON, or AIF
JSON."""

from __future__ import annotations

import runpy
import traceback
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import MapError
from argmap.map import ArgumentMap

__all__ = ["load_map"]


def load_map(path: str | Path, *, name: str | None = None, skip: Iterable[str] = ()) -> ArgumentMap:
    """The map defined in ``path``.

    A ``.json`` file is argmap's map JSON (:meth:`ArgumentMap.load`), or AIF JSON, known by
    its ``nodes`` and no ``format``, read with :func:`argmap.io.aif.read_aif` and ``skip``.
    A ``.py`` file is run (not as ``__main__``) and must define a module-level
    :class:`ArgumentMap`; when it defines several, ``name`` chooses one. A name for a JSON
    file, or node types to skip for anything but AIF, is an error.
    """
    path = Path(path)
    skip = list(skip)
    if path.is_dir():
        raise MapError(f"{path}: a directory, not a map file (.py or .json)")
    if path.suffix.lower() == ".json":
        if name is not None:
            raise MapError(f"{path}: a JSON file holds one map, so there is none to choose by name")
        if _is_aif(path):
            from argmap.io.aif import read_aif

            return read_aif(path, skip=skip)
        if skip:
            raise MapError(f"{path}: node types to skip apply to AIF files, and this is a map JSON")
        return ArgumentMap.load(path)
    if skip:
        raise MapError(f"{path}: node types to skip apply to AIF files only")
    if path.suffix.lower() != ".py":
        raise MapError(
            f"{path}: a map file is a Python file (.py) or map JSON (.json), "
            f"not {path.suffix or 'a file without extension'!r}"
        )
    if not path.is_file():
        raise MapError(f"{path}: no such file")
    try:
        namespace = runpy.run_path(str(path), run_name="argmap_map_file")
    except Exception as error:  # the user's code failed: report where, not our traceback
        frames = [
            f
            for f in traceback.extract_tb(error.__traceback__)
            if Path(f.filename).resolve() == path.resolve()
        ]
        where = f"{path}:{frames[-1].lineno}" if frames else str(path)
        raise MapError(f"{where}: the map file raised {type(error).__name__}: {error}") from error
    maps = {
        key: value
        for key, value in namespace.items()
        if isinstance(value, ArgumentMap) and not key.startswith("_")
    }
    if name is not None:
        if name not in maps:
            raise MapError(
                f"{path}: no module-level ArgumentMap named {name!r} (found: {sorted(maps)})"
            )
        return maps[name]
    distinct = {id(value): key for key, value in maps.items()}
    if len(distinct) == 1:
        return next(iter(maps.values()))
    if not maps:
        raise MapError(f"{path}: the file defines no module-level ArgumentMap")
    raise MapError(
        f"{path}: the file defines several maps {sorted(maps)}; choose one with --map NAME"
    )


def _is_aif(path: Path) -> bool:
    """Whether the JSON file at ``path`` is AIF: an object with ``nodes`` and no ``format``
    (argmap's map JSON names its format), or with the AIF under ``AIF``, as OVA3 writes it.
    A file that cannot be read is left to the reader of map JSON, which reports it."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    if not isinstance(data, dict) or "format" in data:
        return False
    return "nodes" in data or isinstance(data.get("AIF"), dict)
