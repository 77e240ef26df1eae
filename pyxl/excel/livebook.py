"""Adapter for a live xlwings Book (desktop Excel, or xlwings' JSON-backed Book in tests).

Reads sheets into Grids and carries out parbook's marks; knows nothing of scoring.
"""
from __future__ import annotations

from dataclasses import replace

from pyxl.core.celltext import Formula, typed_text
from pyxl.core.grid import Grid, a1
from pyxl.core.text import clean
from pyxl.excel.marks import (
    COLORS, FINDINGS_SHEET, FLAGS_HEADER, OWN_COLUMNS, OWN_WIDTHS, PROGRESS_HEADER, PROGRESS_WIDTH, SUGGESTION_COLOR,
    SUGGESTIONS_SHEET, Marks, ProgressMarks, Record, SuggestionMarks, findings_rows, marked_cells, suggestion_records,
    suggestion_rows,
)


def sheet_grid(sheet) -> Grid:
    """The sheet's values from A1 to the last used cell, as a Grid."""
    last = sheet.used_range.last_cell
    values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
    return Grid(name=sheet.name, rows=[list(row) for row in values], merges=_merges(sheet))


def _merges(sheet) -> tuple[tuple[int, int, int, int], ...]:
    # Desktop Excel can tell merged areas cheaply per column; other engines cannot, and go without.
    try:
        used = sheet.used_range.api
        merges = set()
        for c in range(1, used.Columns.Count + 1):
            column = used.Columns(c)
            if column.MergeCells is False:
                continue
            for cell in column.Cells:
                if cell.MergeCells:
                    area = cell.MergeArea
                    r1, c1 = area.Row - 1, area.Column - 1
                    merges.add((r1, c1, r1 + area.Rows.Count - 1, c1 + area.Columns.Count - 1))
        return tuple(sorted(merges))
    except Exception:  # not COM (JSON-backed book, macOS): no merge information
        return ()


def book_grids(book) -> list[Grid]:
    """Every sheet of the book as a Grid."""
    return [sheet_grid(sheet) for sheet in book.sheets]


def _color(cell) -> str | None:
    try:
        value = cell.color
    except Exception:  # engines that cannot read colours synchronously
        return None
    if value is None:
        return None
    return value if isinstance(value, str) else "#{:02x}{:02x}{:02x}".format(*value)


def _has_formula(cell) -> bool:
    try:
        formula = cell.formula
    except Exception:  # engines without formula access: the values we read are all there is
        return False
    return isinstance(formula, str) and formula.startswith("=")


def excel_value(value: object) -> object:
    """value as live Excel must be given it: text typed literally (after an apostrophe, which Excel hides,
    so '=1+1', '1.10' or '- Phòng Nội vụ' stay text), a `Formula` as a formula, numbers as they are."""
    if isinstance(value, Formula):
        return str(value)
    if isinstance(value, str):
        return typed_text(value) if value else None
    return value


def excel_rows(rows: list[list[object]]) -> list[list[object]]:
    """Every value of rows through `excel_value`."""
    return [[excel_value(value) for value in row] for row in rows]


def apply_marks(book, marks: Marks, findings_sheet: bool = True) -> None:
    """Write the flags column, fills and colours; replace the findings sheet."""
    sheet = book.sheets[marks.sheet]
    column = marks.flags_col + 1
    sheet.range((marks.header_row + 1, column)).value = excel_value(FLAGS_HEADER)
    for row, text in sorted(marks.flags.items()):
        sheet.range((row + 1, column)).value = excel_value(text)
    for (row, col), value in sorted(marks.fills.items()):
        target = sheet.range((row + 1, col + 1))
        if not _has_formula(target):  # a formula showing "" is the officer's, not a blank to fill
            target.value = value
    old_colors = {cell: _color(sheet.range((cell[0] + 1, cell[1] + 1))) for cell in marks.colors}
    for (row, col), color in sorted(marks.colors.items()):
        sheet.range((row + 1, col + 1)).color = color
    if findings_sheet:
        _replace_findings_sheet(book, marks, old_colors)


def _replace_findings_sheet(book, marks: Marks, old_colors: dict[tuple[int, int], str | None]) -> None:
    names = [s.name for s in book.sheets]
    if FINDINGS_SHEET in names:
        book.sheets[FINDINGS_SHEET].delete()
    target = book.sheets.add(FINDINGS_SHEET, after=book.sheets[marks.sheet])
    rows = findings_rows(marks, old_colors)
    target.range("A1").value = excel_rows(rows)
    target.range((1, 1), (1, len(rows[0]))).font.bold = True
    target.autofit()


def clear_marks(book, sheet_names: list[str] | None = None) -> tuple[list[str], int]:
    """Undo parbook's marks: flags columns emptied, colours restored, findings sheet removed.

    Works on the named sheets, or on every sheet the findings sheet mentions. Returns the sheets
    cleared and the number of cells whose colour was restored.
    """
    requested = sheet_names
    existing = [s.name for s in book.sheets]
    findings_rows_ = sheet_grid(book.sheets[FINDINGS_SHEET]).rows if FINDINGS_SHEET in existing else []
    if sheet_names is None:
        sheet_names = list(dict.fromkeys(str(row[0]) for row in findings_rows_[1:] if row and row[0] in existing))
    restored = 0
    for name in sheet_names:
        sheet = book.sheets[name]
        for cell, color in marked_cells(findings_rows_, name).items():
            sheet.range(cell).color = color
            restored += 1
        _clear_flags_column(sheet)
    if findings_rows_:
        book.sheets[FINDINGS_SHEET].delete()
    suggested, cleared = clear_suggestions(book, requested)
    tracked = [s.name for s in book.sheets if (requested is None or s.name in requested) and _clear_progress(s)]
    return list(dict.fromkeys([*sheet_names, *suggested, *tracked])), restored + cleared


def _clear_flags_column(sheet) -> None:
    grid = sheet_grid(sheet)
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if value == FLAGS_HEADER:
                sheet.range((r + 1, c + 1), (grid.height, c + 1)).clear_contents()
                return


# --- 'Theo dõi tiến độ' ---------------------------------------------------------------------------

def apply_progress(book, marks: ProgressMarks) -> None:
    """Write the progress column (header, labels, colours) after emptying what an earlier run left in it."""
    sheet = book.sheets[marks.sheet]
    column, top = marks.col + 1, marks.header_row + 2
    if marks.clear_to >= top:
        _empty(sheet.range((top, column), (marks.clear_to, column)))
    header = sheet.range((top - 1, column))
    header.value = excel_value(PROGRESS_HEADER)
    header.font.bold = True
    _quietly(lambda: setattr(header, "column_width", PROGRESS_WIDTH))
    if not marks.labels:
        return
    last = max(marks.labels)
    sheet.range((top, column)).value = [[marks.labels.get(r)] for r in range(top - 1, last + 1)]  # one write
    for row, color in sorted(marks.colors.items()):
        sheet.range((row + 1, column)).color = color


def _empty(area) -> None:
    area.clear_contents()
    area.color = None


def _clear_progress(sheet) -> bool:
    """Empty the progress column of a sheet, header and colours included; False when it has none."""
    grid = sheet_grid(sheet)
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if value == PROGRESS_HEADER:
                _empty(sheet.range((r + 1, c + 1), (max(grid.height, r + 1), c + 1)))
                return True
    return False


# --- 'Gợi ý giải pháp' ----------------------------------------------------------------------------

def earlier_suggestions(book) -> list[Record]:
    """The cells parbook filled before, from the book's suggestions sheet."""
    if SUGGESTIONS_SHEET not in [s.name for s in book.sheets]:
        return []
    return suggestion_records(sheet_grid(book.sheets[SUGGESTIONS_SHEET]).rows)


def apply_suggestions(book, marks: SuggestionMarks) -> SuggestionMarks:
    """Fill the planned cells (never a formula cell), colour them, add the notes, list them; returns what was written."""
    sheet = book.sheets[marks.sheet]
    for col, header in marks.headers.items():
        cell = sheet.range((marks.header_row + 1, col + 1))
        cell.value = header
        cell.font.bold = True
        _quietly(lambda: setattr(cell, "column_width", OWN_WIDTHS[header]))
    written, old_colors, notes = [], {}, set()
    for s in marks.cells:
        cell = sheet.range((s.row + 1, s.col + 1))
        if _has_formula(cell):  # a formula showing "" is the officer's, not a blank to fill
            continue
        old_colors[(s.row, s.col)] = _color(cell)
        cell.value = excel_value(s.text)
        cell.color = SUGGESTION_COLOR
        if _add_note(cell, s.note, s.earlier):
            notes.add((s.row, s.col))
        written.append(s)
    for row in sorted({s.row for s in written}):  # let the rows grow to show the suggestions
        _quietly(lambda: sheet.range(f"{row + 1}:{row + 1}").rows.autofit())
    done = replace(marks, cells=written)
    replaced = {(marks.sheet, a1(s.row, s.col)) for s in written}
    others = [r for r in earlier_suggestions(book) if (r.sheet, r.cell) not in replaced]
    if SUGGESTIONS_SHEET in [s.name for s in book.sheets]:
        book.sheets[SUGGESTIONS_SHEET].delete()
    _write_suggestions_sheet(book, suggestion_rows(done, old_colors, notes, others), after=marks.sheet)
    return done


def _quietly(action) -> None:
    """Layout niceties desktop Excel has and other engines lack (widths, row heights): skipped there."""
    try:
        action()
    except Exception:  # not COM: no column widths or row autofit to set
        pass


def _add_note(cell, text: str, earlier: Record | None) -> bool:
    """Add parbook's note; an officer's own note on the cell is left alone. False when none was added."""
    try:
        existing = cell.note
        if existing is not None:
            if not (earlier and earlier.note):
                return False
            existing.delete()
        cell.add_note(text)
        return True
    except (NotImplementedError, ValueError):  # engines without notes (xlwings Server with a VBA client)
        return False


def _write_suggestions_sheet(book, rows: list[list[object]], after: str) -> None:
    target = book.sheets.add(SUGGESTIONS_SHEET, after=book.sheets[after])
    target.range("A1").value = [[excel_value(v) for v in row[:-1]] + row[-1:] for row in rows]
    target.range((1, 1), (1, len(rows[0]))).font.bold = True
    target.autofit()


def clear_suggestions(book, sheet_names: list[str] | None = None) -> tuple[list[str], int]:
    """Undo 'Gợi ý giải pháp' on the named sheets (all it lists when None): cells still holding parbook's text
    emptied, colours restored, parbook's notes and own columns removed. Returns the sheets and cells restored."""
    records = earlier_suggestions(book)
    if not records:
        return [], 0
    existing = [s.name for s in book.sheets]
    names = [n for n in (sheet_names or dict.fromkeys(r.sheet for r in records)) if n in existing]
    restored = 0
    for name in names:
        sheet = book.sheets[name]
        grid = sheet_grid(sheet)
        emptied = set()
        for r in (r for r in records if r.sheet == name):
            cell = sheet.range(r.cell)
            if clean(cell.value) == r.text:
                cell.clear_contents()
                emptied.add(r.cell)
            # A colour parbook's check painted before is no colour of the officer's.
            cell.color = None if r.old_color in COLORS.values() else r.old_color
            restored += 1
            if r.note and cell.note is not None:
                cell.note.delete()
        _clear_own_headers(sheet, grid, emptied)
    remaining = [r for r in records if r.sheet not in names]
    book.sheets[SUGGESTIONS_SHEET].delete()
    if remaining:
        rows = suggestion_rows(SuggestionMarks(remaining[0].sheet, 0, {}, [], 0, []), {}, set(), remaining)
        _write_suggestions_sheet(book, rows, after=remaining[0].sheet)
    return names, restored


def _clear_own_headers(sheet, grid: Grid, emptied: set[str]) -> None:
    """Remove parbook's own column headers whose columns hold nothing but the cells just emptied."""
    headers = set(OWN_COLUMNS.values())
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if clean(value) in headers:
                below = (a1(rr, c) for rr in range(r + 1, grid.height) if grid.value(rr, c) is not None)
                if all(cell in emptied for cell in below):
                    sheet.range((r + 1, c + 1)).clear_contents()


__all__ = ["sheet_grid", "book_grids", "apply_marks", "clear_marks", "a1", "apply_suggestions", "clear_suggestions",
           "earlier_suggestions", "excel_rows", "excel_value", "apply_progress"]
