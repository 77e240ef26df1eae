"""python-calamine: the fast path for .xlsx, .xlsm, .xlsb, .xls and .ods."""
from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from python_calamine import CalamineWorkbook

from pyxl.core.grid import Grid

# calamine picks its format from the extension; a file whose extension lies is opened by content.
_SUFFIXES = {"xlsx": {".xlsx", ".xlsm", ".xltx", ".xltm", ".xlam"}, "xls": {".xls", ".xla"},
             "xlsb": {".xlsb"}, "ods": {".ods"}}


def read(path: Path, kind: str = "xlsx", skip: Collection[str] = ()) -> list[Grid]:
    """Every worksheet of the file but those in skip as a Grid (cached values of formulas, merged ranges).

    kind: what the file really holds ('xlsx', 'xls', 'xlsb', 'ods'), whatever its extension says.
    """
    if path.suffix.lower() in _SUFFIXES.get(kind, ()):
        workbook = CalamineWorkbook.from_path(str(path))
    else:
        with open(path, "rb") as stream:
            workbook = CalamineWorkbook.from_filelike(stream)
    try:
        return [_grid(workbook, name) for name in _worksheet_names(workbook) if name not in skip]
    finally:
        workbook.close()


def _worksheet_names(workbook: CalamineWorkbook) -> list[str]:
    return [meta.name for meta in workbook.sheets_metadata if str(meta.typ).endswith("WorkSheet")]


def _grid(workbook: CalamineWorkbook, name: str) -> Grid:
    sheet = workbook.get_sheet_by_name(name)
    rows = sheet.to_python(skip_empty_area=False)
    merges = tuple(
        (first[0], first[1], last[0], last[1]) for first, last in (sheet.merged_cell_ranges or [])
    )
    return Grid(name=name, rows=rows, merges=merges)
