"""The ribbon buttons of parbook.xlsm (RunPython targets). Each is a thin door onto the core.

Every macro works on the calling book (or the `book` given, as tests do), touches only what parbook
owns (see pyxl.excel.marks), and reports problems in a Vietnamese message box, never a traceback.
"""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Callable

import xlwings as xw

from pyxl.excel import marks as plan_marks
from pyxl.core.errors import ParbookError
from pyxl.files import describe_os_error
from pyxl.core.workbook import (
    SIDE_SHEETS, info_year, suggested, tables_from_grids, workbook_catalogue, workbook_library,
)
from pyxl.core.table import read_table
from pyxl.core.text import fold
from pyxl.core.grid import column_letter
from pyxl.excel.livebook import (
    apply_marks, apply_progress, apply_suggestions, book_grids, clear_marks as undo_marks, earlier_suggestions,
    excel_rows,
)

TITLE = "parbook"
HELP_SHEET = "Hướng dẫn"
TEMPLATE_SHEET = "PHỤ LỤC"


def _alert(book, text: str, mode: str = "info") -> None:
    book.app.alert(text, TITLE, mode=mode)


def macro(func: Callable) -> Callable:
    """Run a button action on the calling book; user-fixable problems become a message box."""
    @functools.wraps(func)
    def wrapped(book=None):
        book = book or xw.Book.caller()
        try:
            return func(book)
        except ParbookError as error:
            _alert(book, error.message, "critical")
        except OSError as error:  # a file locked by another program, a full disk…
            _alert(book, describe_os_error(error), "critical")
        except Exception as error:  # a bug: say so plainly, with what a developer needs
            _alert(book, "parbook gặp lỗi ngoài dự kiến, bảng tính không bị thay đổi thêm. Hãy gửi thông báo "
                         f"này cho bộ phận hỗ trợ: {type(error).__name__}: {error}", "critical")
    return wrapped


def _active_grid(book):
    """The active sheet's Grid and every sheet's; a message when the active sheet is one of the side sheets."""
    sheet = book.sheets.active
    if fold(sheet.name) in SIDE_SHEETS:
        raise ParbookError(f"Sheet '{sheet.name}' không phải bảng PHỤ LỤC. Hãy chọn sheet chứa bảng rồi bấm lại.")
    grids = book_grids(book)
    return next(g for g in grids if g.name == sheet.name), grids


def _active_table(book):
    grid, grids = _active_grid(book)
    table = read_table(grid, info_year(grids), None, workbook_catalogue(grids))
    return table, grid


@macro
def check_sheet(book) -> None:
    """Kiểm tra bảng: flags column, cell colours and the findings sheet, like `parbook mark`."""
    table, grid = _active_table(book)
    marks = plan_marks.plan_check(table, grid)
    apply_marks(book, marks)
    counts = {s: sum(1 for f in table.findings if f.severity == s) for s in ("error", "warning", "info")}
    _alert(book, f"Đã kiểm tra sheet '{table.sheet}': {counts['error']} lỗi, {counts['warning']} cảnh báo, "
                 f"{counts['info']} lưu ý. Xem sheet '{plan_marks.FINDINGS_SHEET}'; bấm 'Xoá đánh dấu' để bỏ.")


@macro
def fill_lost(book) -> None:
    """Tính điểm bị mất: fill blank lost-points cells, flag those that differ, like `parbook mark --fill-lost`."""
    table, grid = _active_table(book)
    if "stated_lost" not in table.columns:
        raise ParbookError(f"Sheet '{table.sheet}' chưa có cột 'Điểm bị mất'. Hãy thêm cột này vào tiêu đề bảng rồi bấm lại.")
    marks = plan_marks.plan_fill_lost(table, grid)
    apply_marks(book, marks, findings_sheet=bool(marks.findings))
    _alert(book, f"Đã điền {len(marks.fills)} ô Điểm bị mất; {len(marks.findings)} ô ghi khác với "
                 "Điểm chuẩn − Điểm thẩm định (đã tô đỏ).")


@macro
def suggest_solutions(book) -> None:
    """Gợi ý giải pháp: the library's solution, lead and deadline in the blank cells of lost items, like
    `parbook mark --suggest`; each filled cell is coloured and carries a note naming the library entry."""
    sheet = book.sheets.active
    if fold(sheet.name) in SIDE_SHEETS or sheet.name == plan_marks.FINDINGS_SHEET:
        raise ParbookError(f"Sheet '{sheet.name}' không phải bảng PHỤ LỤC. Hãy chọn sheet chứa bảng rồi bấm lại.")
    grids = book_grids(book)
    grid = next(g for g in grids if g.name == sheet.name)
    catalogue = workbook_catalogue(grids)
    table = suggested(read_table(grid, info_year(grids), None, catalogue), grids, catalogue)
    planned = plan_marks.plan_suggest(table, grid, earlier_suggestions(book))
    done = apply_suggestions(book, planned)
    items = len({s.item for s in done.cells})
    text = (f"Đã ghi gợi ý vào {len(done.cells)} ô của {items} mục trên sheet '{table.sheet}' (tô màu xanh nhạt, "
            f"mỗi ô có ghi chú tên mẫu). {planned.kept} ô đã có nội dung nên giữ nguyên.")
    if planned.unmatched:
        text += f" Chưa có mẫu phù hợp cho: {', '.join(planned.unmatched[:10])}" + ("…" if len(planned.unmatched) > 10 else ".")
    _alert(book, text + f" Xem sheet '{plan_marks.SUGGESTIONS_SHEET}'; bấm 'Xoá đánh dấu' để bỏ những gợi ý chưa sửa.")


@macro
def track_progress(book) -> None:
    """Theo dõi tiến độ: parbook's progress column beside the table (Đã xong, Còn hạn, Sắp đến hạn, Quá hạn,
    coloured), from the status typed in the sheet, as `parbook progress` and PAR_STATUS read it."""
    table, grid = _active_table(book)
    marks = plan_marks.plan_progress(table, grid)
    apply_progress(book, marks)
    if not marks.labels:
        _alert(book, f"Sheet '{table.sheet}' không có mục nào cần theo dõi (mục bị mất điểm hoặc nhiệm vụ).")
        return
    column = column_letter(marks.col)
    _alert(book, f"{plan_marks.progress_summary(marks)}. Xem cột {column} "
                 f"('{plan_marks.PROGRESS_HEADER}'); ghi kết quả vào cột 'Kết quả thực hiện' rồi bấm lại để cập nhật, "
                 "bấm 'Xoá đánh dấu' để bỏ cột này.")


@macro
def clear_marks(book) -> None:
    """Xoá đánh dấu: undo what check_sheet and fill_lost marked, like `parbook mark --clear` on a copy."""
    active = book.sheets.active.name
    own_sheets = (plan_marks.FINDINGS_SHEET, plan_marks.SUGGESTIONS_SHEET)
    names = None if fold(active) in SIDE_SHEETS or active in own_sheets else [active]
    cleared, restored = undo_marks(book, names)
    sheets = ", ".join(f"'{n}'" for n in cleared) or "(không có)"
    _alert(book, f"Đã xoá đánh dấu của parbook trên sheet {sheets}; {restored} ô được trả lại màu cũ.")


def _status_bar(book, text: str | bool) -> None:
    try:
        book.app.status_bar = text
    except NotImplementedError:  # engines without a status bar (xlwings Server, tests): no progress shown
        pass


def _saved_path(book) -> Path:
    path = Path(book.fullname)
    if not path.parent.exists() or not path.parent.is_dir() or path.parent == Path("."):
        raise ParbookError("Hãy lưu sổ tính (Ctrl+S) trước, để parbook biết thư mục ghi kế hoạch.")
    return path


def _open(path: Path) -> None:
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]


def _free_name(path: Path) -> Path:
    """path, or 'name (2).docx', 'name (3).docx'… when taken: a button never replaces a document the officer
    may have edited (the command line asks for --overwrite instead)."""
    candidate, number = path, 2
    while candidate.exists():
        candidate, number = path.with_name(f"{path.stem} ({number}){path.suffix}"), number + 1
    return candidate


def _plan_source(book):
    """The active sheet's plan (with the tasks or scores sheet that goes with it) and the 'Thông tin' front matter."""
    from pyxl.plan import plan_sources
    from pyxl.plan.frontmatter import front_matter_from_rows

    grid, grids = _active_grid(book)
    source = next((s for s in plan_sources(tables_from_grids(grids, book.name)) if grid.name in s.sheets), None)
    if source is None:  # the active sheet holds no table: its reader says why
        read_table(grid, info_year(grids), None, workbook_catalogue(grids))
        raise ParbookError(f"Sheet '{grid.name}' không có bảng PHỤ LỤC.")
    info = next((g for g in grids if fold(g.name) == "thong tin"), None)
    return source, front_matter_from_rows(info.rows)[0] if info else None, grids


@macro
def make_plan(book) -> None:
    """Tạo kế hoạch: the plan .docx beside the workbook, then opened (like `parbook plan`).

    The plan of the active sheet: with the workbook's tasks sheet when one matches its items (or its
    scores sheet, for a tasks sheet), both printed as appendices; the library's suggestions fill what
    the sheet leaves blank, highlighted.
    """
    from pyxl.plan import default_file_name, suggested_count, suggested_for, suggestion_note, write_plan
    from pyxl.plan.derive import complete_front

    folder = _saved_path(book).parent
    source, front, grids = _plan_source(book)
    table = suggested_for(source.main, front, workbook_library(grids))
    out = _free_name(folder / default_file_name(table, complete_front(front, table)[0], "criterion"))
    blanks: list[str] = []
    path = write_plan(table, out, front=front, warn=blanks.append, appendices=source.tables)
    sheets = " và ".join(f"'{name}'" for name in source.sheets)
    text = f"Đã tạo kế hoạch từ sheet {sheets}: {path}"
    note = suggestion_note(suggested_count(table, front))
    text += f"\n{note} Bỏ tô vàng: chọn cả văn bản, Home › Text Highlight Color › No Color." if note else ""
    todo = "".join(f"\n- {b}" for b in blanks)
    _alert(book, text + (f"\nCần điền trước khi trình ký (sheet 'Thông tin'):{todo}" if todo else ""))
    _open(path)


@macro
def make_report(book) -> None:
    """Báo cáo kết quả: the progress report .docx of the active sheet's plan at today's date, beside the
    workbook, then opened (like `parbook progress --report`): the period (quý, 6 tháng, 9 tháng, năm)
    follows today's date, the results come from the sheet's 'Kết quả thực hiện' column."""
    from datetime import date

    from pyxl.plan.report import default_report_name, write_report
    from pyxl.plan.report_context import report_period

    folder = _saved_path(book).parent
    source, front, _ = _plan_source(book)
    today = date.today()
    period = report_period(today, source.main.year, None)
    out = _free_name(folder / default_report_name(source.main, front, period))
    path = write_report(source.main, today, out, front, inputs=(book.fullname,))
    _alert(book, f"Đã viết báo cáo kết quả {period.name} từ sheet '{source.main.sheet}': {path}"
                 "\nKết quả từng mục lấy từ cột 'Kết quả thực hiện'; hãy xem lại trước khi trình ký.")
    _open(path)


@macro
def merge_plans(book) -> None:
    """Trộn kế hoạch các xã: one plan per commune sheet, with progress in the status bar (like `parbook merge`)."""
    from pyxl.merge import WRITTEN, merge
    from pyxl.plan import suggestion_note

    source = _saved_path(book)
    out_dir = source.parent / f"Kế hoạch các xã - {source.stem}"

    def progress(done: int, total: int) -> None:
        _status_bar(book, f"parbook: đã tạo {done}/{total} kế hoạch…")

    try:
        result = merge(source, out_dir, progress=progress)
    finally:
        _status_bar(book, False)
    failed = "".join(f"\n- {o.name}: {o.message}" for o in result.failed)
    suggested = [o.suggested for o in result.outcomes if o.suggested]
    note = f"\nỞ {len(suggested)} kế hoạch, {suggestion_note(sum(suggested))}" if suggested else ""
    _alert(book, f"Đã lập {len(result.with_status(WRITTEN))} kế hoạch trong thư mục: {out_dir}\n"
                 f"Bảng tổng hợp: {result.summary}{note}" + (f"\nKhông lập được:{failed}" if failed else ""))


@macro
def summary(book) -> None:
    """Tổng hợp: one row per commune sheet with its totals and findings, in a 'Tổng hợp' sheet."""
    grids = book_grids(book)
    tables = tables_from_grids(grids, book.name, all_suggestions=False)  # counts only: no library unless a finding needs it
    rows = [["Đơn vị (sheet)", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Lỗi", "Cảnh báo", "Lưu ý"]]
    for t in tables:
        count = lambda s: sum(1 for f in t.findings if f.severity == s)  # noqa: E731
        rows.append([t.sheet, _num(t.totals.max_points), _num(t.totals.appraised_points),
                     _num(t.totals.lost_points), count("error"), count("warning"), count("info")])
    if "Tổng hợp" in [s.name for s in book.sheets]:
        book.sheets["Tổng hợp"].delete()
    sheet = book.sheets.add("Tổng hợp", after=book.sheets[len(book.sheets) - 1])
    sheet.range("A1").value = excel_rows(rows)
    sheet.range((1, 1), (1, len(rows[0]))).font.bold = True
    sheet.autofit()
    _alert(book, f"Đã tổng hợp {len(tables)} bảng vào sheet 'Tổng hợp'.")


def _num(value):
    return None if value is None else float(value)


@macro
def add_commune(book) -> None:
    """Thêm xã: a new commune sheet copied from the PHỤ LỤC template, ready to fill in."""
    names = [s.name for s in book.sheets]
    if TEMPLATE_SHEET not in names:
        raise ParbookError(f"Không thấy sheet mẫu '{TEMPLATE_SHEET}' trong sổ tính.")
    n = 1
    while f"Xã mới {n}" in names:
        n += 1
    template = book.sheets[TEMPLATE_SHEET]
    template.copy(after=book.sheets[len(book.sheets) - 1], name=f"Xã mới {n}")
    _alert(book, f"Đã thêm sheet 'Xã mới {n}'. Hãy đổi tên sheet thành tên xã (nhấp đúp vào tên sheet).")


@macro
def show_help(book) -> None:
    """Hướng dẫn: bring the how-to sheet forward."""
    if HELP_SHEET in [s.name for s in book.sheets]:
        book.sheets[HELP_SHEET].activate()
    else:
        _alert(book, "Xem hướng dẫn trong tệp README đi kèm parbook.")
