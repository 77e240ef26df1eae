"""CSV in UTF-8 (with or without BOM), comma, semicolon or tab separated."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid


def read(path: Path) -> list[Grid]:
    """The file as one Grid named after the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ParbookError(
            f"Tệp '{path.name}' không phải CSV mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi. "
            "Trong Excel hãy chọn File › Save As › 'CSV UTF-8 (Comma delimited)' rồi thử lại."
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    return [Grid(name=path.stem, rows=rows)]
