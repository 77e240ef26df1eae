"""openpyxl: the reference reader for .xlsx and .xlsm (slower, used to cross-check calamine)."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from pyxl.core.grid import Grid


def read(path: Path) -> list[Grid]:
    """Every worksheet of the file as a Grid (cached values of formulas, merged ranges)."""
    workbook = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    try:
        return [_grid(ws) for ws in workbook.worksheets]
    finally:
        workbook.close()


def _grid(ws) -> Grid:
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    merges = tuple(
        (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges
    )
    return Grid(name=ws.title, rows=rows, merges=merges)
