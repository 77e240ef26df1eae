"""What the cell values alone do not tell, read from the .xlsx XML itself.

- formula cells saved without a calculated value (a workbook written by a program, never opened in Excel);
- numbers shown as percentages ("100%" in a target column is stored as 1);
- cells shown bold (lĩnh vực lines are often bold and nothing else marks them).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree  # enough for these parts, and quicker to load than lxml

_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CELL = f"{{{_NS['m']}}}c"
_FORMULA = f"{{{_NS['m']}}}f"
_VALUE = f"{{{_NS['m']}}}v"
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_PERCENT_FORMAT_IDS = {9, 10}
_STYLED_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]+)(\d+)"[^>]*?\ss="(\d+)"')
# The same, for cells that hold something (not an empty <c …/> or <c …></c> left by a border or a merge).
_FILLED_STYLED_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]+)(\d+)"[^>]*?\ss="(\d+)"[^>]*(?<!/)>(?!</)')
# The same two without a namespace prefix, for the parts that have no prefixed cell (nearly all): the
# literal start lets the expression skip to each cell.
_PLAIN = {_STYLED_CELL: re.compile(_STYLED_CELL.pattern.replace(rb"(?:\w+:)?", b"", 1)),
          _FILLED_STYLED_CELL: re.compile(_FILLED_STYLED_CELL.pattern.replace(rb"(?:\w+:)?", b"", 1))}


class SheetFacts:
    """Per sheet: uncalculated formula cells, percent-formatted and bold cells (0-based row, col).

    A plain class, not a dataclass: a tenth of the cost to define, and every read of an .xlsx defines it.
    """

    __slots__ = ("uncalculated", "percent", "bold")

    def __init__(self, uncalculated: tuple[str, ...], percent: set[tuple[int, int]],
                 bold: frozenset[tuple[int, int]]) -> None:
        self.uncalculated, self.percent, self.bold = uncalculated, percent, bold


def scan(path: Path) -> dict[str, SheetFacts]:
    """Sheet name → facts, for sheets that have any."""
    result: dict[str, SheetFacts] = {}
    with zipfile.ZipFile(path) as archive:
        styles = _styles(archive)
        percent_styles, bold_styles = _percent_styles(styles), _bold_styles(styles)
        for name, part in _sheet_parts(archive).items():
            data = archive.read(part)
            facts = SheetFacts(
                _uncalculated(data) if has_formula(data) else (),
                _styled_cells(data, percent_styles) if percent_styles else set(),
                frozenset(_styled_cells(data, bold_styles, _FILLED_STYLED_CELL)) if bold_styles else frozenset(),
            )
            if facts.uncalculated or facts.percent or facts.bold:
                result[name] = facts
    return result


def percent_text(value: object) -> object:
    """1 → '100%', 0.855 → '85,5%'; other values unchanged."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    number = (Decimal(repr(value)) * 100).quantize(Decimal("0.01")).normalize()
    return format(number, "f").replace(".", ",") + "%"


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(_REL)}
    names = set(archive.namelist())
    parts = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        if part in names:
            parts[sheet.get("name")] = part
    return parts


def _styles(archive: zipfile.ZipFile) -> ElementTree.Element | None:
    if "xl/styles.xml" not in archive.namelist():
        return None
    return ElementTree.fromstring(archive.read("xl/styles.xml"))


def _percent_styles(styles: ElementTree.Element | None) -> set[bytes]:
    if styles is None:
        return set()
    percent_ids = set(_PERCENT_FORMAT_IDS)
    for fmt in styles.iterfind("m:numFmts/m:numFmt", _NS):
        if "%" in re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode", "")):
            percent_ids.add(int(fmt.get("numFmtId", "-1")))
    xfs = styles.find("m:cellXfs", _NS)
    if xfs is None:
        return set()
    return {str(i).encode() for i, xf in enumerate(xfs) if int(xf.get("numFmtId", "0")) in percent_ids}


def _bold_styles(styles: ElementTree.Element | None) -> set[bytes]:
    """Cell style indexes whose font is bold (<b/>, or <b val="1"/>; val="0" means not bold)."""
    if styles is None:
        return set()
    fonts = styles.find("m:fonts", _NS)
    xfs = styles.find("m:cellXfs", _NS)
    if fonts is None or xfs is None:
        return set()
    bold_fonts = set()
    for i, font in enumerate(fonts.iterfind("m:font", _NS)):
        b = font.find("m:b", _NS)
        if b is not None and b.get("val", "1").lower() not in ("0", "false"):
            bold_fonts.add(i)
    return {str(i).encode() for i, xf in enumerate(xfs) if int(xf.get("fontId", "0")) in bold_fonts}


def has_formula(data: bytes) -> bool:
    """Whether a sheet part holds a formula element (<f>, or <x:f> with a prefix)."""
    return (b"<f" in data or b":f" in data) and _HAS_FORMULA.search(data) is not None


def _styled_cells(data: bytes, styles: set[bytes], pattern: re.Pattern[bytes] = _STYLED_CELL) -> set[tuple[int, int]]:
    if b':c r="' not in data:  # no prefixed cell: only the plain form can match
        pattern = _PLAIN[pattern]
    cells = set()
    for letters, digits, style in pattern.findall(data):
        if style in styles:
            col = 0
            for ch in letters.decode():
                col = col * 26 + ord(ch) - 64
            cells.add((int(digits) - 1, col - 1))
    return cells


def _uncalculated(data: bytes) -> tuple[str, ...]:
    cells = []
    for cell in ElementTree.fromstring(data).iter(_CELL):
        formula = cell.find(_FORMULA)
        if formula is None:
            continue
        value = cell.find(_VALUE)
        # Excel saves a formula whose result is "" as text with an empty value; only untyped empties are uncalculated.
        if (value is None or not (value.text or "").strip()) and cell.get("t") != "str":
            cells.append(cell.get("r", ""))
    return tuple(cells)
