"""The headless door of the ribbon's marking buttons: read a workbook, plan the marks, write a copy.

`parbook mark` calls these; each returns the Vietnamese line to print. The source file is never written.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.core.grid import column_letter
from pyxl.core.workbook import tables_from_grids
from pyxl.excel.filecopy import Warn, check_kinds, write_cleared_copy, write_marked_copy
from pyxl.excel.marks import (
    PROGRESS_HEADER, SUGGESTIONS_SHEET, plan_check, plan_progress, plan_suggest, progress_summary, suggestion_records,
)
from pyxl.excel.progresscopy import write_progress_copy
from pyxl.excel.suggestcopy import write_suggested_copy
from pyxl.files import refuse_inputs
from pyxl.readers import read_workbook

SUFFIXES = {"check": "đã kiểm tra", "clear": "đã xoá đánh dấu", "suggest": "đã gợi ý", "progress": "theo dõi tiến độ"}


def default_target(source: Path, action: str) -> Path:
    """'<tên> - đã kiểm tra.xlsx' (or '- đã xoá đánh dấu', '- đã gợi ý', '- theo dõi tiến độ') beside the source."""
    return source.with_name(f"{source.stem} - {SUFFIXES[action]}{source.suffix}")


def mark_copy(source: Path, target: Path, action: str = "check", fill_lost: bool = False, sheet: str | None = None,
              year: int | None = None, as_of: date | None = None, overwrite: bool = False,
              warn: Warn | None = None) -> str:
    """Write target as source with parbook's marks for action (check · clear · suggest · progress); returns what
    was done.

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
    if action == "progress":
        return _progress_copy(source, target, tables, by_name, as_of, overwrite, warn)
    marks = [plan_check(table, by_name[table.sheet], fill_lost) for table in tables]
    filled = write_marked_copy(source, target, marks, overwrite, warn)
    found = sum(len(m.findings) for m in marks)
    return f"Đã ghi {target} ({found} mục cần xem" + (f", {filled} ô Điểm bị mất được điền)." if fill_lost else ").")


def _progress_copy(source: Path, target: Path, tables, by_name, as_of: date | None, overwrite: bool,
                   warn: Warn | None) -> str:
    followed = [m for m in (plan_progress(t, by_name[t.sheet], as_of) for t in tables) if m.labels]
    if not followed:
        raise ParbookError(f"Tệp '{source.name}' không có mục nào cần theo dõi (mục bị mất điểm hoặc nhiệm vụ), "
                           "nên không ghi bản sao.")
    write_progress_copy(source, target, followed, overwrite, warn)
    when = f"{as_of:%d/%m/%Y}" if as_of else "hôm nay"
    lines = "\n".join(f"  {progress_summary(m)} (cột {column_letter(m.col)})." for m in followed)
    return (f"Đã ghi {target}: cột '{PROGRESS_HEADER}', đối chiếu đến {when}.\n{lines}\n"
            "Ghi kết quả vào cột 'Kết quả thực hiện' của tệp gốc rồi chạy lại để cập nhật.")
