"""The 'Gợi ý giải pháp' button's headless door: the library's suggestions written into a copy of the file.

Only the blank cells the plan (pyxl.excel.marks.plan_suggest) names are written: never a formula, never a
merged cell. Each is coloured, carries a note naming the library entry, and is listed in 'Gợi ý đã ghi'.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pyxl.core.celltext import cell_text
from pyxl.core.grid import a1
from pyxl.excel.filecopy import Warn, fill, old_color, put, rows_sheet, workbook_copy
from pyxl.excel.marks import (
    OWN_WIDTHS, SUGGESTION_COLOR, SUGGESTIONS_HEADER, SUGGESTIONS_SHEET, Record, SuggestionMarks, row_height,
    suggestion_rows,
)


def write_suggested_copy(source: Path, target: Path, all_marks: list[SuggestionMarks], overwrite: bool = False,
                         earlier: list[Record] = (), warn: Warn | None = None) -> list[SuggestionMarks]:
    """Copy source to target with the library's suggestions in the planned cells; returns what was written.

    A cell holding a formula (even one showing "") or lying inside a merged range is never written.
    """
    with workbook_copy(source, target, overwrite, warn) as workbook:
        return _suggest_into(workbook, all_marks, earlier)


def _suggest_into(workbook, all_marks: list[SuggestionMarks], earlier: list[Record]) -> list[SuggestionMarks]:
    if SUGGESTIONS_SHEET in workbook.sheetnames:
        del workbook[SUGGESTIONS_SHEET]
    done, rows = [], [SUGGESTIONS_HEADER]
    written_cells: set[tuple[str, str]] = set()
    for marks in all_marks:
        ws = workbook[marks.sheet]
        for col, header in marks.headers.items():
            head = ws.cell(marks.header_row + 1, col + 1)
            put(head, header)
            head.font = Font(bold=True)
            ws.column_dimensions[get_column_letter(col + 1)].width = OWN_WIDTHS[header]
        written, old, notes = [], {}, set()
        for s in marks.cells:
            cell = ws.cell(s.row + 1, s.col + 1)
            if isinstance(cell, MergedCell) or (isinstance(cell.value, str) and cell.value.startswith("=")):
                continue
            old[(s.row, s.col)] = old_color(cell)
            put(cell, s.text)
            cell.fill = fill(SUGGESTION_COLOR)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            width = ws.column_dimensions[get_column_letter(s.col + 1)].width or 8.43
            height = row_height(s.text, width, ws.row_dimensions[s.row + 1].height)
            if height:  # rows only grow, so the suggestion can be read without resizing
                ws.row_dimensions[s.row + 1].height = height
            if cell.comment is None or (s.earlier and s.earlier.note):
                cell.comment = Comment(cell_text(s.note), "parbook", height=120, width=320)
                notes.add((s.row, s.col))
            written.append(s)
        done.append(replace(marks, cells=written))
        written_cells.update((marks.sheet, a1(s.row, s.col)) for s in written)
        rows += suggestion_rows(done[-1], old, notes)[1:]
    others = [r for r in earlier if (r.sheet, r.cell) not in written_cells]
    rows[1:1] = suggestion_rows(SuggestionMarks("", 0, {}, [], 0, []), {}, set(), others)[1:]
    if len(rows) > 1:
        rows_sheet(workbook, SUGGESTIONS_SHEET, rows, "G", 80)
    workbook.calculation.fullCalcOnLoad = True
    return done
