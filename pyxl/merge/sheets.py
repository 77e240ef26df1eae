"""The sheets of a district workbook: what each holds, and a commune's sheet or rows read in a worker.

A sheet holds one commune's table (the sheet is named after it), a long table of many communes
with a unit column ('Xã', 'Đơn vị'…), or nothing. `survey_sheets` finds which by reading the
sheet in a merge's worker, so the process that lists the communes reads none of their sheets. A
commune's sheet is read once: the survey hands on the grid it read, pickled (a few kilobytes), and
its table is read from that, in whichever worker plans it; a long table is split once per process.
"""
from __future__ import annotations

import functools
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid
from pyxl.core.headers import SCAN_ROWS, Header, find_header, match_field
from pyxl.core.rows import read_rows
from pyxl.core.text import clean
from pyxl.readers import open_sheets

if TYPE_CHECKING:
    from pyxl.merge.sources import Unit

_HEADER_TEXT = 40


@dataclass(frozen=True)
class Sheet:
    """What a sheet of a district workbook holds, found by reading it."""

    name: str
    communes: tuple[str, ...] = ()  # the names in its unit column (a long table); () for one commune's sheet
    empty: bool = False
    problem: str | None = None  # why it cannot be read (beyond the reading limits)
    grid: bytes | None = field(default=None, compare=False, repr=False)  # one commune's sheet as read, pickled


Survey = Callable[[Path, Sequence[str]], list[Sheet]]


def survey_sheets(path: Path, names: Sequence[str]) -> list[Sheet]:
    """What each named sheet of a district workbook holds: one commune's table, a long table of many
    (a unit column: 'Xã', 'Đơn vị'…), nothing, or a refusal (beyond the reading limits)."""
    sheets = open_sheets(path)
    found = []
    for name in names:
        grid = sheets.read(name)  # whole, as it will be planned: bold or percent cells change neither test
        if isinstance(grid, ParbookError):
            found.append(Sheet(name, problem=grid.message))
        elif not any(v not in (None, "") for row in grid.rows for v in row):
            found.append(Sheet(name, empty=True))
        elif _may_have_unit_column(grid) and (header := _unit_header(grid)) is not None:
            found.append(Sheet(name, tuple(_communes(grid, header)[1].values())))
        else:
            found.append(Sheet(name, grid=pickle.dumps(grid, pickle.HIGHEST_PROTOCOL)))
    return found


def _unit_header(grid: Grid) -> Header | None:
    """The header of a long table (one with a unit column), None for any other sheet."""
    header = find_header(grid)
    return header if header is not None and "unit" in header.columns else None


def _may_have_unit_column(grid: Grid) -> bool:
    # find_header costs milliseconds a sheet and a district workbook has thousands of sheets without a
    # unit column: look only at short texts, as headers are ("Xã, phường, thị trấn").
    texts = {v for row in grid.rows[:SCAN_ROWS] for v in row if type(v) is str}
    return any(_is_unit_header(text) for text in texts)


@functools.lru_cache(maxsize=65536)
def _is_unit_header(text: str) -> bool:
    return len(text) <= _HEADER_TEXT and match_field(clean(text))[0] == "unit"


def _communes(grid: Grid, header: Header) -> tuple[dict[str, list[int]], dict[str, str]]:
    """(commune key → its rows, commune key → its name as first written) of a long table."""
    from pyxl.merge.sources import name_keys  # sources reads its sheets through this module

    items, _ = read_rows(grid, header)
    rows_of: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    current = None
    for item in items:
        written = item.texts.get("unit")
        if written:
            current = name_keys(written)[0]
            names.setdefault(current, written.replace("\n", " "))
        if current is not None:
            rows_of.setdefault(current, []).extend(range(item.row - 1, item.last_row))
    return rows_of, names


def _part(grid: Grid, header: Header, rows: list[int]) -> Grid:
    keep = set(range(header.last_row + 1)) | set(rows)
    cells = [row if r in keep else [] for r, row in enumerate(grid.rows)]
    merges = tuple(m for m in grid.merges if m[0] in keep)
    return grid.replace(rows=cells, merges=merges)


def book_grid(unit: Unit) -> Grid:
    """The commune's sheet of its district workbook, or its rows of the workbook's long table."""
    if unit.grid is not None:
        return pickle.loads(unit.grid)  # the survey's reading of the sheet (made by this run's processes)
    if unit.rows_of is None:
        grid = open_sheets(unit.path).read(unit.sheet)
        if isinstance(grid, ParbookError):
            raise grid
        return grid
    part = _long_table(unit.path, unit.sheet).get(unit.rows_of)
    if part is None:
        raise ParbookError(f"Sheet '{unit.sheet}' không còn dòng nào của đơn vị '{unit.name}' (tệp đã được sửa "
                           "trong khi chạy?). Hãy chạy lại lệnh.")
    return part


def _long_table(path: Path, sheet: str) -> dict[str, Grid]:
    """Commune key → its part of a long table (split once per process while the file is the same)."""
    info = path.stat()
    return _split(str(path.resolve()), sheet, info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=2)
def _split(path: str, sheet: str, mtime: int, size: int) -> dict[str, Grid]:  # noqa: ARG001 - they key the cache
    grid = open_sheets(path).read(sheet)
    if isinstance(grid, ParbookError):
        raise grid
    header = find_header(grid)
    if header is None or "unit" not in header.columns:
        return {}
    rows_of, _ = _communes(grid, header)
    return {key: _part(grid, header, rows) for key, rows in rows_of.items()}


