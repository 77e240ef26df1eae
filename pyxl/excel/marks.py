"""What the 'Kiểm tra bảng' and 'Tính điểm bị mất' buttons write back: pure plans of cell writes.

parbook owns only its flags column (headed FLAGS_HEADER), the fill colour of cells it flags, the blank
lost-points cells it fills, and its findings sheet. Adapters (xlbook for a live Excel book, xlfile for a
file copy) carry these plans out; nothing here knows of Excel.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pyxl.core.celltext import hyperlink, sheet_ref
from pyxl.core.grid import Grid, a1, column_letter
from pyxl.core.model import ERROR, INFO, SCORES, WARNING, Finding, Table
from pyxl.core.checks import FLAG_LABELS
from pyxl.core.progress import DUE_SOON, FINISHED, NO_DEADLINE, ON_TIME, OVERDUE, UNCLEAR, UPPER_LEVEL, table_progress
from pyxl.core.scoring import own_lost
from pyxl.core.suggest import plan_items
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


def flags_column(grid: Grid, header_rows: tuple[int, ...], header: str = FLAGS_HEADER) -> int:
    """parbook's own column: the one headed `header`, else the first wholly empty column right of the header."""
    last = 0
    for r in header_rows:
        row = grid.rows[r - 1] if r - 1 < grid.height else []
        for c, value in enumerate(row):
            if clean(value) == header:
                return c
            if clean(value):
                last = c
    col = last + 1
    first = header_rows[0] - 1
    while any(grid.value(r, col) not in (None, "") for r in range(first, grid.height)):
        col += 1  # never write over a note the officer keeps beside the table
    return col


def plan_check(table: Table, grid: Grid, fill_lost: bool = False) -> Marks:
    """Flags per row, colours on flagged cells and the findings list for the 'Kiểm tra bảng' button.

    fill_lost: also fill the blank lost-points cells (`parbook mark --fill-lost`: the whole check plus the fills).
    """
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
                 colors, lost_fills(table, grid) if fill_lost else {}, list(table.findings))


def lost_fills(table: Table, grid: Grid) -> dict[tuple[int, int], float]:
    """Blank lost-points cells → Điểm chuẩn − Điểm thẩm định. A formula Excel has not calculated yet is not blank."""
    lost_col = table.columns.get("stated_lost")
    if lost_col is None:
        return {}
    formulas = set(grid.uncalculated)
    fills: dict[tuple[int, int], float] = {}
    for item in table.items:
        computed = own_lost(item) if item.stated_lost is None else None
        cell = (item.row - 1, lost_col)
        if computed is not None and grid.value(*cell) is None and a1(*cell) not in formulas:
            fills[cell] = float(computed)
    return fills


def plan_fill_lost(table: Table, grid: Grid) -> Marks:
    """The 'Tính điểm bị mất' button: fill blank lost-points cells; flag only the cells that differ."""
    col = flags_column(grid, table.header_rows)
    fills = lost_fills(table, grid)
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


__all__ = ["FLAGS_HEADER", "FINDINGS_SHEET", "Marks", "plan_check", "plan_fill_lost", "lost_fills", "findings_rows",
           "marked_cells", "flags_column", "a1"]


# --- 'Gợi ý giải pháp': the library's suggestions written into blank cells --------------------------
# parbook owns the cells it fills (listed, with the colour they had, in SUGGESTIONS_SHEET), their
# colour, the notes it adds, and its own columns beside a table that has no solution, lead or
# deadline column. A cell counts as typed, and is never written, unless it is blank or still holds
# exactly what parbook wrote there before.
SUGGESTION_COLOR = "#E2EFDA"
SUGGESTIONS_SHEET = "Gợi ý đã ghi"
SUGGESTIONS_HEADER = ["Sheet", "Ô", "Mục", "Cột", "Mẫu", "Độ tin cậy", "Nội dung đã ghi", "Màu cũ",
                      "Ghi chú của parbook", "Mở ô"]
OWN_COLUMNS = {"solution": "Giải pháp (gợi ý parbook)", "lead": "Cơ quan chủ trì (gợi ý parbook)",
               "deadline": "Thời gian thực hiện (gợi ý parbook)"}
_FIELD_NAMES = {"solution": "Giải pháp", "lead": "Cơ quan chủ trì", "deadline": "Thời gian thực hiện"}
OWN_WIDTHS = {"Giải pháp (gợi ý parbook)": 60, "Cơ quan chủ trì (gợi ý parbook)": 30,
              "Thời gian thực hiện (gợi ý parbook)": 24}  # characters


def row_height(text: str, width: float, current: float | None) -> float | None:
    """A row height (points) that shows `text` wrapped in a column `width` characters wide, never lower
    than the row's own; None when the row already fits."""
    lines = sum(max(1, -(-len(line) // max(int(width * 1.1), 1))) for line in text.split("\n"))
    needed = 15.0 * lines + 3
    return needed if current is None or needed > current else None
NOTE_ADDED = "có"


@dataclass(frozen=True)
class Record:
    """A cell parbook filled earlier, as its suggestions sheet lists it."""

    sheet: str
    cell: str  # A1
    text: str
    old_color: str | None
    note: bool  # parbook added the cell's note


@dataclass(frozen=True)
class Suggested:
    """One cell to fill (0-based), what goes in, and the note naming the library entry."""

    row: int
    col: int
    item: str
    field: str
    entry_id: str
    confidence: float
    text: str
    note: str
    earlier: Record | None = None  # parbook's own earlier suggestion in this cell, replaced


@dataclass(frozen=True)
class SuggestionMarks:
    """What 'Gợi ý giải pháp' writes on one sheet."""

    sheet: str
    header_row: int  # 0-based row for parbook's own column headers
    headers: dict[int, str]  # parbook's own columns: column → header
    cells: list[Suggested]
    kept: int  # cells left as they are because something is typed there
    unmatched: list[str]  # items the library has no entry for


def suggestion_records(rows: list[list[object]]) -> list[Record]:
    """The cells a suggestions sheet lists."""
    records = []
    for row in rows[1:]:
        cells = [clean(v) for v in row] + [""] * (len(SUGGESTIONS_HEADER) - len(row))
        if cells[0] and cells[1]:
            records.append(Record(cells[0], cells[1], cells[6], None if cells[7] in ("", NO_FILL) else cells[7],
                                  cells[8] == NOTE_ADDED))
    return records


def plan_suggest(table: Table, grid: Grid, earlier: list[Record] = ()) -> SuggestionMarks:
    """Suggestions for the blank solution, lead and deadline cells of the items a plan must cover.

    A score table without one of these columns gets it as parbook's own column beside the table; a
    task table only gets its existing blank cells filled.
    """
    mine = {r.cell: r for r in earlier if r.sheet == table.sheet}
    fields = ("solution", "lead", "deadline") if table.kind == SCORES else ("lead", "deadline")
    columns = {f: table.columns[f] for f in fields if f in table.columns}
    own = {} if table.kind != SCORES else _own_columns(grid, table, [f for f in fields if f not in columns])
    columns.update({field: col for col, field in own.items()})
    cells, kept, unmatched = [], 0, []
    merged = {(r, c) for r1, c1, r2, c2 in grid.merges if (r1, c1) != (r2, c2)
              for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for i in plan_items(table):
        item, suggestion = table.items[i], table.suggestions.get(i)
        label = item.code or item.title
        if suggestion is None:
            if any(grid.value(item.row - 1, c) is None for c in columns.values()):
                unmatched.append(label)
            continue
        for name, col in columns.items():
            text = {"solution": suggestion.solution_text(), "lead": "; ".join(suggestion.lead),
                    "deadline": suggestion.deadline}[name]
            at = (item.row - 1, col)
            record = mine.get(a1(*at))
            if record and clean(grid.value(*at)) != record.text:
                record = None  # the officer has since changed parbook's text: it is theirs now
            if not text or (record is None and (grid.value(*at) is not None or at in merged)):
                kept += bool(text)
                continue
            note = (f"Gợi ý của parbook theo {suggestion.label()}. Hãy xem lại, sửa cho đúng thực tế rồi mới lập "
                    "kế hoạch; nút «Xoá đánh dấu» bỏ những gợi ý chưa sửa.")
            cells.append(Suggested(*at, label, name, suggestion.entry_id, suggestion.confidence, text, note, record))
    used = {s.col for s in cells}
    headers = {c: OWN_COLUMNS[f] for c, f in own.items() if c in used}
    return SuggestionMarks(table.sheet, table.header_rows[-1] - 1, headers, cells, kept, unmatched)


def _own_columns(grid: Grid, table: Table, fields: list[str]) -> dict[int, str]:
    """Column → field for parbook's own columns: where their headers already are, else the next empty columns."""
    found: dict[int, str] = {}
    header_cells = [(c, clean(v)) for r in table.header_rows for c, v in enumerate(grid.rows[r - 1] if r - 1 < grid.height else [])]
    for name in fields:
        col = next((c for c, text in header_cells if text == OWN_COLUMNS[name]), None)
        if col is not None:
            found[col] = name
    last = max((c for c, text in header_cells if text), default=-1)
    first = table.header_rows[0] - 1
    col = last + 1
    for name in (f for f in fields if f not in found.values()):
        while col in found or any(grid.value(r, col) is not None for r in range(first, grid.height)):
            col += 1
        found[col] = name
    return found


def suggestion_rows(marks: SuggestionMarks, old_colors: dict[tuple[int, int], str | None],
                    notes_added: set[tuple[int, int]], others: list[Record] = ()) -> list[list[object]]:
    """The suggestions sheet: every filled cell with its entry, the colour it had and a link to it.

    `others` are earlier records of other sheets, kept so 'Xoá đánh dấu' can still undo them.
    """
    rows: list[list[object]] = [SUGGESTIONS_HEADER]
    for r in others:
        rows.append([r.sheet, r.cell, "", "", "", "", r.text, r.old_color or NO_FILL, NOTE_ADDED if r.note else "",
                     _link(r.sheet, r.cell)])
    for s in marks.cells:
        at = (s.row, s.col)
        before = s.earlier.old_color if s.earlier else old_colors.get(at)
        added = at in notes_added or bool(s.earlier and s.earlier.note)
        rows.append([marks.sheet, a1(*at), s.item, _FIELD_NAMES[s.field], s.entry_id, f"{round(s.confidence * 100)}%",
                     s.text, before or NO_FILL, NOTE_ADDED if added else "", _link(marks.sheet, a1(*at))])
    return rows


def _link(sheet: str, cell: str) -> str:
    target = f"#'{sheet.replace(chr(39), chr(39) * 2)}'!{cell}".replace('"', '""')
    return f'=HYPERLINK("{target}","{cell}")'


__all__ += ["SUGGESTION_COLOR", "SUGGESTIONS_SHEET", "OWN_COLUMNS", "OWN_WIDTHS", "row_height", "Record", "Suggested", "SuggestionMarks",
            "plan_suggest", "suggestion_records", "suggestion_rows"]


# --- 'Theo dõi tiến độ': parbook's progress column beside the table ----------------------------------
# parbook owns the column headed PROGRESS_HEADER (a header no field matches, so the table reads the same
# afterwards): one label per followed item, as PAR_STATUS gives it, coloured by how late the item is.
PROGRESS_HEADER = "Theo dõi (parbook)"
PROGRESS_COLORS = {FINISHED: "#C6EFCE", ON_TIME: "#DDEBF7", DUE_SOON: "#FFEB9C", OVERDUE: "#FFC7CE"}
PROGRESS_WIDTH = 16  # characters


@dataclass(frozen=True)
class ProgressMarks:
    """What 'Theo dõi tiến độ' writes on one sheet (0-based rows and column)."""

    sheet: str
    col: int
    header_row: int
    labels: dict[int, str]
    colors: dict[int, str]
    clear_to: int  # rows after the header up to this one (exclusive) are emptied first: earlier labels go

    def count(self, label: str) -> int:
        """How many items got this label."""
        return sum(1 for text in self.labels.values() if text == label)


def plan_progress(table: Table, grid: Grid, as_of: date | None = None) -> ProgressMarks:
    """The progress column for the table's followed items at as_of (default today): Đã xong, Còn hạn, Sắp đến
    hạn, Quá hạn, or why there is no due date; the first four coloured."""
    progress = table_progress(table, as_of)
    col = flags_column(grid, table.header_rows, PROGRESS_HEADER)
    labels = {p.item.row - 1: p.label for p in progress.items}
    colors = {row: PROGRESS_COLORS[label] for row, label in labels.items() if label in PROGRESS_COLORS}
    return ProgressMarks(table.sheet, col, table.header_rows[-1] - 1, labels, colors, grid.height)


def progress_summary(marks: ProgressMarks) -> str:
    """"Sheet 'PHỤ LỤC': 12 mục theo dõi — Quá hạn 2, Sắp đến hạn 1, Còn hạn 5, Đã xong 3; 1 mục chưa có hạn rõ"."""
    shown = ", ".join(f"{label} {marks.count(label)}" for label in (OVERDUE, DUE_SOON, ON_TIME, FINISHED))
    undated = sum(marks.count(label) for label in (NO_DEADLINE, UPPER_LEVEL, UNCLEAR))
    return (f"Sheet '{marks.sheet}': {len(marks.labels)} mục theo dõi — {shown}"
            + (f"; {undated} mục chưa có hạn rõ" if undated else ""))


__all__ += ["PROGRESS_HEADER", "PROGRESS_COLORS", "ProgressMarks", "plan_progress", "progress_summary"]
