"""Excel 2003 XML Spreadsheet (SpreadsheetML), which scoring web software exports as .xls or .xml.

Streamed through lxml's XML parser into Grids (no tree is built; entities are not expanded): one per
Worksheet, ss:Index jumps and ss:MergeAcross/ss:MergeDown merged ranges as Excel places them, typed
Data values (Number, String, DateTime, Boolean, Error).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from lxml import etree

from pyxl.core.errors import ParbookError
from pyxl.core.grid import CellError, Grid, Merge
from pyxl.readers._limits import MAX_COLUMNS, MAX_ROWS, too_large

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_WORKSHEET, _ROW, _CELL, _DATA, _COMMENT = (f"{_SS}{n}" for n in ("Worksheet", "Row", "Cell", "Data", "Comment"))
_NAME, _INDEX, _TYPE = f"{_SS}Name", f"{_SS}Index", f"{_SS}Type"
_ACROSS, _DOWN = f"{_SS}MergeAcross", f"{_SS}MergeDown"


def read(path: Path) -> list[Grid]:
    """Every Worksheet of the file as a Grid."""
    book = _Book(path.name)
    parser = etree.XMLParser(target=book, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(1 << 20):
                parser.feed(chunk)
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise ParbookError(
            f"Tệp '{path.name}' là bảng tính XML của Excel 2003 nhưng bị hỏng (dòng {exc.lineno} không đọc được). "
            "Hãy mở tệp bằng Excel, chọn File › Save As › Excel Workbook (.xlsx) rồi thử lại."
        ) from None
    return book.grids


class _Book:
    """A parser target: Grids from the events of lxml's XML parser."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.grids: list[Grid] = []
        self.name = ""
        self.rows: list[list[object]] = []
        self.merges: list[Merge] = []
        self.carry: dict[int, int] = {}  # column → rows still covered by a MergeDown from above
        self.r, self.c = -1, 0
        self.span = 1  # columns the open cell covers
        self.text: list[str] | None = None  # text of the open <Data>
        self.kind = "String"
        self.comment = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag == _WORKSHEET:
            self.name, self.rows, self.merges, self.carry, self.r = attrib.get(_NAME, ""), [], [], {}, -1
        elif tag == _ROW:
            row = _index(attrib, self.r + 1)
            step = max(row - self.r, 1)
            self.carry = {c: n - step for c, n in self.carry.items() if n > step}
            self.r, self.c = row, 0
        elif tag == _CELL:
            self.c = _index(attrib, self.c)
            while self.carry.get(self.c, 0) > 0 and _INDEX not in attrib:
                self.c += 1
            self._check(self.r, self.c)
            across, down = _number(attrib.get(_ACROSS)), _number(attrib.get(_DOWN))
            self._check(self.r + down, self.c + across)
            if across or down:
                self.merges.append((self.r, self.c, self.r + down, self.c + across))
                for col in range(self.c, self.c + across + 1):
                    self.carry[col] = down + 1
            self.span = across + 1
        elif tag == _COMMENT:
            self.comment += 1
        elif tag == _DATA and not self.comment:
            self.text, self.kind = [], attrib.get(_TYPE, "String")

    def end(self, tag: str) -> None:
        if tag == _WORKSHEET:
            self.grids.append(Grid(name=self.name, rows=self.rows, merges=tuple(self.merges)))
        elif tag == _CELL:
            self.c += self.span
        elif tag == _COMMENT:
            self.comment -= 1
        elif tag == _DATA and self.text is not None:
            self._put(_value("".join(self.text), self.kind))
            self.text = None

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def close(self) -> None:
        return None

    def _put(self, value: object) -> None:
        while len(self.rows) <= self.r:
            self.rows.append([])
        row = self.rows[self.r]
        row.extend([None] * (self.c + 1 - len(row)))
        row[self.c] = value

    def _check(self, row: int, col: int) -> None:
        if row >= MAX_ROWS or col >= MAX_COLUMNS:
            raise too_large(self.source, self.name, f"có dữ liệu ở dòng {row + 1}, cột {col + 1}")


def _index(attrib: dict[str, str], default: int) -> int:
    """ss:Index (1-based) as a 0-based position, else default."""
    number = _number(attrib.get(_INDEX))
    return number - 1 if number > 0 else default


def _number(text: str | None) -> int:
    try:
        return max(int(text or 0), 0)
    except ValueError:
        return 0


def _value(text: str, kind: str) -> object:
    """A typed Data value as the readers give it: int/float, str, date/datetime, bool, CellError."""
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number
    if kind == "DateTime":
        try:
            moment = datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return text
        return moment.date() if moment.time() == datetime.min.time() else moment
    if kind == "Boolean":
        return text.strip() == "1"
    if kind == "Error":
        return CellError(text.strip())
    return text
