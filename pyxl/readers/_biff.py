"""The census of an Excel 97–2003 .xls (BIFF records in an OLE file) before python-calamine opens it.

One pass over the Workbook stream's records: where each sheet's cells lie and which hold error
values (BOOLERR records and formula results), which calamine reads as blanks. A FILEPASS record
means the file is password-protected.
"""
from __future__ import annotations

import struct
from pathlib import Path

import olefile

from pyxl.core.errors import ParbookError
from pyxl.readers._limits import Census

_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _CODEPAGE = 0x0809, 0x000A, 0x002F, 0x0085, 0x0042
_FORMULA, _BOOLERR, _MULRK = 0x0006, 0x0205, 0x00BD
_CELLS = {0x0006, 0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x00D6}  # records that start with row, column
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
           0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


class Encrypted(ParbookError):
    """The .xls is password-protected."""


def xls(path: Path, source: str) -> dict[str, Census]:
    """Sheet name → census; raises Encrypted for a password-protected file."""
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
            raise Encrypted(f"Tệp '{source}' được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, "
                            "bỏ mật khẩu (File › Info › Protect Workbook), lưu lại rồi thử lại.")
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
