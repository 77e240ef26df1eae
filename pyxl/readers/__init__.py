"""Readers: a file → plain Grids (one small module per format or engine), and `read_tables` (a file → Tables).
May import core and the reading libraries (python-calamine, openpyxl, olefile, lxml); nothing that writes.

python-calamine is the default (fast) engine; openpyxl is kept as a cross-check. The kind of file is
read from its bytes, not its extension. Before a native reader sees a file, its census (where the
cells lie, which are Excel errors) is taken and anything beyond the limits is refused (`_limits`).
Engines and format modules are imported only when a file needs them, so `parbook check` on an .xlsx
loads neither openpyxl (nor numpy, which it brings) nor the HTML and XML 2003 readers.
"""
from __future__ import annotations

import dataclasses
import importlib
import zipfile
from datetime import date
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.core.grid import CellError, Grid
from pyxl.core.model import Table
from pyxl.core.workbook import tables_from_grids
from pyxl.readers import _sniff
from pyxl.readers._limits import Census, check_size, damaged, extent_error, native_reader, password_protected

SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods", ".csv", ".htm", ".html",
                      ".xml"})
_OPENPYXL_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm"}
_TEXT_READERS = {_sniff.HTML: "_html", _sniff.XML2003: "_spreadsheetml"}


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
                as_of: date | None = None, engine: str = "calamine") -> list[Table]:
    """Every table in the file (or on the named sheet), scored and checked.

    Raises ParbookError when the file cannot be read or holds no table.
    """
    return tables_from_grids(read_workbook(path, engine), Path(path).name, sheet, year, as_of)


def _read(path: Path, engine: str, lenient: bool) -> tuple[list[Grid], dict[str, ParbookError]]:
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
    if kind in (_sniff.TEXT, _sniff.HTML, _sniff.XML2003):
        check_size(path)
        if kind == _sniff.TEXT and not _csv_like(path):
            raise damaged(path.name)
        module = _TEXT_READERS.get(kind, "_csv")
        return _module(module).read(path), {}
    if kind is None:
        raise damaged(path.name)
    use_openpyxl = engine == "openpyxl" and kind == _sniff.XLSX and path.suffix.lower() in _OPENPYXL_SUFFIXES
    censuses = _take_census(path, kind, styled=use_openpyxl)
    refused = {name: error for name, census in censuses.items()
               if (error := extent_error(census, path.name, name))}
    if refused and not lenient:
        raise next(iter(refused.values()))
    with native_reader(path.name):
        if use_openpyxl:
            grids = _module("_openpyxl").read(path)
        else:
            grids = _module("_calamine").read(path, kind, skip=set(refused))
        if kind == _sniff.XLSX:
            grids = _apply_xml_facts(path, grids)
    return [_with_errors(grid, censuses.get(grid.name)) for grid in grids], refused


def _module(name: str):
    return importlib.import_module(f"pyxl.readers.{name}")


def _take_census(path: Path, kind: str, styled: bool) -> dict[str, Census]:
    """Sheet name → census, taken before any native reader opens the file."""
    try:
        if kind == _sniff.XLS:
            return _module("_biff").xls(path, path.name)
        with zipfile.ZipFile(path) as archive:
            if kind == _sniff.XLSX:
                return _module("_census").xlsx(archive, path.name, styled)
            if kind == _sniff.ODS:
                return _module("_census").ods(archive, path.name)
            return _module("_biff").xlsb(archive, path.name)
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
        patched.append(dataclasses.replace(grid, rows=rows, uncalculated=sheet.uncalculated,
                                           bold=grid.bold or sheet.bold))
    return patched


def _with_errors(grid: Grid, census: Census | None) -> Grid:
    """The grid with its Excel error cells as CellError values (the engines give blanks or plain text)."""
    if not census or not census.errors:
        return grid
    rows = [list(row) for row in grid.rows]
    for (r, c), code in census.errors.items():
        while len(rows) <= r:
            rows.append([])
        rows[r].extend([""] * (c + 1 - len(rows[r])))
        rows[r][c] = CellError(code)
    return dataclasses.replace(grid, rows=rows)
