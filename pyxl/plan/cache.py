"""Compiled Word templates kept on disk between runs, so a button click does not compile one again.

Compiling a template (docxtpl's patching, then Jinja's compiler) costs more than rendering a plan
and brings in docxtpl and python-docx. The compiled form is stored per user, under a key made of
the template's bytes and everything the compiled form depends on: the versions of Python, Jinja,
docxtpl and parbook, and the code that compiles. A file that cannot be read, or a folder that
cannot be written, only means compiling again; the cache is never needed for a correct result.

The folder: PARBOOK_CACHE_DIR when set (empty: no cache), else the system's per-user cache folder.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import sys
from pathlib import Path

import jinja2

from pyxl import __version__
from pyxl.core.stored import folder

FORMAT = 2  # 2: the SHA-256 of the marshalled bytes first
_KEEP = 32  # compiled templates kept; the oldest are removed beyond this
_SUFFIX = ".parbook-template"
_COMPILING_MODULES = ("render.py", "xmlcheck.py", "widths.py", "cache.py")


def key(source: bytes, required: frozenset[str] | None) -> str:
    """The cache key of a template's bytes compiled for the given required names."""
    digest = hashlib.sha256()
    for part in (str(FORMAT), __version__, sys.version, jinja2.__version__, _stamp_of_docxtpl(),
                 *(_stamp(Path(__file__).with_name(name)) for name in _COMPILING_MODULES),
                 repr(sorted(required)) if required is not None else "-"):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(source)
    return digest.hexdigest()


def load(name: str) -> object | None:
    """The compiled form stored under name, or None."""
    where = folder()
    if where is None:
        return None
    try:
        data = (where / (name + _SUFFIX)).read_bytes()
        if hashlib.sha256(data[32:]).digest() != data[:32]:
            return None  # damaged on disk: its code objects must never be run
        stored = marshal.loads(data[32:])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == name else None


def store(name: str, compiled: object) -> None:
    """Keep compiled (plain values and code objects) under name; nothing happens when it cannot be written."""
    where = folder()
    if where is None:
        return
    from pyxl.core.errors import ParbookError
    from pyxl.files import atomic_write_bytes

    try:
        data = marshal.dumps((name, compiled))
        data = hashlib.sha256(data).digest() + data
        where.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(where / (name + _SUFFIX), data, overwrite=True)
        _prune(where)
    except (OSError, ValueError, ParbookError):
        return


def _prune(where: Path) -> None:
    files = sorted(where.glob("*" + _SUFFIX), key=lambda path: path.stat().st_mtime_ns)
    for path in files[:-_KEEP]:
        path.unlink(missing_ok=True)


def _stamp(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return str(path)
    return f"{path}:{info.st_mtime_ns}:{info.st_size}"


def _stamp_of_docxtpl() -> str:
    """Which docxtpl patches the templates, found without importing it (that is what the cache saves)."""
    spec = importlib.util.find_spec("docxtpl")
    origin = spec.origin if spec is not None else None
    return _stamp(Path(origin).with_name("template.py")) if origin else "-"
