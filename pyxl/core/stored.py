"""What parbook works out from its shipped lists, kept on disk between runs (a button click starts a new
Python each time, and matching titles needs the remediation library indexed first).

A stored value is plain data (marshal: tuples, dicts, sets, strings, numbers) filed under a name,
with the exact bytes of the list it was worked out from and a stamp of everything else it depends
on: the versions of parbook and Python and the code that works it out. Anything else found in the
file, or a file that cannot be read or written, only means working it out again: the cache is never
needed for a correct result.

The folder: PARBOOK_CACHE_DIR when set (empty: no cache), else the system's per-user cache folder
(the one pyxl.plan.cache keeps compiled templates in).
"""
from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path

from pyxl import __version__

FORMAT = 2  # 2: a CRC-32 of the marshalled bytes first
_SUFFIX = ".parbook-data"


def folder() -> Path | None:
    """The per-user cache folder, or None when caching is turned off."""
    chosen = os.environ.get("PARBOOK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "parbook" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "parbook"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "parbook"


def stamp(modules: Iterable[str]) -> str:
    """What a stored value depends on besides its source: versions, and the code files that derive it."""
    parts = [str(FORMAT), __version__, sys.version]
    for path in map(Path, modules):
        try:
            info = path.stat()
            parts.append(f"{path.name}:{info.st_mtime_ns}:{info.st_size}")
        except OSError:
            parts.append(str(path))
    return "\n".join(parts)


def builtin_source(data_file: str, deriving: Iterable[str]) -> tuple[bytes, str]:
    """A built-in data file's bytes and the stamp of the core modules that derive values from it. The data
    folder is read beside the code, as a wheel installs it (importlib.resources costs more to load)."""
    core = Path(__file__).parent
    return (core.parent / "data" / data_file).read_bytes(), stamp(core / name for name in deriving)


def load(name: str, source: bytes, depends: str) -> object | None:
    """The value stored under name for exactly this source and stamp, or None."""
    where = folder()
    if where is None:
        return None
    try:
        data = (where / (name + _SUFFIX)).read_bytes()
        if len(data) < 4 or zlib.crc32(data[4:]).to_bytes(4, "little") != data[:4]:
            return None  # damaged on disk: marshal is not meant for bytes it did not write
        stored = marshal.loads(data[4:])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == depends and stored[1] == source:
        return stored[2]
    return None


def store(name: str, source: bytes, depends: str, value: object) -> None:
    """Keep value (plain data) for this source and stamp; nothing happens when it cannot be written."""
    where = folder()
    if where is None:
        return
    target = where / (name + _SUFFIX)
    partial = where / f"{name}.{os.getpid()}.tmp"
    try:
        data = marshal.dumps((depends, source, _shared(value, {})))
        data = zlib.crc32(data).to_bytes(4, "little") + data
        where.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, target)  # readers see the old file or the new one, never half of one
    except (OSError, ValueError, TypeError):
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass


def _shared(value: object, seen: dict[object, object]) -> object:
    """The value with equal strings and tuples made one object each: marshal then writes each once and
    refers back to it, so the file is smaller and loads faster (fewer objects to make and hash)."""
    if isinstance(value, (str, bytes, int, float, bool)) or value is None:
        return seen.setdefault(value, value) if isinstance(value, str) else value
    if isinstance(value, tuple):
        made = tuple(_shared(item, seen) for item in value)
        try:
            return seen.setdefault(made, made)
        except TypeError:  # it holds a dict or a list: kept as it is
            return made
    if isinstance(value, list):
        return [_shared(item, seen) for item in value]
    if isinstance(value, (set, frozenset)):
        return type(value)(_shared(item, seen) for item in value)
    if isinstance(value, dict):
        return {_shared(k, seen): _shared(v, seen) for k, v in value.items()}
    raise ValueError(f"cannot store a {type(value).__name__}")
