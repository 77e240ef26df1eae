"""HTML tables, as provincial scoring software and many government systems export "Excel" (.xls, .htm).

The page is read the way Excel shows it: each line of text outside a table is a row of its own (the
title lines), each table row a row. rowspan/colspan become merged ranges with the value in the
top-left cell, so the header finder reads a two-row header as it does in an .xlsx. A page holding
several data tables (a workbook saved as a web page) gives one Grid per data table, each with the
lines and small tables (the national motto, a signature) above it; what follows the last one stays
with it. lxml's HTML parser streams the page into this reader (no tree is built), so memory stays
bounded. Cell text is kept as shown: the core parses numbers ("0,75") and dates ("30/6/2024").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid, Merge
from pyxl.readers._csv import decode
from pyxl.readers._limits import MAX_COLUMNS, MAX_ROWS, too_large

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "center", "caption", "section",
           "header", "footer", "article", "blockquote", "pre", "form", "hr", "dl", "dt", "dd"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_CELL = {"td", "th"}
_SPACES = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_MAX_SPAN = 1000


def read(path: Path) -> list[Grid]:
    """The page's data tables as Grids named after the file ('diem (2)' for the second of several)."""
    text = _text(path.read_bytes(), path.name)
    page = _Page(path.name)
    parser = etree.HTMLParser(target=page, no_network=True)
    for start in range(0, len(text), 1 << 20):
        parser.feed(text[start:start + (1 << 20)])
    parser.close()
    if len(page.sections) == 1:
        return [Grid(name=path.stem, rows=page.sections[0][0], merges=tuple(page.sections[0][1]))]
    return [Grid(name=f"{path.stem} ({n})", rows=rows, merges=tuple(merges))
            for n, (rows, merges) in enumerate(page.sections, start=1)]


def _text(data: bytes, source: str) -> str:
    """The page as text: the charset its <meta> names, else what its bytes show (UTF-8 by default)."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            return unicodedata.normalize("NFC", data.decode(declared[1].decode("ascii"), "replace"))
        except LookupError:
            pass
    try:
        return decode(data, source)
    except ParbookError:
        return data.decode("cp1252", "replace")  # entities (&#7897;) carry the Vietnamese letters then


@dataclass
class _Table:
    """An open table: the grid row it starts at, its open row and the rowspans still covering columns."""

    start: int
    row: list[object] | None = None
    col: int = 0
    carry: dict[int, int] = field(default_factory=dict)  # column → rows still covered from above


class _Page:
    """A parser target: rows and merges from the events of lxml's HTML parser.

    A table nested in a cell ends that cell and row: its rows follow as rows of their own, so a layout
    table wrapping the real one (common in old web pages) does not hide it.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.sections: list[tuple[list[list[object]], list[Merge]]] = []  # one per data table
        self.rows: list[list[object]] = []  # of the section being read
        self.merges: list[Merge] = []
        self.tables: list[_Table] = []
        self.skip = 0  # inside <script>, <style>…
        self.line: list[str] = []  # text outside any cell, up to the next block boundary
        self.cell: list[str] | None = None  # text of the open cell
        self.span = (1, 1)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self._end_cell()
            self._flush_line()
            if self.tables:
                self._end_row()
            self.tables.append(_Table(len(self.rows)))
        elif self.tables and tag == "tr":
            self._end_cell()
            self._end_row()
            self.tables[-1].row = []
        elif self.tables and tag in _CELL:
            self._end_cell()
            self._flush_line()
            table = self.tables[-1]
            if table.row is None:
                table.row = []
            self.cell, self.span = [], (_span(attrib.get("rowspan")), _span(attrib.get("colspan")))
        elif tag == "br" or tag in _BLOCKS:
            if self.cell is not None:
                self.cell.append("\n")
            else:
                self._flush_line()

    def end(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.tables:
            self._end_cell()
            self._end_row()
            table = self.tables.pop()
            self._clip_merges(table.start)
            if not self.tables:
                self.rows.append([])  # what follows a table (a note, a signature) is not part of its last row
                if _is_data(self.rows[table.start:]):
                    self._end_section()
        elif tag in _CELL:
            self._end_cell()
        elif tag == "tr":
            self._end_cell()
            self._end_row()
        elif tag in _BLOCKS and self.cell is None:
            self._flush_line()

    def data(self, text: str) -> None:
        if not self.skip:
            (self.line if self.cell is None else self.cell).append(_SPACES.sub(" ", text))

    def close(self) -> None:
        while self.tables:
            self.end("table")
        self._flush_line()
        if self.sections and self.rows:  # a signature, a note after the last data table: it stays with it
            rows, merges = self.sections[-1]
            merges.extend((r1 + len(rows), c1, r2 + len(rows), c2) for r1, c1, r2, c2 in self.merges)
            rows.extend(self.rows)
        elif self.rows or not self.sections:
            self._end_section()

    def _end_section(self) -> None:
        self.sections.append((self.rows, self.merges))
        self.rows, self.merges = [], []

    def _flush_line(self) -> None:
        text = _SPACES.sub(" ", "".join(self.line)).strip()
        self.line = []
        if text:
            self._check(len(self.rows) + 1, 1)
            self.rows.append([text])

    def _end_cell(self) -> None:
        if self.cell is None:
            return
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(self.cell).split("\n"))
        self.cell = None
        self._place("\n".join(line for line in lines if line))

    def _place(self, value: str) -> None:
        table = self.tables[-1]
        row = table.row = table.row if table.row is not None else []
        while table.carry.get(table.col, 0) > 0:
            table.col += 1
        rows, cols = self.span
        self._check(len(self.rows) + rows, table.col + cols)
        row.extend([None] * (table.col + cols - len(row)))
        row[table.col] = value or None
        for c in range(table.col, table.col + cols):
            table.carry[c] = rows
        if rows > 1 or cols > 1:
            r = len(self.rows)
            self.merges.append((r, table.col, r + rows - 1, table.col + cols - 1))
        table.col += cols

    def _end_row(self) -> None:
        table = self.tables[-1]
        if table.row is None:
            return
        self.rows.append(table.row)
        table.row, table.col = None, 0
        table.carry = {c: n - 1 for c, n in table.carry.items() if n > 1}

    def _clip_merges(self, start: int) -> None:
        """A rowspan reaching past its table's last row (a common export slip) ends with the table."""
        last = len(self.rows) - 1
        clipped = [(r1, c1, min(r2, last), c2) if r1 >= start else (r1, c1, r2, c2)
                   for r1, c1, r2, c2 in self.merges]
        self.merges = [m for m in clipped if m[2] > m[0] or m[3] > m[1]]

    def _check(self, rows: int, columns: int) -> None:
        if rows > MAX_ROWS or columns > MAX_COLUMNS:
            raise too_large(self.source, None, f"bảng HTML rộng tới {rows} dòng × {columns} cột")


def _is_data(rows: list[list[object]]) -> bool:
    """A table of at least 3 rows by 3 columns holds data; smaller ones are a motto, a signature, a layout."""
    return sum(1 for row in rows if row) >= 3 and max((len(row) for row in rows), default=0) >= 3


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute: a positive number up to _MAX_SPAN; '0', junk or none count as 1."""
    digits = re.match(r"\s*(\d+)", value or "")
    return min(max(int(digits[1]), 1), _MAX_SPAN) if digits else 1
