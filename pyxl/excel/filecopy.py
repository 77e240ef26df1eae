"""Adapter carrying parbook's marks into a copy of a workbook file with openpyxl (the headless door)."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pyxl.core.grid import a1
from pyxl.excel.marks import (
    FINDINGS_SHEET, FLAGS_HEADER, OWN_WIDTHS, SUGGESTION_COLOR, SUGGESTIONS_HEADER, SUGGESTIONS_SHEET, Marks,
    Record, SuggestionMarks, findings_rows, marked_cells, row_height, suggestion_rows,
)
from pyxl.files import atomic_write_bytes


def _fill(color: str | None) -> PatternFill:
    if not color:
        return PatternFill(fill_type=None)
    return PatternFill(fill_type="solid", start_color=color.lstrip("#").upper(), end_color=color.lstrip("#").upper())


def _old_color(cell) -> str | None:
    fill = cell.fill
    if fill is None or fill.fill_type != "solid" or not isinstance(fill.start_color.rgb, str):
        return None
    return "#" + fill.start_color.rgb[-6:].lower()


def write_marked_copy(source: Path, target: Path, all_marks: list[Marks], overwrite: bool = False) -> int:
    """Copy source to target with the marks applied; returns the number of lost-points cells filled.

    The source file is never written. A planned fill is skipped where the copy holds a formula.
    """
    keep_vba = source.suffix.lower() == ".xlsm"
    workbook = openpyxl.load_workbook(source, keep_vba=keep_vba)
    if FINDINGS_SHEET in workbook.sheetnames:
        del workbook[FINDINGS_SHEET]
    rows: list[list[object]] = []
    filled = 0
    for marks in all_marks:
        ws = workbook[marks.sheet]
        ws.cell(marks.header_row + 1, marks.flags_col + 1, FLAGS_HEADER).font = Font(bold=True)
        for row, text in marks.flags.items():
            ws.cell(row + 1, marks.flags_col + 1, text)
        for (row, col), value in marks.fills.items():
            cell = ws.cell(row + 1, col + 1)
            if not (isinstance(cell.value, str) and cell.value.startswith("=")):  # never replace a formula
                cell.value = value
                filled += 1
        old = {key: _old_color(ws.cell(key[0] + 1, key[1] + 1)) for key in marks.colors}
        for (row, col), color in marks.colors.items():
            ws.cell(row + 1, col + 1).fill = _fill(color)
        sheet_rows = findings_rows(marks, old)
        rows.extend(sheet_rows if not rows else sheet_rows[1:])
    if rows:
        findings = workbook.create_sheet(FINDINGS_SHEET)
        for row in rows:
            findings.append(row)
        for cell in findings[1]:
            cell.font = Font(bold=True)
        findings.column_dimensions["F"].width = 90
    workbook.calculation.fullCalcOnLoad = True  # the HYPERLINK formulas get their values on opening
    _save(workbook, target, overwrite)
    return filled


def write_cleared_copy(source: Path, target: Path, overwrite: bool = False) -> tuple[list[str], int]:
    """Copy source to target without parbook's marks (flags columns, colours, findings sheet), like 'Xoá đánh dấu'.

    Returns the sheets cleared and the number of cells whose colour was put back. Filled lost points stay.
    """
    workbook = openpyxl.load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
    rows = [list(row) for row in workbook[FINDINGS_SHEET].iter_rows(values_only=True)] \
        if FINDINGS_SHEET in workbook.sheetnames else []
    cleared, restored = [], 0
    for ws in workbook.worksheets:
        if ws.title == FINDINGS_SHEET:
            continue
        colors = marked_cells(rows, ws.title)
        for ref, color in colors.items():
            ws[ref].fill = _fill(color)
        flags = next((cell for row in ws.iter_rows() for cell in row if cell.value == FLAGS_HEADER), None)
        if flags is not None:
            for (cell,) in ws.iter_rows(min_row=flags.row, min_col=flags.column, max_col=flags.column):
                cell.value = None
                cell.font = Font()
        if colors or flags is not None:
            cleared.append(ws.title)
            restored += len(colors)
    if FINDINGS_SHEET in workbook.sheetnames:
        del workbook[FINDINGS_SHEET]
    _save(workbook, target, overwrite)
    return cleared, restored


def _save(workbook: openpyxl.Workbook, target: Path, overwrite: bool) -> None:
    # In memory first: openpyxl leaves its zip open when a write fails, so a full disk would fail it twice.
    buffer = io.BytesIO()
    workbook.save(buffer)
    atomic_write_bytes(target, buffer.getvalue(), overwrite)


def write_suggested_copy(source: Path, target: Path, all_marks: list[SuggestionMarks], overwrite: bool = False,
                         earlier: list[Record] = ()) -> list[SuggestionMarks]:
    """Copy source to target with the library's suggestions in the planned cells; returns what was written.

    A cell holding a formula (even one showing "") or lying inside a merged range is never written.
    """
    workbook = openpyxl.load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
    if SUGGESTIONS_SHEET in workbook.sheetnames:
        del workbook[SUGGESTIONS_SHEET]
    done, rows = [], [SUGGESTIONS_HEADER]
    written_cells: set[tuple[str, str]] = set()
    for marks in all_marks:
        ws = workbook[marks.sheet]
        for col, header in marks.headers.items():
            ws.cell(marks.header_row + 1, col + 1, header).font = Font(bold=True)
            ws.column_dimensions[get_column_letter(col + 1)].width = OWN_WIDTHS[header]
        written, old, notes = [], {}, set()
        for s in marks.cells:
            cell = ws.cell(s.row + 1, s.col + 1)
            if isinstance(cell, MergedCell) or (isinstance(cell.value, str) and cell.value.startswith("=")):
                continue
            old[(s.row, s.col)] = _old_color(cell)
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", s.text)
            cell.fill = _fill(SUGGESTION_COLOR)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            width = ws.column_dimensions[get_column_letter(s.col + 1)].width or 8.43
            height = row_height(s.text, width, ws.row_dimensions[s.row + 1].height)
            if height:  # rows only grow, so the suggestion can be read without resizing
                ws.row_dimensions[s.row + 1].height = height
            if cell.comment is None or (s.earlier and s.earlier.note):
                cell.comment = Comment(ILLEGAL_CHARACTERS_RE.sub("", s.note), "parbook", height=120, width=320)
                notes.add((s.row, s.col))
            written.append(s)
        done.append(replace(marks, cells=written))
        written_cells.update((marks.sheet, a1(s.row, s.col)) for s in written)
        rows += suggestion_rows(done[-1], old, notes)[1:]
    others = [r for r in earlier if (r.sheet, r.cell) not in written_cells]
    rows[1:1] = suggestion_rows(SuggestionMarks("", 0, {}, [], 0, []), {}, set(), others)[1:]
    if len(rows) > 1:
        sheet = workbook.create_sheet(SUGGESTIONS_SHEET)
        for row in rows:
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["G"].width = 80
    workbook.calculation.fullCalcOnLoad = True
    _save(workbook, target, overwrite)
    return done
