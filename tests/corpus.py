"""A corpus of officers' layouts, rendered from a few model tables (metamorphic tests).

Each model table (codes, titles, figures, owners, deadlines, lĩnh vực group rows) is rendered into
many layouts — where the code lives, one- or two-row headers, how group rows are marked, split
titles, repeated page headers, decimal comma or dot, negative lost points, blank rows, spellings of
the offices — and each layout into several file types. Every rendering must read to the same
items, titles, groups, totals and findings. Adding a file type is one writer function and one
FILE_TYPES entry.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Callable

import xlsxwriter

from corpus_models import MODELS, Model, Row
from pyxl.core.model import Table
from pyxl.core.text import fold

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}


@dataclass(frozen=True)
class Layout:
    """One way of typing a table. Defaults are the province template: codes in STT, one header row."""

    name: str
    code: str = "stt"  # stt · title (STT counts 1, 2, 3…) · title-nostt (no STT column) · column (a 'Mã' column)
    header: str = "one"  # one · two (merged 'Điểm' and 'Trách nhiệm' over their sub-columns)
    groups: str = "caps"  # caps · roman · label ("Lĩnh vực 3: …") · plain · bold · merged
    split: bool = False  # long titles continue on a second row
    pages: bool = False  # the header repeats part-way down (a printed page), once inside a split item
    decimal: str = "number"  # number · comma ("0,75" typed as text) · dot ("0.75" as text)
    negative: bool = False  # lost points typed negative ("-0,5")
    blank: bool = False  # blank rows before lĩnh vực lines and between items
    spelling: bool = False  # other spellings of the same offices ("Văn phòng HĐND- UBND huyện")
    numbers_row: bool = False  # a row of column numbers (1) (2) (3)… under the header


LAYOUTS = (
    Layout("base"),
    Layout("code-in-title", code="title"),
    Layout("code-in-title-no-stt", code="title-nostt"),
    Layout("code-column", code="column"),
    Layout("two-row-header", header="two"),
    Layout("roman-groups", groups="roman"),
    Layout("label-groups", groups="label"),
    Layout("plain-groups", groups="plain"),
    Layout("bold-groups", groups="bold"),
    Layout("merged-groups", groups="merged"),
    Layout("split-titles", split=True),
    Layout("page-headers", pages=True, split=True),
    Layout("decimal-comma", decimal="comma"),
    Layout("decimal-dot", decimal="dot"),
    Layout("negative-lost", negative=True),
    Layout("blank-rows", blank=True),
    Layout("spellings", spelling=True),
    Layout("column-numbers", numbers_row=True),
    Layout("mix-a", code="title", header="two", groups="roman", split=True, pages=True, decimal="comma",
           negative=True, blank=True),
    Layout("mix-b", code="column", header="two", groups="label", split=True, decimal="dot", spelling=True),
    Layout("mix-c", code="title-nostt", groups="bold", pages=True, decimal="comma", blank=True),
    Layout("mix-d", header="two", groups="merged", split=True, negative=True, numbers_row=True),
    Layout("mix-e", code="title", groups="plain", blank=True, spelling=True, decimal="dot"),
    Layout("mix-f", code="column", pages=True, split=True, negative=True, decimal="comma", numbers_row=True),
)


def applies(model: Model, layout: Layout) -> bool:
    """False for a layout that would render this model exactly as another layout does."""
    groups = [row for row in model.rows if row.code is None]
    if layout.groups != "caps" and not groups:
        return False
    if layout.groups == "plain" and not all(row.field for row in groups):
        return False  # a group name that is no lĩnh vực name needs a mark of some kind
    if layout.groups == "merged" and any(row.max_points for row in groups):
        return False  # a merged group line has no figure cells
    if (layout.decimal != "number" or layout.negative) and model.kind == "tasks":
        return False
    if layout.spelling and not model.spellings:
        return False
    return True


# -- rendering ------------------------------------------------------------------------------------------

@dataclass
class Sheet:
    """A rendered sheet: rows of plain values, merged ranges (0-based, inclusive) and bold cells."""

    name: str
    rows: list[list[object]]
    merges: list[tuple[int, int, int, int]]
    bold: set[tuple[int, int]]


_HEADS = {
    "serial": ("STT", None), "code": ("Mã tiêu chí", None), "max_points": ("Điểm chuẩn", "Điểm"),
    "appraised": ("Điểm thẩm định", "Điểm"), "lost": ("Điểm bị mất", "Điểm"), "solution": ("Giải pháp", None),
    "product": ("Hoạt động/sản phẩm", None), "lead": ("Cơ quan chủ trì", "Trách nhiệm"),
    "partners": ("Cơ quan phối hợp", "Trách nhiệm"), "deadline": ("Thời gian thực hiện", None),
}
_SUB_HEADS = {"lead": "Chủ trì", "partners": "Phối hợp"}


def columns(model: Model, layout: Layout) -> list[str]:
    """The fields of the rendered table, in column order."""
    first = {"stt": ["serial"], "title": ["serial"], "title-nostt": [], "column": ["serial", "code"]}[layout.code]
    rest = (["max_points", "appraised", "lost", "solution"] if model.kind == "scores" else ["product"])
    return [*first, "title", *rest, "lead", "partners", "deadline"]


def render(model: Model, layout: Layout) -> Sheet:
    """The model typed in this layout."""
    fields = columns(model, layout)
    sheet = Sheet(model.name[:31], [[line] for line in model.title_lines] + [[]], [], set())
    header = _header(sheet, model, layout, fields)
    serial = 0
    page_break_pending = layout.pages
    for k, row in enumerate(model.rows):
        if row.code is None:
            if layout.blank and k:
                sheet.rows.append([])
            _group_row(sheet, row, layout, fields)
            continue
        serial += 1
        first, rest = _split(row.title) if layout.split else (row.title, None)
        sheet.rows.append(_item_cells(row, replace(row, title=first), serial, layout, fields, model))
        if row.bold:
            sheet.bold.update((len(sheet.rows) - 1, c) for c in range(2))
        if page_break_pending and (rest or not layout.split) and serial >= 3:
            sheet.rows.extend(list(line) for line in header)  # the next printed page repeats the header
            page_break_pending = False
        if rest:
            sheet.rows.append([rest if f == "title" else None for f in fields])
        if layout.blank and serial == 2:
            sheet.rows.append([])
    return sheet


def _header(sheet: Sheet, model: Model, layout: Layout, fields: list[str]) -> list[list[object]]:
    top = len(sheet.rows)
    title_head = "Lĩnh vực/Tiêu chí/Tiêu chí thành phần" if model.kind == "scores" else "Nhiệm vụ"
    heads = {**{f: _HEADS[f] for f in fields if f != "title"}, "title": (title_head, None)}
    if layout.header == "one":
        lines = [[heads[f][0] for f in fields]]
    else:
        lines = [[heads[f][1] or heads[f][0] for f in fields],
                 [_SUB_HEADS.get(f, heads[f][0]) if heads[f][1] else None for f in fields]]
        spans: dict[str, list[int]] = {}
        for c, f in enumerate(fields):
            if heads[f][1]:
                spans.setdefault(heads[f][1], []).append(c)
            else:
                sheet.merges.append((top, c, top + 1, c))
        for span in spans.values():
            sheet.merges.append((top, span[0], top, span[-1]))
            for c in span[1:]:
                lines[0][c] = None
    if layout.numbers_row:
        lines.append([f"({c + 1})" for c in range(len(fields))])
    sheet.rows.extend(lines)
    sheet.bold.update((top + r, c) for r in range(len(lines)) for c in range(len(fields)))
    return [line for line in lines if not layout.numbers_row or line is not lines[-1]]


def _group_row(sheet: Sheet, row: Row, layout: Layout, fields: list[str]) -> None:
    cells: list[object] = [None] * len(fields)
    title = {"caps": row.title.upper(), "roman": row.title.upper(), "label": f"{row.label} {row.number}: {row.title}",
             "plain": row.title, "bold": row.title, "merged": row.title}[layout.groups]
    if layout.groups == "roman":
        if "serial" in fields:
            cells[fields.index("serial")] = ROMAN[row.number]
        else:
            title = f"{ROMAN[row.number]}. {title}"
    cells[fields.index("title")] = title
    _figures(cells, row, layout, fields)
    r = len(sheet.rows)
    if layout.groups == "merged":
        cells = [title] + [None] * (len(fields) - 1)
        sheet.merges.append((r, 0, r, len(fields) - 1))
    sheet.rows.append(cells)
    if layout.groups == "bold" or row.bold:
        sheet.bold.update((r, c) for c in range(len(fields)))


def _item_cells(row: Row, shown: Row, serial: int, layout: Layout, fields: list[str], model: Model) -> list[object]:
    cells: list[object] = [None] * len(fields)
    title = shown.title
    if layout.code in ("stt", "column"):
        cells[fields.index("serial")] = row.code if layout.code == "stt" else serial
        if layout.code == "column":
            cells[fields.index("code")] = row.code
    elif layout.code == "title":
        cells[fields.index("serial")] = serial
        title = f"{row.code}. {title}"
    else:
        title = f"{row.code} {title}"
    cells[fields.index("title")] = title
    _figures(cells, row, layout, fields)
    for name in ("solution", "product", "lead", "partners", "deadline"):
        if name in fields:
            text = getattr(row, name)
            if text and layout.spelling and name in ("lead", "partners"):
                for written, other in model.spellings.items():
                    text = text.replace(written, other)
            cells[fields.index(name)] = text
    return cells


def _figures(cells: list[object], row: Row, layout: Layout, fields: list[str]) -> None:
    if row.max_points is None or "max_points" not in fields:
        return
    lost = row.stated if row.stated is not None else str(Decimal(row.max_points) - Decimal(row.appraised))
    if layout.negative:
        lost = str(-Decimal(lost))
    for name, value in (("max_points", row.max_points), ("appraised", row.appraised), ("lost", lost)):
        cells[fields.index(name)] = _number(value, layout.decimal)


def _number(value: str, style: str) -> object:
    if style == "number":
        return float(value)
    text = format(Decimal(value).normalize(), "f")
    return text.replace(".", ",") if style == "comma" else text


def _split(title: str) -> tuple[str, str | None]:
    """A long title cut before a lower-case word near its middle, as a page or a narrow row cuts it."""
    words = title.split(" ")
    cuts = [i for i in range(3, len(words) - 1) if words[i][:1].islower()]
    if len(words) < 8 or not cuts:
        return title, None
    cut = min(cuts, key=lambda i: abs(i - len(words) // 2))
    return " ".join(words[:cut]), " ".join(words[cut:])


# -- file types ---------------------------------------------------------------------------------------------

def write_xlsx(sheet: Sheet, path: Path) -> None:
    """The sheet as an .xlsx written by XlsxWriter, with merges and bold cells."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(sheet.name)
    plain, bold = wb.add_format({"text_wrap": True}), wb.add_format({"text_wrap": True, "bold": True})
    merged = {(r1, c1) for r1, c1, _, _ in sheet.merges}
    covered = {(r, c) for r1, c1, r2, c2 in sheet.merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for r, cells in enumerate(sheet.rows):
        for c, value in enumerate(cells):
            if (r, c) in covered or value is None:
                continue
            fmt = bold if (r, c) in sheet.bold else plain
            ws.write_string(r, c, value, fmt) if isinstance(value, str) else ws.write_number(r, c, value, fmt)
    for r1, c1, r2, c2 in sheet.merges:
        value = sheet.rows[r1][c1] if c1 < len(sheet.rows[r1]) else None
        fmt = bold if (r1, c1) in sheet.bold else plain
        ws.merge_range(r1, c1, r2, c2, value if value is not None else "", fmt)
    assert merged <= covered
    wb.close()


def write_csv(sheet: Sheet, path: Path) -> None:
    """The sheet as a UTF-8 CSV (with BOM), the way Excel saves 'CSV UTF-8'."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        for cells in sheet.rows:
            writer.writerow(["" if v is None else (format(Decimal(repr(v)).normalize(), "f") if isinstance(v, float)
                                                  else v) for v in cells])


@dataclass(frozen=True)
class FileType:
    """How a rendered sheet becomes a file parbook reads, and what the format keeps."""

    name: str
    suffix: str
    write: Callable[[Sheet, Path], None] | None  # None: converted in a batch from the .xlsx (see test_corpus)
    keeps_bold: bool
    keeps_merges: bool
    engine: str = "calamine"


FILE_TYPES = (
    FileType("xlsx", ".xlsx", write_xlsx, keeps_bold=True, keeps_merges=True),
    FileType("xlsx-openpyxl", ".xlsx", write_xlsx, keeps_bold=True, keeps_merges=True, engine="openpyxl"),
    FileType("csv", ".csv", write_csv, keeps_bold=False, keeps_merges=False),
    FileType("xls", ".xls", None, keeps_bold=False, keeps_merges=True),
)


def fits(layout: Layout, file_type: FileType) -> bool:
    """False when the format loses what the layout marks its group rows with."""
    return (layout.groups != "bold" or file_type.keeps_bold) and \
        (layout.groups != "merged" or file_type.keeps_merges)


@dataclass(frozen=True)
class Case:
    model: Model
    layout: Layout
    file_type: FileType

    @property
    def id(self) -> str:
        return f"{self.model.name}-{self.layout.name}-{self.file_type.name}"

    def path(self, folder: Path) -> Path:
        return folder / f"{self.model.name}-{self.layout.name}{self.file_type.suffix}"


def cases(file_types: tuple[FileType, ...] = FILE_TYPES) -> list[Case]:
    """Every (model, layout, file type) that renders something distinct."""
    return [Case(m, l, t) for m in MODELS for l in LAYOUTS for t in file_types if applies(m, l) and fits(l, t)]


# -- what a reading must give --------------------------------------------------------------------------

_LABEL = re.compile(r"^(?:linh vuc|nhom)\s+\w+\s*[:.]\s*|^[ivx]+\.\s*")


def group_name(title: str) -> str:
    """A group's name however it was marked: 'Lĩnh vực 3: Cải cách…', 'III. CẢI CÁCH…' → 'cai cach…'."""
    return _LABEL.sub("", fold(title))


def signature(table: Table) -> dict:
    """What every layout of a model must read the same: items, titles, groups, figures, owners, totals, findings."""
    ordinal: dict[int, int] = {}
    items = []
    for i, item in enumerate(table.items):
        if item.is_group:
            ordinal[i] = len(ordinal) + 1
            items.append(("group", ordinal[i], group_name(item.title), item.max_points, item.appraised_points,
                          item.lost_points))
            continue
        items.append((item.code, item.title, item.max_points, item.appraised_points, item.lost_points,
                      item.solution, item.product, item.lead_names, item.partner_names, item.evidence,
                      item.deadline.text, item.deadline.due, _group_ordinal(table, i, ordinal)))
    refs = {item.row: _ref(table, i, ordinal) for i, item in enumerate(table.items)}
    findings = sorted((f.code, f.severity, refs.get(f.row, ("row", f.row)) if f.row else ("sheet",))
                      for f in table.findings)
    totals = (table.totals.max_points, table.totals.appraised_points, table.totals.lost_points)
    return {"kind": table.kind, "items": items, "totals": totals, "findings": findings}


def _group_ordinal(table: Table, index: int, ordinal: dict[int, int]) -> int:
    item = table.items[index]
    while item.parent is not None:
        if item.parent in ordinal:
            return ordinal[item.parent]
        item = table.items[item.parent]
    return 0


def _ref(table: Table, index: int, ordinal: dict[int, int]) -> tuple:
    if index in ordinal:
        return ("group", ordinal[index])
    return (_group_ordinal(table, index, ordinal), table.items[index].code)
