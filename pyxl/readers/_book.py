"""A native workbook (.xlsx/.xlsm, .xls, .xlsb, .ods) read one worksheet at a time.

`read_workbook` reads every sheet through a Book; a merge opens one per process and reads only the
communes it is given, so a province's workbook is never read whole by one process. Each sheet goes
through the same steps as always: its census (where its cells lie, its Excel errors) before
python-calamine sees it, a refusal beyond the limits, then its values, and for .xlsx what only the
XML tells (percent formats, bold cells, formulas without a value). The census and the XML facts of
an .xlsx sheet come from one read of its part; the styles are read once per workbook.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook

from pyxl.core.errors import ParbookError
from pyxl.core.grid import CellError, Grid
from pyxl.readers import _calamine, _census, _sniff, _xmlscan
from pyxl.readers._limits import Census, check_zip, damaged, extent_error, native_reader, read_part

class Book:
    """An open native workbook: its worksheet names, and each sheet on request."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path, self.kind, self.source = path, kind, path.name
        self._archive: zipfile.ZipFile | None = None
        self._parts: dict[str, str] = {}  # .xlsx: sheet name → its part
        self._censuses: dict[str, Census] = {}
        self._styles: tuple[set[bytes], set[bytes]] | None = None
        try:
            if kind == _sniff.XLSX:
                self._archive = zipfile.ZipFile(path)
                check_zip(self._archive, self.source, lambda: _xmlscan._sheet_parts(self._archive))
                self._parts = _xmlscan._sheet_parts(self._archive)
            else:
                self._censuses = _whole_census(path, kind)
        except ParbookError:
            self.close()
            raise
        except Exception as exc:  # a container too broken to take a census of
            self.close()
            raise damaged(self.source) from exc
        with native_reader(self.source):
            if path.suffix.lower() in _calamine._SUFFIXES.get(kind, ()):
                self._workbook = CalamineWorkbook.from_path(str(path))
            else:
                with open(path, "rb") as stream:
                    self._workbook = CalamineWorkbook.from_filelike(stream)
            self.names: tuple[str, ...] = tuple(_calamine._worksheet_names(self._workbook))

    def close(self) -> None:
        """Let go of the file (Excel may then save over it)."""
        if self._archive is not None:
            self._archive.close()
        workbook = getattr(self, "_workbook", None)
        if workbook is not None:
            workbook.close()

    def census(self, name: str) -> tuple[Census | None, bytes | None]:
        """A sheet's census and, for .xlsx, the part it was taken from (None when the sheet has no part)."""
        if self._archive is None:
            return self._censuses.get(name), None
        part = self._parts.get(name)
        if part is None:
            return None, None
        try:
            data = read_part(self._archive, part, self.source, name)
            return _census._xlsx_sheet(data, False), data
        except ParbookError:
            raise
        except Exception as exc:
            raise damaged(self.source) from exc

    def read(self, name: str, facts: bool = True) -> Grid | ParbookError:
        """One worksheet as a Grid, or (not raised) why it is beyond the limits: then the native reader
        never sees it. Raises ParbookError when the file cannot be read.

        facts=False leaves out what only the XML tells (bold and percent cells, formulas without a
        value): the values are the same, for a look at what a sheet holds.
        """
        census, data = self.census(name)
        refused = extent_error(census, self.source, name) if census is not None else None
        if refused is not None:
            return refused
        with native_reader(self.source):
            grid = _calamine._grid(self._workbook, name)
            if data is not None and facts:
                grid = self._with_facts(grid, data)
        if census is not None and census.merges and not grid.merges:
            grid = grid.replace(merges=tuple(census.merges))
        return _with_errors(grid, census)

    def _with_facts(self, grid: Grid, data: bytes) -> Grid:
        """The grid with what only the sheet's XML tells (see pyxl.readers._xmlscan)."""
        if self._styles is None:
            styles = _xmlscan._styles(self._archive)
            self._styles = _xmlscan._percent_styles(styles), _xmlscan._bold_styles(styles)
        percent_styles, bold_styles = self._styles
        uncalculated = _xmlscan._uncalculated(data) if _xmlscan.has_formula(data) else ()
        percent = _xmlscan._styled_cells(data, percent_styles) if percent_styles else set()
        bold = (frozenset(_xmlscan._styled_cells(data, bold_styles, _xmlscan._FILLED_STYLED_CELL))
                if bold_styles else frozenset())
        if not (uncalculated or percent or bold):
            return grid
        rows = [list(row) for row in grid.rows]
        for r, c in percent:
            if r < len(rows) and c < len(rows[r]):
                rows[r][c] = _xmlscan.percent_text(rows[r][c])
        return grid.replace(rows=rows, uncalculated=uncalculated, bold=grid.bold or bold)


def _whole_census(path: Path, kind: str) -> dict[str, Census]:
    """Sheet name → census of an .xls, .xlsb or .ods, taken of the whole file at once."""
    if kind == _sniff.XLS:
        from pyxl.readers import _biff

        return _biff.xls(path, path.name)
    with zipfile.ZipFile(path) as archive:
        if kind == _sniff.ODS:
            return _census.ods(archive, path.name)
        from pyxl.readers import _biff

        return _biff.xlsb(archive, path.name)


def _with_errors(grid: Grid, census: Census | None) -> Grid:
    """The grid with its Excel error cells as CellError values (the engines give blanks or plain text)."""
    if not census or not census.errors:
        return grid
    rows = [list(row) for row in grid.rows]
    for (r, c), code in census.errors.items():
        while len(rows) <= r:
            rows.append([])
        rows[r].extend([""] * (c + 1 - len(rows[r])))
        rows[r][c] = CellError(code)
    return grid.replace(rows=rows)
