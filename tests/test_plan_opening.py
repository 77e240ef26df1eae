"""The plan's first page read back from the .docx: the legal frame, the result, the plan's own number.

Also the words the plan uses for an item (Lĩnh vực / Tiêu chí / Tiêu chí thành phần) and the notes it
does not print as shortcomings.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SAMPLES
from plan_docs import appendix_tables, body_paragraphs, document, quietly, rows_of
from plan_fixtures import IA_PA, SON_GIANG, VINH_LINH, make_table, row
from plan_workbooks import district_two_sheets
from pyxl.core.model import SCORES
from pyxl.plan import FrontMatter, build_context, complete_front, front_matter_from_rows, one_plan, read_front_matter
from pyxl.plan.columns import fit
from pyxl.plan.derive import derive_front
from pyxl.plan.frontmatter import decision_number
from pyxl.plan.opening import rank_text
from pyxl.readers import read_tables
from workbooks import roman_groups_xlsx

PLACEHOLDER = "Căn cứ Quyết định số …/QĐ-UBND ngày … của"


def opening(path) -> list[str]:
    """The paragraphs between the title's rule and 'I. MỤC ĐÍCH, YÊU CẦU'."""
    texts = body_paragraphs(path)
    start = next(i for i, t in enumerate(texts) if t.startswith(("Căn cứ", "Thực hiện")))
    end = next(i for i, t in enumerate(texts) if t.startswith("I. "))
    return texts[start:end]


def test_the_decision_score_and_rank_from_the_info_sheet_open_the_plan(tmp_path):
    book = district_two_sheets(tmp_path / "dt.xlsx")
    source = one_plan(read_tables(book), book.name)
    front, _ = read_front_matter(book)
    lines = opening(quietly(source.main, out=tmp_path / "p.docx", front=front, appendices=source.tables))
    assert lines[0] == ("Căn cứ Quyết định số 235/QĐ-UBND ngày 25 tháng 01 năm 2024 của UBND tỉnh Hà Tĩnh về việc "
                        "công bố Chỉ số cải cách hành chính năm 2023.")
    assert lines[1] == ("Theo kết quả đánh giá Chỉ số cải cách hành chính năm 2023, UBND huyện Đức Thọ đạt "
                        "87,75/100 điểm (87,75%), xếp thứ 03/13; bị trừ 5,5 điểm ở 7 tiêu chí, tiêu chí thành phần "
                        "(chi tiết tại Phụ lục I kèm theo).")
    assert lines[2].startswith("Để khắc phục") and lines[2].endswith("ban hành Kế hoạch như sau:")


def test_without_a_basis_the_plan_leaves_the_line_drafts_leave_and_lists_it(tmp_path):
    front, problems = complete_front(None, VINH_LINH)
    assert any("chưa có căn cứ" in p and "Quyết định công bố chỉ số" in p for p in problems)
    lines = opening(quietly(VINH_LINH, out=tmp_path / "p.docx"))
    # a district: the province publishes its index; the numbers stay blank, nothing is made up
    assert lines[0] == ("Căn cứ Quyết định số …/QĐ-UBND ngày … của UBND tỉnh … về việc công bố Chỉ số cải cách "
                        "hành chính năm 2023.")
    assert lines[1] == ("Theo kết quả đánh giá Chỉ số cải cách hành chính năm 2023, …… bị trừ 4,13 điểm ở 7 tiêu chí, "
                        "tiêu chí thành phần (chi tiết tại Phụ lục kèm theo).")
    son_giang = opening(quietly(SON_GIANG, out=tmp_path / "s.docx"))
    assert son_giang[0].startswith(PLACEHOLDER + " … về việc")  # a commune before 2025: who published is left blank


def test_a_results_table_attached_to_the_decision_gives_the_basis_not_the_number(tmp_path):
    table = SON_GIANG.replace(title_lines=(
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020 CỦA CÁC XÃ",
        "(Kèm theo Quyết định số 35/QĐ-UBND ngày 09/01/2021 của UBND huyện Sơn Hà)",
    ))
    derived = derive_front(table)
    assert (derived.number, derived.symbol, derived.issued) == (None, None, None)  # not the plan's own number
    assert (derived.decision, derived.decision_date, derived.decision_body) == (
        "35/QĐ-UBND", date(2021, 1, 9), "UBND huyện Sơn Hà")
    path = quietly(table, out=tmp_path / "p.docx", front=FrontMatter(unit="UBND xã Sơn Giang"))
    assert opening(path)[0] == ("Căn cứ Quyết định số 35/QĐ-UBND ngày 09 tháng 01 năm 2021 của UBND huyện Sơn Hà "
                                "về việc công bố Chỉ số cải cách hành chính năm 2020.")
    assert "Số:      /KH-UBND" in document(path).tables[0].cell(1, 0).text


@pytest.mark.parametrize("line", [
    "(Kèm theo Báo cáo số 15/BC-UBND ngày 10/01/2024 của UBND xã Sơn Giang)",
    "(Kèm theo Thông báo số 42/TB-UBND ngày 01/7/2024 của UBND xã Sơn Giang)",
    "(Kèm theo Quyết định số 7/QĐ-UBND ngày 05/3/2024 của UBND xã Sơn Giang)",
])
def test_a_reference_of_another_kind_is_never_the_plans_number(line, tmp_path):
    table = SON_GIANG.replace(title_lines=("PHỤ LỤC", line))
    front, problems = complete_front(None, table)
    assert front.number is None and front.symbol is None and front.issued is None
    assert any("'Số, ký hiệu'" in p for p in problems)
    header = document(quietly(table, out=tmp_path / "p.docx")).tables[0]
    assert header.cell(1, 0).text == "Số:      /KH-UBND"


def test_a_report_number_typed_in_the_info_sheet_is_refused_with_a_message(tmp_path):
    book = district_two_sheets(tmp_path / "dt.xlsx")  # its Thông tin says 'Số, ký hiệu' = 15/BC-UBND
    front, _ = read_front_matter(book)
    assert (front.number, front.symbol) == ("15", "BC-UBND")
    source = one_plan(read_tables(book), book.name)
    completed, problems = complete_front(front, source.main)
    assert completed.number is None and completed.symbol is None
    assert [p for p in problems if "15/BC-UBND" in p] == [
        "Thông tin: 'Số, ký hiệu' 15/BC-UBND là số của văn bản khác (Kế hoạch có ký hiệu KH-…); văn bản để "
        "'Số:      /KH-UBND', cần điền số của Kế hoạch trước khi trình ký."]
    header = document(quietly(source.main, out=tmp_path / "p.docx", front=front)).tables[0]
    assert header.cell(1, 0).text == "Số:      /KH-UBND"


@pytest.mark.parametrize("lines, unit", [
    (("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", "KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2025 CỦA UBND XÃ QUẢNG SƠN"), "UBND xã Quảng Sơn"),
    (("UBND HUYỆN VĨNH LINH", "UBND THỊ TRẤN HỒ XÁ", "PHỤ LỤC"), "UBND thị trấn Hồ Xá"),
    (("UBND TỈNH QUẢNG TRỊ", "CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CỦA THỊ XÃ QUẢNG TRỊ"), "UBND thị xã Quảng Trị"),
    (("ỦY BAN NHÂN DÂN HUYỆN IA PA", "PHỤ LỤC"), "UBND huyện Ia Pa"),
])
def test_the_unit_is_the_lowest_the_title_names(lines, unit):
    table = make_table("PL", SCORES, [row("1.1", "Kế hoạch CCHC", 2, 1)], title_lines=lines)
    assert derive_front(table).unit == unit


def test_the_plans_own_reference_still_gives_number_date_and_unit(tmp_path):
    texts = document(quietly(IA_PA, out=tmp_path / "p.docx")).tables[0]
    assert texts.cell(1, 0).text == "Số: 75/KH-UBND"
    assert texts.cell(1, 1).text == "Ia Pa, ngày 10 tháng 7 năm 2019"


def test_an_upper_levels_plan_in_a_communes_book_is_what_it_carries_out(tmp_path):
    table = SON_GIANG.replace(title_lines=(
        "(Kèm theo Kế hoạch số 120/KH-UBND ngày 24/9/2021 của UBND huyện Sơn Hà)",))
    front, _ = complete_front(FrontMatter(unit="UBND xã Sơn Giang"), table)
    assert front.number is None and front.upper_plan == "Kế hoạch số 120/KH-UBND ngày 24 tháng 9 năm 2021 của UBND huyện Sơn Hà"
    lines = opening(quietly(table, out=tmp_path / "p.docx", front=FrontMatter(unit="UBND xã Sơn Giang")))
    assert lines[0] == "Thực hiện Kế hoạch số 120/KH-UBND ngày 24 tháng 9 năm 2021 của UBND huyện Sơn Hà."


def test_info_sheet_bases_come_first_and_the_lines_end_as_nd30_wants():
    rows = [["Căn cứ", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"],
            ["Quyết định công bố chỉ số", "12"], ["Ngày quyết định", "15/01/2024"],
            ["Kế hoạch cấp trên", "Kế hoạch số 8/KH-UBND ngày 20/01/2024 của UBND huyện"]]
    front, problems = front_matter_from_rows(rows)
    assert front.decision == "12/QĐ-UBND" and problems == []
    lines = build_context(VINH_LINH, front)["front"]["bases"]
    assert lines == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 15 tháng 01 năm 2024 của UBND tỉnh … về việc công bố Chỉ số cải "
        "cách hành chính năm 2023;",
        "Thực hiện Kế hoạch số 8/KH-UBND ngày 20/01/2024 của UBND huyện.",
    ]
    _, blanks = complete_front(front, VINH_LINH)
    assert any("'Cơ quan ban hành quyết định'" in b for b in blanks)  # the part left as "…" is listed


def test_the_result_states_only_what_is_known():
    plain = build_context(SON_GIANG)["plan"]
    assert (plain["standing"], plain["total_lost"], plain["entry_count"]) == ("", "8,45", "12")
    ranked = build_context(SON_GIANG, FrontMatter(rank="7", units=13))["plan"]
    assert ranked["standing"] == "xếp thứ 07/13"
    worded = build_context(SON_GIANG, FrontMatter(rank="1/10 huyện, thị"))["plan"]
    assert worded["standing"] == "xếp thứ 01/10 huyện, thị"
    scored = build_context(SON_GIANG, FrontMatter(score=Decimal("85.05")))["plan"]
    assert scored["standing"] == "đạt 85,05 điểm"  # no maximum known: no percentage


def test_a_table_of_the_whole_index_gives_score_and_percentage_and_a_full_total():
    fields = [row(str(n), f"LĨNH VỰC {n}", m, a) for n, m, a in
              ((1, 20, 18.5), (2, 20, 19), (3, 20, 17.25), (4, 20, 20), (5, 20, 18))]
    table = make_table("Tổng hợp", SCORES, fields + [row("3.1", "Giải quyết hồ sơ đúng hạn", 5, 3.25)],
                       title_lines=("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023 CỦA UBND XÃ HÒA AN",))
    context = build_context(table)
    assert context["plan"]["standing"] == "đạt 92,75/100 điểm (92,75%)"
    assert context["appendix"]["total"] == {"max_points": "100", "appraised": "92,75", "lost": "7,25"}
    partial = build_context(SON_GIANG)["appendix"]["total"]
    assert partial == {"max_points": "", "appraised": "", "lost": "8,45"}  # the listed rows only: no maximum


def test_info_lost_points_that_differ_from_the_table_are_reported():
    _, problems = complete_front(FrontMatter(lost=Decimal("9")), SON_GIANG)
    assert any("'Điểm bị trừ' 9" in p and "8,45" in p for p in problems)


def test_item_words_follow_the_tables_hierarchy_not_the_code_length(tmp_path):
    table = read_tables(roman_groups_xlsx(tmp_path / "r.xlsx"))[0]
    labels = {e["code"]: e["label"] for s in build_context(table)["sections"] for e in s["entries"]}
    # under the lĩnh vực rows I and II, "1" and "2" are tiêu chí and "1.1" a tiêu chí thành phần
    assert labels["1"].startswith("Tiêu chí 1 “") and labels["2"].startswith("Tiêu chí 2 “")
    assert labels["1.1"].startswith("Tiêu chí thành phần 1.1 “")
    # without group rows the code's depth decides
    words = {e["code"]: e["kind"] for s in build_context(SON_GIANG)["sections"] for e in s["entries"]}
    assert words["1.2"] == "Tiêu chí" and words["3.2.1"] == "Tiêu chí thành phần"


def test_scoring_method_notes_are_not_printed_as_shortcomings(tmp_path):
    book = district_two_sheets(tmp_path / "dt.xlsx")
    source = one_plan(read_tables(book), book.name)
    texts = body_paragraphs(quietly(source.main, out=tmp_path / "p.docx", appendices=source.tables))
    heading = next(i for i, t in enumerate(texts) if "3.6 “Mức độ hài lòng" in t)
    # the facts instead of "Tồn tại, hạn chế: Điều tra xã hội học."
    assert texts[heading + 1] == "Tồn tại, hạn chế: Điểm thẩm định đạt 0,5/1 điểm."
    assert not any("Tồn tại, hạn chế: Điều tra" in t for t in texts)
    assert any(t == "Tồn tại, hạn chế: Đạt 92,3% hồ sơ đúng hạn." for t in texts)  # a finding with a figure stays
    method = make_table("PL", SCORES, [
        row("8.1", "Sự hài lòng của người dân", 3, 2, reason="ĐTXHH"),
        row("8.2", "Hài lòng về thủ tục", 2, 1, note="Không chấm điểm, chỉ khảo sát"),
        row("8.3", "Hài lòng về công chức", 2, 1.5, reason="Điều tra xã hội học đạt 75%, thấp hơn năm trước")])
    reasons = [e["reason"] for s in build_context(method)["sections"] for e in s["entries"]]
    assert reasons == ["Điểm thẩm định đạt 2/3 điểm.", "Điểm thẩm định đạt 1/2 điểm.",
                       "Điều tra xã hội học đạt 75%, thấp hơn năm trước."]


def test_a_score_typed_after_a_group_name_is_left_out_of_its_heading():
    table = make_table("PL", SCORES, [
        row("I", "LĨNH VỰC CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC (tối đa 9 điểm, đạt 8 điểm)", group=True),
        row("1", "Thực hiện nhiệm vụ được giao", 2, 1, "Theo dõi hằng tháng"),
        row("II", "CẢI CÁCH TTHC - 12 điểm", group=True),
        row("1", "Thanh toán trực tuyến", 3, 2.5, "Tuyên truyền"),
        row("III", "CẢI CÁCH THỂ CHẾ (NĂM 2025)", group=True),
        row("1", "Rà soát văn bản", 2, 1, "Rà soát")])
    titles = [s["title"] for s in build_context(table)["sections"]]
    assert titles[:3] == ["Lĩnh vực công tác chỉ đạo, điều hành CCHC", "Cải cách TTHC", "Cải cách thể chế (năm 2025)"]


def test_notes_that_state_no_finding_stay_in_the_appendix_only(tmp_path):
    notes = ["Theo Kế hoạch số 05/KH-UBND ngày 10/01/2026", "Đã khắc phục một phần",
             "Phòng Nội vụ cũ nay là Phòng Văn hóa - Xã hội", "Báo cáo quý III gửi chậm", "Có 06/18 thôn chưa niêm yết"]
    table = make_table("PL", SCORES, [row(f"1.{k}", f"Tiêu chí {k}", 2, 1, note=note)
                                      for k, note in enumerate(notes, start=1)])
    reasons = [e["reason"] for s in build_context(table)["sections"] for e in s["entries"]]
    assert reasons == ["Điểm thẩm định đạt 1/2 điểm."] * 3 + ["Báo cáo quý III gửi chậm.",
                                                            "Có 06/18 thôn chưa niêm yết."]
    texts = body_paragraphs(quietly(table, out=tmp_path / "p.docx", appendices=(table,)))
    assert not any(t.startswith("Tồn tại, hạn chế: " + notes[0][:8]) for t in texts)
    cells = {text for t in appendix_tables(tmp_path / "p.docx") for r in rows_of(t) for text in r}
    assert set(notes) <= cells  # each note as typed, in the appendix's Ghi chú


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.xlsx")), ids=lambda p: p.stem)
def test_every_sample_opens_with_a_basis_and_states_the_result(path, tmp_path):
    tables = read_tables(path)
    source = one_plan(tables, path.name) if path.stem != "district_2025" else one_plan(tables[:1], path.name)
    front, _ = read_front_matter(path)
    lines = opening(quietly(source.main, out=tmp_path / "p.docx", front=front, appendices=source.tables))
    assert lines[0].startswith(("Căn cứ", "Thực hiện")) and lines[0].endswith((".", ";"))
    if source.main.kind == SCORES:
        assert any(" bị trừ " in line and "tiêu chí" in line for line in lines)


def test_sections_follow_the_items_group_and_offices_their_catalogue_names(tmp_path):
    # What the reader gives: the lĩnh vực group of each item (no group row kept) and one spelling per office.
    items = [
        row("1", "Kế hoạch kiểm tra công vụ", 2, 1.5, "Kiểm tra đủ các bộ phận", "VP HĐND&UBND").replace(
            group="CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", lead_names=("Văn phòng HĐND và UBND",)),
        row("2", "Đánh giá công chức", 1, 0.5, "Đánh giá theo quý", "Văn phòng HĐND-UBND").replace(
            group="CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", lead_names=("Văn phòng HĐND và UBND",)),
        row("1", "Số hóa hồ sơ", 2, 1, "Số hóa 100% hồ sơ", "Trung tâm PVHCC").replace(
            group="CHÍNH QUYỀN SỐ", lead_names=("Trung tâm Phục vụ hành chính công",)),
    ]
    table = make_table("PL", SCORES, items, title_lines=("UBND XÃ HÒA AN", "CHỈ SỐ CCHC NĂM 2025"))
    context = build_context(table, by="field")
    assert [(s["title"], [e["code"] for e in s["entries"]]) for s in context["sections"]] == [
        ("Cải cách chế độ công vụ", ["1", "2"]), ("Chính quyền số", ["1"])]
    assert [e["kind"] for s in context["sections"] for e in s["entries"]] == ["Tiêu chí"] * 3
    texts = body_paragraphs(quietly(table, out=tmp_path / "p.docx", by="field"))
    assert "- Cơ quan chủ trì: Văn phòng HĐND và UBND." in texts  # once, whatever the cells' spellings
    assert not any("VP HĐND&UBND" in t or "HĐND-UBND" in t for t in texts[:texts.index("III. TỔ CHỨC THỰC HIỆN")])


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_ranks_and_decision_numbers_are_read_in_their_usual_spellings(rank, units):
    expected = f"{rank:02d}/{units:02d}"
    assert rank_text(str(rank), units) == rank_text(f"{rank}/{units}", None) == expected
    assert rank_text(f"thứ {rank} / {units} xã", None) == f"{expected} xã"
    assert decision_number(f"Số: {rank}/QĐ-UBND") == decision_number(str(rank)) == f"{rank:02d}/QĐ-UBND"
    assert decision_number(f"{rank}/QĐ-CTUBND") == f"{rank:02d}/QĐ-CTUBND"


@given(st.lists(st.tuples(st.floats(100, 3000), st.floats(0, 6000), st.lists(st.floats(0, 20000), max_size=4)),
                min_size=1, max_size=12), st.floats(5000, 20000))
def test_column_widths_fill_the_width_and_never_go_below_the_longest_word(columns, total):
    lo = [word for word, _, _ in columns]
    hi = [word + extra for word, extra, _ in columns]
    rows = [[tuple(lines[:r + 1]) for _, _, lines in columns] for r in range(3)]
    widths = fit(lo, hi, rows, total, 216)
    assert abs(sum(widths) - total) < 1e-6 * total + 1
    if sum(lo) <= total:
        assert all(w >= low - 1e-6 for w, low in zip(widths, lo))
