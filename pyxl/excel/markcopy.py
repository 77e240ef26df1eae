"""The headless door of the ribbon's marking buttons: read a workbook, plan the marks, write a copy.

`parbook mark` calls these; each returns the Vietnamese line to print. The source file is never written.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pyxl.core.workbook import tables_from_grids
from pyxl.excel.filecopy import Warn, check_kinds, write_cleared_copy, write_marked_copy
from pyxl.excel.marks import SUGGESTIONS_SHEET, plan_check, plan_suggest, suggestion_records
from pyxl.excel.suggestcopy import write_suggested_copy
from pyxl.files import refuse_inputs
from pyxl.readers import read_workbook

SUFFIXES = {"check": "đã kiểm tra", "clear": "đã xoá đánh dấu", "suggest": "đã gợi ý"}


def default_target(source: Path, action: str) -> Path:
    """'<tên> - đã kiểm tra.xlsx' (or '- đã xoá đánh dấu', '- đã gợi ý') beside the source."""
    return source.with_name(f"{source.stem} - {SUFFIXES[action]}{source.suffix}")


def mark_copy(source: Path, target: Path, action: str = "check", fill_lost: bool = False, sheet: str | None = None,
              year: int | None = None, as_of: date | None = None, overwrite: bool = False,
              warn: Warn | None = None) -> str:
    """Write target as source with parbook's marks for action (check · clear · suggest); returns what was done.

    warn receives what the copy cannot keep (text boxes, macros under a .xlsx name…).
    """
    check_kinds(source, target)  # before reading: a .csv or a .xlsx → .xlsm is refused at once
    refuse_inputs(target, {"tệp gốc": source})
    grids = read_workbook(source)  # refuses a missing, damaged or password-protected file in Vietnamese
    if action == "clear":
        sheets, restored = write_cleared_copy(source, target, overwrite, warn)
        names = ", ".join(f"'{name}'" for name in sheets) or "(không có đánh dấu nào)"
        return f"Đã ghi {target}: bỏ đánh dấu của parbook trên sheet {names}; {restored} ô được trả lại màu cũ."
    tables = tables_from_grids(grids, source.name, sheet, year, as_of)
    by_name = {g.name: g for g in grids}
    if action == "suggest":
        earlier = suggestion_records(by_name[SUGGESTIONS_SHEET].rows) if SUGGESTIONS_SHEET in by_name else []
        marks = [plan_suggest(table, by_name[table.sheet], earlier) for table in tables]
        done = write_suggested_copy(source, target, marks, overwrite, earlier, warn)
        return (f"Đã ghi {target}: {sum(len(m.cells) for m in done)} ô được điền gợi ý (tô xanh, có ghi chú), "
                f"{sum(m.kept for m in marks)} ô đã có nội dung nên giữ nguyên, "
                f"{sum(len(m.unmatched) for m in marks)} mục chưa có mẫu phù hợp. "
                f"Danh sách ở sheet '{SUGGESTIONS_SHEET}'.")
    marks = [plan_check(table, by_name[table.sheet], fill_lost) for table in tables]
    filled = write_marked_copy(source, target, marks, overwrite, warn)
    found = sum(len(m.findings) for m in marks)
    return f"Đã ghi {target} ({found} mục cần xem" + (f", {filled} ô Điểm bị mất được điền)." if fill_lost else ").")
