"""Adapter carrying parbook's marks into a copy of a workbook file with openpyxl (the headless door).

The copy keeps the source's kind. A .xlsm stays macro-enabled with its VBA project and its ribbon
(openpyxl drops the ribbon's link; `relink_ribbon` puts it back). A .xlsm marked into a .xlsx is
written as Excel's "Save As .xlsx" would: without the VBA project and ribbon, and the officer is told.
A .xlsx is never written under a .xlsm name (Excel refuses a macro-enabled name on a plain workbook).
Every string goes in through `put`, so no text becomes a formula and nothing XML cannot hold is written.
"""
from __future__ import annotations

import io
import re
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import openpyxl
from openpyxl.drawing.image import PILImage
from openpyxl.styles import Font, PatternFill

from pyxl.core.celltext import Formula, cell_text, needs_quote_prefix
from pyxl.core.errors import ParbookError
from pyxl.excel.marks import FINDINGS_SHEET, FLAGS_HEADER, PROGRESS_HEADER, Marks, findings_rows, marked_cells
from pyxl.excel.package import describe, lost_drawings, relink_ribbon
from pyxl.files import atomic_path, refuse_inputs

KINDS = (".xlsx", ".xlsm")
Warn = Callable[[str], None]
# What openpyxl says it drops while reading (its "… extension is not supported" warnings), for officers.
_EXTENSIONS = {
    "Conditional Formatting": "định dạng có điều kiện kiểu Excel 2010 (thanh dữ liệu, bộ biểu tượng mở rộng)",
    "Data Validation": "danh sách chọn lấy nguồn ở sheet khác",
    "Sparkline Group": "biểu đồ nhỏ trong ô (sparkline)",
    "Slicer List": "bộ lọc slicer",
    "Protected Range": "vùng cho phép sửa khi sheet bị khoá",
    "Timeline Ref": "bộ lọc thời gian (timeline)",
    "Web Extension": "tiện ích web (add-in)",
    "Ignored Error": None,  # the green-triangle markers a user dismissed: nothing of value is lost
}
_EXTENSION_WARNING = re.compile(r"^(.+) extension is not supported and will be removed")


def fill(color: str | None) -> PatternFill:
    """A solid fill of '#rrggbb', or no fill for None."""
    if not color:
        return PatternFill(fill_type=None)
    return PatternFill(fill_type="solid", start_color=color.lstrip("#").upper(), end_color=color.lstrip("#").upper())


def old_color(cell) -> str | None:
    """The cell's solid fill as '#rrggbb', None when it has none."""
    pattern = cell.fill
    if pattern is None or pattern.fill_type != "solid" or not isinstance(pattern.start_color.rgb, str):
        return None
    return "#" + pattern.start_color.rgb[-6:].lower()


def put(cell, value: object) -> None:
    """Store value in an openpyxl cell: a `Formula` as a formula, any other text literally, as text."""
    if isinstance(value, Formula):
        cell.value = str(value)
    elif isinstance(value, str):
        text = cell_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would take a leading '=' for a formula
        if needs_quote_prefix(text):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    else:
        cell.value = value


def check_kinds(source: Path, target: Path) -> bool:
    """Whether the copy carries the VBA project; refuse a source or target Excel could not open."""
    kind, wanted = source.suffix.lower(), target.suffix.lower()
    if kind not in KINDS:
        raise ParbookError(f"Lệnh mark chỉ ghi được tệp .xlsx/.xlsm; '{source.name}' hãy lưu lại dạng .xlsx trước.")
    if wanted not in KINDS:
        raise ParbookError(f"Tệp kết quả '{target.name}' phải có đuôi .xlsx (hoặc .xlsm khi tệp gốc là .xlsm).")
    if kind == ".xlsx" and wanted == ".xlsm":
        raise ParbookError(f"Tệp gốc '{source.name}' là .xlsx (không có macro); hãy đặt tên tệp kết quả đuôi .xlsx.")
    return kind == wanted == ".xlsm"


@contextmanager
def workbook_copy(source: Path, target: Path, overwrite: bool = False, warn: Warn | None = None) -> Iterator:
    """The source workbook, open for parbook's marks; saved to target (atomically) when the block ends.

    warn receives, in Vietnamese, what the copy does not keep (macros, text boxes, shapes…).
    """
    source, target = Path(source), Path(target)
    macros = check_kinds(source, target)
    refuse_inputs(target, {"tệp gốc": source})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        workbook = openpyxl.load_workbook(source, keep_vba=macros)
    yield workbook
    # In memory first: openpyxl leaves its zip open when a write fails, so a full disk would fail it twice.
    buffer = io.BytesIO()
    workbook.save(buffer)
    with atomic_path(target, overwrite) as tmp:
        tmp.write_bytes(buffer.getvalue())
        if macros:
            relink_ribbon(source, tmp)
    for message in _losses(source, macros, [str(w.message) for w in caught]) if warn else ():
        warn(message)


def write_marked_copy(source: Path, target: Path, all_marks: list[Marks], overwrite: bool = False,
                      warn: Warn | None = None) -> int:
    """Copy source to target with the marks applied; returns the number of lost-points cells filled.

    The source file is never written. A planned fill is skipped where the copy holds a formula.
    """
    filled = 0
    with workbook_copy(source, target, overwrite, warn) as workbook:
        if FINDINGS_SHEET in workbook.sheetnames:
            del workbook[FINDINGS_SHEET]
        rows: list[list[object]] = []
        for marks in all_marks:
            ws = workbook[marks.sheet]
            header = ws.cell(marks.header_row + 1, marks.flags_col + 1)
            put(header, FLAGS_HEADER)
            header.font = Font(bold=True)
            for row, text in marks.flags.items():
                put(ws.cell(row + 1, marks.flags_col + 1), text)
            for (row, col), value in marks.fills.items():
                cell = ws.cell(row + 1, col + 1)
                if cell.data_type != "f":  # never replace a formula
                    cell.value = value
                    filled += 1
            old = {key: old_color(ws.cell(key[0] + 1, key[1] + 1)) for key in marks.colors}
            for (row, col), color in marks.colors.items():
                ws.cell(row + 1, col + 1).fill = fill(color)
            sheet_rows = findings_rows(marks, old)
            rows.extend(sheet_rows if not rows else sheet_rows[1:])
        if rows:
            rows_sheet(workbook, FINDINGS_SHEET, rows, "F", 90)
        workbook.calculation.fullCalcOnLoad = True  # the HYPERLINK formulas get their values on opening
    return filled


def write_cleared_copy(source: Path, target: Path, overwrite: bool = False,
                       warn: Warn | None = None) -> tuple[list[str], int]:
    """Copy source to target without parbook's marks (flags and progress columns, colours, findings sheet), like
    'Xoá đánh dấu'.

    Returns the sheets cleared and the number of cells whose colour was put back. Filled lost points stay.
    """
    cleared, restored = [], 0
    with workbook_copy(source, target, overwrite, warn) as workbook:
        rows = [list(row) for row in workbook[FINDINGS_SHEET].iter_rows(values_only=True)] \
            if FINDINGS_SHEET in workbook.sheetnames else []
        for ws in workbook.worksheets:
            if ws.title == FINDINGS_SHEET:
                continue
            colors = marked_cells(rows, ws.title)
            for ref, color in colors.items():
                ws[ref].fill = fill(color)
            flags = _empty_column(ws, FLAGS_HEADER)
            progress = _empty_column(ws, PROGRESS_HEADER, colored=True)
            if colors or flags or progress:
                cleared.append(ws.title)
                restored += len(colors)
        if FINDINGS_SHEET in workbook.sheetnames:
            del workbook[FINDINGS_SHEET]
    return cleared, restored


def _empty_column(ws, header: str, colored: bool = False) -> bool:
    """Empty parbook's column headed header (its fills too when colored); False when the sheet has none."""
    top = next((cell for row in ws.iter_rows() for cell in row if cell.value == header), None)
    if top is None:
        return False
    for (cell,) in ws.iter_rows(min_row=top.row, min_col=top.column, max_col=top.column):
        cell.value = None
        cell.font = Font()
        if colored:
            cell.fill = fill(None)
    return True


def rows_sheet(workbook, name: str, rows: list[list[object]], wide: str, width: float) -> None:
    """A new sheet of parbook's own rows (the first a bold header), with column `wide` set to `width` characters."""
    sheet = workbook.create_sheet(name)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value not in (None, ""):
                put(sheet.cell(r, c), value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions[wide].width = width


def _losses(source: Path, macros: bool, reader_warnings: list[str]) -> list[str]:
    messages = []
    if source.suffix.lower() == ".xlsm" and not macros:
        messages.append(f"Bản sao .xlsx không có macro và thẻ lệnh (ribbon) của '{source.name}'; muốn giữ, hãy đặt "
                        "tên tệp kết quả đuôi .xlsm.")
    for sheet, counts in lost_drawings(source, pictures_kept=bool(PILImage)).items():
        messages.append(f"Sheet '{sheet}': bản sao không giữ được {describe(counts)} (chỉ tệp gốc còn); các ô, "
                        "màu, công thức, ghi chú ô, biểu đồ vẫn giữ nguyên.")
    dropped = []
    for text in reader_warnings:
        extension = _EXTENSION_WARNING.match(text)
        if extension is None:
            dropped.append(f"một phần tệp không đọc được ({text})")
        elif _EXTENSIONS.get(extension.group(1), extension.group(1)) is not None:
            dropped.append(_EXTENSIONS.get(extension.group(1), extension.group(1)))
    if dropped:
        messages.append("Bản sao không giữ được: " + "; ".join(dict.fromkeys(dropped)) + " (chỉ tệp gốc còn).")
    return messages
