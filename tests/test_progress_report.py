"""The progress report (.docx, PDF): period from the as-of date, results by item and office, what is late and
why, the next period's tasks, blanks as drafts leave them — read back with python-docx and rendered."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, SAMPLES
from plan_docs import (
    NO_PDF, POPPLER, SOFFICE, appendix_tables, body_paragraphs, document, landscape_pages, page_count, pdf_pages,
    rows_of, section, squeezed,
)
from progress_workbooks import progress_xlsx
from pyxl.core.errors import ParbookError
from pyxl.plan.report import write_report, write_report_for
from pyxl.plan.report_context import report_period
from pyxl.readers import read_tables

MIDYEAR = dt.date(2025, 7, 5)
needs_pdf = pytest.mark.skipif(not (SOFFICE and POPPLER), reason=NO_PDF)


@pytest.mark.parametrize("as_of, plan_year, named, expected, end", [
    (dt.date(2025, 2, 10), 2025, None, "quý I năm 2025", dt.date(2025, 3, 31)),
    (dt.date(2025, 5, 20), 2025, None, "6 tháng đầu năm 2025", dt.date(2025, 6, 30)),
    (dt.date(2025, 8, 1), 2025, None, "quý III năm 2025", dt.date(2025, 9, 30)),
    (dt.date(2025, 11, 30), 2025, None, "năm 2025", dt.date(2025, 12, 31)),
    (dt.date(2026, 1, 5), 2025, None, "năm 2025", dt.date(2025, 12, 31)),  # the plan year is over: its year
    (dt.date(2025, 8, 1), 2025, "9 tháng", "9 tháng năm 2025", dt.date(2025, 9, 30)),
    (dt.date(2025, 8, 1), 2025, "Quý II/2024", "quý II năm 2024", dt.date(2024, 6, 30)),
    (dt.date(2025, 8, 1), 2025, "6 tháng", "6 tháng đầu năm 2025", dt.date(2025, 6, 30)),
    (dt.date(2025, 8, 1), 2025, "cả năm", "năm 2025", dt.date(2025, 12, 31)),
])
def test_the_period_follows_the_as_of_date_unless_named(as_of, plan_year, named, expected, end):
    period = report_period(as_of, plan_year, named)
    assert (period.name, period.end) == (expected, end)


def test_the_next_period_and_an_unknown_period():
    assert report_period(dt.date(2025, 2, 1), 2025).following().name == "quý II năm 2025"
    assert report_period(dt.date(2025, 5, 1), 2025).following().name == "6 tháng cuối năm 2025"
    assert report_period(dt.date(2025, 12, 1), 2025).following().name == "năm 2026"
    with pytest.raises(ParbookError, match="'quý 7' không rõ"):
        report_period(dt.date(2025, 2, 1), 2025, "quý 7")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    source = progress_xlsx(folder / "tan_lap.xlsx")
    return write_report_for(source, folder / "bao_cao.docx", as_of=MIDYEAR), source


def test_the_report_reads_back_in_the_nd30_layout(report):
    path, _ = report
    doc = document(path)
    header = doc.tables[0]
    issuer = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert issuer == ["UBND HUYỆN BA VÌ", "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"]
    assert header.cell(1, 0).text == "Số:      /BC-UBND"  # the report's own number is never invented
    assert header.cell(1, 1).text == "Tân Lập, ngày    tháng    năm 2025"
    paragraphs = body_paragraphs(path)
    title = paragraphs.index("BÁO CÁO")
    assert paragraphs[title + 1] == ("Kết quả thực hiện Kế hoạch khắc phục tồn tại, hạn chế và nâng cao Chỉ số "
                                     "cải cách hành chính quý III năm 2025")
    assert "Kính gửi: Sở Nội vụ." in paragraphs
    assert any(p.startswith("Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2025 của UBND xã Tân Lập về khắc "
                            "phục tồn tại, hạn chế") for p in paragraphs)
    results = section(paragraphs, "2. Kết quả thực hiện các nhiệm vụ", "3. Kết quả theo cơ quan")
    assert ("Tính đến ngày 05 tháng 7 năm 2025, trong tổng số 13 nhiệm vụ của Kế hoạch: đã hoàn thành 7 nhiệm vụ "
            "(đạt 53,8%); đang thực hiện 4 nhiệm vụ; chưa thực hiện 1 nhiệm vụ; chưa báo cáo kết quả 1 nhiệm vụ. "
            "Có 3 nhiệm vụ đã quá thời hạn mà chưa hoàn thành.") in results[1]
    assert results[2] == "a) Đã hoàn thành 7 nhiệm vụ: tiêu chí, tiêu chí thành phần 1.1, 1.2, 2.3, 3.2, 3.3, 4.2, 4.3."
    assert results[5] == "d) Chưa báo cáo kết quả 1 nhiệm vụ: tiêu chí, tiêu chí thành phần 3.1."
    offices = section(paragraphs, "3. Kết quả theo cơ quan", "II. TỒN TẠI")
    assert ("- Phòng Kinh tế: chủ trì 3 nhiệm vụ, đã hoàn thành 1, đang thực hiện 1, chưa thực hiện 1; quá hạn 2 "
            "(2.2, 4.1).") in offices


def test_what_is_late_and_why_and_what_comes_next(report):
    paragraphs = body_paragraphs(report[0])
    late = section(paragraphs, "II. TỒN TẠI", "III. NHIỆM VỤ")
    assert late[1] == "Còn 3 nhiệm vụ chưa hoàn thành theo thời hạn của Kế hoạch:"
    assert late[2] == ("- Tiêu chí 1.3 “Tuyên truyền CCHC” (chủ trì: Phòng Văn hóa - Xã hội; thời gian: trước ngày "
                       "30/4/2025): đang thực hiện. Nguyên nhân: Chờ kinh phí in tài liệu.")
    assert late[4].startswith("- Tiêu chí 4.1 “Sử dụng chữ ký số”")
    assert "chưa hoàn thành. Nguyên nhân: Thiếu thiết bị ký số." in late[4]
    assert late[-1] == "Tồn tại, hạn chế khác và nguyên nhân (nếu có): ……"
    tasks = section(paragraphs, "III. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2025", "IV. ĐỀ XUẤT")
    assert tasks[1] == "1. Khẩn trương hoàn thành các nhiệm vụ đã quá hạn: tiêu chí, tiêu chí thành phần 1.3, 2.2, 4.1."
    assert tasks[2] == "2. Tập trung thực hiện các nhiệm vụ đến hạn trong quý IV năm 2025:"
    assert ("- Tiêu chí 3.1 “Rà soát vị trí việc làm” (chủ trì: Phòng Văn hóa - Xã hội; thời gian: "
            "Tháng 7/2025).") in tasks
    assert tasks[-1].startswith("3. Các cơ quan, bộ phận chủ trì báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội")
    closing = next(p for p in paragraphs if p.startswith("Trên đây"))
    assert closing.startswith("Trên đây là báo cáo kết quả quý III năm 2025 thực hiện Kế hoạch khắc phục") and \
        closing.endswith("của UBND xã Tân Lập./.")
    signature = document(report[0]).tables[1]
    assert [p.text for p in signature.cell(0, 0).paragraphs if p.text] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert [p.text for p in signature.cell(0, 1).paragraphs if p.text] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


def test_the_appendix_gives_every_item_under_its_field(report):
    [table] = appendix_tables(report[0])
    rows = rows_of(table)
    assert rows[0] == ["STT", "Tiêu chí, tiêu chí thành phần", "Cơ quan chủ trì", "Thời gian thực hiện",
                       "Kết quả thực hiện", "Tình trạng", "Ghi chú"]
    by_code = {row[0]: row for row in rows[1:]}
    assert [row[0] for row in rows[1:]][:5] == ["I", "1.1", "1.2", "1.3", "II"]
    assert by_code["1.2"][4:6] == ["Hoàn thành ngày 15/5/2025", "Đã xong"]
    assert by_code["1.3"][4:] == ["Đang thực hiện", "Quá hạn", "Chờ kinh phí in tài liệu"]
    assert by_code["2.1"][4:6] == ["Đang thực hiện (80%)", "Còn hạn"]
    assert by_code["2.3"][4:6] == ["Đã hoàn thành", "Đã xong"]  # the "x" typed
    assert by_code["3.1"][4:6] == ["Chưa rõ kết quả", "Sắp đến hạn"]
    assert by_code["3.3"][4:6] == ["Đã hoàn thành ngày 20/06/2025", "Đã xong"]
    assert by_code["4.3"][4:6] == ["Đã hoàn thành", "Đã xong"]  # from the note, which stays in Ghi chú
    assert len(rows) == 1 + 4 + 13
    paragraphs = body_paragraphs(report[0])
    assert "(Kèm theo Báo cáo số      /BC-UBND ngày    tháng    năm 2025 của UBND xã Tân Lập)" in paragraphs


def test_a_task_table_and_missing_front_matter_leave_marked_blanks(tmp_path):
    tables = read_tables(SAMPLES / "phuoc_my_2024.xlsx", "Phụ lục 2", None, dt.date(2024, 10, 5))
    path = write_report(tables[0], dt.date(2024, 10, 5), tmp_path / "pm.docx")
    paragraphs = body_paragraphs(path)
    assert paragraphs[paragraphs.index("BÁO CÁO") + 1] == "Kết quả thực hiện Kế hoạch cải cách hành chính năm 2024"
    assert any(p.startswith("Thực hiện Kế hoạch số …/KH-UBND ngày … của UBND xã Phước Mỹ về cải cách hành chính năm "
                            "2024") for p in paragraphs)
    assert any(p.startswith("a) Chưa báo cáo kết quả 25 nhiệm vụ: nhiệm vụ số 1, 1.1, 1.2") for p in paragraphs)
    assert any(p.startswith("- Nhiệm vụ 3 “Kế hoạch truyền thông về cải cách hành chính năm 2024” (chủ trì: Công chức "
                            "Văn hóa - Xã hội; thời gian: Quý I): chưa rõ kết quả. Nguyên nhân: ……")
               for p in paragraphs)
    assert "Không có nhiệm vụ nào quá thời hạn mà chưa hoàn thành." not in paragraphs
    assert any(p.startswith("1. Khẩn trương hoàn thành các nhiệm vụ đã quá hạn: nhiệm vụ số 1, 3, 5")
               for p in paragraphs)


def test_statuses_typed_in_the_tasks_sheet_follow_their_criteria(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    scores = wb.active
    scores.title = "PL1"
    scores.append(["CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2024 CỦA XÃ AN PHÚ"])
    scores.append(["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"])
    for row in (["1.1", "Kế hoạch CCHC", 2, 1.5], ["1.2", "Tuyên truyền CCHC", 2, 1], ["2.1", "Công khai TTHC", 2, 1]):
        scores.append(row)
    tasks = wb.create_sheet("PL2")
    tasks.append(["NHIỆM VỤ KHẮC PHỤC NĂM 2025"])
    tasks.append(["STT", "Tiêu chí", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Thời gian thực hiện",
                  "Kết quả thực hiện"])
    for row in (["1.1", "Kế hoạch CCHC", "Ban hành đúng hạn", "Văn phòng HĐND và UBND", "Quý I/2025", "Đã hoàn thành"],
                ["1.2", "Tuyên truyền CCHC", "In tờ rơi", "Phòng Văn hóa - Xã hội", "Quý II/2025", "Đã hoàn thành"],
                ["1.2", "Tuyên truyền CCHC", "Phát thanh", "Phòng Văn hóa - Xã hội", "Quý II/2025", "Đang thực hiện"],
                ["2.1", "Công khai TTHC", "Niêm yết", "Văn phòng HĐND và UBND", "Quý III/2025", None]):
        tasks.append(row)
    wb.save(tmp_path / "hai_sheet.xlsx")
    path = write_report_for(tmp_path / "hai_sheet.xlsx", tmp_path / "bc.docx", as_of=MIDYEAR)
    rows = {row[0]: row for row in rows_of(appendix_tables(path)[0])[1:]}
    assert rows["1.1"][4:6] == ["Đã hoàn thành", "Đã xong"]
    assert rows["1.2"][4:6] == ["Đang thực hiện", "Quá hạn"]  # one of its two tasks is still open
    assert rows["2.1"][4:6] == ["Chưa rõ kết quả", "Còn hạn"]
    scores.delete_rows(3, 3)
    scores.append(["1.1", "Kế hoạch CCHC", 2, 2])  # nothing lost, nothing to follow up
    wb.save(tmp_path / "du_diem.xlsx")
    full = read_tables(tmp_path / "du_diem.xlsx", "PL1", 2025, MIDYEAR)[0]
    with pytest.raises(ParbookError, match="không có mục nào để báo cáo"):
        write_report(full, MIDYEAR, tmp_path / "rong.docx")
    assert not (tmp_path / "rong.docx").exists()


def test_an_unknown_unit_leaves_every_blank_for_the_officer(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện", "Tình hình thực hiện"])
    ws.append([1, "Rà soát quy trình nội bộ", "Bộ phận một cửa", "Quý I/2025", "Đang thực hiện"])
    wb.save(tmp_path / "khong_ten.xlsx")
    path = write_report_for(tmp_path / "khong_ten.xlsx", tmp_path / "bc.docx", year=2025, as_of=dt.date(2025, 4, 2))
    paragraphs = body_paragraphs(path)
    assert "Kính gửi: ……" in paragraphs
    assert any(p.startswith("Thực hiện Kế hoạch số …/KH-UBND ngày … của …… về cải cách hành chính năm 2025, …… báo cáo "
                            "kết quả thực hiện 6 tháng đầu năm 2025") for p in paragraphs)
    header = document(path).tables[0]
    assert header.cell(1, 0).text == "Số:      /BC-UBND" and header.cell(1, 1).text.startswith("……, ngày    tháng")


def test_files_are_never_replaced_and_an_edited_template_is_used(report, tmp_path):
    import docx

    path, source = report
    table = read_tables(source, None, None, MIDYEAR)[0]
    with pytest.raises(ParbookError, match="--overwrite"):
        write_report(table, MIDYEAR, path)
    edited = tmp_path / "mau.docx"
    shipped = docx.Document(str(ROOT / "pyxl" / "data" / "templates" / "bao_cao_ket_qua.docx"))
    shipped.add_paragraph("Lời văn riêng của xã Tân Lập.")
    shipped.save(str(edited))
    out = write_report(table, MIDYEAR, tmp_path / "rieng.docx", template=edited)
    assert "Lời văn riêng của xã Tân Lập." in body_paragraphs(out)
    with pytest.raises(ParbookError, match="mẫu Word"):
        write_report(table, MIDYEAR, edited, template=edited, overwrite=True)
    with pytest.raises(ParbookError, match="không có trường trộn"):
        write_report(table, MIDYEAR, tmp_path / "sai.docx", template=ROOT / "pyxl" / "data" / "templates" /
                     "ke_hoach_cchc_nam.docx")


def test_the_shipped_report_template_is_what_the_builder_makes():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_templates

    for name in build_templates.REPORTS:
        shipped = (ROOT / "pyxl" / "data" / "templates" / name).read_bytes()
        assert build_templates.build(name) == shipped, f"{name}: run python scripts/build_templates.py"


@needs_pdf
def test_the_report_renders_portrait_then_a_landscape_appendix(report, tmp_path, parbook):
    _, source = report
    result = parbook("progress", source, "--as-of", "2025-07-05", "--report", "--pdf", "-o", tmp_path / "bc.pdf")
    assert result.code == 0 and "bc.docx" in result.out and "bc.pdf" in result.out
    pdf = tmp_path / "bc.pdf"
    pages = pdf_pages(pdf)
    assert squeezed("BÁO CÁO") in squeezed(pages[0]) and squeezed("Kính gửi: Sở Nội vụ") in squeezed(pages[0])
    landscape = landscape_pages(pdf)
    assert landscape and landscape == list(range(landscape[0], page_count(pdf) + 1))
    assert squeezed("Phụ lục") in squeezed(pages[landscape[0] - 1])
    assert all(squeezed(page) for page in pages)  # no empty page
    signature_page = next(i for i, page in enumerate(pages) if squeezed("Nguyễn Văn An") in squeezed(page))
    assert signature_page < landscape[0] - 1
