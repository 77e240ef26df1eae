"""'Theo dõi tiến độ' and PAR_STATUS on xlwings' JSON-backed Book: one label per item, the same cell for cell.

The button reads the sheet as of today, so the deadlines here are days around today, written in full.
"""
from __future__ import annotations

import copy
import datetime as dt

import pytest

xw = pytest.importorskip("xlwings")

from progress_workbooks import KT, VH, VP, progress_xlsx  # noqa: E402
from pyxl.core.table import read_table  # noqa: E402
from pyxl.excel import macros, udfs  # noqa: E402
from pyxl.excel.livebook import sheet_grid  # noqa: E402
from pyxl.excel.marks import FLAGS_HEADER, PROGRESS_HEADER  # noqa: E402
from test_macros import apply, assert_user_cells_kept, book_from, cell  # noqa: E402

TODAY = dt.date.today()
PROGRESS_COL = 11  # L: the first free column right of the table (A–K)
HEADER_ROW = 4  # 0-based: under the four title lines


def _day(offset: int) -> str:
    day = TODAY + dt.timedelta(days=offset)
    return f"trước ngày {day.day}/{day.month}/{day.year}"


# code, title, max, appraised, lead, deadline, status, completed, note → the label expected today
ROWS = [
    ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 10, 7.5, None, None, None, None, None, None),
    ("1.1", "Ban hành kế hoạch CCHC", 2, 1.5, VP, _day(-40), "Đã hoàn thành", None, None, "Đã xong"),
    ("1.2", "Báo cáo định kỳ", 2, 1.5, VP, _day(-10), "Đang thực hiện", None, "Chờ số liệu", "Quá hạn"),
    ("1.3", "Tuyên truyền CCHC", 2, 1.5, VH, _day(10), "50%", None, None, "Sắp đến hạn"),
    ("1.4", "Công khai TTHC", 2, 1.5, VP, _day(90), "Chưa thực hiện", None, None, "Còn hạn"),
    ("1.5", "Số hoá hồ sơ", 2, 1.5, KT, _day(-5), None, TODAY - dt.timedelta(days=7), None, "Đã xong"),
    ("II", "CẢI CÁCH TỔ CHỨC BỘ MÁY", 12, 9, None, None, None, None, None, None),
    ("2.1", "Xin lỗi khi trễ hẹn", 2, 1.5, VP, _day(-3), "x", None, None, "Đã xong"),
    ("2.2", "Rà soát vị trí việc làm", 2, 1.5, VH, None, "Đang thực hiện", None, None, "Chưa có thời hạn"),
    ("2.3", "Kiện toàn Tổ công tác", 2, 1.5, VP, "Sau khi có Quyết định của UBND tỉnh", None, None, None,
     "Theo văn bản cấp trên"),
    ("2.4", "Đánh giá cán bộ", 2, 1.5, VH, "Kịp thời", None, None, None, "Không rõ hạn"),
    ("2.5", "Kiểm tra công vụ", 2, 1.5, VP, "Đã hoàn thành", None, None, None, "Đã xong"),
    ("2.6", "Chữ ký số", 2, 1.5, KT, _day(-20), None, None, "Đã hoàn thành", "Đã xong"),
]
EXPECTED = {code: label for code, *_, label in ROWS if label}


@pytest.fixture
def book_and_data(tmp_path):
    path = progress_xlsx(tmp_path / "theo_doi.xlsx", rows=[row[:-1] for row in ROWS])
    return book_from(path)


def _book_of(data: dict, sheets: list[dict]):
    """A fresh JSON-backed Book holding sheets as applied (the Book changes the payload it is given)."""
    payload = dict(copy.deepcopy(data), sheets=[{"name": s["name"], "values": copy.deepcopy(s["values"]),
                                                 "pictures": [], "tables": []} for s in sheets])
    return xw.Book(json=copy.deepcopy(payload)), payload


def _labels(values) -> dict[str, str]:
    return {row[0]: cell(values, r, PROGRESS_COL) for r, row in enumerate(values) if row and row[0] in EXPECTED}


def test_button_writes_a_label_per_item_coloured_and_keeps_the_officers_cells(book_and_data):
    book, data = book_and_data
    macros.track_progress(book)
    result = apply(data, book.json()["actions"])
    sheet = result["sheets"][0]
    assert sheet["values"][HEADER_ROW][PROGRESS_COL] == PROGRESS_HEADER
    assert _labels(sheet["values"]) == EXPECTED
    colors = {sheet["values"][r][0]: color for (r, c), color in sheet["colors"].items() if c == PROGRESS_COL and color}
    assert colors == {"1.1": "#c6efce", "1.2": "#ffc7ce", "1.3": "#ffeb9c", "1.4": "#ddebf7", "1.5": "#c6efce",
                      "2.1": "#c6efce", "2.5": "#c6efce", "2.6": "#c6efce"}
    assert all(cell(sheet["values"], r, PROGRESS_COL) in (None, "") for r, row in enumerate(sheet["values"])
               if row and row[0] in ("I", "II"))  # group rows get nothing
    assert_user_cells_kept(data["sheets"][0]["values"], sheet["values"], PROGRESS_COL)
    [alert] = result["alerts"]
    assert "11 mục theo dõi" in alert and "Quá hạn 1" in alert and "Sắp đến hạn 1" in alert
    assert "Đã xong 5" in alert and "3 mục chưa có hạn rõ" in alert and "cột L" in alert


def test_par_status_agrees_with_the_button_cell_for_cell(book_and_data):
    book, data = book_and_data
    macros.track_progress(book)
    labelled = apply(data, book.json()["actions"])["sheets"][0]["values"]
    grid = sheet_grid(book.sheets[0])  # what Excel passes a formula: the values as the book holds them
    today = dt.datetime.combine(TODAY, dt.time())
    rows = [r for r, row in enumerate(grid.rows) if row and row[0] in EXPECTED]
    for r in rows:
        deadline, status, completed, note = (grid.value(r, c) for c in (7, 8, 9, 10))
        formula = udfs.PAR_STATUS([[deadline]], 2025, today, [[status]], [[completed]], [[note]])
        assert formula == [[labelled[r][PROGRESS_COL]]], grid.rows[r][0]
    # one formula over the whole columns, as =PAR_STATUS(H6:H22;2025;;I6:I22;J6:J22;K6:K22) gives it
    column = lambda c: [[grid.value(r, c)] for r in rows]  # noqa: E731
    whole = udfs.PAR_STATUS(column(7), 2025, today, column(8), column(9), column(10))
    assert [label for [label] in whole] == [labelled[r][PROGRESS_COL] for r in rows]


def test_clear_marks_removes_the_progress_column(book_and_data):
    book, data = book_and_data
    macros.track_progress(book)
    book2, data2 = _book_of(data, apply(data, book.json()["actions"])["sheets"])
    macros.clear_marks(book2)
    cleared = apply(data2, book2.json()["actions"])
    sheet = cleared["sheets"][0]
    assert all(cell(sheet["values"], r, PROGRESS_COL) in (None, "") for r in range(len(sheet["values"])))
    assert all(color is None for (r, c), color in sheet["colors"].items() if c == PROGRESS_COL)
    assert_user_cells_kept(data["sheets"][0]["values"], sheet["values"], PROGRESS_COL)
    assert "'PHỤ LỤC'" in cleared["alerts"][0]


def test_table_reads_the_same_with_the_progress_column_and_the_check_goes_beside_it(book_and_data):
    book, data = book_and_data
    before = read_table(sheet_grid(book.sheets[0]), as_of=TODAY)
    macros.track_progress(book)
    book2, data2 = _book_of(data, apply(data, book.json()["actions"])["sheets"])
    after = read_table(sheet_grid(book2.sheets[0]), as_of=TODAY)
    assert after.columns == before.columns and after.items == before.items
    macros.check_sheet(book2)
    checked = apply(data2, book2.json()["actions"])["sheets"][0]["values"]
    assert checked[HEADER_ROW][PROGRESS_COL:PROGRESS_COL + 2] == [PROGRESS_HEADER, FLAGS_HEADER]
    # re-running after a status changed updates the label in place
    sheets = copy.deepcopy(data2["sheets"])
    row = next(r for r, values in enumerate(sheets[0]["values"]) if values and values[0] == "1.2")
    sheets[0]["values"][row][8] = "Đã hoàn thành"
    book3, data3 = _book_of(data, sheets)
    macros.track_progress(book3)
    again = apply(data3, book3.json()["actions"])["sheets"][0]["values"]
    assert again[row][PROGRESS_COL] == "Đã xong"
    assert sum(1 for values in again if len(values) > PROGRESS_COL and values[PROGRESS_COL] == "Quá hạn") == 0
