"""Walk the data rows under the header: items, group rows, continuation lines, repeated headers, totals."""
from __future__ import annotations

import re

from pyxl.core.codes import (
    IN_CODE_COLUMN, IN_SERIAL_COLUMN, IN_TITLE, is_roman, locate_codes, normalize_code, segments,
    split_glued_group, split_leading_code,
)
from pyxl.core.grid import Grid
from pyxl.core.groups import (
    SheetSignals, ends_sentence, has_field_label, is_field_name, plainly_continues, reads_like_group,
)
from pyxl.core.headers import SCORE_FIELDS, Header
from pyxl.core.numbers import NotANumber, parse_number
from pyxl.core.text import clean, fold, is_upper_title

TEXT_FIELDS = (
    "title", "target", "solution", "product", "lead", "partners", "deadline", "note", "reason", "status",
    "unit", "evidence", "completed", "status_done", "status_in_progress", "status_not_started",
)
# Officers merge these cells down over several items ("Phòng Nội vụ" for a whole lĩnh vực).
FILL_DOWN = ("target", "solution", "product", "lead", "partners", "deadline", "note", "status", "unit")
TASK_TEXT = ("lead", "partners", "deadline", "solution", "product", "target")
# A total row's title, folded: "Tổng", "Tổng cộng:", "Cộng điểm …" (no pattern: see `_is_total_title`).
_TOTAL_WORDS = ("tong", "cong")
_TOTAL_SECOND = ("cong", "so", "diem", "chung", "toan bo", "cac")
# Compiled on first use (re keeps it), as are other patterns kept as text: few tables have such a row.
_COLUMN_TERM = r"\(?(?:[0-9]{1,2}|[a-z])\)?"
# "(3)", "3", "c", or how the column is worked out: "(5)=(3)-(4)", "5 = 3 - 4"
_COLUMN_NUMBER = rf"^{_COLUMN_TERM}(?:\s*[-–—+=*/]\s*{_COLUMN_TERM})*$"
_BULLETS = ("-", "+", "•", "*", "–")  # a sub-line starts with one


# Plain classes, not dataclasses, for the records of a reading: a tenth of the cost to define at every start.
class RawItem:
    """An item as read, before numbers are parsed and the hierarchy is built."""

    __slots__ = ("row", "code", "title", "is_group", "texts", "scores", "last_row", "serial", "typed_code")

    def __init__(self, row: int, code: str | None, title: str, is_group: bool, texts: dict[str, str],
                 scores: dict[str, object], last_row: int = 0, serial: str | None = None,
                 typed_code: str | None = None) -> None:
        self.row = row  # 1-based
        self.code, self.title, self.is_group = code, title, is_group
        self.texts = texts
        self.scores = scores  # raw cell values of score columns
        self.last_row = last_row
        self.serial = serial  # the running number of the STT column when the code lives elsewhere
        self.typed_code = typed_code  # the code as typed before the title ('Tiêu chí 1.2:'), when read there


class RawTotal:
    """A 'Tổng' row: where it is and its raw score cells."""

    __slots__ = ("row", "scores")

    def __init__(self, row: int, scores: dict[str, object]) -> None:
        self.row, self.scores = row, scores


class _Row:
    __slots__ = ("index", "serial_cell", "code_cell", "texts", "scores", "filled", "code", "title", "serial",
                 "typed_code")

    def __init__(self, index: int, serial_cell: object, code_cell: object, texts: dict[str, str],
                 scores: dict[str, object], filled: frozenset[str]) -> None:
        self.index, self.serial_cell, self.code_cell = index, serial_cell, code_cell
        self.texts, self.scores = texts, scores
        self.filled = filled  # text fields filled down from a merged cell above, not typed in the row
        self.code: str | None = None
        self.title = ""
        self.serial: str | None = None
        self.typed_code: str | None = None

    @property
    def has_numbers(self) -> bool:
        return any(v not in (None, "") for v in self.scores.values())

    def own_text(self, name: str) -> str:
        return "" if name in self.filled else self.texts.get(name, "")


def code_source(grid: Grid, header: Header) -> str:
    """Where this table keeps its codes: IN_SERIAL_COLUMN, IN_CODE_COLUMN or IN_TITLE (see codes.locate_codes)."""
    rows = range(header.last_row + 1, grid.height)
    serials = [grid.value(r, header.columns["serial"]) if "serial" in header.columns else None for r in rows]
    codes = [grid.value(r, header.columns["code"]) for r in rows] if "code" in header.columns else None
    titles = [clean(grid.value(r, header.columns["title"])) for r in rows]
    return _locate(serials, codes, titles)


def code_columns(columns: dict[str, int], source: str) -> dict[str, int]:
    """The header's columns with 'code' naming the column the codes were read from, 'serial' the STT column."""
    out = dict(columns)
    if source == IN_SERIAL_COLUMN:
        if "serial" in out:
            out["code"] = out.pop("serial")
    elif source == IN_TITLE and "title" in out:
        out["code"] = out["title"]
    return out


def read_rows(grid: Grid, header: Header, source: str | None = None) -> tuple[list[RawItem], RawTotal | None]:
    """The items of the table below header, in sheet order, and its total row if any."""
    source = source or code_source(grid, header)
    rows = _cells(grid, header)
    for row in rows:
        _assign_code(row, source, header)
    rows = _unglued(rows)
    _restore_trailing_zeros(rows)
    return _Walk(grid, header, rows).run()


def _unglued(rows: list[_Row]) -> list[_Row]:
    """A lĩnh vực line typed in the same cell as its first item becomes two rows: the group, then the item
    with the row's figures and texts."""
    out = []
    for row in rows:
        glued = split_glued_group(row.code, row.title)
        if glued:
            group = _Row(row.index, row.serial_cell, row.code_cell, {"title": glued[0]},
                         dict.fromkeys(row.scores), frozenset())
            group.code, group.title, group.typed_code = row.code, glued[0], row.typed_code
            head = row.title[:len(row.title) - len(glued[2])]  # "…ĐIỀU HÀNH\n1.1. "
            row.typed_code = head[head.rfind(glued[1]):].strip()
            row.code, row.title = glued[1], glued[2]
            row.texts["title"] = row.title
            out.append(group)
        out.append(row)
    return out


def _restore_trailing_zeros(rows: list[_Row]) -> None:
    """'3.10' typed into a number cell is the number 3.1: coming after 3.2…3.9 (the sheet is in order), it
    is read as 3.10 again; 3.20 likewise after 3.1x. A roman lĩnh vực row starts the count again."""
    last: dict[str, int] = {}  # prefix ('3') → last segment seen under it (9)
    for row in rows:
        if row.code and is_roman(row.code):
            last.clear()
        if not row.code or "." not in row.code:
            continue
        prefix, _, tail = row.code.rpartition(".")
        if not tail.isdigit():
            continue
        seen = last.get(prefix)
        typed_as_number = any(isinstance(cell, float) and normalize_code(cell) == row.code
                              for cell in (row.serial_cell, row.code_cell))
        if typed_as_number and seen is not None and int(tail) <= seen < int(tail + "0"):
            tail += "0"
            row.code = f"{prefix}.{tail}"
        last[prefix] = int(tail)


def _cells(grid: Grid, header: Header) -> list[_Row]:
    fills = _fill_down(grid, header)
    return [_row(grid, header, r, fills) for r in range(header.last_row + 1, grid.height)]


def _locate(serials: list[object], codes: list[object] | None, titles: list[str]) -> str:
    data = [k for k, (serial, title) in enumerate(zip(serials, titles)) if title or serial is not None]
    return locate_codes([serials[k] for k in data], [codes[k] for k in data] if codes is not None else None,
                        [titles[k] for k in data])


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
    filled = set()

    def value(name: str) -> object:
        c = header.columns[name]
        if fills and (r, c) in fills:
            filled.add(name)
            return fills[(r, c)]
        found = cells[c] if c < len(cells) else None
        return None if found == "" else found

    texts = {name: clean(value(name)) for name in TEXT_FIELDS if name in header.columns}
    scores = {name: value(name) for name in SCORE_FIELDS if name in header.columns}
    for name, raw in scores.items():
        if isinstance(raw, str) and not raw.strip():
            scores[name] = None
    serial = value("serial") if "serial" in header.columns else None
    code = value("code") if "code" in header.columns else None
    return _Row(r, serial, code, texts, scores, frozenset(filled))


def _assign_code(row: _Row, source: str, header: Header) -> None:
    """The row's code, title and serial number, reading the code where this table keeps it."""
    title = row.texts.get("title", "")
    has_serial = "serial" in header.columns
    if source == IN_SERIAL_COLUMN:
        row.code, row.title = _code_and_title(row.serial_cell, title, has_serial)
    else:
        serial = normalize_code(row.serial_cell)
        if serial and not is_roman(serial):
            row.serial = serial
            cell = row.code_cell if source == IN_CODE_COLUMN else None
        else:
            cell = row.code_cell if source == IN_CODE_COLUMN and row.code_cell not in (None, "") else row.serial_cell
        strict = source == IN_CODE_COLUMN and "code" in header.columns
        row.code, row.title = _code_and_title(cell, title, strict)
    if row.code and row.title:
        leading, rest = split_leading_code(row.title)
        if leading == row.code:
            row.title = rest  # "1.1 | 1.1. Kế hoạch…": the code typed twice
    if row.code and row.title != title and title.endswith(row.title):
        row.typed_code = title[:len(title) - len(row.title)].strip() or None
    row.texts["title"] = row.title


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
        # With a code column, only a dotted or roman code inside the title counts ("1.1.3 Mức độ…").
        if leading and (not has_code_column or "." in leading or is_roman(leading)):
            return leading, rest
    return code, title


class _Walk:
    """One pass down the rows, deciding for each what it is: item, group, continuation, note, total."""

    def __init__(self, grid: Grid, header: Header, rows: list[_Row]):
        self.rows = rows
        titled = [row for row in rows if row.title]
        self.uses_codes = bool(titled) and sum(1 for row in titled if row.code) >= 0.3 * len(titled)
        self.header_words = {fold(part) for text in header.texts.values() for part in text.split(" / ")}
        columns = tuple(header.columns[f] for f in ("serial", "code", "title") if f in header.columns)
        sure = [row.index for row in rows if row.code and not is_roman(row.code)]
        self.signals = SheetSignals(grid, columns, sure)
        self.items: list[RawItem] = []

    def run(self) -> tuple[list[RawItem], RawTotal | None]:
        total: RawTotal | None = None
        previous_was_item = False
        for k, row in enumerate(self.rows):
            if _is_blank(row):
                previous_was_item = False
                continue
            if _is_header_repeat(row, self.header_words) or _is_column_numbers(row):
                continue  # a page-repeated header does not break a split item
            if _is_total(row):
                total = RawTotal(row.index + 1, row.scores)
                if self.items:
                    break
                continue
            kind = self._kind(k, row, previous_was_item)
            if kind == "continuation":
                _continue_item(self.items[-1], row)
            elif kind in ("item", "group"):
                self.items.append(_new_item(row, kind == "group"))
                previous_was_item = True
        return self.items, total

    def _kind(self, k: int, row: _Row, previous_was_item: bool) -> str:
        if row.code is not None or row.has_numbers:
            return "group" if self._is_group(row) else "item"
        if previous_was_item and self.uses_codes:
            return self._after_item(k, row)
        if self._group_line(row):
            return "group"
        if not _has_task_text(row) and (self.uses_codes or not row.title):
            return "note"  # a note line under the table, or before its first item
        return "item"

    def _is_group(self, row: _Row) -> bool:
        """A row with a code or figures: a group when roman, or a code-less lĩnh vực line."""
        if is_roman(row.code):
            return True
        if row.code is not None:
            return False
        if is_upper_title(row.title):
            return True
        marked = self.uses_codes and (self.signals.bold(row.index) or self.signals.merged_across(row.index))
        return not _has_own_task_text(row) and (has_field_label(row.title) or is_field_name(row.title) or marked)

    def _group_line(self, row: _Row, above: RawItem | None = None) -> bool:
        """A row with text and no code or figures that reads like a lĩnh vực line on its own.

        Bold counts only when the item above is not bold too (a bold title split over two lines).
        """
        if not row.title or _has_own_task_text(row):
            return bool(row.title) and is_upper_title(row.title)
        bold = self.signals.bold(row.index) and not (above and self.signals.bold(above.row - 1))
        return reads_like_group(row.title) or bold or self.signals.merged_across(row.index)

    def _after_item(self, k: int, row: _Row) -> str:
        """A text-only row right under an item: the rest of it, a group line, or (rarely) a new item."""
        above = self.items[-1]
        if not row.title or plainly_continues(row.title):
            return "continuation"
        if is_upper_title(row.title) and is_upper_title(above.title) and not ends_sentence(above.title) \
                and (above.is_group or not self._new_segment_next(k)):
            return "continuation"  # a capital title split over two lines
        if self._group_line(row, above):
            return "group"
        if above.is_group and not ends_sentence(above.title):
            return "continuation"
        if not _has_own_task_text(row) and len(row.title.split()) >= 2 and self._new_segment_next(k):
            return "group"  # a name on its own line before the next lĩnh vực's items
        if ends_sentence(above.title) and any(row.own_text(n)[:1].isupper() and above.texts.get(n)
                                              for n in TASK_TEXT):
            return "item"  # a new task of its own, written without a code
        return "continuation"

    def _new_segment_next(self, k: int) -> bool:
        """The next coded item starts another first code segment than the items above ("2.1" after "1.3")."""
        above = next((i.code for i in reversed(self.items) if i.code and not i.is_group), None)
        below = next((row.code for row in self.rows[k + 1:] if row.code), None)
        if below is None or is_roman(below) or above is None or is_roman(above):
            return False
        return segments(below)[0] != segments(above)[0]


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
    values = [row.code, row.serial, *row.texts.values(), *row.scores.values()]
    values = [clean(v).removesuffix(".0") for v in values if v not in (None, "")]
    return len(values) >= 3 and all(re.match(_COLUMN_NUMBER, fold(v)) for v in values)


def _is_total(row: _Row) -> bool:
    if row.code or len(row.title) > 40 or not _is_total_title(fold(row.title)):
        return False
    return row.has_numbers or not row.scores


def _is_total_title(folded: str) -> bool:
    r"""What r"^(tong|cong)(\s+(cong|so|diem|chung|toan bo|cac)\b.*)?\s*[:.]?$" matches in a folded text (single
    spaces, none at the ends, no line break): 'tong', 'tong cong:', 'cong diem …'."""
    if not folded.startswith(_TOTAL_WORDS):
        return False
    rest = folded[4:]
    if rest.lstrip(" ") in ("", ":", "."):
        return True
    if not rest.startswith(" "):
        return False
    for word in _TOTAL_SECOND:
        after = rest[1 + len(word):2 + len(word)]
        if rest.startswith(word, 1) and not (after.isalnum() or after == "_"):  # a word boundary after it
            return True
    return False


def _has_task_text(row: _Row) -> bool:
    return any(row.texts.get(name) for name in TASK_TEXT)


def _has_own_task_text(row: _Row) -> bool:
    return any(row.own_text(name) for name in TASK_TEXT)


def _new_item(row: _Row, is_group: bool) -> RawItem:
    texts = {k: v for k, v in row.texts.items() if v}
    return RawItem(row.index + 1, row.code, row.title, is_group, texts, dict(row.scores), row.index + 1,
                   row.serial, row.typed_code)


def _continue_item(item: RawItem, row: _Row) -> None:
    """Append a continuation line (a cell split by a page break, a '- …' sub-line) to the item above it."""
    before_title = item.texts.get("title", "")
    # A sub-line starts a new line in every column; a page-split fragment goes on the same line.
    new_line = row.title.startswith(_BULLETS) or before_title.endswith((".", ";", ":"))
    for name, text in row.texts.items():
        if text and name not in row.filled:  # a merged cell's text is already the item's
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
