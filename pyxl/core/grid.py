"""The plain grid of cell values every reader produces and the core consumes."""
from __future__ import annotations

from functools import cached_property

from pyxl.core.record import Record

Merge = tuple[int, int, int, int]  # 0-based, inclusive: first_row, first_col, last_row, last_col

# What each Excel error value means, for the officer who has to fix the formula.
_ERROR_MEANINGS = {
    "#REF!": "công thức tham chiếu tới ô hoặc sheet đã bị xoá",
    "#N/A": "hàm tra cứu (VLOOKUP, MATCH…) không tìm thấy giá trị",
    "#DIV/0!": "công thức chia cho 0 hoặc cho ô trống",
    "#VALUE!": "công thức tính với chữ ở chỗ cần số",
    "#NAME?": "công thức có tên hàm hoặc tên vùng không đúng",
    "#NUM!": "phép tính cho kết quả số không hợp lệ",
    "#NULL!": "hai vùng trong công thức không giao nhau",
}


class CellError(str):
    """A cell holding an Excel error value ('#REF!', '#N/A', '#DIV/0!'…) instead of a result."""

    __slots__ = ()

    @property
    def meaning(self) -> str:
        """What the error says went wrong, in Vietnamese."""
        return _ERROR_MEANINGS.get(self.upper(), "công thức bị lỗi")


class Grid(Record):
    """One sheet as plain values: str, int, float, bool, date/datetime, CellError or None.

    Merged ranges keep their value in the top-left cell only; `merges` says where they are.
    `uncalculated` lists A1 references of formula cells that carry no calculated value.
    `bold` holds the 0-based (row, col) of cells shown bold, when the reader knows (empty otherwise).
    """

    FIELDS = ("name", "rows", "merges", "uncalculated", "bold")
    name: str
    rows: list[list[object]]
    merges: tuple[Merge, ...]
    uncalculated: tuple[str, ...]
    bold: frozenset[tuple[int, int]]

    def __init__(self, name: str, rows: list[list[object]], merges: tuple[Merge, ...] = (),
                 uncalculated: tuple[str, ...] = (), bold: frozenset[tuple[int, int]] = frozenset()) -> None:
        self.__dict__.update(name=name, rows=rows, merges=merges, uncalculated=uncalculated, bold=bold)

    @property
    def height(self) -> int:
        """Number of rows."""
        return len(self.rows)

    @cached_property
    def width(self) -> int:
        """Number of columns of the widest row."""
        return max((len(row) for row in self.rows), default=0)

    def value(self, row: int, col: int) -> object:
        """The value at 0-based (row, col), None outside the grid or for empty text."""
        if row < len(self.rows) and col < len(self.rows[row]):
            value = self.rows[row][col]
            return None if value == "" else value
        return None


def column_letter(col: int) -> str:
    """'A' for 0, 'AA' for 26."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    """A1 reference for 0-based (row, col)."""
    return f"{column_letter(col)}{row + 1}"
