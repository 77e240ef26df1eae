"""The census of binary workbooks before python-calamine opens them: .xls (BIFF8 records in an OLE
file) and .xlsb (BIFF12 records in a zip).

One pass over each sheet's records: where its cells lie and which hold error values (BOOLERR and
formula results in .xls, BrtCellError/BrtFmlaError in .xlsb), which calamine reads as blanks. A
FILEPASS record means the .xls is password-protected.
"""
from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from pathlib import Path
from typing import Iterator

import olefile

from pyxl.readers._limits import Census, check_zip, password_protected, read_part

_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _CODEPAGE = 0x0809, 0x000A, 0x002F, 0x0085, 0x0042
_FORMULA, _BOOLERR, _MULRK = 0x0006, 0x0205, 0x00BD
_CELLS = {0x0006, 0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x00D6}  # records that start with row, column
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
           0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


def xls(path: Path, source: str) -> dict[str, Census]:
    """Sheet name → census; raises ParbookError for a password-protected file."""
    with olefile.OleFileIO(str(path)) as ole:
        stream = "Workbook" if ole.exists("Workbook") else "Book"
        data = ole.openstream(stream).read()
    sheets, censuses = _scan(data, source)
    return {name: censuses.get(offset, Census()) for offset, name in sheets.items()}


def _scan(data: bytes, source: str) -> tuple[dict[int, str], dict[int, Census]]:
    """(BOF offset → sheet name, BOF offset → census) over all records."""
    sheets: dict[int, str] = {}
    censuses: dict[int, Census] = {}
    census: Census | None = None
    codepage = "cp1252"
    pos, end = 0, len(data)
    while pos + 4 <= end:
        kind, size = struct.unpack_from("<HH", data, pos)
        body = data[pos + 4 : pos + 4 + size]
        if kind == _BOF:
            census = censuses.setdefault(pos, Census()) if pos in sheets else None
        elif kind == _FILEPASS:
            raise password_protected(source)
        elif kind == _CODEPAGE and size >= 2:
            codepage = f"cp{struct.unpack_from('<H', body)[0]}"
        elif kind == _BOUNDSHEET and size >= 8:
            sheets[struct.unpack_from("<I", body)[0]] = _sheet_name(body[6:], codepage)
        elif census is not None and size >= 4:
            _cell(census, kind, body)
        pos += 4 + size
    return sheets, censuses


def _cell(census: Census, kind: int, body: bytes) -> None:
    row, col = struct.unpack_from("<HH", body)
    if kind == _MULRK and len(body) >= 6:
        census.add(row, struct.unpack_from("<H", body, len(body) - 2)[0])
    elif kind in _CELLS:
        census.add(row, col)
        error = _error(kind, body)
        if error:
            census.errors[(row, col)] = error


def _error(kind: int, body: bytes) -> str | None:
    if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
        return _ERRORS.get(body[6], "#N/A")
    if kind == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
        return _ERRORS.get(body[8], "#N/A")
    return None


def _sheet_name(field: bytes, codepage: str) -> str:
    """A BOUNDSHEET name: a byte count, then (BIFF8) an encoding flag, then the characters."""
    if not field:
        return ""
    count = field[0]
    if len(field) >= 2 + count and field[1] in (0, 1):  # BIFF8: compressed Latin-1 or UTF-16LE
        raw = field[2 : 2 + count * (2 if field[1] else 1)]
        return raw.decode("utf-16-le" if field[1] else "latin-1", "replace")
    try:
        return field[1 : 1 + count].decode(codepage, "replace")
    except LookupError:
        return field[1 : 1 + count].decode("cp1252", "replace")


# -- .xlsb (BIFF12) ------------------------------------------------------------------------------------

_ROW_HEADER, _BUNDLE_SHEET, _END_BUNDLE_SHEETS, _END_SHEET_DATA = 0x0000, 0x009C, 0x0090, 0x0092
_CELL_ERROR, _FORMULA_ERROR = 0x0003, 0x000B
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?\bId=\"([^\"]+)\"[^>]*?\bTarget=\"([^\"]+)\"")


def xlsb(archive: zipfile.ZipFile, source: str) -> dict[str, Census]:
    """Sheet name → census of an .xlsb; raises ParbookError for a zip beyond the limits."""
    check_zip(archive, source)
    rels = {}
    if "xl/_rels/workbook.bin.rels" in archive.namelist():
        rels = {rid.decode(): target.decode() for rid, target in
                _RELATIONSHIP.findall(read_part(archive, "xl/_rels/workbook.bin.rels", source))}
    result = {}
    for name, rid in _xlsb_sheets(read_part(archive, "xl/workbook.bin", source)):
        part = posixpath.normpath(f"xl/{rels.get(rid, '')}")
        if part in archive.namelist():
            result[name] = _xlsb_sheet(read_part(archive, part, source, name))
    return result


def _records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(record type, body) of a BIFF12 stream: type and size are little-endian 7-bit varints."""
    pos, end = 0, len(data)
    while pos < end:
        kind, pos = _varint(data, pos, 2)
        size, pos = _varint(data, pos, 4)
        yield kind, data[pos : pos + size]
        pos += size


def _varint(data: bytes, pos: int, most: int) -> tuple[int, int]:
    value = 0
    for shift in range(0, 7 * most, 7):
        if pos >= len(data):
            break
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            break
    return value, pos


def _xlsb_sheets(data: bytes) -> list[tuple[str, str]]:
    """(sheet name, relationship id) of each BrtBundleSh record of workbook.bin."""
    sheets = []
    for kind, body in _records(data):
        if kind == _END_BUNDLE_SHEETS:
            break
        if kind != _BUNDLE_SHEET or len(body) < 16:
            continue
        rel = struct.unpack_from("<I", body, 8)[0]
        rel_end = 12 + (0 if rel == 0xFFFFFFFF else 2 * rel)
        count = struct.unpack_from("<I", body, rel_end)[0] if len(body) >= rel_end + 4 else 0
        name = body[rel_end + 4 : rel_end + 4 + 2 * count].decode("utf-16-le", "replace")
        sheets.append((name, body[12:rel_end].decode("utf-16-le", "replace")))
    return sheets


def _xlsb_sheet(data: bytes) -> Census:
    census, row = Census(), 0
    for kind, body in _records(data):
        if kind == _ROW_HEADER and len(body) >= 4:
            row = struct.unpack_from("<I", body)[0]
        elif 0x0002 <= kind <= 0x000B and len(body) >= 8:  # the cell records; 0x0001 is a blank
            col = struct.unpack_from("<I", body)[0]
            census.add(row, col)
            if kind in (_CELL_ERROR, _FORMULA_ERROR) and len(body) > 8:
                census.errors[(row, col)] = _ERRORS.get(body[8], "#N/A")
        elif kind == _END_SHEET_DATA:
            break
    return census
