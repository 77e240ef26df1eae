"""Appendix tables sized to what they hold, once the document is rendered.

A table whose Alt Text title (w:tblCaption) contains "parbook" is fitted: columns with nothing below
the header row are dropped; every column is at least as wide as its longest word (header words
included) at the size and weight it is printed in, so no word is split; the room left goes, a step
at a time, to the column that shortens the table most (pyxl.plan.columns), so that a column of long
notes gets the width a nearly empty column does not need; the table spans the text width of its
section; the last row is kept on the page of the row above it.

The rendered part is worked on as text: a merge renders thousands of plans, and a table of a few
hundred cells is measured and rewritten with a handful of regular expressions over the WordprocessingML
Word and python-docx write (prefix "w:"); a table with merged or nested cells keeps its widths.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from pyxl.plan.columns import fit
from pyxl.plan.metrics import TWIPS_PER_POINT, text_units

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARKER = "parbook"
_DEFAULT_MARGIN = 108  # twips: Word's and LibreOffice's default left and right cell margins (0.19 cm)
_SLACK = 1.02, 2.0 * TWIPS_PER_POINT  # room for rounding and for renderers that measure a little wider
_CAPTION = re.compile(r'<w:tblCaption w:val="([^"]*)"')
_ROW_OPEN = re.compile(r"<w:tr[ >]")
_CELL_OPEN = re.compile(r"<w:tc[ >]")
_SPAN = re.compile(r'<w:gridSpan w:val="(?!1")')
_HEADER_ROW = re.compile(r'<w:tblHeader(?: w:val="(?!0|false|off)\w*")?/>')
_TABLE_WIDTH = re.compile(r"<w:tblW\b[^>]*/>")
_GRID = re.compile(r"<w:tblGrid>.*?</w:tblGrid>", re.S)
_CELL_WIDTH = re.compile(r"<w:tcW\b[^>]*/>")
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_TOKEN = re.compile(r'<w:p[ >]|<w:pStyle w:val="([^"]*)"|<w:r[ >]|<w:b(?: w:val="(\w+)")?/>|<w:sz w:val="(\d+)"/>'
                    r"|<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(?:br|cr)\b[^>]*/>|<w:tab/>")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>(?:<w:pPr>(.*?)</w:pPr>)?", re.S)
_SPACES = re.compile(r"(\s+)")
_FALSE = ("0", "false", "off")


@dataclass(frozen=True, eq=False)  # compared (and hashed) by identity: one per compiled template
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
        from lxml import etree  # only when a template is compiled

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
    return None if el is None else el.get(f"{W}val", "true") not in _FALSE


def has_fitted_tables(xml: str) -> bool:
    """True when a part's source holds a table to fit (cheap test at compile time)."""
    return "tblCaption" in xml and MARKER in xml


def fit_tables(xml: str, styles: TextStyles) -> str:
    """The rendered part with every marked table fitted (see the module docstring)."""
    out, done = [], 0
    if "<w:tblCaption" not in xml:
        return xml
    for caption in _CAPTION.finditer(xml, xml.find("<w:tblCaption")):
        if MARKER not in caption.group(1):
            continue
        start, end = xml.rfind("<w:tbl>", 0, caption.start()), xml.find("</w:tbl>", caption.end())
        if start < done or end < 0 or "<w:tbl>" in xml[start + 7:end]:
            continue  # not where a table opens, or a table inside a table
        end += len("</w:tbl>")
        out += [xml[done:start], _fit_table(xml[start:end], _available(xml, end), styles)]
        done = end
    return "".join(out) + xml[done:]


def _fit_table(table: str, available: int, styles: TextStyles) -> str:
    rows = _elements(table, _ROW_OPEN, "</w:tr>")
    if not rows or "<w:vMerge" in table or ("<w:gridSpan" in table and _SPAN.search(table)):
        return table  # merged cells: keep the template's widths
    texts = [table[start:end] for start, end in rows]
    cells = [[row[a:b] for a, b in _elements(row, _CELL_OPEN, "</w:tc>")] for row in texts]
    if len({len(row) for row in cells}) != 1:
        return table
    header = [_is_header(row) for row in texts]
    kept = _kept_columns(cells, header)
    cells = [[row[c] for c in kept] for row in cells]
    widths = _widths(table, cells, header, available, styles)
    head = table[:rows[0][0]]
    head = _TABLE_WIDTH.sub(f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>', head, count=1)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = _GRID.sub(f"<w:tblGrid>{grid}</w:tblGrid>", head, count=1)
    body = []
    for n, (text, row_cells) in enumerate(zip(texts, cells)):
        opening = text[:text.find("<w:tc")]
        sized = "".join(_sized(cell, width) for cell, width in zip(row_cells, widths))
        if n == len(rows) - 2 and not header[n]:
            sized = _PARAGRAPH.sub(_keep_next, sized)  # the total row never stands alone on a page
        body.append(opening + sized + "</w:tr>")
    return head + "".join(body) + table[rows[-1][1]:]


def _elements(text: str, opening: re.Pattern[str], closing: str) -> list[tuple[int, int]]:
    """(start, end) of each element that opens with opening and ends at the next closing, one after another.

    What a lazy pattern (opening.*?closing) finds, at a fraction of its cost on a long table: each
    piece between two closings holds at most one element, from its first opening on.
    """
    found, at, size = [], 0, len(closing)
    search = opening.search
    for piece in text.split(closing)[:-1]:
        start = search(piece)
        if start is not None:
            found.append((at + start.start(), at + len(piece) + size))
        at += len(piece) + size
    return found


def _is_header(row: str) -> bool:
    return bool(_HEADER_ROW.search(row[:row.find("<w:tc")]))


def _kept_columns(cells: list[list[str]], header: list[bool]) -> list[int]:
    """The columns with something below the header row (all of them when none has)."""
    body = [row for row, is_header in zip(cells, header) if not is_header]
    kept = [c for c in range(len(cells[0])) if any(_has_text(row[c]) for row in body)]
    return kept or list(range(len(cells[0])))


@functools.lru_cache(maxsize=16384)
def _has_text(cell: str) -> bool:
    """Whether a cell shows any text (many cells are the same in every plan of a merge)."""
    return bool("".join(_TEXT.findall(cell)).strip())


def _widths(table: str, cells: list[list[str]], header: list[bool], available: int, styles: TextStyles) -> list[int]:
    left, right = _margins(table)
    pad = left + right
    count = len(cells[0])
    words = [0.0] * count
    body: list[list[tuple[float, ...]]] = []  # per body row, per column: the widths of its lines on one line each
    for row, is_header in zip(cells, header):
        measured = [_measure(cell, styles) for cell in row]
        for c, (word, _) in enumerate(measured):
            words[c] = max(words[c], word)
        if not is_header:
            body.append([lines for _, lines in measured])
    lo = [w * _SLACK[0] + _SLACK[1] + pad for w in words]
    longest = [max((w for row in body for w in row[c]), default=0.0) for c in range(count)]
    hi = [max(w * _SLACK[0] + _SLACK[1] + pad, low) for w, low in zip(longest, lo)]
    return [round(w) for w in fit(lo, hi, body, available, pad)]


@functools.lru_cache(maxsize=16384)
def _measure(cell: str, styles: TextStyles) -> tuple[float, tuple[float, ...]]:
    """(longest word, (width of each line)) of a cell in twips; lines end at paragraphs and breaks.

    A run's properties come before its text, a paragraph's style before its runs. Cached: the
    header, the lĩnh vực rows and many cells are the same in every plan of a merge.
    """
    longest = word = line = 0.0
    lines: list[float] = []
    size, bold = styles.of(None)
    run_size, run_bold = size, bold

    def end_line() -> None:
        nonlocal longest, word, line
        longest, word = max(longest, word), 0.0
        if line > 0:
            lines.append(line)
        line = 0.0

    for match in _TOKEN.finditer(cell):
        token = match.group(0)
        if match.group(4) is not None:  # <w:t>
            text = html.unescape(match.group(4)) if "&" in match.group(4) else match.group(4)
            scale = run_size / 2 / 1000 * TWIPS_PER_POINT
            head, inner, tail, total, whole = _words(text, run_bold)
            if whole:
                word += head * scale
            else:
                longest = max(longest, word + head * scale, inner * scale)
                word = tail * scale
            line += total * scale
        elif token.startswith("<w:r"):
            run_size, run_bold = size, bold
        elif token.startswith("<w:b"):
            run_bold = match.group(2) not in _FALSE
        elif token.startswith("<w:sz"):
            run_size = int(match.group(3))
        elif token.startswith("<w:pStyle"):
            size, bold = styles.of(match.group(1))
            run_size, run_bold = size, bold
        elif token == "<w:tab/>":
            longest, word = max(longest, word), 0.0
            line += 720
        elif token.startswith("<w:p"):
            end_line()
            size, bold = styles.of(None)
            run_size, run_bold = size, bold
        else:  # <w:br/>, <w:cr/>
            end_line()
    end_line()
    return longest, tuple(lines)


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


def _margins(table: str) -> tuple[int, int]:
    found = re.search(r"<w:tblCellMar>(.*?)</w:tblCellMar>", table[:table.find("</w:tblPr>")], re.S)
    values = []
    for sides in ("left|start", "right|end"):
        side = re.search(rf'<w:(?:{sides}) w:w="(\d+)"', found.group(1)) if found else None
        values.append(int(side.group(1)) if side else _DEFAULT_MARGIN)
    return values[0], values[1]


def _available(xml: str, after: int) -> int:
    """The text width (twips) of the section the table is in: its page width less the side margins."""
    start = xml.find("<w:sectPr", after)
    section = xml[start:xml.find("</w:sectPr>", start)] if start >= 0 else ""
    page = re.search(r'<w:pgSz\b[^>]*\bw:w="(\d+)"', section)
    margins = re.search(r"<w:pgMar\b[^>]*/>", section)
    if not page or not margins:
        return 9638  # A4 portrait with 2 cm margins
    sides = [re.search(rf'\bw:{name}="(\d+)"', margins.group(0)) for name in ("left", "right")]
    return int(page.group(1)) - sum(int(side.group(1)) for side in sides if side)


def _sized(cell: str, width: int) -> str:
    """The cell with its width (tcW) set."""
    tcw = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    start = cell.find("<w:tcW")
    if start >= 0:
        while start >= 0:  # what _CELL_WIDTH.sub(tcw, cell, count=1) does, without the regular expression
            after = start + len("<w:tcW")
            end = cell.find(">", after)
            if end < 0:
                break
            if (after == len(cell) or not _is_word(cell[after])) and end > after and cell[end - 1] == "/":
                return cell[:start] + tcw + cell[end + 1:]
            start = cell.find("<w:tcW", start + 1)
        return cell
    if "<w:tcPr>" in cell:
        return cell.replace("<w:tcPr>", "<w:tcPr>" + tcw, 1)
    opening = cell.index(">") + 1
    return cell[:opening] + f"<w:tcPr>{tcw}</w:tcPr>" + cell[opening:]


def _is_word(char: str) -> bool:
    """What \\w matches (a regular expression's word character)."""
    return char.isalnum() or char == "_"


def _keep_next(match: re.Match[str]) -> str:
    """A paragraph made 'keep with next' (CT_PPr: pStyle, then keepNext)."""
    whole, properties = match.group(0), match.group(1)
    if properties is None:
        return whole + "<w:pPr><w:keepNext/></w:pPr>"
    if "<w:keepNext" in properties:
        return whole
    style = re.match(r"<w:pStyle\b[^>]*/>", properties)
    at = len(style.group(0)) if style else 0
    opening = whole[:whole.index("<w:pPr>") + len("<w:pPr>")]
    return f"{opening}{properties[:at]}<w:keepNext/>{properties[at:]}</w:pPr>"
