"""Text as a spreadsheet cell can hold it, and the formulas parbook writes on purpose.

Every string parbook writes into a workbook goes through `cell_text`: characters XML 1.0 cannot
carry are dropped (a cell quoting a table's text may hold them; openpyxl refuses them, Word and
Excel cannot show them) and text past Excel's 32,767 characters is cut, ending with "…". Text that
Excel would take for a formula when typed (OWASP's formula-injection rule: a leading = + - @, tab
or carriage return) is still text: writers store it as a string and mark it with Excel's quote
prefix (`needs_quote_prefix`), so that editing the cell keeps it text. The only formulas parbook
writes are `Formula` values, built here with sheet names quoted the Excel way.
"""
from __future__ import annotations

import re

MAX_CELL = 32_767  # Excel's limit, counted in UTF-16 units as Excel counts
MAX_FORMULA_STRING = 255  # longest text constant a formula may hold
ELLIPSIS = "…"
# XML 1.0 forbids these; lone surrogates cannot be written as UTF-8 at all.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Typed first in a cell, each makes Excel (or a CSV import) read a formula; full-width forms too,
# which East Asian input methods turn into the ASCII ones.
# A "(" right after a letter or digit: where a function's name would end (see `hyperlink`).
_CALL = re.compile(r"(?<=\w)(?=\()")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class Formula(str):
    """A formula parbook writes on purpose: the only text a writer may store as a formula."""

    __slots__ = ()


def cell_text(value: object) -> str:
    """value as the literal text of one cell: characters XML cannot hold dropped, cut to Excel's limit."""
    text = "" if value is None else str(value)
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return _cut(text, MAX_CELL)


def needs_quote_prefix(text: str) -> bool:
    """True when Excel would read text typed into a cell as a formula, not as text."""
    return text.startswith(_FORMULA_START)


def typed_text(value: object) -> str:
    """value as it must be typed into live Excel to stay literal text (a leading apostrophe, as Excel's own)."""
    return "'" + cell_text(value)


def sheet_ref(sheet: str, cell: str) -> str:
    """A reference to cell on sheet, the name quoted the Excel way: 'Ea H''leo'!A1."""
    return "'" + sheet.replace("'", "''") + "'!" + cell


def formula_string(text: str) -> str:
    """text as a string constant inside a formula: in double quotes, inner quotes doubled."""
    return '"' + _cut(cell_text(text), MAX_FORMULA_STRING).replace('"', '""') + '"'


def hyperlink(target: str, label: str | int) -> Formula:
    """=HYPERLINK(target, label): target as Excel wants it ('#' + sheet_ref(...) inside the workbook).

    A text holding a word right before "(" (a sheet or file named 'SORT(1)') is written as two joined
    strings, "…SORT"&"(1)…": a writer that rewrites the names of Excel's newer functions (XlsxWriter
    turns SORT( into _xlfn._xlws.SORT( and the cell into an array formula) looks for them in the whole
    formula, quoted text included, and would break the link.
    """
    shown = _text_expression(label) if isinstance(label, str) else str(label)
    return Formula(f"=HYPERLINK({_text_expression(target)},{shown})")


def _text_expression(text: str) -> str:
    """text as a formula expression: one string constant, or several joined by & where a call could be read."""
    whole = formula_string(text)
    if "(" not in whole:
        return whole
    body = whole[1:-1].replace('""', '"')  # cut and cleaned as the single constant would be
    return "&".join(formula_string(piece) for piece in _CALL.split(body))


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit // 2 or _units(text) <= limit:
        return text
    budget = limit - _units(ELLIPSIS)
    kept = []
    for ch in text:
        budget -= 2 if ord(ch) > 0xFFFF else 1
        if budget < 0:
            break
        kept.append(ch)
    return "".join(kept) + ELLIPSIS


def _units(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
