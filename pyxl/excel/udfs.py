"""Worksheet functions for Excel (xlwings UDFs): thin doors onto the core.

Every function accepts what Excel passes (numbers, text, blanks, dates, or a whole column as a 2-D
list) and answers in kind, so one formula can cover a column: =LOST_POINTS(C5:C40;D5:D40).
Errors come back as short Vietnamese text starting with '#', never as a Python traceback.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Callable

import xlwings as xw

from pyxl.core.checks import row_flags
from pyxl.core.codes import is_parent_code, normalize_code, segments
from pyxl.core.deadlines import parse_deadline
from pyxl.core.model import Item
from pyxl.core.numbers import NotANumber, parse_number
from pyxl.core.progress import progress_label, read_status
from pyxl.core.scoring import score, totals

__all__ = ["LOST_POINTS", "PAR_TOTAL", "PAR_FLAGS", "PAR_DUE", "PAR_STATUS", "PAR_NUMBER", "PAR_PARENT"]

Cell = Any  # float | str | None | datetime, as Excel passes it


def _grid(value: Cell) -> list[list[Cell]]:
    if isinstance(value, list):
        return [row if isinstance(row, list) else [row] for row in value]
    return [[value]]


def _cellwise(func: Callable[..., Cell], *args: Cell) -> list[list[Cell]]:
    """Apply func cell by cell over equally shaped ranges; single cells broadcast."""
    grids = [_grid(a) for a in args]
    rows = max(len(g) for g in grids)
    cols = max(len(g[0]) for g in grids)

    def at(grid: list[list[Cell]], r: int, c: int) -> Cell:
        return grid[0 if len(grid) == 1 else r][0 if len(grid[0]) == 1 else c]

    return [[func(*(at(g, r, c) for g in grids)) for c in range(cols)] for r in range(rows)]


def _number(value: Cell, name: str) -> Decimal | None:
    try:
        return parse_number(value)
    except NotANumber:
        raise ValueError(f"#{name} '{value}' không phải số") from None


def _excel(value: Decimal | None) -> Cell:
    return "" if value is None else float(value)


def _year(value: Cell) -> int:
    number = parse_number(value) if value not in (None, "") else None
    return int(number) if number else dt.date.today().year


def _date(value: Cell) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        return dt.date.fromisoformat(value.strip())
    return dt.date.today()


def _safe(func: Callable[..., Cell]) -> Callable[..., Cell]:
    def wrapped(*args: Cell) -> Cell:
        try:
            return func(*args)
        except ValueError as error:
            return str(error) if str(error).startswith("#") else f"#Lỗi: {error}"
    return wrapped


@_safe
def _lost(max_points: Cell, appraised: Cell) -> Cell:
    top, got = _number(max_points, "Điểm chuẩn"), _number(appraised, "Điểm thẩm định")
    return "" if top is None or got is None else _excel(top - got)


@xw.func
@xw.arg("max_points", ndim=2)
@xw.arg("appraised", ndim=2)
def LOST_POINTS(max_points, appraised):
    """Điểm bị mất = Điểm chuẩn − Điểm thẩm định; nhận số hoặc chữ có dấu phẩy ("0,75"); ô trống → trống."""
    return _cellwise(_lost, max_points, appraised)


@xw.func
@xw.arg("codes", ndim=2)
@xw.arg("max_points", ndim=2)
@xw.arg("appraised", ndim=2)
def PAR_TOTAL(codes, max_points, appraised):
    """Tổng điểm bị mất của bảng: chỉ cộng các mục gốc, không cộng trùng lĩnh vực với tiêu chí con."""
    try:
        items = [
            Item(row=i + 1, code=normalize_code(code[0]), title="", is_group=False,
                 max_points=_number(top[0], "Điểm chuẩn"), appraised_points=_number(got[0], "Điểm thẩm định"))
            for i, (code, top, got) in enumerate(zip(_grid(codes), _grid(max_points), _grid(appraised)))
            if code[0] not in (None, "")
        ]
    except ValueError as error:
        return str(error)
    return float(totals(score(items)).lost_points)


@_safe
def _flags(lead: Cell, deadline: Cell, solution: Cell, lost: Cell) -> Cell:
    return "; ".join(row_flags(_number(lost, "Điểm bị mất"), solution, lead, deadline)) or "OK"


@xw.func
@xw.arg("lead", ndim=2)
@xw.arg("deadline", ndim=2)
@xw.arg("solution", ndim=2)
@xw.arg("lost", ndim=2)
def PAR_FLAGS(lead, deadline, solution, lost):
    """Những gì còn thiếu của một mục bị mất điểm: giải pháp, cơ quan chủ trì, thời gian thực hiện."""
    return _cellwise(_flags, lead, deadline, solution, lost)


@_safe
def _due(text: Cell, year: Cell) -> Cell:
    due = parse_deadline(text, _year(year)).due
    return "" if due is None else dt.datetime.combine(due, dt.time())


@xw.func
@xw.arg("deadline_text", ndim=2)
def PAR_DUE(deadline_text, year=None):
    """Hạn hoàn thành (ngày) của ô 'Thời gian thực hiện', ví dụ "Quý I" → 31/3 của năm kế hoạch."""
    return _cellwise(_due, deadline_text, year)


@_safe
def _status(text: Cell, year: Cell, as_of: Cell, status: Cell, completed: Cell, note: Cell) -> Cell:
    today, plan_year = _date(as_of), _year(year)
    deadline = parse_deadline(text, plan_year, today)
    return progress_label(read_status(status, completed, deadline, note, plan_year), deadline, today)


@xw.func
@xw.arg("deadline_text", ndim=2)
@xw.arg("status", ndim=2)
@xw.arg("completed", ndim=2)
@xw.arg("note", ndim=2)
def PAR_STATUS(deadline_text, year=None, as_of=None, status=None, completed=None, note=None):
    """Tiến độ của một mục, như nút «Theo dõi tiến độ»: Đã xong, Quá hạn, Sắp đến hạn (trong 30 ngày), Còn hạn,
    hoặc Chưa có thời hạn, Không rõ hạn, Theo văn bản cấp trên; đọc thêm ô Kết quả thực hiện, Ngày hoàn thành,
    Ghi chú nếu có."""
    return _cellwise(_status, deadline_text, year, as_of, status, completed, note)


@_safe
def _as_number(text: Cell) -> Cell:
    return _excel(_number(text, "Giá trị"))


@xw.func
@xw.arg("text", ndim=2)
def PAR_NUMBER(text):
    """Chuyển chữ thành số: "0,75" → 0,75; "-0,3" → -0,3; ô trống → trống."""
    return _cellwise(_as_number, text)


@xw.func
@xw.arg("code", ndim=2)
def PAR_PARENT(code):
    """Mã mục cha: "3.2.1" → "3.2". Với cả cột mã, lấy mục cha gần nhất có trong cột."""
    codes = [normalize_code(row[0]) for row in _grid(code)]
    if len(codes) == 1:
        parts = segments(codes[0]) if codes[0] else ()
        return [[".".join(parts[:-1]) if len(parts) > 1 else ""]]
    parents = []
    for i, child in enumerate(codes):
        above = (c for c in reversed(codes[:i]) if c and child and is_parent_code(c, child))
        parents.append([next(above, "")])
    return parents
