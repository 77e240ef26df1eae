"""An already-read workbook (its Grids) → its Tables: which sheets to read, its own lists and plan year."""
from __future__ import annotations

from datetime import date

from pyxl.core.agencies import Catalogue
from pyxl.core.agency_list import entries_from_rows
from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid
from pyxl.core.levels import UnitKind, offices_named, unit_kind
from pyxl.core.model import Table
from pyxl.core.suggest import with_suggestions
from pyxl.core.table import NoTable, read_table
from pyxl.core.text import clean, fold, tone_key

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
if TYPE_CHECKING:
    from pyxl.core.library import Library

# Sheets that parbook or the officer keep beside the tables; never read as a PHỤ LỤC.
SIDE_SHEETS = {
    "thong tin", "danh muc", "danh sach", "huong dan", "xlwings.conf", "_xlwings.conf", "tong hop",
    "ket qua kiem tra", "giai phap mau", "goi y da ghi",
}
# Side-sheet names officers also give their own table ("Tổng hợp" of a district): read when no other sheet has one.
LAST_RESORT = {"tong hop"}
INFO_SHEET = "thong tin"
LIST_SHEET = "danh muc"
UNIT_KEY = "ten don vi ban hanh"
LIBRARY_KEY = "giai phap mau"  # pyxl.core.library.LIBRARY_SHEET folded; that module is imported when needed


def tables_from_grids(grids: list[Grid], source: str, sheet: str | None = None, year: int | None = None,
                      as_of: date | None = None, all_suggestions: bool = True) -> list[Table]:
    """The tables of an already-read workbook (also used for a live Excel book).

    all_suggestions=False: suggestions only where a finding prints one (all that `check` shows), so the
    built-in library is read only when some finding needs it.
    """
    catalogue = workbook_catalogue(grids)
    library = own_library(grids)
    year = year or info_year(grids)
    if sheet is not None:
        table = read_table(_named(grids, sheet, source), year, as_of, catalogue)
        return [with_suggestions(table, library, table_unit(table, grids, catalogue), every_item=all_suggestions)]
    tables, reasons = [], []
    sheets = [grid for grid in grids if fold(grid.name) not in SIDE_SHEETS]
    for grid in sheets + [grid for grid in grids if fold(grid.name) in LAST_RESORT]:
        if tables and grid not in sheets:
            break
        try:
            table = read_table(grid, year, as_of, catalogue)
        except NoTable as reason:
            reasons.append(reason.message)
            continue
        unit = table_unit(table, grids, catalogue)
        tables.append(with_suggestions(table, library, unit, every_item=all_suggestions))
    if not tables:
        if len(reasons) == 1:
            raise ParbookError(reasons[0])
        details = "\n".join(f"  - {r}" for r in reasons) or "  - tệp không có sheet nào."
        raise ParbookError(f"Tệp '{source}' không có bảng PHỤ LỤC nào:\n{details}")
    return tables


def _named(grids: list[Grid], sheet: str, source: str) -> Grid:
    for grid in grids:
        if tone_key(grid.name) == tone_key(sheet):
            return grid
    names = ", ".join(f"'{g.name}'" for g in grids)
    raise ParbookError(f"Tệp '{source}' không có sheet '{sheet}'. Các sheet có trong tệp: {names}.")


def workbook_catalogue(grids: list[Grid]) -> Catalogue:
    """The built-in agency list, extended by the workbook's own 'Danh mục' sheet when it has one."""
    catalogue = Catalogue.builtin()
    for grid in grids:
        if fold(grid.name) == LIST_SHEET:
            catalogue = catalogue.extended(entries_from_rows(grid.rows))
    return catalogue


def workbook_library(grids: list[Grid]) -> Library:
    """The built-in remediation library, extended by the workbook's own 'Giải pháp mẫu' sheet when it has one."""
    from pyxl.core.library import Library

    return own_library(grids) or Library.builtin()


def own_library(grids: list[Grid]) -> Library | None:
    """The built-in library extended by the workbook's own 'Giải pháp mẫu' sheet; None without such a sheet."""
    library = None
    for grid in grids:
        if fold(grid.name) == LIBRARY_KEY:
            from pyxl.core.library import Library

            library = (library or Library.builtin()).extended(grid.rows, grid.name)
    return library


def suggested(table: Table, grids: list[Grid], catalogue: Catalogue | None = None) -> Table:
    """One table read on its own (a ribbon button's active sheet) with the workbook's suggestions."""
    return with_suggestions(table, workbook_library(grids), table_unit(table, grids, catalogue))


def table_unit(table: Table, grids: list[Grid], catalogue: Catalogue | None = None) -> UnitKind:
    """The unit a table belongs to: from the Thông tin sheet's unit name, the title lines, the sheet name and
    the offices it names."""
    texts = [_info_text(grids, UNIT_KEY), *table.title_lines, table.sheet]
    names = offices_named(table.items)
    return unit_kind([t for t in texts if t], table.year, names, catalogue)


def _info_text(grids: list[Grid], key: str) -> str:
    for grid in grids:
        if fold(grid.name) == INFO_SHEET:
            for row in grid.rows:
                if len(row) >= 2 and fold(clean(row[0])).rstrip(":") == key:
                    return clean(row[1])
    return ""


def info_year(grids: list[Grid]) -> int | None:
    """'Năm thực hiện' from the workbook's 'Thông tin' sheet, if it is filled in."""
    for grid in grids:
        if fold(grid.name) != INFO_SHEET:
            continue
        for row in grid.rows:
            if len(row) >= 2 and fold(clean(row[0])).rstrip(":") == "nam thuc hien":
                text = clean(row[1]).removesuffix(".0")
                if text.isdigit() and len(text) == 4:
                    return int(text)
    return None
