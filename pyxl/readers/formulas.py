"""Find formula cells saved without a calculated value (a workbook written by a program, never opened in Excel)."""
from __future__ import annotations

import posixpath
import re
import zipfile
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


def uncalculated_cells(path: Path) -> dict[str, tuple[str, ...]]:
    """Sheet name → A1 references of formula cells with no cached value; only sheets that have some."""
    result: dict[str, tuple[str, ...]] = {}
    with zipfile.ZipFile(path) as archive:
        for name, part in _sheet_parts(archive).items():
            data = archive.read(part)
            if _HAS_FORMULA.search(data):
                cells = _scan(data)
                if cells:
                    result[name] = cells
    return result


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    workbook = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(_REL)}
    parts = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        if part in archive.namelist():
            parts[sheet.get("name")] = part
    return parts


def _scan(data: bytes) -> tuple[str, ...]:
    cells = []
    for cell in etree.fromstring(data).iter(_CELL):
        formula = cell.find(_FORMULA)
        if formula is None:
            continue
        value = cell.find(_VALUE)
        if value is None or not (value.text or "").strip():
            cells.append(cell.get("r", ""))
    return tuple(cells)
