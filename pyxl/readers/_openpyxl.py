"""openpyxl: the reference reader for .xlsx and .xlsm (slower, used to cross-check calamine)."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from pyxl.core.grid import Grid


def read(path: Path) -> list[Grid]:
    """Every worksheet of the file as a Grid (cached values of formulas, merged ranges, bold cells)."""
    workbook = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    try:
        return [_grid(ws) for ws in workbook.worksheets]
    finally:
        workbook.close()


def _grid(ws) -> Grid:
    rows, bold = [], set()
    for r, cells in enumerate(ws.iter_rows()):
        rows.append([cell.value for cell in cells])
        bold.update((r, c) for c, cell in enumerate(cells) if cell.value is not None and cell.has_style and cell.font.b)
    merges = tuple(
        (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges
    )
    return Grid(name=ws.title, rows=rows, merges=merges, bold=frozenset(bold))
