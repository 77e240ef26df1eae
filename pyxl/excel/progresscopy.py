"""The headless 'Theo dõi tiến độ': parbook's progress column written into a copy of a workbook file.

The same marks as the ribbon button (pyxl.excel.marks.plan_progress), carried by openpyxl through
`workbook_copy`, so the copy keeps everything the other marked copies keep. The column is parbook's own:
an earlier run's labels and colours in it are emptied first, and 'mark --clear' removes it.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Font

from pyxl.excel.filecopy import Warn, fill, put, workbook_copy
from pyxl.excel.marks import PROGRESS_HEADER, PROGRESS_WIDTH, ProgressMarks
from pyxl.core.grid import column_letter


def write_progress_copy(source: Path, target: Path, all_marks: list[ProgressMarks], overwrite: bool = False,
                        warn: Warn | None = None) -> None:
    """Copy source to target with each sheet's progress column; the source file is never written."""
    with workbook_copy(source, target, overwrite, warn) as workbook:
        for marks in all_marks:
            ws = workbook[marks.sheet]
            column = marks.col + 1
            for row in range(marks.header_row + 2, marks.clear_to + 1):
                cell = ws.cell(row, column)
                cell.value, cell.fill = None, fill(None)
            header = ws.cell(marks.header_row + 1, column)
            put(header, PROGRESS_HEADER)
            header.font = Font(bold=True)
            ws.column_dimensions[column_letter(marks.col)].width = PROGRESS_WIDTH
            for row, label in marks.labels.items():
                put(ws.cell(row + 1, column), label)
            for row, color in marks.colors.items():
                ws.cell(row + 1, column).fill = fill(color)
