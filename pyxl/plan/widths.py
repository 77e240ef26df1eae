"""Appendix tables sized to what they hold, once the document is rendered.

A table whose Alt Text title (w:tblCaption) contains "parbook" is fitted: columns with nothing below
the header row are dropped; every column is at least as wide as its longest word (header words
included) at the size and weight it is printed in, so no word is split; the room left is handed out
a step at a time to the column that shortens the table most, so that a column of long notes gets
the width a nearly empty column does not need, and a short text is not broken over three lines; the
table spans the text width of its section. The last row is kept on the page of the row above it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml import etree

from pyxl.plan.metrics import TWIPS_PER_POINT, text_units

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARKER = "parbook"
_DEFAULT_MARGIN = 108  # twips: Word's and LibreOffice's default left and right cell margins (0.19 cm)
_SLACK = 1.02, 2.0 * TWIPS_PER_POINT  # room for rounding and for renderers that measure a little wider


@dataclass(frozen=True)
class TextStyles:
    """Font size (half-points) and bold of each paragraph style, through basedOn and the document defaults."""

    sizes: dict[str, int]
    bold: dict[str, bool]
    default_size: int = 24
    default_style: str | None = None

    @classmethod
    def from_xml(cls, xml: bytes | None) -> "TextStyles":
        """The styles of a word/styles.xml part (defaults only when there is none)."""
        if not xml:
            return cls({}, {})
        root = etree.fromstring(xml)
        default_size = _size(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")) or 20
        own: dict[str, tuple[int | None, bool | None, str | None]] = {}
        default_style = None
        for style in root.iter(f"{W}style"):
            if style.get(f"{W}type") != "paragraph":
                continue
            sid = style.get(f"{W}styleId")
            based = style.find(f"{W}basedOn")
            rpr = style.find(f"{W}rPr")
            own[sid] = (_size(rpr), _bold(rpr), based.get(f"{W}val") if based is not None else None)
            if style.get(f"{W}default") in ("1", "true"):
                default_style = sid
        sizes, bold = {}, {}
        for sid in own:
            size, weight, seen, current = None, None, set(), sid
            while current in own and current not in seen:
                seen.add(current)
                s, b, current = own[current]
                size = size if size is not None else s
                weight = weight if weight is not None else b
            sizes[sid], bold[sid] = size or default_size, bool(weight)
        return cls(sizes, bold, default_size, default_style)

    def of(self, style_id: str | None) -> tuple[int, bool]:
        """(size in half-points, bold) of a paragraph style."""
        sid = style_id or self.default_style
        return self.sizes.get(sid, self.default_size), self.bold.get(sid, False)


def _size(rpr) -> int | None:
    el = rpr.find(f"{W}sz") if rpr is not None else None
    return int(el.get(f"{W}val")) if el is not None and (el.get(f"{W}val") or "").isdigit() else None


def _bold(rpr) -> bool | None:
    el = rpr.find(f"{W}b") if rpr is not None else None
    if el is None:
        return None
    return el.get(f"{W}val", "true") not in ("0", "false", "off")


def has_fitted_tables(xml: str) -> bool:
    """True when a part's source holds a table to fit (cheap test at compile time)."""
    return "tblCaption" in xml and MARKER in xml


def fit_tables(root, styles: TextStyles) -> None:
    """Fit every marked table of a rendered part (see the module docstring), in place."""
    for tbl in list(root.iter(f"{W}tbl")):
        caption = tbl.find(f"{W}tblPr/{W}tblCaption")
        if caption is None or MARKER not in (caption.get(f"{W}val") or ""):
            continue
        rows = tbl.findall(f"{W}tr")
        grid = [row.findall(f"{W}tc") for row in rows]
        if not rows or _spans(tbl) or len({len(c) for c in grid}) != 1:
            continue  # merged cells: keep the template's widths
        header = [any(True for _ in row.iter(f"{W}tblHeader")) for row in rows]
        _drop_empty_columns(tbl, grid, header)
        grid = [row.findall(f"{W}tc") for row in rows]
        widths = _widths(tbl, grid, header, styles)
        _apply(tbl, grid, widths)
        if len(rows) >= 2 and not header[-2]:
            _keep_with_next(rows[-2])


def _spans(tbl) -> bool:
    """True when a cell spans rows or columns."""
    if next(tbl.iter(f"{W}vMerge"), None) is not None:
        return True
    return any(span.get(f"{W}val") not in ("1", None) for span in tbl.iter(f"{W}gridSpan"))


def _text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{W}t")).strip()


def _drop_empty_columns(tbl, grid: list[list], header: list[bool]) -> None:
    body = [cells for cells, is_header in zip(grid, header) if not is_header]
    if not body:
        return
    empty = [c for c in range(len(grid[0])) if not any(_text(cells[c]) for cells in body)]
    if len(empty) == len(grid[0]):
        return
    cols = tbl.findall(f"{W}tblGrid/{W}gridCol")
    for c in reversed(empty):
        for cells in grid:
            cells[c].getparent().remove(cells[c])
        if c < len(cols):
            cols[c].getparent().remove(cols[c])


_SPACES = re.compile(r"(\s+)")
_WRAP = 1.08  # a wrapped line holds a little less than its width: words do not fill it to the edge
_STEPS = 24  # the room above the words' widths is handed out in this many steps


def _widths(tbl, grid: list[list], header: list[bool], styles: TextStyles) -> list[int]:
    left, right = _margins(tbl)
    pad = left + right
    count = len(grid[0])
    words = [0.0] * count
    body: list[list[list[float]]] = []  # per body row, per column: the widths of its lines on one line each
    for cells, is_header in zip(_measure(tbl, styles), header):
        for c, (word, _) in enumerate(cells):
            words[c] = max(words[c], word)
        if not is_header:
            body.append([lines for _, lines in cells])
    lo = [w * _SLACK[0] + _SLACK[1] + pad for w in words]
    longest = [max((w for row in body for w in row[c]), default=0.0) for c in range(count)]
    hi = [max(w * _SLACK[0] + _SLACK[1] + pad, low) for w, low in zip(longest, lo)]
    return [round(w) for w in fit(lo, hi, body, _available(tbl), pad)]


def fit(lo: list[float], hi: list[float], rows: list[list[list[float]]], total: float, pad: float) -> list[float]:
    """Column widths adding up to total, none below lo, that make the table about as short as it can be.

    rows[r][c] lists the one-line widths of cell (r, c)'s lines. Starting from lo, each step widens
    the column that shortens the table most (a cell's height ~ its text width over the column's);
    room left when no column helps any more goes to the columns by how much text they hold.
    """
    if sum(lo) >= total:
        return [value * total / sum(lo) for value in lo]  # even the words do not fit: shrink evenly
    count = len(lo)
    widths = list(lo)
    cells = [[(r, row[c]) for r, row in enumerate(rows) if row[c]] for c in range(count)]

    def heights(c: int, width: float) -> list[tuple[int, float]]:
        k = _WRAP / max(width - pad, 1.0)
        return [(r, sum(w * k if w * k > 1.0 else 1.0 for w in lines)) for r, lines in cells[c]]

    table = [[0.0] * count for _ in rows]  # the height of each cell, in lines
    for c in range(count):
        for r, height in heights(c, widths[c]):
            table[r][c] = height
    step = (total - sum(lo)) / _STEPS
    while total - sum(widths) > 0.5:
        room = min(step, total - sum(widths))
        tops = [_top_two(row) for row in table]  # (tallest, its column, the next tallest) per row
        best, gain, best_heights = None, 1e-9, None
        for c in range(count):
            if widths[c] >= hi[c] or not cells[c]:
                continue
            trial = heights(c, min(widths[c] + room, hi[c]))
            saved = 0.0
            for r, height in trial:
                tallest, column, second = tops[r]
                if column == c:  # only the cell that makes the row's height can lower it
                    saved += tallest - max(second, height)
            if saved > gain:
                best, gain, best_heights = c, saved, trial
        if best is None:
            break
        widths[best] = min(widths[best] + room, hi[best])
        for r, height in best_heights:
            table[r][best] = height
    left = total - sum(widths)
    if left > 0.5:
        text = [sum(w for _, lines in cells[c] for w in lines) for c in range(count)]
        shares = text if sum(text) > 0 else [1.0] * count
        widths = [w + left * s / sum(shares) for w, s in zip(widths, shares)]
    return widths


def _top_two(row: list[float]) -> tuple[float, int, float]:
    first, column, second = 0.0, -1, 0.0
    for c, value in enumerate(row):
        if value > first:
            first, column, second = value, c, first
        elif value > second:
            second = value
    return first, column, second


_MEASURED = tuple(f"{W}{tag}" for tag in ("tr", "tc", "p", "pStyle", "r", "b", "sz", "t", "br", "cr", "tab"))


def _measure(tbl, styles: TextStyles) -> list[list[tuple[float, list[float]]]]:
    """Per row, per cell: (longest word, [width of each line]) in twips; lines end at paragraphs and breaks.

    One pass over the table in document order (a cell's run properties come before its text).
    """
    rows: list[list[tuple[float, list[float]]]] = []
    longest = word = line = 0.0
    lines: list[float] = []
    size, bold = styles.of(None)
    run_size, run_bold, in_run = size, bold, False

    def end_line() -> None:
        nonlocal longest, word, line
        longest, word = max(longest, word), 0.0
        if line > 0:
            lines.append(line)
        line = 0.0

    def end_cell() -> None:
        nonlocal longest, lines
        end_line()
        if rows and in_cell:
            rows[-1].append((longest, lines))
        longest, lines = 0.0, []

    in_cell = False
    for el in tbl.iter(*_MEASURED):
        tag = el.tag[len(W):]
        if tag == "t":
            scale = run_size / 2 / 1000 * TWIPS_PER_POINT
            head, inner, tail, total, whole = _words(el.text or "", run_bold)
            if whole:
                word += head * scale
            else:
                longest = max(longest, word + head * scale, inner * scale)
                word = tail * scale
            line += total * scale
        elif tag == "r":
            run_size, run_bold, in_run = size, bold, True
        elif tag in ("b", "sz"):
            if in_run and el.getparent().getparent().tag == f"{W}r":
                if tag == "b":
                    run_bold = el.get(f"{W}val", "true") not in ("0", "false", "off")
                elif (el.get(f"{W}val") or "").isdigit():
                    run_size = int(el.get(f"{W}val"))
        elif tag in ("br", "cr"):
            end_line()
        elif tag == "tab":
            longest, word = max(longest, word), 0.0
            line += 720
        elif tag == "p":
            end_line()
            size, bold = styles.of(None)
            run_size, run_bold, in_run = size, bold, False
        elif tag == "pStyle":
            size, bold = styles.of(el.get(f"{W}val"))
            run_size, run_bold = size, bold
        elif tag == "tc":
            end_cell()
            in_cell = True
        elif tag == "tr":
            end_cell()
            in_cell = False
            rows.append([])
    end_cell()
    return rows


@functools.lru_cache(maxsize=65536)
def _words(text: str, bold: bool) -> tuple[int, int, int, int, bool]:
    """(first word, widest inner word, last word, whole text, no space at all) in thousandths of an em.

    A run may end inside a word that the next run goes on with; first and last are the parts
    that join their neighbours (0 when the run starts or ends with a space).
    """
    pieces = _SPACES.split(text)
    widths = [0 if piece.isspace() else text_units(piece, bold) for piece in pieces]
    if len(pieces) == 1:
        return widths[0], 0, 0, widths[0], True
    inner = max(widths[1:-1], default=0)
    total = sum(text_units(piece, bold) if piece.isspace() else w for piece, w in zip(pieces, widths))
    return widths[0], inner, widths[-1], total, False


def _margins(tbl) -> tuple[int, int]:
    mar = tbl.find(f"{W}tblPr/{W}tblCellMar")
    values = []
    for sides in (("left", "start"), ("right", "end")):
        found = _DEFAULT_MARGIN
        for side in sides:
            el = mar.find(f"{W}{side}") if mar is not None else None
            if el is not None and (el.get(f"{W}w") or "").isdigit():
                found = int(el.get(f"{W}w"))
        values.append(found)
    return values[0], values[1]


def _available(tbl) -> int:
    """The text width (twips) of the section the table is in."""
    node = tbl
    while node.getparent() is not None and node.getparent().tag != f"{W}body":
        node = node.getparent()
    sect = None
    for sibling in node.itersiblings():
        sect = sibling if sibling.tag == f"{W}sectPr" else sibling.find(f"{W}pPr/{W}sectPr")
        if sect is not None:
            break
    size = sect.find(f"{W}pgSz") if sect is not None else None
    margins = sect.find(f"{W}pgMar") if sect is not None else None
    if size is None or margins is None:
        return 9638  # A4 portrait with 2 cm margins

    def twips(el, name: str) -> int:
        return int(float(el.get(f"{W}{name}") or 0))

    return twips(size, "w") - twips(margins, "left") - twips(margins, "right")


def _apply(tbl, grid: list[list], widths: list[int]) -> None:
    tbl_pr = tbl.find(f"{W}tblPr")
    tbl_w = tbl_pr.find(f"{W}tblW")
    if tbl_w is None:
        tbl_w = etree.SubElement(tbl_pr, f"{W}tblW")
    tbl_w.set(f"{W}w", str(sum(widths)))
    tbl_w.set(f"{W}type", "dxa")
    for col, width in zip(tbl.findall(f"{W}tblGrid/{W}gridCol"), widths):
        col.set(f"{W}w", str(width))
    for cells in grid:
        for tc, width in zip(cells, widths):
            tc_pr = tc[0] if len(tc) and tc[0].tag == f"{W}tcPr" else None
            if tc_pr is None:
                tc_pr = etree.Element(f"{W}tcPr")
                tc.insert(0, tc_pr)
            tc_w = tc_pr[0] if len(tc_pr) and tc_pr[0].tag == f"{W}tcW" else None
            if tc_w is None:
                tc_w = etree.Element(f"{W}tcW")
                tc_pr.insert(0, tc_w)
            tc_w.attrib.update({f"{W}w": str(width), f"{W}type": "dxa"})


def _keep_with_next(row) -> None:
    """Word keeps a row whose paragraphs are 'keep with next' on the page of the next row."""
    for p in row.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            ppr = etree.Element(f"{W}pPr")
            p.insert(0, ppr)
        if ppr.find(f"{W}keepNext") is None:
            keep = etree.Element(f"{W}keepNext")
            # CT_PPr order: pStyle, keepNext, …
            style = ppr.find(f"{W}pStyle")
            ppr.insert(1 if style is not None else 0, keep)
