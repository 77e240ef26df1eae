"""A minimal .xlsb writer for tests: no Python library or LibreOffice writes Excel's binary workbook.

Just the BIFF12 records python-calamine reads (MS-XLSB): workbook.bin with one BrtBundleSh per
sheet, and per sheet BrtBeginSheet, BrtWsDim, BrtBeginSheetData, then BrtRowHdr and cell records.
"""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

Cell = str | float | int | tuple[str, int]  # ("error", code) for an error value: 0x17 is #REF!


def _record(kind: int, body: bytes = b"") -> bytes:
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, length = b"", len(body)
    while True:
        size += bytes([(length & 0x7F) | (0x80 if length > 0x7F else 0)])
        length >>= 7
        if not length:
            break
    return head + size + body


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _cell(col: int, value: Cell) -> bytes:
    head = struct.pack("<II", col, 0)
    if isinstance(value, tuple):
        return _record(0x0003, head + bytes([value[1]]))  # BrtCellError
    if isinstance(value, str):
        return _record(0x0006, head + _wide(value))  # BrtCellSt
    return _record(0x0005, head + struct.pack("<d", float(value)))  # BrtCellReal


def _sheet(rows: dict[int, dict[int, Cell]]) -> bytes:
    last_row = max(rows, default=0)
    last_col = max((c for cells in rows.values() for c in cells), default=0)
    data = _record(0x0081) + _record(0x0094, struct.pack("<IIII", 0, last_row, 0, last_col)) + _record(0x0091)
    for r in sorted(rows):
        data += _record(0x0000, struct.pack("<IIH", r, 0, 300) + b"\x00" * 6)
        data += b"".join(_cell(c, v) for c, v in sorted(rows[r].items()))
    return data + _record(0x0092) + _record(0x0082)


def write_xlsb(path: Path, sheets: dict[str, dict[int, dict[int, Cell]]]) -> Path:
    """sheets: name → {0-based row: {0-based column: value}}."""
    book = b""
    rels = []
    for i, name in enumerate(sheets, start=1):
        book += _record(0x009C, struct.pack("<II", 0, i) + _wide(f"rId{i}") + _wide(name))
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/worksheet" Target="worksheets/sheet{i}.bin"/>')
    book += _record(0x0090) + _record(0x009D)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas'
                         '.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="'
                         'application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>')
        archive.writestr("xl/workbook.bin", book)
        archive.writestr("xl/_rels/workbook.bin.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
                         '"http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels)
                         + "</Relationships>")
        for i, rows in enumerate(sheets.values(), start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.bin", _sheet(rows))
    return path


def table_rows(header: list[str], rows: list[list[Cell]], title: str, top: int = 2) -> dict[int, dict[int, Cell]]:
    """A title line, then the header at row `top`, then the rows, as write_xlsb wants them (blanks left out)."""
    cells = {0: {0: title}, top: dict(enumerate(header))}
    for r, row in enumerate(rows, start=top + 1):
        cells[r] = {c: v for c, v in enumerate(row) if v not in ("", None)}
    return cells
