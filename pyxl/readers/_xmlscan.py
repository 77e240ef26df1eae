"""What the cell values alone do not tell, read from the .xlsx XML itself.

- formula cells saved without a calculated value (a workbook written by a program, never opened in Excel);
- numbers shown as percentages ("100%" in a target column is stored as 1).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lxml import etree

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


@dataclass
class SheetFacts:
    """Per sheet: uncalculated formula cells and percent-formatted cells (0-based row, col)."""

    uncalculated: tuple[str, ...] = ()
    percent: set[tuple[int, int]] = field(default_factory=set)


def scan(path: Path) -> dict[str, SheetFacts]:
    """Sheet name → facts, for sheets that have any."""
    result: dict[str, SheetFacts] = {}
    with zipfile.ZipFile(path) as archive:
        percent_styles = _percent_styles(archive)
        for name, part in _sheet_parts(archive).items():
            data = archive.read(part)
            facts = SheetFacts(
                _uncalculated(data) if _HAS_FORMULA.search(data) else (),
                _percent_cells(data, percent_styles) if percent_styles else set(),
            )
            if facts.uncalculated or facts.percent:
                result[name] = facts
    return result


def percent_text(value: object) -> object:
    """1 → '100%', 0.855 → '85,5%'; other values unchanged."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    number = (Decimal(repr(value)) * 100).quantize(Decimal("0.01")).normalize()
    return format(number, "f").replace(".", ",") + "%"


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    workbook = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(_REL)}
    names = set(archive.namelist())
    parts = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        if part in names:
            parts[sheet.get("name")] = part
    return parts


def _percent_styles(archive: zipfile.ZipFile) -> set[bytes]:
    if "xl/styles.xml" not in archive.namelist():
        return set()
    styles = etree.fromstring(archive.read("xl/styles.xml"))
    percent_ids = set(_PERCENT_FORMAT_IDS)
    for fmt in styles.iterfind("m:numFmts/m:numFmt", _NS):
        if "%" in re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode", "")):
            percent_ids.add(int(fmt.get("numFmtId", "-1")))
    xfs = styles.find("m:cellXfs", _NS)
    if xfs is None:
        return set()
    return {str(i).encode() for i, xf in enumerate(xfs) if int(xf.get("numFmtId", "0")) in percent_ids}


def _percent_cells(data: bytes, styles: set[bytes]) -> set[tuple[int, int]]:
    cells = set()
    for letters, digits, style in _STYLED_CELL.findall(data):
        if style in styles:
            col = 0
            for ch in letters.decode():
                col = col * 26 + ord(ch) - 64
            cells.add((int(digits) - 1, col - 1))
    return cells


def _uncalculated(data: bytes) -> tuple[str, ...]:
    cells = []
    for cell in etree.fromstring(data).iter(_CELL):
        formula = cell.find(_FORMULA)
        if formula is None:
            continue
        value = cell.find(_VALUE)
        # Excel saves a formula whose result is "" as text with an empty value; only untyped empties are uncalculated.
        if (value is None or not (value.text or "").strip()) and cell.get("t") != "str":
            cells.append(cell.get("r", ""))
    return tuple(cells)
