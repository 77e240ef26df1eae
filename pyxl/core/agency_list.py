"""A workbook's own list of agencies (a 'Danh mục' sheet): the names and other spellings it adds to the catalogue."""
from __future__ import annotations

import re

from pyxl.core.agencies import one_line
from pyxl.core.text import clean, fold

# Patterns compiled on first use (re keeps them): few workbooks have such a sheet.
_HEADER_ROWS = 10
_NAME_HEADER = r"^(?:ten )?(?:cac )?co quan(?: ?[,/] ?don vi)?$"
_ALIAS_HEADER = r"ten goi khac|viet tat|ten cu"
_ALIAS_SEPARATOR = r"[;\n]"


def entries_from_rows(rows: list[list[object]]) -> list[tuple[str, list[str]]]:
    """Entries of a list sheet ('Danh mục'): the 'Cơ quan' column, aliases from 'Tên gọi khác'/'Viết tắt'."""
    header = _list_header(rows)
    if header is None:
        return []
    top, name_col, alias_col = header
    entries = []
    for row in rows[top + 1:]:
        name = one_line(_cell(row, name_col))
        if name:
            aliases = clean(_cell(row, alias_col)) if alias_col is not None else ""
            entries.append((name, [a for a in map(one_line, re.split(_ALIAS_SEPARATOR, aliases)) if a]))
    return entries


def _list_header(rows: list[list[object]]) -> tuple[int, int, int | None] | None:
    """(row, name column, alias column or None) of the first header in the first rows."""
    for r, row in enumerate(rows[:_HEADER_ROWS]):
        folded = [fold(one_line(cell)) for cell in row]
        names = [c for c, text in enumerate(folded) if re.match(_NAME_HEADER, text)]
        if names:
            aliases = [c for c, text in enumerate(folded) if re.search(_ALIAS_HEADER, text)]
            return r, names[0], aliases[0] if aliases else None
    return None


def _cell(row: list[object], col: int) -> object:
    return row[col] if col < len(row) else None
