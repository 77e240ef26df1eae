"""`parbook mark`: --fill-lost adds to the whole check and counts the cells it really wrote; --clear undoes it all."""
from __future__ import annotations

import shutil

import openpyxl
import pytest
import xlsxwriter
from openpyxl.styles import PatternFill

from conftest import SAMPLES
from pyxl.excel.marks import FINDINGS_SHEET, FLAGS_HEADER

HEADER = ["STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp",
          "Cơ quan chủ trì", "Thời gian thực hiện"]


def values(path, sheet=None) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path)
    ws = workbook[sheet] if sheet else workbook.worksheets[0]
    return [[c.value for c in row] for row in ws.iter_rows()]


def flags(path, sheet=None) -> dict[int, str]:
    ws = openpyxl.load_workbook(path)[sheet] if sheet else openpyxl.load_workbook(path).worksheets[0]
    column = next(c.column for row in ws.iter_rows() for c in row if c.value == FLAGS_HEADER)
    return {c.row: c.value for (c,) in ws.iter_rows(min_col=column, max_col=column) if c.value not in (None, FLAGS_HEADER)}


def test_fill_lost_keeps_the_whole_check(parbook, tmp_path):
    source = tmp_path / "son_giang.xlsx"
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", source)
    checked, filled = tmp_path / "check.xlsx", tmp_path / "fill.xlsx"
    assert parbook("mark", source, "-o", checked, "--as-of", "2021-06-30").code == 0
    result = parbook("mark", source, "-o", filled, "--as-of", "2021-06-30", "--fill-lost")
    assert result.code == 0
    assert flags(filled, "PHỤ LỤC") == flags(checked, "PHỤ LỤC")  # every flag, not only the mismatches
    assert len(values(filled, FINDINGS_SHEET)) == len(values(checked, FINDINGS_SHEET))
    assert "Lệch tổng mục con" in flags(filled, "PHỤ LỤC")[7]  # a finding 'Tính điểm bị mất' alone does not flag
    assert "ô Điểm bị mất được điền" in result.out


def test_fill_lost_counts_only_the_cells_it_wrote(parbook, tmp_path):
    path = tmp_path / "cong_thuc.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    ws = workbook.add_worksheet("PHỤ LỤC")
    ws.write_row(0, 0, HEADER)
    rows = [["1.1", "Kế hoạch CCHC", 2, 1.5], ["1.2", "Báo cáo CCHC", 1, 0.5], ["1.3", "Kiểm tra CCHC", 1, 0.75]]
    for r, row in enumerate(rows, start=1):
        ws.write_row(r, 0, row + [None, "Làm đúng hạn", "Văn phòng HĐND và UBND", "Quý II"])
    ws.write_formula("E3", '=IF(C3>9,C3-D3,"")', None, "")  # a formula that shows nothing: the officer's cell
    workbook.close()
    result = parbook("mark", path, "-o", tmp_path / "ra.xlsx", "--fill-lost", "--year", "2026")
    assert result.code == 0 and "2 ô Điểm bị mất được điền" in result.out, result.out
    ws = openpyxl.load_workbook(tmp_path / "ra.xlsx")["PHỤ LỤC"]
    assert ws["E2"].value == 0.5 and ws["E4"].value == 0.25
    assert ws["E3"].value == '=IF(C3>9,C3-D3,"")'


def test_fill_lost_skips_formulas_excel_has_not_calculated(parbook, tmp_path):
    path = tmp_path / "chua_tinh.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "PHỤ LỤC"
    ws.append(HEADER)
    ws.append(["1.1", "Kế hoạch CCHC", 2, 1.5, None, "Làm đúng hạn", "Văn phòng HĐND và UBND", "Quý II"])
    ws.append(["1.2", "Báo cáo CCHC", 1, 0.5, "=C3-D3", "Làm đúng hạn", "Văn phòng HĐND và UBND", "Quý II"])
    workbook.save(path)  # openpyxl stores no calculated value: the formula reads as blank
    result = parbook("mark", path, "-o", tmp_path / "ra.xlsx", "--fill-lost", "--year", "2026")
    assert result.code == 0 and "1 ô Điểm bị mất được điền" in result.out, result.out
    ws = openpyxl.load_workbook(tmp_path / "ra.xlsx")["PHỤ LỤC"]
    assert ws["E2"].value == 0.5 and ws["E3"].value == "=C3-D3"


@pytest.mark.parametrize("fill_lost", [False, True], ids=["check", "fill-lost"])
def test_clear_gives_back_the_table_as_it_was(parbook, tmp_path, fill_lost):
    source = tmp_path / "son_giang.xlsx"
    workbook = openpyxl.load_workbook(SAMPLES / "son_giang_2021.xlsx")
    workbook["PHỤ LỤC"]["E7"].fill = PatternFill("solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
    workbook.save(source)  # the officer's own colour on a cell parbook will paint red
    marked, cleared = tmp_path / "marked.xlsx", tmp_path / "cleared.xlsx"
    args = ["--fill-lost"] if fill_lost else []
    assert parbook("mark", source, "-o", marked, *args).code == 0
    assert openpyxl.load_workbook(marked)["PHỤ LỤC"]["E7"].fill.start_color.rgb.endswith("F4CCCC")
    result = parbook("mark", marked, "--clear", "-o", cleared)
    assert result.code == 0 and "'PHỤ LỤC'" in result.out and "trả lại màu cũ" in result.out
    after = openpyxl.load_workbook(cleared)
    assert FINDINGS_SHEET not in after.sheetnames
    assert after["PHỤ LỤC"]["E7"].fill.start_color.rgb[-6:] == "DDEBF7"  # Excel ignores the alpha byte
    assert not any(v == FLAGS_HEADER for row in values(cleared, "PHỤ LỤC") for v in row)
    expected = [[None if v == FLAGS_HEADER else v for v in row] for row in values(marked, "PHỤ LỤC")]
    flags_col = next(i for row in values(marked, "PHỤ LỤC") for i, v in enumerate(row) if v == FLAGS_HEADER)
    expected = [row[:flags_col] + [None] + row[flags_col + 1:] for row in expected]
    assert trimmed(values(cleared, "PHỤ LỤC")) == trimmed(expected)
    if not fill_lost:
        assert trimmed(values(cleared, "PHỤ LỤC")) == trimmed(values(source, "PHỤ LỤC"))


def trimmed(rows: list[list[object]]) -> list[list[object]]:
    """Rows cut after the last column holding anything (an emptied column at the right end is no column)."""
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v is not None), default=0)
    return [(row + [None] * width)[:width] for row in rows]


def test_clear_default_name_and_source_untouched(parbook, tmp_path):
    source = tmp_path / "bang.xlsx"
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", source)
    before = source.read_bytes()
    assert parbook("mark", source, "--clear").code == 0
    assert (tmp_path / "bang - đã xoá đánh dấu.xlsx").is_file() and source.read_bytes() == before
