"""Worksheet functions called the way Excel passes values: floats, text, None, dates and 2-D ranges."""
from __future__ import annotations

import datetime as dt

import pytest

from pyxl.excel import udfs


def test_lost_points_single_cells_and_decimal_commas():
    assert udfs.LOST_POINTS([[2.0]], [[1.7]]) == [[pytest.approx(0.3)]]
    assert udfs.LOST_POINTS([["1,75"]], [["0,75"]]) == [[1.0]]
    assert udfs.LOST_POINTS([[None]], [[1.0]]) == [[""]]
    assert udfs.LOST_POINTS([["abc"]], [[1.0]]) == [["#Điểm chuẩn 'abc' không phải số"]]


def test_lost_points_whole_columns():
    result = udfs.LOST_POINTS([[2.0], [1.0], [None], ["0,5"]], [[1.5], ["0,25"], [None], [0.0]])
    assert result == [[0.5], [0.75], [""], [0.5]]


def test_par_total_counts_roots_only():
    codes = [["1"], [1.2], ["1.2.1"], ["3"], ["3.1"]]
    max_points = [[9.0], [1.5], [0.5], [14.0], [4.0]]
    appraised = [[7.95], [1.2], [0.25], [12.0], [2.0]]
    assert udfs.PAR_TOTAL(codes, max_points, appraised) == pytest.approx(3.05)
    assert udfs.PAR_TOTAL([["1"]], [["abc"]], [[1.0]]).startswith("#")


def test_par_flags_lists_what_is_missing():
    assert udfs.PAR_FLAGS([[None]], [[None]], [[None]], [[0.5]]) == [
        ["Thiếu giải pháp; Thiếu cơ quan chủ trì; Thiếu thời gian"]]
    assert udfs.PAR_FLAGS([["Phòng Kinh tế"]], [["Thường xuyên"]], [["Giải pháp"]], [[0.5]]) == [["OK"]]
    assert udfs.PAR_FLAGS([[None]], [[None]], [[None]], [[0.0]]) == [["OK"]]
    assert udfs.PAR_FLAGS([[None]], [["Kịp thời"]], [["x"]], [["1,5"]]) == [[
        "Thiếu cơ quan chủ trì; Thời hạn chưa rõ"]]


def test_par_due_and_status():
    assert udfs.PAR_DUE([["Quý I"]], 2024.0) == [[dt.datetime(2024, 3, 31)]]
    assert udfs.PAR_DUE([["Quý I"], [None], ["trước ngày 31/8/2024"]], 2024) == [
        [dt.datetime(2024, 3, 31)], [""], [dt.datetime(2024, 8, 31)]]
    today = dt.datetime(2024, 5, 1)
    assert udfs.PAR_STATUS([["Quý I"], ["Quý III"], [None], ["Sau khi có Quyết định của UBND tỉnh"]],
                           2024, today) == [["Quá hạn"], ["Còn hạn"], ["Chưa có thời hạn"], ["Theo văn bản cấp trên"]]
    assert udfs.PAR_STATUS([["Quý I"]], None, "2024-01-15") == [["Còn hạn"]]


def test_par_number_and_parent():
    assert udfs.PAR_NUMBER([["0,75"], ["-0,3"], [None], [" 1.5 "], ["x"], ["abc"]]) == [
        [0.75], [-0.3], [""], [1.5], [""], ["#Giá trị 'abc' không phải số"]]
    assert udfs.PAR_PARENT([["3.2.1"]]) == [["3.2"]]
    assert udfs.PAR_PARENT([[3.0]]) == [[""]]
    assert udfs.PAR_PARENT([["3"], ["3.1"], ["3.10.1"], ["3.10"], ["3.10.2"]]) == [
        [""], ["3"], ["3"], ["3"], ["3.10"]]


def test_par_status_reads_a_status_typed_in_the_deadline_column():
    assert udfs.PAR_STATUS([["Đã hoàn thành"], ["Đang thực hiện"]], 2024, "2024-05-01") == [
        ["Đã xong"], ["Chưa có thời hạn"]]
