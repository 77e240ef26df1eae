"""Walk the data rows under the header: items, group rows, continuation lines, repeated headers, totals."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pyxl.core.codes import is_roman, normalize_code, split_leading_code
from pyxl.core.grid import Grid
from pyxl.core.headers import SCORE_FIELDS, Header
from pyxl.core.numbers import NotANumber, parse_number
from pyxl.core.text import clean, fold, is_upper_title

TEXT_FIELDS = (
    "title", "target", "solution", "product", "lead", "partners", "deadline", "note", "reason", "status",
    "unit",
)
# Officers merge these cells down over several items ("Phòng Nội vụ" for a whole lĩnh vực).
FILL_DOWN = ("target", "solution", "product", "lead", "partners", "deadline", "note", "status", "unit")
_TOTAL = re.compile(r"^(tong|cong)(\s+(cong|so|diem|chung|toan bo|cac)\b.*)?\s*[:.]?$")
_COLUMN_NUMBER = re.compile(r"^\(?([0-9]{1,2}|[a-z])\)?$")
_BULLET = re.compile(r"^[-+•*–]")


@dataclass
class RawItem:
    """An item as read, before numbers are parsed and the hierarchy is built."""

    row: int  # 1-based
    code: str | None
    title: str
    is_group: bool
    texts: dict[str, str] = field(default_factory=dict)
    scores: dict[str, object] = field(default_factory=dict)  # raw cell values of score columns
    last_row: int = 0


@dataclass
class RawTotal:
    """A 'Tổng' row: where it is and its raw score cells."""

    row: int
    scores: dict[str, object]


@dataclass
class _Row:
    index: int
    code: str | None
    title: str
    texts: dict[str, str]
    scores: dict[str, object]


def read_rows(grid: Grid, header: Header) -> tuple[list[RawItem], RawTotal | None]:
    """The items of the table below header, in sheet order, and its total row if any."""
    fills = _fill_down(grid, header)
    rows = [_row(grid, header, r, fills) for r in range(header.last_row + 1, grid.height)]
    uses_codes = _uses_codes(rows)
    header_words = {fold(part) for text in header.texts.values() for part in text.split(" / ")}
    items: list[RawItem] = []
    total: RawTotal | None = None
    previous_was_item = False
    for row in rows:
        if _is_blank(row):
            previous_was_item = False
            continue
        if _is_header_repeat(row, header_words) or _is_column_numbers(row):
            continue  # a page-repeated header does not break a split item
        if _is_total(row):
            total = RawTotal(row.index + 1, row.scores)
            if items:
                break
            continue
        has_numbers = any(v not in (None, "") for v in row.scores.values())
        if row.code is None and not has_numbers and previous_was_item and uses_codes:
            _continue_item(items[-1], row)
            continue
        is_group = is_roman(row.code) or (row.code is None and is_upper_title(row.title))
        if row.code is None and not is_group and not has_numbers and not _has_task_text(row):
            if not uses_codes and row.title:
                items.append(_new_item(row, False))
                previous_was_item = True
            continue  # a note line under the table
        items.append(_new_item(row, is_group))
        previous_was_item = True
    return items, total


def _fill_down(grid: Grid, header: Header) -> dict[tuple[int, int], object]:
    columns = {header.columns[f] for f in FILL_DOWN if f in header.columns}
    fills: dict[tuple[int, int], object] = {}
    for r1, c1, r2, c2 in grid.merges:
        if r1 > header.last_row and r2 > r1 and c1 in columns:
            for r in range(r1 + 1, r2 + 1):
                fills[(r, c1)] = grid.value(r1, c1)
    return fills


def _row(grid: Grid, header: Header, r: int, fills: dict[tuple[int, int], object]) -> _Row:
    cells = grid.rows[r]

    def value(name: str) -> object:
        c = header.columns[name]
        if fills and (r, c) in fills:
            return fills[(r, c)]
        found = cells[c] if c < len(cells) else None
        return None if found == "" else found

    texts = {name: clean(value(name)) for name in TEXT_FIELDS if name in header.columns}
    scores = {name: value(name) for name in SCORE_FIELDS if name in header.columns}
    for name, raw in scores.items():
        if isinstance(raw, str) and not raw.strip():
            scores[name] = None
    code_cell = value("code") if "code" in header.columns else None
    code, title = _code_and_title(code_cell, texts.get("title", ""), "code" in header.columns)
    texts["title"] = title
    return _Row(r, code, title, texts, scores)


def _code_and_title(cell: object, title: str, has_code_column: bool) -> tuple[str | None, str]:
    code = normalize_code(cell)
    if code is None and cell not in (None, ""):
        text = clean(cell)
        leading, rest = split_leading_code(text)
        if leading:
            return leading, title or rest
        if not title:
            title = text  # a group line typed in the STT cell and merged across the row
    if code is None:
        leading, rest = split_leading_code(title)
        # With an STT column, only a dotted or roman code inside the title counts ("1.1.3 Mức độ…").
        if leading and (not has_code_column or "." in leading or is_roman(leading)):
            return leading, rest
    return code, title


def _uses_codes(rows: list[_Row]) -> bool:
    titled = [row for row in rows if row.title]
    return bool(titled) and sum(1 for row in titled if row.code) >= 0.3 * len(titled)


def _is_blank(row: _Row) -> bool:
    return not row.code and not any(row.texts.values()) and all(v in (None, "") for v in row.scores.values())


def _is_header_repeat(row: _Row, wanted: set[str]) -> bool:
    values = [row.texts.get("title", "")] + [v for k, v in row.texts.items() if k != "title"]
    values += [str(v) for v in row.scores.values() if isinstance(v, str)]
    hits = sum(1 for v in values if v and fold(v) in wanted)
    return hits >= 2


def _is_column_numbers(row: _Row) -> bool:
    # A row of column numbers "(1) (2) (3) …" or "1 2 3 …" printed under many headers.
    if len(row.title) > 4:
        return False
    values = [row.code, *row.texts.values(), *row.scores.values()]
    values = [clean(v).removesuffix(".0") for v in values if v not in (None, "")]
    return len(values) >= 3 and all(_COLUMN_NUMBER.match(fold(v)) for v in values)


def _is_total(row: _Row) -> bool:
    if row.code or len(row.title) > 40 or not _TOTAL.match(fold(row.title)):
        return False
    return any(v not in (None, "") for v in row.scores.values()) or not row.scores


def _has_task_text(row: _Row) -> bool:
    return any(row.texts.get(name) for name in ("lead", "partners", "deadline", "solution", "product", "target"))


def _new_item(row: _Row, is_group: bool) -> RawItem:
    texts = {k: v for k, v in row.texts.items() if v}
    return RawItem(row.index + 1, row.code, row.title, is_group, texts, dict(row.scores), row.index + 1)


def _continue_item(item: RawItem, row: _Row) -> None:
    """Append a continuation line (a cell split by a page break, a '- …' sub-line) to the item above it."""
    before_title = item.texts.get("title", "")
    # A sub-line starts a new line in every column; a page-split fragment goes on the same line.
    new_line = bool(_BULLET.match(row.title)) or before_title.endswith((".", ";", ":"))
    for name, text in row.texts.items():
        if text:
            before = item.texts.get(name, "")
            item.texts[name] = f"{before}{chr(10) if new_line else ' '}{text}" if before else text
    item.title = item.texts.get("title", item.title)
    item.last_row = row.index + 1


def score_value(raw: object) -> tuple[object, bool]:
    """(Decimal or None, ok) for a raw score cell; ok is False for text that is not a number."""
    try:
        return parse_number(raw), True
    except NotANumber:
        return None, False
