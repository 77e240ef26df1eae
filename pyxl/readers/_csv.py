"""CSV as Excel writes it: UTF-8 (the default, with or without BOM), UTF-16 ('Unicode Text') or
Windows-1258 (Excel on Vietnamese Windows); comma, semicolon or tab separated.

Broken quoting is refused with the line number instead of being read the way it parses: an unmatched
quote would otherwise swallow the rest of the file into one cell.
"""
from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from pathlib import Path

from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid
from pyxl.readers._limits import MAX_COLUMNS, MAX_ROWS, too_large

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Windows-1258 writes a tone as a combining mark after its vowel, which may carry a circumflex, breve or horn.
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" "àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁÈÉÌÍÒÓÙÚÝ")
_SAVE_AS = "Trong Excel hãy chọn File › Save As › 'CSV UTF-8 (Comma delimited)' rồi thử lại."


def read(path: Path) -> list[Grid]:
    """The file as one Grid named after the file."""
    text = decode(path.read_bytes(), path.name)
    rows = _rows(text, _delimiter(text), path.name)
    if len(rows) > MAX_ROWS:
        raise too_large(path.name, None, f"có {len(rows)} dòng")
    return [Grid(name=path.stem, rows=rows)]


def decode(data: bytes, source: str) -> str:
    """The text of a CSV file in NFC, from the encoding its bytes show; UTF-8 unless they say otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _nfc(data.decode("utf-16", "replace"))
    if data[:4000].count(b"\x00") > len(data[:4000]) // 4:  # UTF-16 without a BOM: every other byte 0
        return _nfc(data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", "replace"))
    try:
        return _nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if _is_vietnamese_1258(text):
        return _nfc(text)
    raise ParbookError(f"Tệp '{source}' không phải CSV mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi. {_SAVE_AS}")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _is_vietnamese_1258(text: str) -> bool:
    """True when the text has tone marks and every one of them follows a vowel, as Windows-1258 writes."""
    marks = [i for i, ch in enumerate(text) if ch in _TONES]
    return bool(marks) and all(i > 0 and text[i - 1] in _VOWELS for i in marks)


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most rows of one width (a title line has one cell).

    Excel writes ';' on Vietnamese Windows (',' is the decimal mark there), ',' elsewhere, tab for
    'Unicode Text'; csv.Sniffer is thrown off by the title lines above the header.
    """
    sample = io.StringIO(text[:65536], newline="")
    lines = [next(sample, "") for _ in range(50)]
    best, best_score = ",", 0
    for delimiter in ("\t", ";", ","):
        try:
            widths = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter) if len(row) >= 2)
        except csv.Error:
            continue
        score = max(widths.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _rows(text: str, delimiter: str, source: str) -> list[list[object]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[object]] = []
    first_line, width = 1, 0
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS:
                raise too_large(source, None, f"dòng {first_line} có {len(row)} cột")
            width = max(width, len(row))
            _refuse_swallowed(row, width, first_line, reader.line_num, delimiter, source)
            rows.append(row)
            first_line = reader.line_num + 1
    except csv.Error as exc:
        raise _broken(source, str(exc), first_line, reader.line_num) from None
    return rows


def _broken(source: str, reason: str, first_line: int, line: int) -> ParbookError:
    where = f"Tệp '{source}', dòng {first_line}"
    if "field larger than field limit" in reason:
        limit = f"{csv.field_size_limit():,}".replace(",", ".")
        return ParbookError(
            f"Tệp '{source}', dòng {line}: có một ô dài hơn {limit} ký tự — thường do một dấu ngoặc kép (\") mở "
            "mà không đóng, khiến các dòng sau bị gộp vào một ô. Hãy mở tệp bằng Excel hoặc Notepad, sửa ô đó "
            f"rồi lưu lại. {_SAVE_AS}"
        )
    if "unexpected end of data" in reason:
        return ParbookError(
            f"{where}: một ô mở bằng dấu ngoặc kép (\") nhưng không có dấu đóng, nên mọi dòng từ đây tới cuối "
            "tệp sẽ bị gộp vào một ô. Hãy thêm dấu \" đóng ô đó (hoặc bỏ dấu \" thừa) rồi lưu lại."
        )
    return ParbookError(
        f"{where}: dấu ngoặc kép (\") đặt sai chỗ. Trong CSV, ô có dấu \" phải được bao cả ô trong "
        f"dấu \" và mỗi dấu \" bên trong viết thành \"\". {_SAVE_AS}"
    )


def _refuse_swallowed(row: list[str], width: int, first_line: int, last_line: int, delimiter: str,
                      source: str) -> None:
    """Refuse a record whose quoted cell ran on over whole rows (a stray quote closed lines later)."""
    if last_line == first_line or width < 3:
        return
    for cell in row:
        swallowed = [line for line in cell.split("\n")[1:] if line.count(delimiter) >= width - 1]
        if swallowed:
            raise ParbookError(
                f"Tệp '{source}', dòng {first_line}: một ô mở bằng dấu ngoặc kép (\") chỉ được đóng ở dòng "
                f"{last_line}, nên các dòng ở giữa bị gộp vào ô đó (ví dụ '{swallowed[0][:60]}'). Hãy sửa dấu \" "
                "thừa hoặc thiếu ở dòng này rồi lưu lại."
            )
