"""Readers: a file → plain Grids (one small module per engine), and `read_tables` (a file → Tables).
May import core and the reading libraries (python-calamine, openpyxl, olefile, lxml); nothing that writes.

python-calamine is the default (fast) engine; openpyxl is kept as a cross-check.
"""
from __future__ import annotations

import dataclasses
import zipfile
from datetime import date
from pathlib import Path

import olefile

from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid
from pyxl.core.model import Table
from pyxl.core.workbook import tables_from_grids
from pyxl.readers import _calamine, _csv, _openpyxl
from pyxl.readers._xmlscan import percent_text, scan

ENGINES = {"calamine": _calamine.read, "openpyxl": _openpyxl.read}
_ZIP_TYPES = {".xlsx", ".xlsm", ".xltx", ".xltm"}
_CALAMINE_ONLY = {".xls", ".xlsb", ".ods"}


def read_workbook(path: str | Path, engine: str = "calamine") -> list[Grid]:
    """All worksheets of an .xlsx/.xlsm/.xls/.xlsb/.ods/.csv file as Grids.

    Raises ParbookError with a Vietnamese message when the file cannot be read.
    """
    path = Path(path)
    if not path.is_file():
        raise ParbookError(f"Không tìm thấy tệp '{path}'. Hãy kiểm tra lại đường dẫn và tên tệp.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv.read(path)
    if suffix not in _ZIP_TYPES | _CALAMINE_ONLY:
        raise ParbookError(
            f"Tệp '{path.name}' không phải bảng tính. parbook đọc được tệp .xlsx, .xlsm, .xls, "
            ".xlsb, .ods và .csv."
        )
    _refuse_encrypted(path)
    if suffix in _ZIP_TYPES and not zipfile.is_zipfile(path):
        raise _damaged(path)
    reader = ENGINES["calamine"] if suffix in _CALAMINE_ONLY else ENGINES[engine]
    try:
        grids = reader(path)
        if suffix in _ZIP_TYPES:
            grids = _apply_xml_facts(path, grids)
    except ParbookError:
        raise
    except Exception as exc:  # any library's complaint about a broken file
        raise _damaged(path) from exc
    return grids


def _refuse_encrypted(path: Path) -> None:
    # Password-protected .xlsx files are OLE compound files holding an encrypted package.
    if not olefile.isOleFile(str(path)):
        return
    with olefile.OleFileIO(str(path)) as ole:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise ParbookError(
                f"Tệp '{path.name}' được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, "
                "vào File › Info › Protect Workbook › Encrypt with Password, xoá mật khẩu, lưu lại rồi thử lại."
            )


def _damaged(path: Path) -> ParbookError:
    return ParbookError(
        f"Tệp '{path.name}' bị hỏng hoặc không phải bảng tính Excel (có thể tải về chưa hết, hoặc là "
        "tệp khác bị đổi đuôi). Hãy mở tệp bằng Excel, chọn File › Save As › Excel Workbook (.xlsx) rồi thử lại."
    )


def _apply_xml_facts(path: Path, grids: list[Grid]) -> list[Grid]:
    facts = scan(path)
    patched = []
    for grid in grids:
        sheet = facts.get(grid.name)
        if sheet is None:
            patched.append(grid)
            continue
        rows = [list(row) for row in grid.rows]
        for r, c in sheet.percent:
            if r < len(rows) and c < len(rows[r]):
                rows[r][c] = percent_text(rows[r][c])
        patched.append(dataclasses.replace(grid, rows=rows, uncalculated=sheet.uncalculated,
                                           bold=grid.bold or sheet.bold))
    return patched


def read_tables(path: str | Path, sheet: str | None = None, year: int | None = None,
                as_of: date | None = None, engine: str = "calamine") -> list[Table]:
    """Every table in the file (or on the named sheet), scored and checked.

    Raises ParbookError when the file cannot be read or holds no table.
    """
    return tables_from_grids(read_workbook(path, engine), Path(path).name, sheet, year, as_of)
