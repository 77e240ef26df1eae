"""Where a district's communes come from: a sheet each, a file each, or one long table with a unit column.

`find_source` names every commune (a Unit) before any table is read, so that the tables can be read
in worker processes; `read_unit` reads one exactly as `parbook check` reads it. The process that
finds the communes of a district workbook reads only its side sheets (Thông tin, Danh mục, Danh
sách); what the others hold is found where they are read (`pyxl.merge.sheets`). A `Danh sách` sheet
or CSV gives each commune's front matter (tên đơn vị, người ký, chức vụ, số văn bản, ngày), joined by
normalised name: case, old/new tone placement, "UBND" and the level word ("xã", "phường") ignored.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pyxl.core.agencies import Catalogue
from pyxl.core.agency_list import entries_from_rows
from pyxl.core.errors import ParbookError
from pyxl.core.headers import match_field
from pyxl.core.library import LIBRARY_SHEET, Library
from pyxl.core.model import SCORES, Table
from pyxl.plan import FrontMatter, derive_front, front_matter_from_grids, suggested_for
from pyxl.plan.frontmatter import field_for_key, parse_date
from pyxl.core.workbook import LAST_RESORT, LIST_SHEET, SIDE_SHEETS, info_year, tables_from_grids, workbook_library
from pyxl.readers import SUFFIXES, open_sheets, read_workbook
from pyxl.merge.sheets import Survey, book_grid, survey_sheets
from pyxl.core.table import read_table
from pyxl.core.text import clean, fold, tone_key

ROSTER = "danh sach"  # the list sheet or file, folded
READABLE = SUFFIXES
_LEVEL_WORDS = (("thi", "tran"), ("dac", "khu"), ("xa",), ("phuong",))
_COMMITTEE_WORDS = (("ubnd",), ("uy", "ban", "nhan", "dan"))
_LIST_SCAN = 10
# Thông tin lines of a district workbook that belong to one commune, never to all of them.
_OWN_FIELDS = ("unit", "place", "number", "issued", "signer")

Agencies = tuple[tuple[str, tuple[str, ...]], ...]
Rows = tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class Unit:
    """One commune as found in the source, before its table is read."""

    name: str
    path: Path  # the file holding it
    sheet: str | None = None  # None: the first table of its own file (a folder of files)
    in_book: bool = False  # a sheet of the district workbook (path), not a commune's own file
    rows_of: str | None = None  # in a long table with a unit column: the commune's key (name_keys)
    year: int | None = None  # 'Năm thực hiện' of the workbook's Thông tin sheet
    agencies: Agencies = ()  # the workbook's own Danh mục entries
    library: Rows = ()  # the rows of the workbook's own Giải pháp mẫu sheet
    front: FrontMatter | None = None  # its Danh sách row over the workbook's shared Thông tin
    listed: bool | None = None  # whether the Danh sách has it; None without a Danh sách
    problem: str | None = None  # why its sheet could not be read (beyond the reading limits)
    grid: bytes | None = field(default=None, compare=False, repr=False)  # its sheet as surveyed (merge.sheets)


@dataclass(frozen=True)
class Source:
    """The communes of a source and how they matched the Danh sách."""

    path: Path
    units: tuple[Unit, ...]
    roster: str | None = None  # where the Danh sách came from
    missing: tuple[str, ...] = ()  # listed, but no data found
    unlisted: tuple[str, ...] = ()  # data found, but not listed
    notes: tuple[str, ...] = ()  # rows of the Danh sách that could not be used fully


# -- names ------------------------------------------------------------------------------------

def _strip(words: list[str], prefixes: tuple[tuple[str, ...], ...]) -> list[str]:
    folded = [fold(w) for w in words]
    for prefix in prefixes:
        if tuple(folded[: len(prefix)]) == prefix and len(words) > len(prefix):
            return words[len(prefix):]
    return words


@functools.lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, str]:
    """(key without 'UBND', key without the level word too): 'UBND xã Hoà Bình' → ('xã hòa bình', 'hòa bình').

    The level is kept for a name that is only a number ('Phường 1').
    """
    words = _strip(clean(name).replace(".", " ").split(), _COMMITTEE_WORDS)
    short = _strip(words, _LEVEL_WORDS)
    if all(w.isdigit() for w in short):
        short = words
    return tone_key(" ".join(words)), tone_key(" ".join(short))


def unit_name(name: str) -> str | None:
    """The issuing body a commune name implies: 'Xã Tân Lập' → 'UBND xã Tân Lập'; None for a bare 'Tân Lập'."""
    text = clean(name).replace("\n", " ")
    words = text.split()
    if _strip(words, _COMMITTEE_WORDS) != words:
        return text
    rest = _strip(words, _LEVEL_WORDS)
    if rest == words:
        return None
    level = " ".join(words[: len(words) - len(rest)]).lower()
    return " ".join(["UBND", level, *rest])


class _Matcher:
    """Names matched by full key, or by short key when that is unambiguous on both sides."""

    def __init__(self, names: list[str]) -> None:
        self.full: dict[str, int] = {}
        self.short: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            full, short = name_keys(name)
            self.full.setdefault(full, i)
            self.short.setdefault(short, []).append(i)

    def find(self, name: str, others: "_Matcher | None" = None) -> int | None:
        full, short = name_keys(name)
        if full in self.full:
            return self.full[full]
        mine = self.short.get(short, [])
        theirs = others.short.get(short, []) if others else [0]
        return mine[0] if len(mine) == 1 and len(theirs) == 1 else None


# -- the Danh sách ----------------------------------------------------------------------------

def _roster_columns(row: list[object]) -> tuple[int, dict[int, str]] | None:
    name_col = None
    fields: dict[int, str] = {}
    for c, cell in enumerate(row):
        text = clean(cell)
        if not text:
            continue
        field = field_for_key(text)
        if name_col is None and (field == "unit" or match_field(text)[0] == "unit"):
            name_col = c
        elif field and field != "unit":
            fields[c] = field
    return (name_col, fields) if name_col is not None and fields else None


def read_roster(rows: list[list[object]], where: str) -> tuple[list[tuple[str, FrontMatter]], list[str]]:
    """(commune name, front matter) per row of a Danh sách, and notes about cells it could not use.

    The header (within the first rows) needs a name column ('Tên đơn vị', 'Xã/Phường', 'Đơn vị') and
    at least one front-matter column ('Người ký', 'Chức vụ', 'Số văn bản', 'Ngày'…).
    """
    for top, row in enumerate(rows[:_LIST_SCAN]):
        found = _roster_columns(row)
        if found:
            break
    else:
        raise ParbookError(
            f"{where} không có dòng tiêu đề với cột 'Tên đơn vị' và các cột 'Người ký', 'Chức vụ', "
            "'Số văn bản', 'Ngày'. Hãy thêm dòng tiêu đề đó ở đầu danh sách."
        )
    name_col, fields = found
    entries, notes = [], []
    for index, row in enumerate(rows[top + 1:], start=top + 2):
        name = clean(row[name_col] if name_col < len(row) else None).replace("\n", " ")
        if not name:
            continue
        values = {field: _plain(row[c]) for c, field in fields.items() if c < len(row) and clean(row[c])}
        if "issued" in values and parse_date(values["issued"]) is None:
            notes.append(f"{where}, dòng {index}: ngày '{clean(values['issued'])}' không đọc được "
                         "(ví dụ 19/3/2026); văn bản để trống ngày.")
        front = FrontMatter().updated(**values)
        entries.append((name, dataclasses.replace(front, unit=unit_name(name) or front.unit)))
    return entries, notes


def _plain(value: object) -> object:
    # Excel gives 15.0 for a typed 15 and a datetime for a typed date.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value.date() if isinstance(value, datetime) else value


def _roster_file(folder: Path) -> Path | None:
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in READABLE and fold(path.stem.replace("_", " ")) == ROSTER:
            return path
    return None


def _roster_rows(path: Path) -> list[list[object]]:
    grids = read_workbook(path)
    for grid in grids:
        if fold(grid.name.replace("_", " ")) == ROSTER:
            return grid.rows
    return grids[0].rows


# -- finding the communes -------------------------------------------------------------------------

def find_source(source: str | Path, roster: str | Path | None = None, survey: Survey | None = None) -> Source:
    """The communes of a workbook (a sheet each, or a long table with a unit column) or a folder of files.

    roster: a Danh sách file (.xlsx or .csv); by default the source's `Danh sách` sheet, or a
    `Danh sách`/`danh_sach` file in the folder. survey: what reads a workbook's sheets to find what
    they hold (a merge's workers); by default `survey_sheets`, in this process.
    """
    path = Path(source)
    if path.is_dir():
        units, roster_rows, roster_name = _folder_units(path, roster)
    else:
        units, roster_rows, roster_name = _workbook_units(path, survey or survey_sheets)
    if roster is not None:
        roster_rows, roster_name = _roster_rows(Path(roster)), Path(roster).name
    units = _distinct(units)
    if roster_rows is None:
        return Source(path, tuple(units))
    entries, notes = read_roster(roster_rows, f"Danh sách '{roster_name}'")
    return _join(path, units, entries, roster_name, notes)


def _folder_units(folder: Path, roster: str | Path | None) -> tuple[list[Unit], list | None, str | None]:
    roster_path = None if roster is not None else _roster_file(folder)
    units = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.suffix.lower() not in READABLE or path.name.startswith(("~$", ".")) or path == roster_path:
            continue
        if fold(path.stem.replace("_", " ")) in SIDE_SHEETS:
            continue  # a summary written into the same folder by an earlier run
        units.append(Unit(name=clean(path.stem), path=path))
    if not units:
        raise ParbookError(f"Thư mục '{folder}' không có tệp bảng tính nào (.xlsx, .xls, .ods, .csv).")
    if roster_path is None:
        return units, None, None
    return units, _roster_rows(roster_path), roster_path.name


def _workbook_units(path: Path, survey: Survey) -> tuple[list[Unit], list | None, str | None]:
    sheets = open_sheets(path)
    side, problems = [], {}
    for name in sheets.names:
        if fold(name) in SIDE_SHEETS:
            grid = sheets.read(name)
            if isinstance(grid, ParbookError):
                problems[name] = grid.message
            else:
                side.append(grid)
    shared, _ = front_matter_from_grids(side)
    if shared is not None:
        shared = dataclasses.replace(shared, **{name: None for name in _OWN_FIELDS})
    agencies = tuple(
        (name, tuple(aliases)) for g in side if fold(g.name) == LIST_SHEET for name, aliases in entries_from_rows(g.rows)
    )
    library = next((tuple(map(tuple, g.rows)) for g in side if fold(g.name) == fold(LIBRARY_SHEET)), ())
    common = {"path": path, "in_book": True, "year": info_year(side), "agencies": agencies, "library": library,
              "front": shared}
    units = []
    tables = [name for name in sheets.names if fold(name) not in SIDE_SHEETS]
    # a workbook whose only table is its "Tổng hợp" (every commune in one long table)
    tables = tables or [name for name in sheets.names if fold(name) in LAST_RESORT]
    for found in survey(path, tables):
        if found.problem is not None:
            problems[found.name] = found.problem
        elif found.communes:
            for name in found.communes:
                # The long table's title names the district: each part's unit comes from its own name.
                front = (shared or FrontMatter()).updated(unit=unit_name(name))
                units.append(Unit(name=name, sheet=found.name, rows_of=name_keys(name)[0], **{**common, "front": front}))
        elif not found.empty:
            units.append(Unit(name=clean(found.name), sheet=found.name, grid=found.grid, **common))
    units += [Unit(name=clean(sheet), sheet=sheet, problem=problems[sheet], **common)
              for sheet in sheets.names if sheet in problems]
    if not units:
        raise ParbookError(f"Tệp '{path.name}' không có sheet nào ngoài các sheet Thông tin, Danh mục, Danh sách.")
    roster = next((g for g in side if fold(g.name) == ROSTER), None)
    return units, (roster.rows if roster else None), (f"{path.name} › {roster.name}" if roster else None)


def _distinct(units: list[Unit]) -> list[Unit]:
    """Units whose names collide get the sheet or file name added, so that every name is distinct."""
    seen: dict[str, int] = {}
    out = []
    for unit in units:
        key = name_keys(unit.name)[0]
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            unit = dataclasses.replace(unit, name=f"{unit.name} ({seen[key]})")
        out.append(unit)
    return out


def _join(path: Path, units: list[Unit], entries: list[tuple[str, FrontMatter]], roster: str,
          notes: list[str]) -> Source:
    listed = _Matcher([name for name, _ in entries])
    found = _Matcher([unit.name for unit in units])
    used: set[int] = set()
    joined, unlisted = [], []
    for unit in units:
        index = listed.find(unit.name, found)
        if index is None or index in used:
            unlisted.append(unit.name)
            joined.append(dataclasses.replace(unit, listed=False))
            continue
        used.add(index)
        front = entries[index][1]
        if unit.front is not None:
            front = front.merged_over(unit.front)
        joined.append(dataclasses.replace(unit, front=front, listed=True))
    missing = tuple(name for i, (name, _) in enumerate(entries) if i not in used)
    return Source(path, tuple(joined), roster, missing, tuple(unlisted), tuple(notes))


def with_choices(source: Source, year: int | None = None, sheet: str | None = None) -> Source:
    """Every commune read for the given plan year, and (a folder of files) from the named sheet of its file.

    Raises ParbookError when a sheet is named for a workbook source, where each commune is a sheet already.
    """
    if sheet is not None and any(unit.in_book for unit in source.units):
        raise ParbookError(
            f"--sheet chỉ dùng khi nguồn là một thư mục có mỗi xã một tệp; '{source.path.name}' đã là mỗi xã một "
            "sheet (hoặc một bảng có cột Đơn vị). Hãy chọn xã bằng --only."
        )
    changes = {key: value for key, value in (("year", year), ("sheet", sheet)) if value is not None}
    return dataclasses.replace(source, units=tuple(dataclasses.replace(u, **changes) for u in source.units))


def select(source: Source, names: list[str]) -> Source:
    """Only the named communes (matched like the Danh sách). Raises ParbookError for a name not found."""
    found = _Matcher([unit.name for unit in source.units])
    chosen: list[int] = []
    unknown = []
    for name in names:
        index = found.find(name)
        if index is None:
            unknown.append(name)
        elif index not in chosen:
            chosen.append(index)
    if unknown:
        known = ", ".join(unit.name for unit in source.units)
        raise ParbookError(f"Không có đơn vị {', '.join(repr(n) for n in unknown)} trong '{source.path.name}'. "
                           f"Các đơn vị có: {known}.")
    keep = {source.units[i].name for i in chosen}
    return dataclasses.replace(
        source, units=tuple(u for u in source.units if u.name in keep), missing=(),
        unlisted=tuple(n for n in source.unlisted if n in keep),
    )


# -- reading one commune -------------------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def _catalogue(agencies: Agencies) -> Catalogue:
    return Catalogue.builtin().extended(agencies) if agencies else Catalogue.builtin()


@functools.lru_cache(maxsize=16)
def _library(rows: Rows) -> Library:
    return Library.builtin().extended(rows) if rows else Library.builtin()


def read_unit(unit: Unit, as_of: date | None = None) -> tuple[Table, FrontMatter | None]:
    """The commune's table, read and checked as `parbook check` reads it, and its front matter.

    Raises ParbookError (with the reason in Vietnamese) when there is no table to read.
    """
    if unit.problem is not None:
        raise ParbookError(unit.problem)
    grid = book_grid(unit) if unit.in_book else None
    if grid is not None:
        table = read_table(grid, unit.year, as_of, _catalogue(unit.agencies))
        front, library = unit.front, _library(unit.library)
    else:
        grids = read_workbook(unit.path)
        tables = tables_from_grids(grids, unit.path.name, unit.sheet, unit.year, as_of)
        table = next((t for t in tables if t.kind == SCORES), tables[0])
        own, _ = front_matter_from_grids(grids)
        front = unit.front.merged_over(own) if unit.front and own else unit.front or own
        library = workbook_library(grids)
    if not (front and front.unit) and derive_front(table).unit is None and unit_name(unit.name):
        front = (front or FrontMatter()).updated(unit=unit_name(unit.name))
    return suggested_for(table, front, library), front


def commune_tables(source: str | Path, roster: str | Path | None = None,
                   as_of: date | None = None) -> list[tuple[str, Table | str]]:
    """Every commune of the source with its table, or the Vietnamese message saying why it has none."""
    result: list[tuple[str, Table | str]] = []
    for unit in find_source(source, roster).units:
        try:
            result.append((unit.name, read_unit(unit, as_of)[0]))
        except ParbookError as error:
            result.append((unit.name, error.message))
    return result
