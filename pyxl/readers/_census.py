"""The census of a zipped workbook (.xlsx/.xlsm, .ods) before a native reader opens it.

Per sheet: the farthest cells that hold something (the rectangle the engines will allocate) and the
cells holding Excel error values, which python-calamine reads as blanks. Declared sizes are checked
first (`check_zip`), and each sheet part is read with a cap, so a zip bomb is refused unopened.
"""
from __future__ import annotations

import io
import re
import zipfile

from pyxl.readers._limits import Census, check_zip, read_part, within_limits
from pyxl.readers._xmlscan import _sheet_parts

# Patterns kept as text are compiled on first use (re keeps them): .xlsx sheets are read by Book.census.
# A cell start tag: its attributes and whether it is empty ("<c r="B2" s="3"/>" holds only a style).
_CELL = rb'<(?:\w+:)?c\b([^>]*?)(/?)>'
_REF = rb'\sr="([A-Z]{1,3})([0-9]{1,7})"'
_ERROR_CELL = rb'(?s)<(?:\w+:)?c\b([^>]*\st="e"[^>/]*)>(.*?)</(?:\w+:)?c>'
_VALUE = rb'<(?:\w+:)?v>([^<]*)</'
_ROW_NUMBER = re.compile(rb'<row r="([0-9]{1,7})"')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')

_ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}
_TABLE, _ROW = f"{{{_ODS['table']}}}table", f"{{{_ODS['table']}}}table-row"
_CELLS = (f"{{{_ODS['table']}}}table-cell", f"{{{_ODS['table']}}}covered-table-cell")
_ROWS_REPEATED = f"{{{_ODS['table']}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_ODS['table']}}}number-columns-repeated"
_NAME = f"{{{_ODS['table']}}}name"
_VALUE_TYPE = f"{{{_ODS['office']}}}value-type"
_CALC_TYPE = f"{{{_ODS['calcext']}}}value-type"
_SPANNED = f"{{{_ODS['table']}}}number-rows-spanned", f"{{{_ODS['table']}}}number-columns-spanned"


def xlsx(archive: zipfile.ZipFile, source: str, styled: bool = False) -> dict[str, Census]:
    """Sheet name → census of an .xlsx/.xlsm; raises ParbookError for a zip beyond the limits.

    styled: count cells that hold only a style too (openpyxl iterates up to them; calamine does not).
    """
    check_zip(archive, source, lambda: _sheet_parts(archive))
    parts = _sheet_parts(archive)
    return {name: _xlsx_sheet(read_part(archive, part, source, name), styled) for name, part in parts.items()}


def _xlsx_sheet(data: bytes, styled: bool) -> Census:
    census = _xlsx_bound(data)
    if census is None or not within_limits(census.rows, census.columns):
        census = _xlsx_cells(data, styled)
    if b't="e"' in data:
        for attributes, body in re.findall(_ERROR_CELL, data):
            ref, value = re.search(_REF, attributes), re.search(_VALUE, body)
            if ref and value:
                census.errors[(int(ref[2]) - 1, _column(ref[1]))] = value[1].decode("utf-8", "replace").strip()
    return census


def _xlsx_bound(data: bytes) -> Census | None:
    """A quick upper bound of the extent, from row numbers and multi-letter columns; None if the XML is unusual.

    Every writer puts r= first in <row> and <c>; a sheet where that fails, or whose bound is beyond the
    limits, gets the cell-by-cell census instead (which also tells style-only cells from values).
    """
    cells = data.count(b'<c r="')
    if cells != data.count(b"<c ") + data.count(b"<c>") or data.count(b'<row r="') != data.count(b"<row"):
        return None
    census = Census()
    rows = _ROW_NUMBER.findall(data)
    if rows:
        census.lowest = (max(map(int, rows)) - 1, 0)
    wide = _WIDE_COLUMN.findall(data)  # columns past Z are rare: most tables need no column letters at all
    census.rightmost = (0, max(map(_column, wide)) if wide else (25 if cells else -1))
    return census


def _xlsx_cells(data: bytes, styled: bool) -> Census:
    census = Census()
    for attributes, empty in re.findall(_CELL, data):
        ref = re.search(_REF, attributes)
        if ref is not None and (styled or not empty):
            census.add(int(ref[2]) - 1, _column(ref[1]))
    return census


def _column(letters: bytes) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + ch - 64
    return col - 1


def ods(archive: zipfile.ZipFile, source: str) -> dict[str, Census]:
    """Sheet name → census of an .ods (its content.xml); raises ParbookError for a zip beyond the limits."""
    check_zip(archive, source)
    if "content.xml" not in archive.namelist():
        return {}
    from lxml import etree  # only .ods is parsed as XML here

    data = read_part(archive, "content.xml", source)
    result: dict[str, Census] = {}
    census, row, col, repeat_rows, depth = Census(), 0, 0, 1, 0
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), tag=(_TABLE, _ROW, *_CELLS),
                             resolve_entities=False, no_network=True)
    for event, element in events:  # a broken content.xml raises here: the caller calls the file damaged
        tag = element.tag
        if tag == _TABLE:
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 1:
                census, row = Census(), 0
            elif event == "end" and depth == 0:
                result[element.get(_NAME, "")] = census
                element.clear()
        elif depth != 1:
            continue
        elif tag == _ROW:
            if event == "start":
                col, repeat_rows = 0, int(element.get(_ROWS_REPEATED, "1"))
            else:
                row += repeat_rows
                element.clear()
        elif event == "end":
            repeat = int(element.get(_COLUMNS_REPEATED, "1"))
            _merge(census, element, row, col)
            if element.get(_VALUE_TYPE) or len(element):
                census.add(row + repeat_rows - 1, col + repeat - 1)
                if element.get(_CALC_TYPE) == "error":
                    census.errors[(row, col)] = "".join(element.itertext()).strip()
            col += repeat
    return result


def _merge(census: Census, cell, row: int, col: int) -> None:
    """Record the merged range a cell starts ('number-rows-spanned', 'number-columns-spanned')."""
    rows, cols = (int(cell.get(name, "1")) for name in _SPANNED)
    if rows > 1 or cols > 1:
        census.merges.append((row, col, row + rows - 1, col + cols - 1))
