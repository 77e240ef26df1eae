"""What the 'Kiểm tra bảng' and 'Tính điểm bị mất' buttons write back: pure plans of cell writes.

parbook owns only its flags column (headed FLAGS_HEADER), the fill colour of cells it flags, the blank
lost-points cells it fills, and its findings sheet. Adapters (xlbook for a live Excel book, xlfile for a
file copy) carry these plans out; nothing here knows of Excel.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pyxl.core.celltext import hyperlink, sheet_ref
from pyxl.core.grid import Grid, a1, column_letter
from pyxl.core.model import ERROR, INFO, WARNING, Finding, Table
from pyxl.core.checks import FLAG_LABELS
from pyxl.core.scoring import own_lost
from pyxl.core.text import clean

FLAGS_HEADER = "Kiểm tra (parbook)"
FINDINGS_SHEET = "Kết quả kiểm tra"
FINDINGS_HEADER = ["Sheet", "Ô", "Mục", "Mức", "Mã", "Nội dung", "Mở ô", "Màu cũ"]
COLORS = {ERROR: "#F4CCCC", WARNING: "#FFF2CC"}
SEVERITY_NAMES = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Lưu ý"}
NO_FILL = "không màu"


@dataclass(frozen=True)
class Marks:
    """Cell writes for one sheet (0-based rows and columns)."""

    sheet: str
    flags_col: int
    header_row: int
    flags: dict[int, str] = field(default_factory=dict)
    colors: dict[tuple[int, int], str] = field(default_factory=dict)
    fills: dict[tuple[int, int], float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def flags_column(grid: Grid, header_rows: tuple[int, ...]) -> int:
    """parbook's own column: the one headed FLAGS_HEADER, else the first wholly empty column right of the header."""
    last = 0
    for r in header_rows:
        row = grid.rows[r - 1] if r - 1 < grid.height else []
        for c, value in enumerate(row):
            if clean(value) == FLAGS_HEADER:
                return c
            if clean(value):
                last = c
    col = last + 1
    first = header_rows[0] - 1
    while any(grid.value(r, col) not in (None, "") for r in range(first, grid.height)):
        col += 1  # never write over a note the officer keeps beside the table
    return col


def plan_check(table: Table, grid: Grid) -> Marks:
    """Flags per row, colours on flagged cells and the findings list for the 'Kiểm tra bảng' button."""
    col = flags_column(grid, table.header_rows)
    flags: dict[int, list[str]] = {}
    colors: dict[tuple[int, int], str] = {}
    for finding in table.findings:
        if finding.row is None or finding.severity == INFO:
            continue
        label = FLAG_LABELS.get(finding.code, finding.code)
        if label not in flags.setdefault(finding.row - 1, []):
            flags[finding.row - 1].append(label)
        if finding.column:
            cell = (finding.row - 1, _column_index(finding.column))
            if colors.get(cell) != COLORS[ERROR]:
                colors[cell] = COLORS[finding.severity]
    return Marks(table.sheet, col, table.header_rows[-1] - 1, {r: "; ".join(v) for r, v in flags.items()},
                 colors, {}, list(table.findings))


def plan_fill_lost(table: Table, grid: Grid) -> Marks:
    """Fill blank lost-points cells with Điểm chuẩn − Điểm thẩm định; flag cells that differ."""
    col = flags_column(grid, table.header_rows)
    lost_col = table.columns.get("stated_lost")
    fills: dict[tuple[int, int], float] = {}
    if lost_col is not None:
        for item in table.items:
            computed = own_lost(item) if item.stated_lost is None else None
            if computed is not None and grid.value(item.row - 1, lost_col) is None:
                fills[(item.row - 1, lost_col)] = float(computed)
    mismatches = [f for f in table.findings if f.code == "LOST_MISMATCH"]
    flags = {f.row - 1: FLAG_LABELS[f.code] for f in mismatches if f.row}
    colors = {(f.row - 1, _column_index(f.column)): COLORS[ERROR] for f in mismatches if f.row and f.column}
    return Marks(table.sheet, col, table.header_rows[-1] - 1, flags, colors, fills, mismatches)


def findings_rows(marks: Marks, old_colors: dict[tuple[int, int], str | None]) -> list[list[object]]:
    """The findings sheet: one row per finding with a link to its cell, and the colour parbook replaced.

    The link is a `Formula`; every other value is text or a number for the writer to store as such.
    """
    rows: list[list[object]] = [FINDINGS_HEADER]
    for f in marks.findings:
        cell = f.cell or (f"{column_letter(marks.flags_col)}{f.row}" if f.row else "")
        key = (f.row - 1, _column_index(f.column)) if f.row and f.column else None
        link = hyperlink("#" + sheet_ref(marks.sheet, cell), cell) if cell else ""
        # Column H remembers what parbook painted over, so 'Xoá đánh dấu' can put it back.
        before = (old_colors.get(key) or NO_FILL) if key in marks.colors else ""
        rows.append([marks.sheet, cell, f.item or "", SEVERITY_NAMES[f.severity], f.code, f.message, link, before])
    return rows


def marked_cells(rows: list[list[object]], sheet: str) -> dict[str, str | None]:
    """From a findings sheet: A1 cell → the colour to restore, for cells parbook coloured on `sheet`."""
    restore: dict[str, str | None] = {}
    for row in rows[1:]:
        if len(row) >= 8 and clean(row[0]) == sheet and clean(row[1]):
            if clean(row[7]):
                restore.setdefault(clean(row[1]), None if clean(row[7]) == NO_FILL else clean(row[7]))
    return restore


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


__all__ = ["FLAGS_HEADER", "FINDINGS_SHEET", "Marks", "plan_check", "plan_fill_lost", "findings_rows",
           "marked_cells", "flags_column", "a1"]
