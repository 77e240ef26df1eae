"""`parbook merge --year` and `--sheet`: the same meaning as in check and plan, for every commune of a run."""
from __future__ import annotations

from datetime import date

import openpyxl

from conftest import SAMPLES
from pyxl.merge import find_source, read_unit
from pyxl.merge.sources import with_choices

HEADER = ["STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp",
          "Cơ quan chủ trì", "Thời gian thực hiện"]


def commune_file(path, unit: str, lost_title: str) -> None:
    """A commune's workbook with a notes table first and its PHỤ LỤC second; no year in any title."""
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Ghi chép"
    notes.append(["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"])
    notes.append(["1", "Họp giao ban", "Văn phòng HĐND và UBND", "Hằng tháng"])
    table = workbook.create_sheet("PHỤ LỤC")
    table.append([f"CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CỦA UBND {unit.upper()}"])
    table.append(HEADER)
    table.append(["1.1", lost_title, 2, 1.5, 0.5, "Ban hành đúng hạn", "Văn phòng HĐND và UBND", "Quý I"])
    workbook.save(path)


def test_sheet_and_year_for_a_folder_of_commune_files(parbook, tmp_path):
    folder = tmp_path / "cac_xa"
    folder.mkdir()
    commune_file(folder / "Xã An Phú.xlsx", "xã An Phú", "Kế hoạch CCHC")
    commune_file(folder / "Xã Kim Long.xlsx", "xã Kim Long", "Báo cáo CCHC")
    units = with_choices(find_source(folder), year=2027, sheet="PHỤ LỤC").units
    tables = [read_unit(unit)[0] for unit in units]
    assert [t.sheet for t in tables] == ["PHỤ LỤC", "PHỤ LỤC"]
    assert [t.items[0].deadline.due for t in tables] == [date(2027, 3, 31)] * 2  # 'Quý I' of the year given
    result = parbook("merge", folder, "-o", tmp_path / "ra", "--sheet", "PHỤ LỤC", "--year", "2027",
                     "--as-of", "2027-01-15")
    assert result.code == 0, result.out + result.err
    assert len(list((tmp_path / "ra").glob("*2027.docx"))) == 2
    missing = parbook("merge", folder, "-o", tmp_path / "ra2", "--sheet", "Không có")
    assert missing.code == 1 and "không có sheet 'Không có'" in missing.out  # each commune says why


def test_sheet_is_refused_where_each_commune_is_a_sheet(parbook, tmp_path):
    result = parbook("merge", SAMPLES / "district_2025.xlsx", "-o", tmp_path / "ra", "--sheet", "Tân Lập")
    assert result.code == 2 and "--only" in result.err and not (tmp_path / "ra").exists()
