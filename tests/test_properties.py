"""Property-based tests: number parsing, and random or mutated grids never crash the reader."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pyxl.core.errors import ParbookError
from pyxl.core.grid import Grid
from pyxl.core.numbers import NotANumber, format_points, parse_number
from pyxl.readers import read_workbook
from pyxl.core.table import read_table
from conftest import SAMPLES

scores = st.decimals(min_value=-100, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@given(scores)
def test_decimal_comma_and_dot_parse_the_same(value: Decimal):
    text = format(value, "f")
    assert parse_number(text) == value
    assert parse_number(text.replace(".", ",")) == value
    assert parse_number(f"  {text.replace('.', ',')}\n") == value


@given(scores)
def test_format_points_round_trips(value: Decimal):
    assert parse_number(format_points(value)) == value


@given(st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda f: round(f, 2)))
def test_floats_read_as_the_decimal_typed(value: float):
    assert parse_number(value) == Decimal(str(value))


@given(st.text())
def test_parse_number_returns_or_refuses(text: str):
    try:
        result = parse_number(text)
    except NotANumber:
        return
    assert result is None or isinstance(result, Decimal)


cell = st.one_of(
    st.none(), st.text(max_size=30), st.floats(allow_nan=False, allow_infinity=False), st.integers(),
    st.sampled_from(["STT", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp", "Cơ quan chủ trì",
                     "Thời gian thực hiện", "Lĩnh vực/Tiêu chí", "1.1", "II", "Tổng", "-0,3", "0,75", "Quý I"]),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
)


def _read(grid: Grid) -> None:
    try:
        table = read_table(grid, as_of=date(2024, 5, 1))
    except ParbookError as error:
        assert error.message and "Traceback" not in error.message
        return
    assert table.kind in ("scores", "tasks")
    for finding in table.findings:
        assert finding.message and finding.severity in ("error", "warning", "info")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cell, max_size=12), max_size=25))
def test_random_grids_yield_a_table_or_a_clear_message(rows):
    _read(Grid("Sheet1", rows))


SAMPLE_GRIDS = [g for name in ("son_giang_2021.xlsx", "vinh_linh_2023.xlsx", "phuoc_my_2024.xlsx")
                for g in read_workbook(SAMPLES / name)]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SAMPLE_GRIDS), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12), cell), max_size=30),
       st.lists(st.integers(0, 60), max_size=5))
def test_mutated_sample_grids_never_crash(grid, edits, dropped):
    rows = [list(row) + [None] * 13 for row in grid.rows]
    for r, c, value in edits:
        if r < len(rows):
            rows[r][c] = value
    rows = [row for i, row in enumerate(rows) if i not in set(dropped)]
    _read(Grid(grid.name, rows, grid.merges))
