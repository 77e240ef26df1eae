"""python-calamine: the fast path for .xlsx, .xlsm, .xlsb, .xls and .ods."""
from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from pyxl.core.grid import Grid


def read(path: Path) -> list[Grid]:
    """Every worksheet of the file as a Grid (cached values of formulas, merged ranges)."""
    workbook = CalamineWorkbook.from_path(str(path))
    try:
        return [_grid(workbook, name) for name in _worksheet_names(workbook)]
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
