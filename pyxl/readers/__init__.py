"""Readers: a file → plain Grids (one small module per format or engine), and `read_tables` (a file → Tables).
May import core and the reading libraries (python-calamine, openpyxl, olefile, lxml); nothing that writes.

python-calamine is the default (fast) engine; openpyxl is kept as a cross-check. The kind of file is
read from its bytes, not its extension. Before a native reader sees a file, its census (where the
cells lie, which are Excel errors) is taken and anything beyond the limits is refused (`_limits`).
Engines and format modules are imported only when a file needs them, so `parbook check` on an .xlsx
loads neither openpyxl (nor numpy, which it brings) nor the HTML and XML 2003 readers.
"""
from __future__ import annotations

import importlib
import os
import zipfile
from datetime import date
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid
from pyxl.core.model import Table
from pyxl.core.workbook import tables_from_grids
from pyxl.readers import _sniff
from pyxl.readers._limits import Census, check_size, damaged, extent_error, native_reader, password_protected

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods", ".csv", ".htm", ".html",
                      ".xml"})
_OPENPYXL_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm"}
_TEXT_READERS = {_sniff.HTML: "_html", _sniff.XML2003: "_spreadsheetml"}
_TEXT_KINDS = (_sniff.TEXT, _sniff.HTML, _sniff.XML2003)


def read_workbook(path: str | Path, engine: str = "calamine") -> list[Grid]:
    """All worksheets of a spreadsheet file (.xlsx/.xlsm/.xls/.xlsb/.ods/.csv, HTML or XML 2003) as Grids.

    Raises ParbookError with a Vietnamese message when the file cannot be read or is beyond the limits.
    """
    grids, _ = _read(Path(path), engine, lenient=False)
    return grids


def read_workbook_sheets(path: str | Path) -> tuple[list[Grid], dict[str, ParbookError]]:
    """The worksheets that can be read, and the refusal of each sheet beyond the limits (left out).

    For a district workbook with a sheet per commune: one unreadable commune does not stop the others.
    Raises ParbookError when the file as a whole cannot be read.
    """
    return _read(Path(path), "calamine", lenient=True)


def read_tables(path: str | Path, sheet: str | None = None, year: int | None = None,
                as_of: date | None = None, engine: str = "calamine", all_suggestions: bool = True) -> list[Table]:
    """Every table in the file (or on the named sheet), scored and checked.

    all_suggestions=False: suggestions only where a finding prints one (see `tables_from_grids`).
    Raises ParbookError when the file cannot be read or holds no table.
    """
    return tables_from_grids(read_workbook(path, engine), Path(path).name, sheet, year, as_of, all_suggestions)


def _read(path: Path, engine: str, lenient: bool) -> tuple[list[Grid], dict[str, ParbookError]]:
    kind = _kind(path)
    if kind in _TEXT_KINDS:
        return _text_grids(path, kind), {}
    if engine == "openpyxl" and kind == _sniff.XLSX and path.suffix.lower() in _OPENPYXL_SUFFIXES:
        return _read_openpyxl(path, lenient)
    book = _module("_book").Book(path, kind)
    try:
        grids, refused = [], {}
        for name in book.names:
            sheet = book.read(name)
            if isinstance(sheet, ParbookError):
                if not lenient:
                    raise sheet
                refused[name] = sheet
            else:
                grids.append(sheet)
        return grids, refused
    finally:
        book.close()


def _kind(path: Path) -> str:
    """What the file holds (see `_sniff`); raises ParbookError for a file parbook cannot read."""
    if not path.is_file():
        raise ParbookError(f"Không tìm thấy tệp '{path}'. Hãy kiểm tra lại đường dẫn và tên tệp.")
    if path.suffix.lower() not in SUFFIXES:
        raise ParbookError(
            f"Tệp '{path.name}' không phải bảng tính. parbook đọc được tệp .xlsx, .xlsm, .xls, .xlsb, .ods, "
            ".csv, bảng HTML (.htm, .html) và bảng tính XML của Excel 2003 (.xml)."
        )
    kind = _sniff.sniff(path)
    if kind == _sniff.ENCRYPTED:
        raise password_protected(path.name)
    if kind is None:
        raise damaged(path.name)
    return kind


def _text_grids(path: Path, kind: str) -> list[Grid]:
    check_size(path)
    if kind == _sniff.TEXT and not _csv_like(path):
        raise damaged(path.name)
    return _module(_TEXT_READERS.get(kind, "_csv")).read(path)


def _read_openpyxl(path: Path, lenient: bool) -> tuple[list[Grid], dict[str, ParbookError]]:
    """Every sheet through openpyxl (the cross-check engine), after the census calamine's path takes too."""
    censuses = _xlsx_census(path)
    refused = {name: error for name, census in censuses.items()
               if (error := extent_error(census, path.name, name))}
    if refused and not lenient:
        raise next(iter(refused.values()))
    with native_reader(path.name):
        grids = _apply_xml_facts(path, _module("_openpyxl").read(path))
    with_errors = _module("_book")._with_errors
    return [with_errors(grid, censuses.get(grid.name)) for grid in grids], refused


if TYPE_CHECKING:  # an interface for type checkers: Book and _ReadSheets have its methods
    from typing import Protocol

    class Sheets(Protocol):
        """A file's worksheets read one at a time (see `open_sheets`)."""

        names: tuple[str, ...]

        def read(self, name: str, facts: bool = True) -> Grid | ParbookError:
            """The worksheet, or (not raised) why it is beyond the limits (facts: see `_book.Book.read`)."""

        def close(self) -> None:
            """Let go of the file."""


class _ReadSheets:
    """A text file's sheets (CSV, HTML, XML 2003), read whole: they are small and have one or a few sheets."""

    def __init__(self, grids: dict[str, Grid]) -> None:
        self.grids = grids

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.grids)

    def read(self, name: str, facts: bool = True) -> Grid | ParbookError:  # noqa: ARG002 - text has no facts
        return self.grids[name]

    def close(self) -> None:
        pass


_OPEN: dict[tuple[str, int, int, int], Sheets] = {}  # by path, mtime, size and the process that opened it
_KEEP_OPEN = 2  # a worker reads one source; the parent may look at a roster beside it


def open_sheets(path: str | Path) -> Sheets:
    """The file's worksheets to read one at a time, exactly as `read_workbook` reads them.

    The file stays open in this process while it is unchanged (a merge's worker reads many communes
    of one workbook); `close_sheets()` lets go of it. Raises ParbookError as `read_workbook` does.
    """
    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        info = None
    key = (str(path.resolve()), info.st_mtime_ns, info.st_size, os.getpid()) if info else None
    for other in [k for k in _OPEN if k[3] != os.getpid()]:
        _OPEN.pop(other).close()  # a forked worker's copies of its parent's: their file offsets are shared
    if key not in _OPEN:
        kind = _kind(path)  # sniffing opens the file: only once while it is unchanged
        while len(_OPEN) >= _KEEP_OPEN:
            _OPEN.pop(next(iter(_OPEN))).close()
        if kind in _TEXT_KINDS:
            _OPEN[key] = _ReadSheets({grid.name: grid for grid in _text_grids(path, kind)})
        else:
            _OPEN[key] = _module("_book").Book(path, kind)
    return _OPEN[key]


def close_sheets() -> None:
    """Close every file `open_sheets` keeps open (Excel can then save over them again)."""
    while _OPEN:
        _OPEN.pop(next(iter(_OPEN))).close()


def _module(name: str):
    return importlib.import_module(f"pyxl.readers.{name}")


def _xlsx_census(path: Path) -> dict[str, Census]:
    """Sheet name → census of every sheet, counting cells that hold only a style (openpyxl reaches them)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _module("_census").xlsx(archive, path.name, styled=True)
    except ParbookError:
        raise
    except Exception as exc:  # a container too broken to take a census of
        raise damaged(path.name) from exc


def _csv_like(path: Path) -> bool:
    """A text file is read as CSV when named so, or when it is tab-separated (a web export named .xls)."""
    if path.suffix.lower() == ".csv":
        return True
    with open(path, "rb") as stream:
        head = stream.read(8192)
    lines = [line for line in head.replace(b"\x00", b"").splitlines() if line.strip()][:10]
    return sum(1 for line in lines if b"\t" in line) >= 2


def _apply_xml_facts(path: Path, grids: list[Grid]) -> list[Grid]:
    from pyxl.readers._xmlscan import percent_text, scan

    facts = scan(path)
    patched = []
    for grid in grids:
        sheet = facts.get(grid.name)
        if sheet is None:
            patched.append(grid)
            continue
        rows = [list(row) for row in grid.rows]
        for r, c in sheet.percent:
            if r < len(rows) and c < len(rows[r]):
                rows[r][c] = percent_text(rows[r][c])
        patched.append(grid.replace(rows=rows, uncalculated=sheet.uncalculated,
                                           bold=grid.bold or sheet.bold))
    return patched
