"""Bad input and layouts the seeds do not show: clear Vietnamese messages, exit 2, files untouched."""
from __future__ import annotations

import hashlib
import io
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

import workbooks
from conftest import SAMPLES, convert
from pyxl.readers import read_tables

AS_OF = "2024-05-01"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(parbook, path: Path, *words: str) -> None:
    before = digest(path) if path.exists() else None
    result = parbook("check", path)
    assert result.code == 2
    assert result.out == ""
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err
    if before:
        assert digest(path) == before


def test_missing_file(parbook, tmp_path):
    assert_refused(parbook, tmp_path / "khong_co.xlsx", "Không tìm thấy tệp")


def test_text_file_renamed_xlsx(parbook, tmp_path):
    path = tmp_path / "ghi_chu.xlsx"
    path.write_text("Đây là ghi chú, không phải bảng tính", encoding="utf-8")
    assert_refused(parbook, path, "bị hỏng hoặc không phải bảng tính", "Save As")


def test_truncated_xlsx(parbook, tmp_path):
    path = tmp_path / "tai_do.xlsx"
    data = (SAMPLES / "son_giang_2021.xlsx").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert_refused(parbook, path, "bị hỏng")


def test_password_protected_workbook(parbook, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with open(SAMPLES / "son_giang_2021.xlsx", "rb") as plain:
        OOXMLFile(plain).encrypt("matkhau", out)
    path = tmp_path / "co_mat_khau.xlsx"
    path.write_bytes(out.getvalue())
    assert_refused(parbook, path, "mật khẩu", "Encrypt with Password")


def test_sheet_without_table(parbook, tmp_path):
    path = tmp_path / "trong.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Ghi chép"
    wb.active["A1"] = "Danh sách cán bộ dự họp"
    wb.save(path)
    assert_refused(parbook, path, "không có bảng PHỤ LỤC", "'Ghi chép'", "Điểm chuẩn")


def test_header_missing_score_columns(parbook, tmp_path):
    path = tmp_path / "thieu_cot.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PHỤ LỤC"
    ws.append(["PHỤ LỤC KẾ HOẠCH KHẮC PHỤC NĂM 2024"])
    ws.append(["STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Giải pháp", "Ghi chú"])
    ws.append(["1.1", "Kế hoạch CCHC", 2, "Ban hành đúng hạn", None])
    wb.save(path)
    assert_refused(parbook, path, "dòng tiêu đề 2", "thiếu cột 'Điểm thẩm định'")
    assert parbook("check", path, "--sheet", "PHỤ LỤC").code == 2


def test_unknown_sheet_lists_the_sheets(parbook):
    result = parbook("check", SAMPLES / "phuoc_my_2024.xlsx", "--sheet", "Phụ lục 3")
    assert result.code == 2
    assert "'Phụ lục 1'" in result.err and "'Phụ lục 2'" in result.err


def test_sheet_name_matches_old_and_new_tone_marks(parbook):
    result = parbook("check", SAMPLES / "son_giang_2021.xlsx", "--sheet", "phụ lục", "--format", "json")
    assert result.code == 0


def test_text_in_score_cell_is_a_finding_not_a_crash(parbook, tmp_path):
    path = workbooks.roman_groups_xlsx(tmp_path / "ha_tinh.xlsx")
    before = digest(path)
    result = parbook("check", path, "--format", "json", "--as-of", AS_OF)
    assert result.code == 0
    sheet = result.json()["sheets"][0]
    bad = [f for f in sheet["findings"] if f["code"] == "NOT_A_NUMBER"]
    assert [(f["cell"], f["severity"]) for f in bad] == [("E15", "error")]
    assert "'85%'" in bad[0]["message"]
    assert digest(path) == before


def test_another_province_layout(tmp_path):
    path = workbooks.roman_groups_xlsx(tmp_path / "ha_tinh.xlsx")
    [t] = read_tables(path, as_of=date.fromisoformat(AS_OF))
    assert t.header_rows == (7,)
    assert [i.code for i in t.items] == ["I", "1", "2", "II", "1", "1.1", "2"]
    by_row = {i.row: i for i in t.items}
    assert t.items[by_row[14].parent].code == "1" and t.items[by_row[13].parent].code == "II"
    # the lead merged down over the next item belongs to both
    assert by_row[11].lead == ("Văn phòng HĐND và UBND",)
    assert by_row[10].deadline.kind == "date" and by_row[10].deadline.due == date(2024, 1, 31)
    assert float(t.totals.max_points) == 22 and float(t.totals.lost_points) == 3.5
    codes = {(f.code, f.item) for f in t.findings}
    assert ("OVERDUE", "1") in codes
    assert ("DUPLICATE_CODE", "1") not in codes  # "1" under I and "1" under II are different items
    assert ("SUBTOTAL_MISMATCH", "II") in codes
    assert not any(f.code == "TOTAL_MISMATCH" for f in t.findings)
    assert t.year == 2024 and t.stated_total == 3.5


def test_uncalculated_formulas_are_reported(parbook, tmp_path):
    path = workbooks.uncalculated_xlsx(tmp_path / "chua_tinh.xlsx")
    sheet = parbook("check", path, "--format", "json").json()["sheets"][0]
    [finding] = [f for f in sheet["findings"] if f["code"] == "FORMULAS_NOT_CALCULATED"]
    assert finding["severity"] == "error" and finding["cell"] == "E2"
    assert "E2, E3" in finding["message"] and "Ctrl+Alt+F9" in finding["message"]


def test_csv_task_list_without_codes(parbook, tmp_path):
    path = workbooks.tasks_without_codes_csv(tmp_path / "nhiem_vu.csv")
    result = parbook("check", path, "--format", "json", "--as-of", AS_OF)
    sheet = result.json()["sheets"][0]
    assert sheet["kind"] == "tasks"
    assert [i["title"] for i in sheet["items"]] == [
        "Ban hành kế hoạch CCHC năm", "Báo cáo CCHC định kỳ\n(quý, 6 tháng, năm)", "Cập nhật cơ sở dữ liệu CBCC"]
    assert sheet["items"][1]["deadline"]["kind"] == "recurring"
    assert {(f["code"], f["row"]) for f in sheet["findings"]} >= {("MISSING_LEAD", 4), ("MISSING_DEADLINE", 4)}


def test_csv_not_utf8(parbook, tmp_path):
    path = tmp_path / "cu.csv"
    path.write_bytes(b"STT;N\xf4i dung;C\xf4 quan ch\xfa tr\xec\n")  # a legacy code page, not UTF-8
    assert_refused(parbook, path, "UTF-8")


@pytest.mark.libreoffice("calc")
def test_old_xls_file(parbook, tmp_path):
    source = tmp_path / "son_giang.xlsx"
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", source)
    convert(source, "xls", tmp_path)
    sheet = parbook("check", tmp_path / "son_giang.xls", "--format", "json").json()["sheets"][0]
    assert sheet["totals"]["lost_points"] == pytest.approx(8.45)


def test_workbook_list_sheet_extends_agency_names(tmp_path):
    path = tmp_path / "xa_moi.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PHỤ LỤC"
    ws.append(["PHỤ LỤC KẾ HOẠCH KHẮC PHỤC NĂM 2026 CỦA UBND XÃ HÒA BÌNH"])
    ws.append(["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Giải pháp", "Chủ trì", "Phối hợp", "Thời hạn"])
    ws.append(["1.1", "Kế hoạch CCHC", 2, 1.5, "Ban hành đúng hạn", "P. KT-HT", "VP HĐND&UBND", "Quý I"])
    lists = wb.create_sheet("Danh mục")
    lists.append(["DANH MỤC CƠ QUAN"])
    lists.append(["Cơ quan", "Tên gọi khác"])
    lists.append(["Phòng Kinh tế - Hạ tầng và Đô thị xã", "P. KT-HT; Phòng KT-HT"])
    wb.save(path)
    [t] = read_tables(path, as_of=date(2026, 1, 10))
    item = t.items[0]
    assert item.lead == ("P. KT-HT",)  # the officer's spelling is kept
    assert item.lead_names == ("Phòng Kinh tế - Hạ tầng và Đô thị xã",)
    assert item.partner_names == ("Văn phòng HĐND và UBND",)
    assert t.year == 2026 and item.deadline.due == date(2026, 3, 31)


def test_status_typed_in_the_deadline_column(parbook, tmp_path):
    path = tmp_path / "tien_do.csv"
    path.write_text("Nhiệm vụ;Cơ quan chủ trì;Thời gian thực hiện\n"
                    "Ban hành kế hoạch CCHC;Văn phòng;Đã hoàn thành\n"
                    "Cập nhật cơ sở dữ liệu;Văn phòng;Đang thực hiện\n"
                    "Tuyên truyền;Văn phòng;Tháng 3-4/2024\n", encoding="utf-8")
    sheet = parbook("check", path, "--format", "json", "--as-of", AS_OF).json()["sheets"][0]
    assert [i["deadline"] for i in sheet["items"]] == [
        {"text": "Đã hoàn thành", "due": None, "kind": "status"},
        {"text": "Đang thực hiện", "due": None, "kind": "status"},
        {"text": "Tháng 3-4/2024", "due": "2024-04-30", "kind": "period"},
    ]
    findings = {(f["code"], f["row"]) for f in sheet["findings"]}
    assert not any(code == "VAGUE_DEADLINE" for code, _ in findings)
    assert ("MISSING_DEADLINE", 3) in findings and ("MISSING_DEADLINE", 2) not in findings
    [message] = [f["message"] for f in sheet["findings"] if f["code"] == "MISSING_DEADLINE"]
    assert "ghi tình trạng 'Đang thực hiện' chứ không phải thời hạn" in message


def _long_table(path: Path, sheet: str) -> Path:
    """Every commune of a district in one sheet, a 'Xã, phường' column saying whose each row is."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["BẢNG TỔNG HỢP CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CỦA CÁC XÃ NĂM 2023"])
    ws.append(["STT", "Xã, phường", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Giải pháp", "Chủ trì",
               "Phối hợp", "Thời hạn"])
    for line in [[1, "Xã An Hòa", "1.2", "Kiểm tra CCHC", 2, 1, "Kiểm tra các bộ phận", "Văn phòng HĐND và UBND xã",
                  "Công chức Tư pháp - Hộ tịch", "Quý II/2024"],
                 [2, "Xã An Hòa", "2.1", "Công khai TTHC", 2, 1.5, None, "Bộ phận Một cửa", "Văn phòng HĐND và UBND xã",
                  "Quý III/2024"],
                 [3, "Xã Bình Minh", "1.2", "Kiểm tra CCHC", 2, 1.5, None, "Văn phòng HĐND và UBND xã",
                  "Công chức Tư pháp - Hộ tịch", "Quý II/2024"]]:
        ws.append(line)
    wb.save(path)
    return path


@pytest.mark.parametrize("sheet", ["Tổng hợp", "PHỤ LỤC"])
def test_a_long_table_of_many_communes_names_the_commune_in_each_message(parbook, tmp_path, sheet):
    path = _long_table(tmp_path / "district.xlsx", sheet)
    before = digest(path)
    result = parbook("check", path, "--as-of", AS_OF)
    assert result.code == 0, result.err
    # the commune, as typed, tells the two items 1.2 apart; the same code in two communes is no duplicate
    assert "Mục 1.2 (Xã Bình Minh) mất 0,5 điểm nhưng chưa có giải pháp khắc phục." in result.out
    assert "Mục 2.1 (Xã An Hòa) mất 0,5 điểm nhưng chưa có giải pháp khắc phục." in result.out
    assert "xuất hiện nhiều lần" not in result.out
    # each commune's points lost under the table's totals
    assert "\n    Xã An Hòa: bị mất 1,5 điểm\n    Xã Bình Minh: bị mất 0,5 điểm\n" in result.out
    assert digest(path) == before


def test_a_table_of_one_commune_keeps_short_labels(parbook, tmp_path):
    path = tmp_path / "one.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Đơn vị", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Giải pháp", "Chủ trì"])
    ws.append(["1.2", "Xã An Hòa", "Kiểm tra CCHC", 2, 1, None, "Văn phòng HĐND và UBND xã"])
    ws.append(["1.2", "Xã An Hòa", "Kiểm tra nội bộ", 1, 0.5, "Kiểm tra", "Văn phòng HĐND và UBND xã"])
    wb.save(path)
    out = parbook("check", path, "--as-of", AS_OF).out
    assert "Mục 1.2 mất 1 điểm nhưng chưa có giải pháp khắc phục." in out
    assert "Mã 1.2 xuất hiện nhiều lần" in out  # one commune: a code typed twice is still a slip
    assert "Xã An Hòa: bị mất" not in out
