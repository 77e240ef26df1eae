"""Workbooks with several tables: PL1 (points lost) + PL2 (tasks) are one plan; unrelated tables are refused briefly."""
from __future__ import annotations

import pytest

from conftest import SAMPLES
from plan_docs import appendix_tables, body_paragraphs, document, quietly, rows_of, section
from plan_workbooks import DISTRICT_LOST, DISTRICT_TASKS, district_two_sheets, new_commune_two_sheets, unrelated
from pyxl.core.errors import ParbookError
from pyxl.plan import one_plan, plan_sources
from pyxl.readers import read_tables


def _labels(path) -> list[str]:
    return [p.text for p in document(path).paragraphs if p.text.startswith("Phụ lục")]


def test_scores_and_tasks_sheets_make_one_plan_with_both_appendices(tmp_path):
    book = district_two_sheets(tmp_path / "dt.xlsx")
    tables = read_tables(book)
    [source] = plan_sources(tables)
    assert source.sheets == ["PL1 điểm bị trừ", "PL2 nhiệm vụ"] and source.main.kind == "scores"
    path = quietly(source.main, out=tmp_path / "p.docx", appendices=source.tables)
    texts = body_paragraphs(path)
    # each lost criterion got its solution, owners and deadline from the tasks sheet
    item = section(texts, "1.1. Tiêu chí 1.2", "1.2. ")
    assert "- Rà soát tiến độ từng nhiệm vụ của Kế hoạch CCHC hằng tháng; đôn đốc các phòng chậm tiến độ." in item
    assert "- Chủ trì: Phòng Nội vụ." in item and "d) Thời gian thực hiện/hoàn thành: Hằng tháng." in item
    assert "- Sản phẩm: Báo cáo tiến độ." in item
    assert _labels(path) == ["Phụ lục I", "Phụ lục II"]
    first, second = (rows_of(t) for t in appendix_tables(path))
    assert [r[0] for r in first[1:-1]] == [code for code, *_ in DISTRICT_LOST]  # PL1 as read, every code
    assert first[-1][1] == "Tổng cộng" and first[-1][-2:] != ["", ""]
    assert [r[0] for r in second[1:]] == [str(n) for n, *_ in DISTRICT_TASKS]
    assert second[0][:3] == ["TT", "Tiêu chí", "Nhiệm vụ, giải pháp"]
    assert second[1][1].startswith("1.2 Mức độ hoàn thành") and second[1][2].startswith("Rà soát tiến độ")
    assert "(chi tiết tại Phụ lục I kèm theo)" in " ".join(texts)


def test_tasks_numbered_with_the_criteria_codes_join_by_code(tmp_path):
    book = new_commune_two_sheets(tmp_path / "nc.xlsx")
    [source] = plan_sources(read_tables(book))
    entries = {item.code: item for item in source.main.items}
    assert entries["1.3"].solution == "Kiểm tra 100% bộ phận, công chức về CCHC"
    assert entries["1.3"].lead == ("Phòng Văn hóa - Xã hội",) and entries["3.2"].deadline.text == "Thường xuyên"
    assert entries["8.1"].solution is None  # no task for it: the plan leaves its blanks
    path = quietly(source.main, out=tmp_path / "p.docx", appendices=source.tables)
    codes = [row[0] for table in appendix_tables(path) for row in rows_of(table)[1:]]
    assert codes == ["1.3", "2.1", "3.2", "8.1", "", "1.3", "2.1", "3.2"]  # both tables' codes (and the total)


def test_targets_and_tasks_make_one_annual_plan(tmp_path):
    path = SAMPLES / "phuoc_my_2024.xlsx"
    source = one_plan(read_tables(path), path.name)
    assert source.sheets == ["Phụ lục 1", "Phụ lục 2"] and source.main.sheet == "Phụ lục 2"
    written = quietly(source.main, out=tmp_path / "p.docx", appendices=source.tables)
    texts = body_paragraphs(written)
    assert _labels(written) == ["Phụ lục I", "Phụ lục II"]
    targets = section(texts, "II. CHỈ TIÊU CỤ THỂ", "III. NHIỆM VỤ TRỌNG TÂM")
    assert targets[1] == ("a) Chỉ số cải cách hành chính (Par Index): Năm trong nhóm các đơn vị dẫn đầu khối UBND "
                          "phường, xã.")
    assert targets[-1] == "(Các chỉ tiêu cụ thể tại Phụ lục I kèm theo)"
    # a target typed as sub-lines keeps each figure with its own line
    online = targets.index("h) Dịch vụ công trực tuyến và thanh toán trực tuyến:")
    assert targets[online + 1] == "- Tỷ lệ hồ sơ giải quyết toàn trình, một phần: 60%."
    assert targets[online + 5] == "- Tỷ lệ cấp kết quả giải quyết điện tử đối với hồ sơ giải quyết TTHC: 100%."
    assert "IV. KINH PHÍ THỰC HIỆN" in texts and "V. TỔ CHỨC THỰC HIỆN" in texts
    assert any("(chi tiết tại Phụ lục II kèm theo)" in t for t in texts)
    first, second = appendix_tables(written)
    assert rows_of(first)[0][:3] == ["TT", "Chỉ tiêu", "Chỉ tiêu phấn đấu"]
    assert rows_of(second)[0][:2] == ["TT", "Nhiệm vụ"] and len(second.rows) == 1 + len(source.main.items)


def test_tables_that_do_not_belong_together_are_named_briefly(tmp_path):
    few = unrelated(tmp_path / "few.xlsx", 2)
    with pytest.raises(ParbookError) as error:
        one_plan(read_tables(few), few.name)
    assert "2 bảng không thuộc cùng một kế hoạch: 'Xã 001', 'Xã 002'" in error.value.message
    assert '--sheet "Xã 001"' in error.value.message and "parbook merge" in error.value.message
    many = unrelated(tmp_path / "many.xlsx", 40)
    with pytest.raises(ParbookError) as error:
        one_plan(read_tables(many), many.name)
    message = error.value.message
    assert "'Xã 005' và 35 bảng khác" in message and "Xã 006" not in message and len(message) < 400


def test_a_lone_table_is_its_own_plan():
    path = SAMPLES / "son_giang_2021.xlsx"
    [table] = read_tables(path)
    source = one_plan([table], path.name)
    assert source.main is table and source.tables == (table,)


# -- the command -----------------------------------------------------------------------------------------

def test_plan_command_writes_one_plan_from_a_two_sheet_workbook(parbook, tmp_path):
    book = district_two_sheets(tmp_path / "dt.xlsx")
    result = parbook("plan", book, "-o", tmp_path / "kh.docx")
    assert result.code == 0, result.err
    assert result.out.strip() == f"Đã tạo {tmp_path / 'kh.docx'}"
    assert "15/BC-UBND là số của văn bản khác" in result.err
    assert _labels(tmp_path / "kh.docx") == ["Phụ lục I", "Phụ lục II"]


def test_plan_command_refuses_unrelated_tables_and_takes_one_by_sheet(parbook, tmp_path):
    book = unrelated(tmp_path / "un.xlsx", 3)
    refused = parbook("plan", book, "-o", tmp_path / "x.docx")
    assert refused.code == 2 and "--sheet" in refused.err and "Traceback" not in refused.err
    assert not (tmp_path / "x.docx").exists()
    chosen = parbook("plan", book, "--sheet", "Xã 002", "-o", tmp_path / "x.docx")
    assert chosen.code == 0 and "UBND xã An Thạnh ban hành Kế hoạch" in " ".join(body_paragraphs(tmp_path / "x.docx"))


def test_readme_examples_run_one_after_another(parbook, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sample = SAMPLES / "son_giang_2021.xlsx"
    for by in ("criterion", "field", "lead"):
        result = parbook("plan", sample, "--by", by)
        assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == [
        "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021 (theo cơ quan).docx",
        "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021 (theo lĩnh vực).docx",
        "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021.docx",
    ]


@pytest.mark.libreoffice("writer")
def test_plan_command_with_pdf_reports_both_files(parbook, tmp_path):
    result = parbook("plan", SAMPLES / "son_giang_2021.xlsx", "-o", tmp_path / "kh.docx", "--pdf")
    assert result.code == 0, result.err
    assert result.out.strip() == f"Đã tạo {tmp_path / 'kh.docx'} và {tmp_path / 'kh.pdf'}"
    assert (tmp_path / "kh.docx").is_file() and (tmp_path / "kh.pdf").read_bytes().startswith(b"%PDF")
