"""Layouts officers really send (issue 10): where the code lives, group lines vs continuation lines,
what agency cells hold besides agencies, negative points. Each case on a file written here."""
from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st

from conftest import SAMPLES
from pyxl.core.agencies import Catalogue
from pyxl.core.agency_cells import AgencyReader, is_document, is_generic, is_place, looks_like_office
from pyxl.core.checks import row_flags
from pyxl.readers import read_tables, read_workbook

AS_OF = date(2024, 5, 1)
TITLE = ["ỦY BAN NHÂN DÂN HUYỆN HẢI LĂNG", "PHỤ LỤC",
         "CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2023 (Kèm theo Kế hoạch số 20/KH-UBND ngày 01/3/2024)", ""]
HEAD = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Điểm bị trừ", "Giải pháp", "Cơ quan chủ trì",
        "Cơ quan phối hợp", "Thời gian thực hiện"]


def xlsx(path: Path, rows: list[list[object]], bold_rows: set[int] = frozenset(),
         merged_rows: set[int] = frozenset()) -> Path:
    """A sheet with the title lines, the header and rows (row indexes in bold_rows/merged_rows are data rows)."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("PHỤ LỤC")
    bold = wb.add_format({"bold": True})
    for r, line in enumerate(TITLE):
        ws.write(r, 0, line)
    ws.write_row(len(TITLE), 0, HEAD, bold)
    top = len(TITLE) + 1
    for k, row in enumerate(rows):
        fmt = bold if k in bold_rows else None
        if k in merged_rows:
            ws.merge_range(top + k, 0, top + k, len(HEAD) - 1, row[1], fmt)
            continue
        for c, value in enumerate(row):
            if value is not None:
                ws.write(top + k, c, value, fmt)
    wb.close()
    return path


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerows([[line] for line in TITLE] + [HEAD] + [["" if v is None else v for v in r] for r in rows])
    return path


def table(path: Path, engine: str = "calamine"):
    [found] = read_tables(path, as_of=AS_OF, engine=engine)
    return found


CODED = [
    ["2", "CẢI CÁCH THỂ CHẾ", 7, 5.5, 1.5, None, None, None, None],
    ["2.3", "Tổ chức thực hiện văn bản quy phạm pháp luật", 3, 2, 1, None, None, None, None],
    ["2.3.1", "Tỷ lệ văn bản được ban hành đúng thời hạn", 2, 1.5, 0.5, "Ban hành đúng hạn", "Phòng Tư pháp",
     None, "Quý II/2024"],
    ["2.3.2", "Kiểm tra việc thực hiện văn bản", 1, 0.5, 0.5, "Kiểm tra định kỳ", "Phòng Tư pháp", None,
     "Quý III/2024"],
    ["2.4", "Theo dõi thi hành pháp luật", 1, 0.5, 0.5, "Theo dõi hằng quý", "Phòng Tư pháp", None, "Quý IV/2024"],
]


# -- 1. where the code lives ------------------------------------------------------------------------------

def test_serial_stt_with_codes_in_the_titles_scores_like_codes_in_stt(tmp_path, parbook):
    in_stt = table(xlsx(tmp_path / "stt.xlsx", CODED))
    serial = [[str(n), f"{row[0]}. {row[1]}", *row[2:]] for n, row in enumerate(CODED, start=1)]
    path = xlsx(tmp_path / "serial.xlsx", serial)
    in_titles = table(path)
    assert in_titles.totals == in_stt.totals
    assert in_titles.totals.lost_points == Decimal("1.5")  # read as codes 1…5 it was 4: each row a root
    assert [(i.code, i.title) for i in in_titles.items] == [(i.code, i.title) for i in in_stt.items]
    assert [i.serial for i in in_titles.items] == ["1", "2", "3", "4", "5"]
    assert all(i.serial is None for i in in_stt.items)
    sheet = parbook("check", path, "--format", "json", "--as-of", "2024-05-01").json()["sheets"][0]
    assert [(i["code"], i["serial"], i["parent"]) for i in sheet["items"]] == [
        ("2", "1", None), ("2.3", "2", "2"), ("2.3.1", "3", "2.3"), ("2.3.2", "4", "2.3"), ("2.4", "5", "2")]


@pytest.mark.parametrize("labels", [
    ("Lĩnh vực {}: ", "Tiêu chí {}: ", "Tiêu chí thành phần {} - "),
    ("LĨNH VỰC {}. ", "TC {} – ", "TCTP {}: "),
])
def test_codes_after_the_word_naming_their_level_are_read_from_the_titles(tmp_path, labels):
    in_stt = table(xlsx(tmp_path / "stt.xlsx", CODED))
    serial = [[n, labels[row[0].count(".")].format(row[0]) + row[1], *row[2:]] for n, row in enumerate(CODED, 1)]
    t = table(xlsx(tmp_path / "labelled.xlsx", serial))
    assert [(i.code, i.title, i.parent) for i in t.items] == [(i.code, i.title, i.parent) for i in in_stt.items]
    assert t.totals == in_stt.totals and t.totals.max_points == Decimal(7)  # as serial items: 14, counted twice


def test_a_title_starting_with_a_number_keeps_it(tmp_path):
    rows = [["1", "Tiêu chí 100% hồ sơ trực tuyến", 2, 1, 1, "Hướng dẫn", "Bộ phận Một cửa", None, "Quý I/2024"],
            ["2", "3 - 5 năm rà soát một lần", 2, 1, 1, "Rà soát", "Phòng Tư pháp", None, "Quý II/2024"]]
    t = table(xlsx(tmp_path / "numbers.xlsx", rows))
    assert [(i.code, i.title) for i in t.items] == [("1", "Tiêu chí 100% hồ sơ trực tuyến"),
                                                     ("2", "3 - 5 năm rà soát một lần")]


@pytest.mark.parametrize("appraised, solution, lead, deadline", [
    ("Điểm đạt", "Nhiệm vụ khắc phục", "Chủ trì", "Thời gian khắc phục"),
    ("Điểm sau phúc tra", "Nội dung khắc phục", "Cơ quan tham mưu", "Thời hạn khắc phục"),
    ("Điểm chính thức", "Giải pháp đề xuất", "Người chịu trách nhiệm", "Thời gian thực hiện"),
    ("Kết quả đạt được", "Phương án khắc phục", "Công chức tham mưu", "Thời gian hoàn thành"),
])
def test_remediation_wordings_of_the_columns(tmp_path, appraised, solution, lead, deadline):
    path = tmp_path / "heads.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Nội dung", "Điểm tối đa", appraised, solution, lead, "Phối hợp", deadline])
    ws.append(["1.2", "Kiểm tra công tác CCHC", 1.5, 1, "Xây dựng kế hoạch kiểm tra", "Văn phòng HĐND và UBND",
               None, "Quý II/2024"])
    wb.save(path)
    [item] = table(path).items
    assert (item.lost_points, item.solution, item.lead, item.deadline.text) == (
        Decimal("0.5"), "Xây dựng kế hoạch kiểm tra", ("Văn phòng HĐND và UBND",), "Quý II/2024")


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("typed, read", [
    ([3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8, 3.9, 3.1, 3.11, 3.12], [f"3.{k}" for k in range(1, 13)]),
    ([3.2, 3.5, 3.1, 3.12, 3.2], ["3.2", "3.5", "3.10", "3.12", "3.20"]),  # only the items that lost points
    (["3.1", "3.9", "3.10"], ["3.1", "3.9", "3.10"]),  # typed as text: kept
])
def test_a_code_ending_in_zero_typed_as_a_number_is_read_back(tmp_path, engine, typed, read):
    rows = [["3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None, None, None, None, None, None]]
    rows += [[code, f"Tiêu chí số {k}", 1, 0.5, None, None, None, None, None, None] for k, code in enumerate(typed)]
    t = table(xlsx(tmp_path / "floats.xlsx", rows), engine)
    assert [i.code for i in t.items] == ["3", *read]
    assert all(i.parent == 0 for i in t.items[1:])


def test_codes_typed_as_numbers_count_again_under_each_roman_part(tmp_path):
    rows = [["I", "CÔNG TÁC CHỈ ĐẠO", None, None, None, None, None, None, None],
            [1.1, "Kế hoạch", 1, 0.5, None, None, None, None, None], [1.2, "Báo cáo", 1, 0.5, None, None, None, None, None],
            ["II", "CẢI CÁCH THỂ CHẾ", None, None, None, None, None, None, None],
            [1.1, "Rà soát", 1, 0.5, None, None, None, None, None]]
    assert [i.code for i in table(xlsx(tmp_path / "roman.xlsx", rows)).items] == ["I", "1.1", "1.2", "II", "1.1"]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_three_row_header_reads_as_its_one_row_twin(tmp_path, engine):
    data = [["1.1", "Kế hoạch CCHC", 2, 1.5, 0.5, "Ban hành đúng hạn", "Văn phòng HĐND và UBND", "Phòng Kinh tế",
             "Tháng 12/2026"],
            ["2.3", "Rà soát văn bản", 1, 0.5, 0.5, "Rà soát định kỳ", "Văn phòng HĐND và UBND", None, "Quý IV/2026"]]
    three = tmp_path / "three.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["PHỤ LỤC CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2025 CỦA UBND XÃ TÂN AN"])
    ws.append(["STT", "Tiêu chí", "Kết quả Chỉ số CCHC năm 2025", None, None, "Giải pháp khắc phục",
               "Phân công thực hiện", None, "Thời gian"])
    ws.append([None, None, "Điểm", None, None, None, None, None, None])
    ws.append([None, None, "Tối đa", "Đạt", "Bị trừ", None, "Chủ trì", "Phối hợp", None])
    for line in data:
        ws.append(line)
    for cells in ["A2:A4", "B2:B4", "C2:E2", "C3:E3", "F2:F4", "G2:H3", "I2:I4"]:
        ws.merge_cells(cells)
    wb.save(three)
    t, twin = table(three, engine), table(xlsx(tmp_path / "one.xlsx", data), engine)
    assert t.header_rows == (2, 3, 4)
    assert t.totals == twin.totals and t.totals.max_points == Decimal(3)
    assert [(i.code, i.lost_points, i.lead, i.partners, i.deadline.text) for i in t.items] == [
        (i.code, i.lost_points, i.lead, i.partners, i.deadline.text) for i in twin.items]


def test_a_code_column_beside_a_serial_stt(tmp_path):
    rows = [[str(n), row[0], *row[1:]] for n, row in enumerate(CODED, start=1)]
    path = tmp_path / "ma.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PHỤ LỤC"
    ws.append(["STT", "Mã tiêu chí", *HEAD[1:]])
    for row in rows:
        ws.append(row)
    wb.save(path)
    t = table(path)
    assert [(i.code, i.serial) for i in t.items] == [("2", "1"), ("2.3", "2"), ("2.3.1", "3"), ("2.3.2", "4"),
                                                      ("2.4", "5")]
    assert t.totals.lost_points == Decimal("1.5") and t.columns["code"] == 1 and t.columns["serial"] == 0


def test_stt_codes_restarting_under_roman_groups_stay_codes(tmp_path):
    rows = [["I", "CÔNG TÁC CHỈ ĐẠO", 4, 3, 1, None, None, None, None],
            ["1", "Kế hoạch CCHC", 2, 1.5, 0.5, "Ban hành sớm", "Văn phòng HĐND và UBND", None, "Quý I/2024"],
            ["2", "Báo cáo CCHC", 2, 1.5, 0.5, "Báo cáo đúng hạn", "Phòng Nội vụ", None, "Quý II/2024"],
            ["II", "CẢI CÁCH THỂ CHẾ", 2, 1, 1, None, None, None, None],
            ["1", "Rà soát văn bản", 2, 1, 1, "Rà soát", "Phòng Tư pháp", None, "Quý III/2024"]]
    t = table(xlsx(tmp_path / "roman.xlsx", rows))
    assert [(i.code, i.serial, i.group) for i in t.items] == [
        ("I", None, None), ("1", None, "I"), ("2", None, "I"), ("II", None, None), ("1", None, "II")]



def test_messages_name_the_part_where_numbering_restarts(tmp_path):
    rows = [["I", "CÔNG TÁC CHỈ ĐẠO", 4, 3, 1, None, None, None, None],
            ["1", "Kế hoạch CCHC", 2, 1.5, 0.5, None, "Văn phòng HĐND và UBND", None, "Quý I/2024"],
            ["II", "CẢI CÁCH THỂ CHẾ", 2, 1, 1, None, None, None, None],
            ["1", "Rà soát văn bản", 2, 1, 1, None, "Phòng Tư pháp", None, "Quý III/2024"],
            ["2.1", "Theo dõi thi hành pháp luật", 1, 0.5, 0.5, None, "Phòng Tư pháp", None, "Quý III/2024"]]
    t = table(xlsx(tmp_path / "roman.xlsx", rows))
    said = {(f.row, f.message.split(" mất ")[0]) for f in t.findings if f.code == "MISSING_SOLUTION"}
    assert said == {(7, "Mục 1, phần I"), (9, "Mục 1, phần II"), (10, "Mục 2.1, phần II")}


@pytest.mark.parametrize("heads, lead, partners", [
    (["Đơn vị thực hiện"], "Đơn vị thực hiện", None),  # the only agency column: who does it
    (["Đơn vị theo dõi, hướng dẫn thực hiện", "Đơn vị thực hiện"],
     "Đơn vị theo dõi, hướng dẫn thực hiện", "Đơn vị thực hiện"),  # Phước Mỹ: beside a lead, the partners
    (["Đơn vị phối hợp thực hiện"], None, "Đơn vị phối hợp thực hiện"),  # says phối hợp: never the lead
])
def test_an_implementing_unit_column_is_the_lead_when_alone(tmp_path, heads, lead, partners):
    path = tmp_path / "don_vi.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Nội dung", "Điểm tối đa", "Điểm thẩm định", "Giải pháp", *heads, "Thời hạn"])
    ws.append(["1", "Công khai thủ tục hành chính", 3, 2, "Rà soát niêm yết", *["Bộ phận Một cửa"] * len(heads),
               "Quý I/2026"])
    wb.save(path)
    t = table(path)
    columns = {field: ws.cell(1, col + 1).value for field, col in t.columns.items()}
    assert (columns.get("lead"), columns.get("partners")) == (lead, partners)
    assert (t.items[0].lead == ("Bộ phận Một cửa",)) == (lead is not None)
    assert any("không có cột 'Cơ quan chủ trì'" in f.message for f in t.findings) == (lead is None)



def test_a_difference_column_is_neither_the_points_lost_nor_the_self_assessment(tmp_path):
    path = tmp_path / "chenh_lech.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Tiêu chí", "Điểm số tối đa", "Điểm chênh lệch (tự chấm - thẩm định)", "Điểm thẩm định",
               "Giải pháp", "Bộ phận thực hiện", "Thời hạn"])
    ws.append(["1", "Công khai thủ tục hành chính", 3, 0.5, 2, "Rà soát niêm yết", "Bộ phận Một cửa", "Quý I/2026"])
    ws.append(["2", "Giải quyết hồ sơ đúng hạn", 2, 0, 2, None, None, None])
    wb.save(path)
    t = table(path)
    assert {f: t.columns.get(f) for f in ("max_points", "appraised_points", "stated_lost", "self_points", "lead")} \
        == {"max_points": 2, "appraised_points": 4, "stated_lost": None, "self_points": None, "lead": 6}
    assert t.items[0].lost_points == Decimal("1") and t.items[0].lead == ("Bộ phận Một cửa",)
    assert t.totals.lost_points == Decimal("1") and not any(f.code == "LOST_MISMATCH" for f in t.findings)



@pytest.mark.parametrize("a, b", [("a)", "b)"), ("a.", "b."), ("a", "b"), ("3.1.a", "3.1.b")])
def test_lettered_sub_items_belong_to_the_numbered_item_above(tmp_path, a, b):
    rows = [["3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 5, 3.5, 1.5, None, None, None, None],
            ["3.1", "Công khai thủ tục hành chính", 3, 2, 1, None, None, None, None],
            [a, "Niêm yết tại nơi tiếp nhận", 1.5, 1, 0.5, "Niêm yết đủ", "Văn phòng HĐND và UBND", None, "Quý I/2024"],
            [b, "Công khai trên Cổng dịch vụ công", 1.5, 1, 0.5, None, "Văn phòng HĐND và UBND", None, "Quý II/2024"],
            ["3.2", "Giải quyết hồ sơ đúng hạn", 2, 1.5, 0.5, "Theo dõi hồ sơ", "Phòng Kinh tế", None, "Quý III/2024"]]
    t = table(xlsx(tmp_path / "letters.xlsx", rows))
    assert [(i.code, t.parent_code(i)) for i in t.items] == [
        ("3", None), ("3.1", "3"), ("3.1.a", "3.1"), ("3.1.b", "3.1"), ("3.2", "3")]
    assert t.totals.lost_points == Decimal("1.5") and t.totals.max_points == Decimal("5")
    said = [f.message for f in t.findings if f.code == "MISSING_SOLUTION"]
    assert said == ["Mục 3.1.b mất 0,5 điểm nhưng chưa có giải pháp khắc phục."]  # 3.1 is covered by its sub-items


# -- 2. group lines and continuation lines -------------------------------------------------------------------

GLUED = [
    [None, "CẢI CÁCH TÀI CHÍNH CÔNG", None, None, None, None, None, None, None],
    ["6.2", "Quản lý, sử dụng tài sản công sau sắp xếp", 1, 0.5, 0.5, "Rà soát tài sản",
     "Phòng Tài chính - Kế hoạch", None, "Quý III/2024"],
    [None, "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", None, None, None, None, None, None, None],
    ["7.1", "Tỷ lệ văn bản điện tử có ký số", 2, 1, 1, "Ký số mọi văn bản", "Văn phòng HĐND và UBND", None,
     "Quý IV/2024"],
    [None, "Lĩnh vực 8: Tác động của cải cách hành chính", None, None, None, None, None, None, None],
    ["8.1", "Mức độ hài lòng của người dân đối với sự phục vụ", 2, 1.5, 0.5, "Khảo sát hằng quý",
     "Phòng Nội vụ", None, "Quý IV/2024"],
    [None, "khi thực hiện thủ tục hành chính", None, None, None, None, None, None, None],
    [None, "- Hài lòng về thời gian giải quyết", None, None, None, None, None, None, None],
]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_capital_and_sentence_case_group_lines_are_never_glued_to_a_title(tmp_path, kind):
    path = xlsx(tmp_path / "g.xlsx", GLUED) if kind == "xlsx" else write_csv(tmp_path / "g.csv", GLUED)
    t = table(path)
    assert [(i.code, i.is_group, i.group) for i in t.items] == [
        (None, True, None), ("6.2", False, "CẢI CÁCH TÀI CHÍNH CÔNG"),
        (None, True, None), ("7.1", False, "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"),
        (None, True, None), ("8.1", False, "Lĩnh vực 8: Tác động của cải cách hành chính")]
    by_code = {i.code: i for i in t.items}
    assert by_code["6.2"].title == "Quản lý, sử dụng tài sản công sau sắp xếp"
    assert by_code["8.1"].title == ("Mức độ hài lòng của người dân đối với sự phục vụ khi thực hiện thủ tục "
                                    "hành chính\n- Hài lòng về thời gian giải quyết")
    assert by_code["8.1"].last_row == by_code["8.1"].row + 2
    assert t.totals.lost_points == Decimal("2")


def test_a_short_capital_fragment_continues_its_title(tmp_path):
    rows = [["1.3", "Công tác tuyên truyền", 2, 1.5, 0.5, "Tuyên truyền", "Phòng Nội vụ", None, "Quý II/2024"],
            [None, "CCHC", None, None, None, None, None, None, None],
            ["2.1", "Ban hành văn bản quy phạm pháp luật", 2, 1, 1, "Rà soát", "Phòng Tư pháp", None, "Quý II/2024"]]
    t = table(write_csv(tmp_path / "cchc.csv", rows))
    assert [(i.code, i.is_group, i.title) for i in t.items] == [
        ("1.3", False, "Công tác tuyên truyền CCHC"), ("2.1", False, "Ban hành văn bản quy phạm pháp luật")]


MARKED = [
    [None, "Công tác chỉ đạo, điều hành", None, None, None, None, None, None, None],
    ["1.1", "Kế hoạch cải cách hành chính năm", 2, 1.5, 0.5, "Ban hành đúng hạn", "Văn phòng HĐND và UBND", None,
     "Quý I/2024"],
    [None, "Công tác thông tin, tuyên truyền", None, None, None, None, None, None, None],
    ["1.4", "Tuyên truyền cải cách hành chính", 1, 0.5, 0.5, "Tuyên truyền hằng tháng", "Phòng Văn hóa và Thông tin",
     None, "Quý II/2024"],
]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_bold_sentence_case_line_is_a_group(tmp_path, engine):
    t = table(xlsx(tmp_path / "bold.xlsx", MARKED, bold_rows={0, 2}), engine)
    assert [(i.code, i.group) for i in t.items if not i.is_group] == [
        ("1.1", "Công tác chỉ đạo, điều hành"), ("1.4", "Công tác thông tin, tuyên truyền")]


def test_a_line_merged_across_the_row_is_a_group(tmp_path):
    t = table(xlsx(tmp_path / "merged.xlsx", MARKED, merged_rows={0, 2}))
    assert [i.title for i in t.items if i.is_group] == ["Công tác chỉ đạo, điều hành",
                                                         "Công tác thông tin, tuyên truyền"]
    assert t.items[-1].title == "Tuyên truyền cải cách hành chính"


def test_without_bold_a_line_that_is_no_field_name_continues_its_item(tmp_path):
    t = table(write_csv(tmp_path / "plain.csv", MARKED))
    # A CSV keeps no bold: "Công tác chỉ đạo…" is a lĩnh vực name, the other line has nothing to mark it.
    assert [i.title for i in t.items if i.is_group] == ["Công tác chỉ đạo, điều hành"]
    assert t.items[1].title == "Kế hoạch cải cách hành chính năm Công tác thông tin, tuyên truyền"


def test_bold_cells_read_alike_by_both_engines(tmp_path):
    path = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B2"], ws["C3"] = "đậm", "đậm", "không"
    ws["A1"].font = openpyxl.styles.Font(bold=True)
    ws["B2"].font = openpyxl.styles.Font(bold=True, italic=True)
    ws["C3"].font = openpyxl.styles.Font(bold=False)
    ws["D4"].font = openpyxl.styles.Font(bold=True)  # bold but empty: nothing to mark
    wb.save(path)
    [fast], [slow] = read_workbook(path), read_workbook(path, engine="openpyxl")
    assert fast.bold == slow.bold == {(0, 0), (1, 1)}
    assert write_csv(tmp_path / "b.csv", []) and read_workbook(tmp_path / "b.csv")[0].bold == frozenset()


# -- 3. agency cells ----------------------------------------------------------------------------------------

def test_vinh_linh_agency_cells():
    [t] = read_tables(SAMPLES / "vinh_linh_2023.xlsx", as_of=AS_OF)
    by_code = {i.code: i for i in t.items}
    evidence = by_code["1.1.3"]
    assert evidence.lead == () and evidence.lead_names == ()
    assert evidence.evidence.startswith("Tài liệu kiểm chứng: Báo cáo số 665/BC-UBND ngày 15 tháng 12 năm 2023")
    assert ("MISSING_LEAD", "1.1.3") in {(f.code, f.item) for f in t.findings}
    communes = by_code["3.3"]
    assert communes.lead == ("UBND xã Vĩnh Khê, TT Cửa Tùng, Vĩnh Long, Vĩnh Sơn, Kim Thạch, Vĩnh Hà",)
    assert communes.lead_names == ("UBND các xã, thị trấn",)
    generic = by_code["1.6"]
    assert generic.lead == ("Các phòng ban, đơn vị", "UBND các xã, thị trấn")
    assert generic.lead_names == ("UBND các xã, thị trấn",)
    assert not [f for f in t.findings if f.code == "UNKNOWN_AGENCY"]


def test_ia_pa_spellings_of_one_office_are_one_agency():
    [t] = read_tables(SAMPLES / "ia_pa_2019.xlsx", as_of=AS_OF)
    written = {n for i in t.items for n in i.lead + i.partners if "UBND huyện" in n and "Văn phòng" in n}
    assert written == {"Văn phòng HĐND- UBND huyện", "Văn phòng HĐND-UBND huyện", "Văn phòng HDND-UBND huyện"}
    offices = {n for i in t.items for n in i.lead_names + i.partner_names}
    assert "Văn phòng HĐND và UBND" in offices and not any("huyện" in n and "Văn phòng" in n for n in offices)
    assert not offices & {"Cơ quan, đơn vị", "Các cơ quan, đơn vị liên quan", "Cơ quan, đơn vị có TTHC"}
    assert {"Bưu điện huyện", "Công an huyện"} <= offices  # three rows name them; once unknown, now listed
    assert not [f for f in t.findings if f.code == "UNKNOWN_AGENCY"]


READER = AgencyReader(Catalogue.builtin(), "district")


@pytest.mark.parametrize(("cell", "names", "offices", "evidence"), [
    ("Tài liệu kiểm chứng: Báo cáo số 665/BC-UBND ngày 15/12/2023", (), (),
     "Tài liệu kiểm chứng: Báo cáo số 665/BC-UBND ngày 15/12/2023"),
    ("Phòng Nội vụ; Minh chứng: Kế hoạch số 12/KH-UBND", ("Phòng Nội vụ",), ("Phòng Nội vụ",),
     "Minh chứng: Kế hoạch số 12/KH-UBND"),
    ("Phòng Nội vụ; Quyết định số 35/QĐ-UBND của UBND tỉnh", ("Phòng Nội vụ",), ("Phòng Nội vụ",),
     "Quyết định số 35/QĐ-UBND của UBND tỉnh"),
    ("UBND xã Vĩnh Khê, TT Cửa Tùng, Vĩnh Long", ("UBND xã Vĩnh Khê, TT Cửa Tùng, Vĩnh Long",),
     ("UBND các xã, thị trấn",), None),
    ("UBND xã Vĩnh Khê", ("UBND xã Vĩnh Khê",), ("UBND xã Vĩnh Khê",), None),
    ("Cơ quan, đơn vị", ("Cơ quan, đơn vị",), (), None),
    ("Cơ quan, đơn vị có TTHC, UBND xã", ("Cơ quan, đơn vị có TTHC", "UBND xã"), ("UBND các xã, thị trấn",), None),
    ("Văn phòng HĐND- UBND huyện, Văn phòng HDND-UBND huyện; VP HĐND&UBND",
     ("Văn phòng HĐND- UBND huyện", "Văn phòng HDND-UBND huyện", "VP HĐND&UBND"), ("Văn phòng HĐND và UBND",), None),
])
def test_agency_cell(cell, names, offices, evidence):
    found = READER.read(cell)
    assert (found.names, found.offices, found.evidence) == (names, offices, evidence)


def test_variants_of_an_unknown_office_get_one_spelling_in_a_table():
    reader = AgencyReader(Catalogue.builtin(), "district")
    first = reader.read("Ban Quản lý dự án huyện").offices
    assert reader.read("BAN QUẢN LÝ DỰ ÁN").offices == first
    assert reader.read("Ban quản lý dự án - huyện").offices == first
    assert reader.read("Ban Quản lý dự án huyện").unknown == ("Ban Quản lý dự án huyện",)


def test_an_unknown_office_keeps_one_spelling_whatever_row_comes_first(tmp_path):
    rows = [["1.1", "Kế hoạch CCHC", 2, 1.5, 0.5, "Ban hành sớm", "BAN QUẢN LÝ DỰ ÁN HUYỆN", None, "Quý II/2024"],
            ["1.2", "Báo cáo CCHC", 1, 0.5, 0.5, "Báo cáo đúng hạn", "Ban Quản lý dự án", None, "Quý II/2024"],
            ["1.3", "Kiểm tra CCHC", 1, 0.5, 0.5, "Kiểm tra", "Phòng Nội vụ", "Ban quản lý dự án - huyện",
             "Quý II/2024"]]
    t = table(xlsx(tmp_path / "bql.xlsx", rows))
    assert {n for i in t.items for n in i.lead_names + i.partner_names} == {"Ban Quản lý dự án", "Phòng Nội vụ"}
    assert [f.cell for f in t.findings if f.code == "UNKNOWN_AGENCY"] == ["G6"]


def test_the_worksheet_flags_read_an_agency_cell_as_the_check_does():
    flags = row_flags(Decimal("0.5"), "Tuyên truyền", "Tài liệu kiểm chứng: Báo cáo số 665/BC-UBND", "Quý II/2024",
                      year=2024, as_of=AS_OF)
    assert "Thiếu cơ quan chủ trì" in flags
    assert "Thiếu cơ quan chủ trì" not in row_flags(Decimal("0.5"), "Tuyên truyền", "Phòng Nội vụ", "Quý II/2024",
                                                      year=2024, as_of=AS_OF)


@pytest.mark.parametrize(("name", "place", "generic", "document", "office"), [
    ("Vĩnh Long", True, False, False, False),
    ("TT Cửa Tùng", True, False, False, False),
    ("thôn 3", True, False, False, False),
    ("TT PVHCC", False, False, False, True),
    ("Phòng Nội vụ", False, False, False, True),
    ("Bưu điện huyện", False, False, False, True),
    ("Các phòng chuyên môn, đơn vị thuộc UBND xã", False, True, False, False),
    ("Cơ quan, đơn vị liên quan", False, True, False, False),
    ("Các ban ngành ủy ban", False, True, False, False),
    ("Các thôn, tổ dân phố", False, False, False, False),
    ("Báo cáo số 665/BC-UBND", False, False, True, False),
    ("Theo Kế hoạch của UBND tỉnh", False, False, True, False),
])
def test_what_a_name_is(name, place, generic, document, office):
    assert (is_place(name), is_generic(name), is_document(name), looks_like_office(name)) == \
        (place, generic, document, office)


@given(st.text(max_size=200))
def test_any_agency_cell_reads_without_error(text):
    found = AgencyReader(Catalogue.builtin(), "commune").read(text)
    assert len(found.offices) <= len(found.names)
    assert all(name in found.names for name in found.unknown)


# -- 4. negative points --------------------------------------------------------------------------------------

def test_negative_and_accounting_figures(tmp_path, parbook):
    rows = [
        ["1.1", "Kế hoạch CCHC", 2, "(0,5)", None, "Ban hành sớm", "Phòng Nội vụ", None, "Quý II/2024"],
        ["1.2", "Báo cáo CCHC", 1, -0.5, None, "Báo cáo đúng hạn", "Phòng Nội vụ", None, "Quý II/2024"],
        ["1.3", "Tuyên truyền CCHC", 1, None, "(0,5)", "Tuyên truyền", "Phòng Nội vụ", None, "Quý II/2024"],
        ["1.4", "Kiểm tra CCHC", 1, 0.7, "-0,3", "Kiểm tra", "Phòng Nội vụ", None, "Quý II/2024"],
    ]
    path = xlsx(tmp_path / "am.xlsx", rows)
    sheet = parbook("check", path, "--format", "json", "--as-of", "2024-05-01").json()["sheets"][0]
    found = {(f["code"], f["cell"], f["severity"]) for f in sheet["findings"]}
    assert {("NEGATIVE_SCORE", "D6", "error"), ("NEGATIVE_SCORE", "D7", "error"),
            ("ACCOUNTING_NEGATIVE", "E8", "warning")} <= found
    assert not {code for code, cell, _ in found if cell == "E9"}
    messages = {f["cell"]: f["message"] for f in sheet["findings"] if f["code"] == "NEGATIVE_SCORE"}
    assert "'(0,5)'" in messages["D6"] and "'Điểm thẩm định'" in messages["D6"]
    lost = {i["code"]: i["lost_points"] for i in sheet["items"]}
    assert lost == {"1.1": None, "1.2": None, "1.3": 0.5, "1.4": pytest.approx(0.3)}
    assert all(i["lost_points"] is None or i["lost_points"] <= i["max_points"] for i in sheet["items"])
    assert sheet["totals"]["lost_points"] == pytest.approx(0.8)


# -- the JSON contract ---------------------------------------------------------------------------------------

def test_json_keeps_the_contract_and_adds_serial_group_evidence(parbook):
    sheet = parbook("check", SAMPLES / "vinh_linh_2023.xlsx", "--format", "json").json()["sheets"][0]
    item = sheet["items"][0]
    assert {"row", "code", "level", "parent", "title", "max_points", "appraised_points", "lost_points",
            "stated_lost", "solution", "lead", "partners", "deadline"} <= set(item)
    assert {"serial", "group", "evidence", "lead_names", "partner_names"} <= set(item)
    assert item["evidence"].startswith("Tài liệu kiểm chứng")
    assert {"code", "severity", "row", "item", "column", "message"} <= set(sheet["findings"][0])


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_codes_exported_with_the_word_of_their_level_in_a_code_column(tmp_path, engine):
    """Scoring software exports 'LV1', 'TC1.1', 'TCTP1.1.1': the codes, with their tree."""
    path = tmp_path / "labelled.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã", "Tên tiêu chí", "Điểm tối đa", "Điểm đạt", "Điểm mất", "Giải pháp khắc phục", "Chủ trì"])
    for line in [["LV1", "Công tác chỉ đạo, điều hành", 9, 7, 2], ["TC1.1", "Kế hoạch CCHC", 2, 1.5, 0.5],
                 ["TCTP1.1.1", "Ban hành kịp thời", 1, 0.5, 0.5, "Ban hành trước 15/12", "Văn phòng HĐND và UBND"],
                 ["TC 1.2", "Kiểm tra CCHC", 3, 1.5, 1.5, "Kiểm tra 100% bộ phận", "Văn phòng HĐND và UBND"],
                 ["Lĩnh vực 2", "Cải cách thủ tục hành chính", 10, 9, 1],
                 ["Tiêu chí 2.1", "Công khai TTHC", 4, 3, 1, "Công khai đầy đủ", "Văn phòng HĐND và UBND"]]:
        ws.append(line)
    wb.save(path)
    t = table(path, engine)
    assert [(i.code, i.title) for i in t.items] == [
        ("1", "Công tác chỉ đạo, điều hành"), ("1.1", "Kế hoạch CCHC"), ("1.1.1", "Ban hành kịp thời"),
        ("1.2", "Kiểm tra CCHC"), ("2", "Cải cách thủ tục hành chính"), ("2.1", "Công khai TTHC")]
    assert [t.items[i].parent for i in range(6)] == [None, 0, 1, 0, None, 4]
    assert t.totals.lost_points == Decimal(3)
    assert not [f for f in t.findings if f.severity == "error"]  # 0.5 + 1.5 under 1: the tree adds up


def test_codes_of_a_csv_saved_by_excel_set_to_vietnamese(tmp_path):
    """Codes typed as numbers come out of a Vietnamese Excel's CSV as '1,1': the codes 1.1, with their tree."""
    path = tmp_path / "vn.csv"
    rows = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Giải pháp", "Cơ quan chủ trì", "Thời gian thực hiện"],
            ["1", "Công tác chỉ đạo điều hành CCHC", "5", "3,5", "", "", ""],
            ["1,1", "Kế hoạch CCHC", "2", "1,5", "Ban hành kịp thời", "Văn phòng HĐND và UBND", "Quý I/2026"],
            ["1,2", "Báo cáo CCHC", "3", "2", "Báo cáo đúng hạn", "Văn phòng HĐND và UBND", "Hằng quý"],
            ["2", "Cải cách thể chế", "3", "2", "", "", ""],
            ["2,1", "Rà soát văn bản", "3", "2", "Rà soát định kỳ", "Phòng Kinh tế", "30/6/2026"]]
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    t = table(path)
    assert [(i.code, i.parent) for i in t.items] == [("1", None), ("1.1", 0), ("1.2", 0), ("2", None), ("2.1", 3)]
    assert (t.totals.max_points, t.totals.lost_points) == (Decimal(8), Decimal("2.5"))
    assert not [f for f in t.findings if f.code == "MISSING_SOLUTION"]  # the lĩnh vực lines are no items to fix


@pytest.mark.parametrize("heads, self_points, appraised", [
    (("Điểm TĐG", "Điểm TĐ"), Decimal(2), Decimal("1.5")),
    (("Điểm tự đánh giá", "Điểm thẩm định", "Điểm phúc tra"), Decimal(2), Decimal(1)),
    (("Điểm phúc tra", "Điểm thẩm định"), None, Decimal(1)),
])
def test_the_score_that_stands_after_a_re_check_is_the_appraised_one(tmp_path, heads, self_points, appraised):
    path = tmp_path / "scores.xlsx"
    figures = {"Điểm TĐG": 2, "Điểm tự đánh giá": 2, "Điểm TĐ": 1.5, "Điểm thẩm định": 1.5, "Điểm phúc tra": 1}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Nội dung", "Điểm tối đa", *heads, "Giải pháp", "Chủ trì"])
    ws.append(["1.2", "Kiểm tra CCHC", 2, *(figures[h] for h in heads), "Kiểm tra", "Văn phòng HĐND và UBND"])
    wb.save(path)
    [item] = table(path).items
    assert (item.self_points, item.appraised_points, item.lost_points) == (self_points, appraised, 2 - appraised)


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_lvuc_line_typed_in_the_cell_of_its_first_item_is_its_own_group(tmp_path, engine):
    """'I. CÔNG TÁC CHỈ ĐẠO↵1.1. Kế hoạch…' in one cell: the group, then item 1.1 with the row's figures."""
    rows = [["", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\n1.1. Kế hoạch CCHC năm", 1, 0.5, 0.5, "Ban hành đúng hạn",
             "Văn phòng HĐND và UBND", None, "Quý I/2024"],
            ["", "1.2. Báo cáo CCHC", 1, 0.5, 0.5, "Báo cáo đúng hạn", "Văn phòng HĐND và UBND", None, "Hằng quý"],
            ["", "II. CẢI CÁCH THỂ CHẾ - 2.1. Rà soát văn bản", 2, 1, 1, "Rà soát", "Phòng Tư pháp", None, "Quý II/2024"]]
    t = table(xlsx(tmp_path / "glued.xlsx", rows), engine)
    assert [(i.code, i.title, i.is_group, i.parent) for i in t.items] == [
        ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", True, None), ("1.1", "Kế hoạch CCHC năm", False, 0),
        ("1.2", "Báo cáo CCHC", False, 0), ("II", "CẢI CÁCH THỂ CHẾ", True, None), ("2.1", "Rà soát văn bản", False, 3)]
    assert t.items[1].row == t.items[0].row  # both on the sheet's row, where a finding points
    assert t.totals.lost_points == Decimal(2)
    # a numbered lĩnh vực line: its code is the parent of the item's
    rows = [["3", "CẢI CÁCH TTHC\n3.1 Công khai TTHC", 2, 1.5, 0.5, "Niêm yết", "Bộ phận Một cửa", None, "Quý II/2024"],
            ["3.2", "Giải quyết TTHC", 2, 1, 1, "Đúng hạn", "Bộ phận Một cửa", None, "Quý II/2024"]]
    t = table(xlsx(tmp_path / "numbered.xlsx", rows), engine)
    assert [(i.code, i.title, i.parent) for i in t.items] == [
        ("3", "CẢI CÁCH TTHC", None), ("3.1", "Công khai TTHC", 0), ("3.2", "Giải quyết TTHC", 0)]
    assert t.totals.lost_points == Decimal("1.5")


@pytest.mark.parametrize("title", [
    "I. CÔNG TÁC CHỈ ĐẠO\n(đạt 8/10 điểm)",  # a remark, no item
    "1. Kế hoạch CCHC - 1.1 theo hướng dẫn",  # not a lĩnh vực line in capitals
])
def test_a_title_with_a_second_line_is_not_split_without_an_item_code(tmp_path, title):
    rows = [["", title, 1, 0.5, 0.5, "Ban hành đúng hạn", "Văn phòng HĐND và UBND", None, "Quý I/2024"]]
    t = table(xlsx(tmp_path / "one.xlsx", rows))
    assert len(t.items) == 1


@pytest.mark.parametrize("numbers", [
    ["(1)", "(2)", "(3)", "(4)", "(5)=(3)-(4)", "(6)", "(7)", "(8)", "(9)"],
    ["1", "2", "3", "4", "5 = 3 - 4", "6", "7", "8", "9"],
])
def test_a_row_of_column_numbers_with_the_lost_points_worked_out_is_no_item(tmp_path, parbook, numbers):
    rows = [numbers, ["1.3", "Kiểm tra CCHC", 1.5, 0.75, 0.75, "Kiểm tra 30% bộ phận", "Văn phòng HĐND và UBND",
                      "Phòng Tư pháp", "Quý III/2024"]]
    path = xlsx(tmp_path / "numbers.xlsx", rows)
    assert [i.code for i in table(path).items] == ["1.3"]
    assert "không phải là số" not in parbook("check", path, "--as-of", "2024-05-01").out


def test_a_header_typed_on_two_lines_is_quoted_on_one(tmp_path, parbook):
    path = tmp_path / "wrapped.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Tiêu chí", "Điểm\ntối đa", "Điểm\nthẩm định", "Giải pháp", "Chủ trì", "Thời hạn"])
    ws.append(["1.3", "Kiểm tra CCHC", "(1,5)", 0.75, "Kiểm tra", "Văn phòng HĐND và UBND", "Quý III/2024"])
    wb.save(path)
    out = parbook("check", path, "--as-of", "2024-05-01").out
    assert "'Điểm tối đa' là số âm" in out


@pytest.mark.parametrize("typed", ["1.1. ", "Tiêu chí 1.1: ", "TC 1.1 – "])
def test_the_appendix_prints_a_title_with_its_code_as_the_officer_typed_it(tmp_path, typed):
    """A running STT beside codes typed in the titles: the appendix keeps both, the title as written."""
    from plan_docs import appendix_tables, quietly, rows_of

    rows = [["1", f"{typed}Kế hoạch CCHC năm", 2, 1.5, 0.5, "Ban hành đúng hạn", "Văn phòng HĐND và UBND", None,
             "Quý I/2024"],
            ["2", typed.replace("1.1", "1.2") + "Báo cáo CCHC", 2, 1, 1, "Báo cáo đúng hạn", "Văn phòng HĐND và UBND",
             None, "Hằng quý"]]
    t = table(xlsx(tmp_path / "serial.xlsx", rows))
    assert [(i.serial, i.code, i.title) for i in t.items] == [("1", "1.1", "Kế hoạch CCHC năm"),
                                                               ("2", "1.2", "Báo cáo CCHC")]
    printed = [row[:2] for row in rows_of(appendix_tables(quietly(t, out=tmp_path / "p.docx"))[0])]
    assert ["1", f"{typed.strip()} Kế hoạch CCHC năm"] in printed
    assert ["2", typed.replace("1.1", "1.2").strip() + " Báo cáo CCHC"] in printed
