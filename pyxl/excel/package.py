"""Zip-level work on a workbook openpyxl saved: the ribbon link it drops, and what it could not keep.

openpyxl keeps a .xlsm's `customUI` part but not the package relationship that makes Excel load it,
so the ribbon (parbook's CCHC tab, or any custom tab of the officer's) disappears; `relink_ribbon`
puts the relationship, and any part it needs, back. openpyxl reads charts and pictures of a drawing
and drops every other drawing object; `lost_drawings` says which, sheet by sheet, before they go.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from collections import Counter
from pathlib import Path
from typing import Mapping
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
RIBBON_TYPES = (
    "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility",
    "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
)
_ANCHORS = {_XDR + "twoCellAnchor", _XDR + "oneCellAnchor", _XDR + "absoluteAnchor"}
_NAMES = {"textbox": "hộp văn bản", "shape": "hình vẽ", "group": "nhóm hình", "connector": "đường nối",
          "picture": "ảnh", "object": "đối tượng khác (SmartArt, điều khiển…)"}


def relink_ribbon(source: Path, saved: Path) -> None:
    """Give saved (written by openpyxl from source) the ribbon relationships and parts source has."""
    with zipfile.ZipFile(source) as original:
        ribbons = [rel for rel in _rels(original, "_rels/.rels") if rel.get("Type") in RIBBON_TYPES]
        if not ribbons:
            return
        with zipfile.ZipFile(saved) as written:
            parts = {info.filename: written.read(info) for info in written.infolist()}
        root = ElementTree.fromstring(parts["_rels/.rels"])
        present = {rel.get("Target", "").lstrip("/") for rel in root}
        ids = {rel.get("Id") for rel in root}
        added: list[str] = []
        new = []
        for rel in ribbons:
            target = rel.get("Target", "").lstrip("/")
            if target in present:
                continue
            attrib = dict(rel.attrib)
            if attrib.get("Id") in ids:
                attrib["Id"] = _free_id(ids)
            ids.add(attrib.get("Id"))
            new.append(_element("Relationship", attrib))
            added += _copy_part(original, target, parts)
        parts["_rels/.rels"] = _append(parts["_rels/.rels"], "</Relationships>", new)
        parts["[Content_Types].xml"] = _with_types(original, parts["[Content_Types].xml"], added)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    saved.write_bytes(buffer.getvalue())


def lost_drawings(source: Path, pictures_kept: bool) -> dict[str, Counter]:
    """Sheet name → counts of drawing objects openpyxl drops ('textbox', 'shape', 'picture'…)."""
    lost: dict[str, Counter] = {}
    with zipfile.ZipFile(source) as archive:
        names = set(archive.namelist())
        for sheet, part in _sheet_parts(archive):
            for rel in _rels(archive, _rels_name(part)):
                drawing = _resolve(part, rel.get("Target", ""))
                if rel.get("Type") != _DRAWING_REL or drawing not in names:
                    continue
                try:
                    kinds = _objects(archive.read(drawing))
                except ElementTree.ParseError:  # a drawing openpyxl cannot read either: it is dropped whole
                    kinds = ["object"]
                counts = Counter(kind for kind in kinds if not (kind == "picture" and pictures_kept) and kind != "chart")
                if counts:
                    lost.setdefault(sheet, Counter()).update(counts)
    return lost


def describe(counts: Counter) -> str:
    """'1 hộp văn bản, 2 hình vẽ'."""
    return ", ".join(f"{n} {_NAMES[kind]}" for kind, n in sorted(counts.items()))


def _objects(xml: bytes) -> list[str]:
    kinds = []
    for anchor in ElementTree.fromstring(xml):
        if anchor.tag not in _ANCHORS:
            continue
        shape = next((child for child in anchor if child.tag.startswith(_XDR) and child.tag[len(_XDR):]
                      not in ("from", "to", "pos", "ext", "clientData")), None)
        if shape is not None and shape.tag == _MC + "AlternateContent":
            choice = next(iter(shape), None)
            shape = next(iter(choice), None) if choice is not None else None
        if shape is not None:
            kinds.append(_kind(shape))
    return kinds


def _kind(shape: ElementTree.Element) -> str:
    tag = shape.tag[len(_XDR):] if shape.tag.startswith(_XDR) else ""
    if tag == "sp":
        marker = shape.find(f"{_XDR}nvSpPr/{_XDR}cNvSpPr")
        return "textbox" if marker is not None and marker.get("txBox") == "1" else "shape"
    if tag == "graphicFrame":
        return "chart" if _CHART.encode() in ElementTree.tostring(shape) else "object"
    return {"grpSp": "group", "cxnSp": "connector", "pic": "picture"}.get(tag, "object")


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    targets = {rel.get("Id"): _resolve("xl/workbook.xml", rel.get("Target", ""))
               for rel in _rels(archive, "xl/_rels/workbook.xml.rels")}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    sheets = workbook.find("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheets")
    return [(sheet.get("name", ""), targets[sheet.get(rid)]) for sheet in (sheets if sheets is not None else [])
            if sheet.get(rid) in targets]


def _rels(archive: zipfile.ZipFile, name: str) -> list[ElementTree.Element]:
    try:
        return list(ElementTree.fromstring(archive.read(name)))
    except KeyError:
        return []


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(part: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _copy_part(original: zipfile.ZipFile, name: str, parts: dict[str, bytes]) -> list[str]:
    """Copy a part, its relationships and what they point to, where saved lacks them; the names added."""
    if name in parts or name not in original.namelist():
        return []
    parts[name] = original.read(name)
    added = [name]
    rels = _rels_name(name)
    if rels in original.namelist():
        parts[rels] = original.read(rels)
        for rel in _rels(original, rels):
            if rel.get("TargetMode") != "External":
                added += _copy_part(original, _resolve(name, rel.get("Target", "")), parts)
    return added


def _with_types(original: zipfile.ZipFile, types: bytes, added: list[str]) -> bytes:
    """The saved content types plus the defaults and overrides the copied parts need."""
    source = ElementTree.fromstring(original.read("[Content_Types].xml"))
    defaults = {d.get("Extension", "").lower() for d in ElementTree.fromstring(types).iter(_TYPES + "Default")}
    new = []
    for part in added:
        override = next((o for o in source.iter(_TYPES + "Override") if o.get("PartName") == "/" + part), None)
        if override is not None:
            new.append(_element("Override", override.attrib))
        extension = posixpath.splitext(part)[1].lstrip(".").lower()
        default = next((d for d in source.iter(_TYPES + "Default") if d.get("Extension", "").lower() == extension), None)
        if default is not None and extension not in defaults:
            new.insert(0, _element("Default", default.attrib))
            defaults.add(extension)
    return _append(types, "</Types>", new)


def _free_id(ids: set[str | None]) -> str:
    n = 1
    while f"rIdParbook{n}" in ids:
        n += 1
    return f"rIdParbook{n}"


def _element(tag: str, attrib: Mapping[str, str]) -> str:
    return f"<{tag} " + " ".join(f"{key}={quoteattr(value)}" for key, value in attrib.items()) + "/>"


def _append(xml: bytes, closing: str, elements: list[str]) -> bytes:
    """xml with elements inserted before its closing tag (the root's namespace is theirs)."""
    if not elements:
        return xml
    text = xml.decode("utf-8")
    at = text.rindex(closing)
    return (text[:at] + "".join(elements) + text[at:]).encode("utf-8")
