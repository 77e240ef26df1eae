"""One sheet's grid → a scored and checked Table. Pure Python over plain values."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from pyxl.core.agencies import Catalogue, split_agencies
from pyxl.core.checks import Checker
from pyxl.core.deadlines import parse_deadline, is_done
from pyxl.core.errors import ParbookError
from pyxl.core.grid import CellError, Grid, a1
from pyxl.core.headers import SCORE_FIELDS, Header, find_header, header_year
from pyxl.core.model import ERROR, SCORES, TASKS, Deadline, Finding, Item, Table
from pyxl.core.rows import RawItem, RawTotal, read_rows, score_value
from pyxl.core.scoring import score, totals
from pyxl.core.text import clean, fold

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_LOOKED_FOR = (
    "một dòng tiêu đề bảng (trong 30 dòng đầu) có cột 'Lĩnh vực/Tiêu chí' (hoặc 'Nội dung', 'Nhiệm vụ') "
    "cùng các cột điểm 'Điểm chuẩn', 'Điểm thẩm định', 'Điểm bị mất' hoặc các cột 'Cơ quan chủ trì', "
    "'Thời gian thực hiện'"
)


class NoTable(ParbookError):
    """The sheet holds no PHỤ LỤC table."""


def read_table(grid: Grid, year: int | None = None, as_of: date | None = None,
               catalogue: Catalogue | None = None) -> Table:
    """Locate, parse, score and check the table on one sheet. Raises NoTable when there is none."""
    as_of = as_of or date.today()
    header = find_header(grid)
    if header is None:
        raise NoTable(f"Sheet '{grid.name}' không có bảng PHỤ LỤC: parbook tìm {_LOOKED_FOR}.")
    kind = _kind(grid, header)
    raw_items, raw_total = read_rows(grid, header)
    title_lines = _title_lines(grid, header)
    plan_year = year or _plan_year(title_lines, header, as_of)
    level = _level(title_lines, grid.name)
    findings: list[Finding] = []
    read = _CellReader(plan_year, as_of, catalogue or Catalogue.builtin(), level)
    items = [_item(raw, header, grid.name, read, findings) for raw in _drop_empty_groups(raw_items)]
    items = score(items)
    stated_total = _stated_total(raw_total)
    table_totals = totals(items)
    findings = _uncalculated(grid) + findings
    findings += Checker(grid.name, kind, items, header.columns, as_of).run(stated_total, table_totals.lost_points)
    return Table(
        sheet=grid.name, kind=kind, items=tuple(items), totals=table_totals, findings=tuple(findings),
        columns=dict(header.columns), header_rows=tuple(r + 1 for r in header.rows),
        title_lines=tuple(title_lines), year=plan_year,
        stated_total=stated_total[1] if stated_total else None,
    )


def _kind(grid: Grid, header: Header) -> str:
    columns = header.columns
    has = {name for name in SCORE_FIELDS if name in columns}
    where = f"Sheet '{grid.name}', dòng tiêu đề {header.rows[0] + 1}"
    if has - {"self_points"}:
        if "stated_lost" in has or {"max_points", "appraised_points"} <= has:
            return SCORES
        missing = "'Điểm thẩm định'" if "max_points" in has else "'Điểm chuẩn' (hoặc 'Điểm tối đa')"
        raise NoTable(f"{where}: bảng có cột điểm nhưng thiếu cột {missing} hoặc 'Điểm bị mất', nên không "
                      "tính được điểm bị mất. Hãy thêm cột còn thiếu vào tiêu đề bảng.")
    if "lead" in columns or "deadline" in columns:
        return TASKS
    raise NoTable(f"{where}: bảng không có các cột điểm ('Điểm chuẩn', 'Điểm thẩm định', 'Điểm bị mất') "
                  "cũng không có cột 'Cơ quan chủ trì' hay 'Thời gian thực hiện'. Hãy thêm các cột điểm vào "
                  "tiêu đề bảng.")


def _title_lines(grid: Grid, header: Header) -> list[str]:
    lines = []
    for r in range(header.rows[0]):
        texts = list(dict.fromkeys(clean(v) for v in grid.rows[r] if clean(v)))
        lines.extend(texts)
    return lines


def _plan_year(title_lines: list[str], header: Header, as_of: date) -> int:
    """The latest year named in the title lines, else the appraisal year + 1, else the as-of year."""
    years = [int(y) for line in title_lines for y in _YEAR.findall(line)]
    if years:
        return max(years)
    appraised = header_year(header)
    return appraised + 1 if appraised else as_of.year


def _level(title_lines: list[str], sheet: str) -> str | None:
    text = fold(" ".join(title_lines) + " " + sheet)
    if re.search(r"\b(xa|phuong|thi tran|dac khu)\b", text):
        return "commune"
    if re.search(r"\b(huyen|quan|thi xa)\b", text):
        return "district"
    return None


def _drop_empty_groups(raw_items: list[RawItem]) -> list[RawItem]:
    """Group lines with no figures and nothing under them (e.g. a signature line in capitals)."""
    kept = []
    for i, raw in enumerate(raw_items):
        following = raw_items[i + 1] if i + 1 < len(raw_items) else None
        empty = raw.is_group and not any(v not in (None, "") for v in raw.scores.values())
        if empty and (following is None or following.is_group):
            continue
        kept.append(raw)
    return kept


class _CellReader:
    """Agency and deadline cells of one table; the same texts repeat down a column, so each is read once."""

    def __init__(self, year: int, as_of: date, catalogue: Catalogue, level: str | None):
        self.year, self.as_of, self.catalogue, self.level = year, as_of, catalogue, level
        self._agencies: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._deadlines: dict[str, Deadline] = {}

    def agencies(self, text: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(names as written, catalogue names) of an agency cell."""
        key = text or ""
        if key not in self._agencies:
            names = tuple(split_agencies(key))
            self._agencies[key] = names, tuple(self.catalogue.canonical(n, self.level) for n in names)
        return self._agencies[key]

    def deadline(self, text: str | None) -> Deadline:
        """The parsed deadline cell."""
        key = text or ""
        if key not in self._deadlines:
            self._deadlines[key] = parse_deadline(text, self.year, self.as_of)
        return self._deadlines[key]


def _item(raw: RawItem, header: Header, sheet: str, read: _CellReader, findings: list[Finding]) -> Item:
    scores = {name: _score(raw, name, header, sheet, findings) for name in SCORE_FIELDS}
    texts = raw.texts
    lead, lead_names = read.agencies(texts.get("lead"))
    partners, partner_names = read.agencies(texts.get("partners"))
    return Item(
        row=raw.row, code=raw.code, title=raw.title, is_group=raw.is_group,
        max_points=scores["max_points"], self_points=scores["self_points"],
        appraised_points=scores["appraised_points"], stated_lost=scores["stated_lost"],
        target=texts.get("target"), solution=texts.get("solution"), product=texts.get("product"),
        lead=lead, partners=partners, lead_names=lead_names, partner_names=partner_names,
        deadline=read.deadline(texts.get("deadline")),
        note=texts.get("note"), reason=texts.get("reason"), status=texts.get("status"),
        done=is_done(texts.get("status")) or is_done(texts.get("note")),
        last_row=raw.last_row, unit=texts.get("unit"),
    )


def _score(raw: RawItem, name: str, header: Header, sheet: str, findings: list[Finding]) -> Decimal | None:
    if name not in raw.scores:
        return None
    raw_value = raw.scores[name]
    value, ok = score_value(raw_value)
    if not ok:
        cell = a1(raw.row - 1, header.columns[name])
        if isinstance(raw_value, CellError):
            message = (f"Ô {cell} có lỗi Excel {raw_value} ({raw_value.meaning}) nên không có điểm; hãy sửa "
                       "công thức hoặc nhập số trong Excel, lưu lại rồi chạy lại.")
        else:
            message = (f"Ô {cell} ghi '{clean(raw_value)}' không phải là số; hãy nhập số, ví dụ 0,75 "
                       "(bỏ chữ, dấu % và khoảng trắng).")
        findings.append(Finding("NOT_A_NUMBER", ERROR, message, sheet, raw.row, raw.code,
                                cell.rstrip("0123456789")))
    return value  # type: ignore[return-value]


def _stated_total(raw: RawTotal | None) -> tuple[int, Decimal] | None:
    if raw is None or raw.scores.get("stated_lost") in (None, ""):
        return None
    value, ok = score_value(raw.scores["stated_lost"])
    return (raw.row, value) if ok and value is not None else None  # type: ignore[return-value]


def _uncalculated(grid: Grid) -> list[Finding]:
    if not grid.uncalculated:
        return []
    cells = ", ".join(grid.uncalculated[:5]) + (" …" if len(grid.uncalculated) > 5 else "")
    first = grid.uncalculated[0]
    return [Finding(
        "FORMULAS_NOT_CALCULATED", ERROR,
        f"Sheet có {len(grid.uncalculated)} ô công thức chưa được tính ({cells}) nên các ô này được đọc là "
        "trống. Hãy mở tệp bằng Excel, nhấn Ctrl+Alt+F9 để tính lại rồi lưu, sau đó chạy lại.",
        grid.name, int(first.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0) or None, None,
        first.rstrip("0123456789") or None,
    )]
