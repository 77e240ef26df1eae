"""The narrative plan (.docx): layout per ND 30, content per arrangement, safety, speed-critical renderer."""
from __future__ import annotations

import dataclasses
import io
import pickle
import shutil
import subprocess
import warnings
import zipfile
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt
from docxtpl import DocxTemplate
from hypothesis import given
from hypothesis import strategies as st
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from conftest import SAMPLES
from plan_fixtures import ALL_SCORES, IA_PA, PHUOC_MY, SON_GIANG, TRICKY, TRICKY_LEAD, VINH_LINH
from pyxl.core.errors import ParbookError
from pyxl.plan import (
    FrontMatter,
    PlanWarning,
    build_context,
    compile_template,
    default_file_name,
    default_template,
    format_date,
    front_matter_from_rows,
    write_plan,
)
from pyxl.plan import pdf as pdf_module
from pyxl.plan.context import plan_unit
from pyxl.plan.derive import complete_front, derive_front
from pyxl.plan.organise import office_name
from pyxl.plan.widths import TextStyles, fit_tables
from pyxl.plan.frontmatter import parse_date, parse_number_symbol

ARRANGEMENTS = ("criterion", "field", "lead")


def render(table, by="criterion", front=None, all_items=False) -> bytes:
    context = build_context(table, front, by, all_items)
    return compile_template(default_template(table.kind, by)).render_bytes(context)


def document(data: bytes):
    return docx.Document(io.BytesIO(data))


def all_text(data: bytes) -> str:
    """Every w:t of the body, headers and footers, paragraph by paragraph (line breaks as '\\n')."""
    doc = document(data)
    parts = []
    for p in doc.element.body.iter("{*}p"):
        parts.append("".join("\n" if el.tag.endswith("}br") else (el.text or "")
                             for el in p.iter("{*}t", "{*}br")))
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def appendix_rows(data: bytes) -> list[list[str]]:
    table = document(data).tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


def quiet_front(table, **fields) -> FrontMatter:
    """A complete front matter, so that tests are not about warnings."""
    base = dict(unit="UBND xã Sơn Giang", number="18", symbol="KH-UBND", issued=date(2021, 3, 19), eval_year=2020,
                plan_year=2021, bases=("Căn cứ Kế hoạch số 120/KH-UBND ngày 24/9/2021 của UBND huyện",),
                authority="TM.", signer_title="Chủ tịch", signer="Nguyễn Văn A", recipients=("Phòng Nội vụ",))
    base.update(fields)
    return FrontMatter(**base)


# -- layout (ND 30/2020, Phụ lục I) -------------------------------------------------------------------

@pytest.mark.parametrize("kind,by", [("scores", b) for b in ARRANGEMENTS] + [("tasks", "criterion")])
def test_page_margins_fonts_and_sections_follow_nd30(kind, by):
    table = PHUOC_MY if kind == "tasks" else SON_GIANG
    doc = document(render(table, by))
    body, appendix = doc.sections[0], doc.sections[-1]
    assert len(doc.sections) == 2
    assert (mm(body.page_width), mm(body.page_height)) == (210, 297)  # A4
    assert body.orientation == WD_ORIENT.PORTRAIT
    assert [mm(m) for m in (body.top_margin, body.bottom_margin, body.left_margin, body.right_margin)] == [20, 20, 30, 20]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE and mm(appendix.page_width) == 297
    assert (mm(appendix.top_margin), mm(appendix.left_margin)) == (20, 30)
    # page numbers from page 2: a PAGE field in the header, none on the first page; restart in the appendix
    assert body.different_first_page_header_footer and appendix.different_first_page_header_footer
    assert "PAGE" in body.header._element.xml and "PAGE" not in body.first_page_header._element.xml
    assert body.header.paragraphs[0].alignment == 1  # centred
    assert 'w:start="1"' in appendix._sectPr.xml
    # Times New Roman 14 by default, no other font anywhere
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = {value for part in (doc.element, doc.styles.element) for el in part.iter(qn("w:rFonts"))
             for name, value in el.attrib.items()}
    assert fonts == {"Times New Roman"}  # no theme fonts, no other face
    body_style = doc.styles["KH Nội dung"].paragraph_format
    assert body_style.alignment == 3 and body_style.first_line_indent == docx.shared.Cm(1.27)  # justified


def mm(length) -> float:
    """A length in whole millimetres (Word stores twips, so 210 mm reads back as 210.01)."""
    return round(length.mm)


def test_header_block_title_and_signature():
    data = render(SON_GIANG, front=quiet_front(SON_GIANG, authority="KT.", signer_title="Phó Chủ tịch"))
    doc = document(data)
    header = doc.tables[0]
    left = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in header.cell(0, 1).paragraphs if p.text]
    assert left == ["ỦY BAN NHÂN DÂN", "XÃ SƠN GIANG"]
    assert all(r.bold for p in header.cell(0, 0).paragraphs for r in p.runs if r.text)
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    motto, motto_rule = header.cell(0, 1).paragraphs[1:3]
    assert not motto.paragraph_format.left_indent and not motto.paragraph_format.right_indent  # the whole cell
    assert "w:top" in motto_rule._p.xml and not motto_rule.text  # the rule under the motto
    assert "w:top" in header.cell(0, 0).paragraphs[-1]._p.xml  # the short rule under the issuer
    assert header.cell(1, 0).text == "Số: 18/KH-UBND"
    place = header.cell(1, 1).paragraphs[0]
    assert place.text == "Sơn Giang, ngày 19 tháng 3 năm 2021" and place.runs[0].italic
    texts = [p.text for p in doc.paragraphs]
    title = texts.index("KẾ HOẠCH")
    assert texts[title + 1].startswith("Khắc phục tồn tại, hạn chế") and doc.paragraphs[title].runs[0].bold
    assert "Căn cứ Kế hoạch số 120/KH-UBND ngày 24/9/2021 của UBND huyện." in texts
    signature = doc.tables[1]
    assert [p.text for p in signature.cell(0, 1).paragraphs if p.text] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    recipients = [p.text for p in signature.cell(0, 0).paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Phòng Nội vụ;", "- Lưu: VT."]
    first = signature.cell(0, 0).paragraphs[0].runs[0]
    assert first.bold and first.italic and first.font.size == Pt(12)


def test_blanks_print_as_drafts_leave_them_and_are_warned(tmp_path):
    table = VINH_LINH.replace(title_lines=(), year=2024)
    _, problems = complete_front(None, table)
    text = all_text(render(table))
    assert "Số:      /KH-UBND" in text
    assert "ngày    tháng    năm 2024" in text
    labels = " ".join(problems)
    for label in ("Tên đơn vị ban hành", "Số, ký hiệu", "Ngày ban hành", "Người ký"):
        assert label in labels
    assert "Nơi nhận" not in labels  # its offices are a district's: the district's recipients
    nobody = table.replace(items=tuple(item.replace(lead=(), lead_names=(), partners=(), partner_names=())
                                       for item in table.items))
    assert "Nơi nhận" in " ".join(complete_front(None, nobody)[1])  # no unit, no office: the level is unknown
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_plan(table, out_dir=tmp_path)
    assert [str(w.message) for w in caught if w.category is PlanWarning] == problems
    collected: list[str] = []
    write_plan(table, out=tmp_path / "b.docx", warn=collected.append)
    assert collected == problems


# -- content ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(ALL_SCORES))
@pytest.mark.parametrize("by", ARRANGEMENTS)
def test_every_item_with_lost_points_is_in_the_plan_with_lead_and_deadline(name, by):
    table = ALL_SCORES[name]
    data = render(table, by)
    text = all_text(data)
    context = build_context(table, None, by)
    assert f"bị trừ {context['plan']['total_lost']} điểm" in text
    kind = plan_unit(table, complete_front(None, table)[0])
    for item in table.items:
        if item.is_group or not item.lost_points or table.children(table.items.index(item)):
            continue
        assert f"{item.code} “" in text, item.code
        for name_ in item.lead:
            assert office_name(name_.strip().rstrip("."), kind) in text
        if item.deadline.text:
            assert item.deadline.text.rstrip(".") in text
    if name != "tricky":
        assert "{{" not in text and "{%" not in text and "{#" not in text


@pytest.mark.parametrize("name", sorted(ALL_SCORES))
def test_appendix_lists_every_item_and_the_total(name):
    table = ALL_SCORES[name]
    rows = appendix_rows(render(table))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[:5] == ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm thẩm định", "Điểm bị mất"]
    assert [r[0] for r in body] == [item.code or "" for item in table.items]
    assert total[1] == "Tổng cộng"
    assert total[4] == str(table.totals.lost_points.normalize()).replace(".", ",")
    table_xml = document(render(table)).tables[-1]._tbl.xml
    assert "w:tblHeader" in table_xml  # the header row repeats on every page


def test_son_giang_figures_have_decimal_commas_and_groups_are_bold():
    data = render(SON_GIANG, front=quiet_front(SON_GIANG, result="đạt 85,05 điểm, xếp thứ 7/13 xã"))
    text = all_text(data)
    assert "UBND xã Sơn Giang đạt 85,05 điểm, xếp thứ 7/13 xã; bị trừ 8,45 điểm ở 12 tiêu chí" in text
    assert "1. Công tác chỉ đạo, điều hành CCHC (bị trừ 1,05 điểm)" in text
    assert "1.1. Tiêu chí 1.2 “Mức độ hoàn thành kế hoạch CCHC : được đánh giá" in text
    assert "d) Thời gian thực hiện/hoàn thành: Trong năm 2021." in text
    group = document(data).tables[-1].rows[1]
    assert group.cells[1].text == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" and group.cells[1].paragraphs[0].runs[0].bold
    assert [c.text for c in group.cells[2:5]] == ["9", "7,95", "1,05"]
    # each line of a solution cell is a bullet of its own
    assert "- Phân công nhiệm vụ rõ ràng" in text and "\n- Khen thưởng các cá nhân, tập thể hoàn thành tốt kế hoạch." in text


def test_field_arrangement_has_a_section_per_linh_vuc():
    text = all_text(render(IA_PA, "field"))
    assert "II. NỘI DUNG KHẮC PHỤC" in text
    for heading in ("1. Công tác chỉ đạo, điều hành CCHC (bị trừ 1,5 điểm)", "1.1. Nội dung và mục tiêu",
                    "1.2. Phân công trách nhiệm", "3. Xây dựng và nâng cao chất lượng đội ngũ CBCCVC (bị trừ 3,25 điểm)",
                    "- Cơ quan chủ trì: Phòng Nội vụ, Phòng Tư pháp."):
        assert heading in text


def test_lead_arrangement_has_a_section_per_agency_with_commas_in_names():
    text = all_text(render(VINH_LINH, "lead"))
    assert "II. NHIỆM VỤ CỦA CÁC CƠ QUAN, BỘ PHẬN" in text
    # one section per office, named as the catalogue names it ("Các phòng ban, đơn vị" is one of its spellings)
    assert "\n1. Các cơ quan, đơn vị liên quan\n" in text and "\n2. UBND các xã, thị trấn\n" in text
    # the evidence note is no office: 1.1.3 has no lead and comes last
    assert "\n6. Chưa phân công cơ quan chủ trì\n6.1. Tiêu chí thành phần 1.1.3" in text
    assert "Tài liệu kiểm chứng" not in text.split("Phụ lục")[0]
    assert "Tồn tại, hạn chế: SNV đánh giá đạt 03 sáng kiến" in text
    # lĩnh vực names come from the index when the table lists criteria only (2023: the 2022 names)
    assert "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số" in all_text(render(VINH_LINH, "criterion"))


def test_items_without_lost_points_only_with_all_items():
    assert "1.2 “Tiêu chí không mất điểm”" not in all_text(render(TRICKY))
    assert "1.2 “Tiêu chí không mất điểm”" in all_text(render(TRICKY, all_items=True))


def test_annual_plan_groups_tasks_under_their_group_rows():
    data = render(PHUOC_MY)
    text = all_text(data)
    assert "Cải cách hành chính xã Phước Mỹ năm 2024" in text
    assert "1. Công tác chỉ đạo điều hành\na) Tổ chức tổng kết công tác cải cách hành chính" in text
    assert "- Triển khai khắc phục các nội dung sau khi UBND thành phố" in text  # sub-task 1.1
    assert "2. Cải cách thể chế\na) Ban hành Kế hoạch kiểm tra" in text
    assert ("Chủ trì: Công chức Tư pháp - Hộ tịch; phối hợp: Các cơ quan, đơn vị liên quan. Thời gian: Tháng 1."
            in text)
    rows = appendix_rows(data)
    assert rows[0] == ["TT", "Nhiệm vụ", "Hoạt động/sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                       "Thời gian thực hiện"]
    assert [r[0] for r in rows[1:]] == [item.code for item in PHUOC_MY.items]
    assert "- Kế hoạch kiểm tra\n- Quyết định thành lập Tổ Kiểm tra công vụ" in rows[7][2]
    appendix_title = [p.text for p in document(data).paragraphs if "NHIỆM VỤ TRỌNG TÂM CỦA" in p.text]
    assert appendix_title == ["23 NHIỆM VỤ TRỌNG TÂM CỦA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH XÃ PHƯỚC MỸ NĂM 2024"]


def test_format_date_follows_the_leading_zero_rules():
    assert format_date(date(2024, 3, 5)) == "ngày 05 tháng 3 năm 2024"
    assert format_date(date(2024, 1, 19)) == "ngày 19 tháng 01 năm 2024"
    assert format_date(date(2024, 2, 9)) == "ngày 09 tháng 02 năm 2024"
    assert format_date(date(2024, 12, 31)) == "ngày 31 tháng 12 năm 2024"


# -- safety ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("by", ARRANGEMENTS)
def test_cell_text_comes_out_exactly_as_typed(by):
    data = render(TRICKY, by)
    text = all_text(data)
    assert TRICKY_LEAD in text
    assert "Văn phòng \"HĐND & UBND\"" in text
    assert "Dòng một {{ front.unit }}" in text and "Dòng hai {% for x in y %} & 'nháy'." in text
    assert "{#- comment #} {_{ giữ nguyên" in text  # docxtpl itself would turn "{_{" into "{{"
    assert "Trước 30/6/2024 {% endif %}" in text
    assert 'Tiêu chí có "ngoặc kép" & <thẻ> {% if %}' in text
    rows = appendix_rows(data)
    cells = dict(zip(rows[0], rows[2]))
    assert cells["Giải pháp"] == "Dòng một {{ front.unit }}\nDòng hai {% for x in y %} & 'nháy'\n{#- comment #} {_{ giữ nguyên"
    assert cells["Lý do trừ điểm"] == "Lý do <b>đậm</b>\nhai dòng"  # line breaks kept as Word line breaks
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "&lt;TC-KH&gt;" in xml and "<w:br/>" in xml


def _docx(tmp_path: Path, name: str, *texts: str) -> Path:
    doc = docx.Document()
    for text in texts:
        doc.add_paragraph(text)
    path = tmp_path / name
    doc.save(path)
    return path


def test_broken_or_foreign_templates_are_refused_with_the_template_named(tmp_path):
    cases = {
        "cu_phap.docx": (_docx(tmp_path, "cu_phap.docx", "Đơn vị: {{ front.unit ", "{%p for s in sections %}"),
                         "sai cú pháp"),
        "khong_co_truong.docx": (_docx(tmp_path, "khong_co_truong.docx", "Một văn bản bình thường."),
                                 "không có trường trộn nào của parbook"),
        "la_pdf.docx": (tmp_path / "la_pdf.docx", "không phải tệp Word"),
        "thieu.docx": (tmp_path / "thieu.docx", "Không tìm thấy mẫu"),
    }
    (tmp_path / "la_pdf.docx").write_bytes(b"%PDF-1.4 not a zip")
    for name, (path, problem) in cases.items():
        with pytest.raises(ParbookError) as error:
            write_plan(SON_GIANG, out=tmp_path / "out.docx", template=path, front=quiet_front(SON_GIANG))
        assert name in str(error.value) and problem in str(error.value)
    assert not (tmp_path / "out.docx").exists()


def test_templates_run_sandboxed_and_strict(tmp_path):
    unsafe = _docx(tmp_path, "nguy_hiem.docx", "{{ front.__class__.__mro__ }}")
    with pytest.raises(ParbookError, match="nguy_hiem.docx.*không được phép"):
        write_plan(SON_GIANG, out=tmp_path / "a.docx", template=unsafe, front=quiet_front(SON_GIANG))
    typo = _docx(tmp_path, "go_sai.docx", "{{ front.unitt }}")
    with pytest.raises(ParbookError, match="go_sai.docx.*unitt"):
        write_plan(SON_GIANG, out=tmp_path / "b.docx", template=typo, front=quiet_front(SON_GIANG))


def test_an_officer_edited_template_is_used(tmp_path):
    path = _docx(tmp_path, "mau_rieng.docx", "Kính gửi: {{ front.unit }}", "Tổng: {{ plan.total_lost }}")
    out = write_plan(SON_GIANG, out=tmp_path / "x.docx", template=path, front=quiet_front(SON_GIANG))
    assert all_text(out.read_bytes()).split("\n")[:2] == ["Kính gửi: UBND xã Sơn Giang", "Tổng: 8,45"]


# -- files ----------------------------------------------------------------------------------------------

def test_no_overwrite_without_overwrite(tmp_path):
    front = quiet_front(SON_GIANG)
    first = write_plan(SON_GIANG, front=front, out_dir=tmp_path)
    assert first.name == "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021.docx"
    before = first.read_bytes()
    signed = dataclasses.replace(front, signer="Trần Thị B")
    with pytest.raises(ParbookError, match="overwrite"):
        write_plan(SON_GIANG, front=signed, out_dir=tmp_path)
    assert first.read_bytes() == before
    write_plan(SON_GIANG, front=signed, out_dir=tmp_path, overwrite=True)
    assert first.read_bytes() != before
    assert [p.name for p in tmp_path.iterdir()] == [first.name]  # no temporary files left behind


def test_default_file_names_name_the_arrangement_so_the_readme_examples_run_one_after_another(tmp_path):
    front = quiet_front(SON_GIANG)
    written = [write_plan(SON_GIANG, front=front, out_dir=tmp_path, by=by).name for by in ARRANGEMENTS]
    assert written == ["Kế hoạch khắc phục - UBND xã Sơn Giang - 2021.docx",
                       "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021 (theo lĩnh vực).docx",
                       "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021 (theo cơ quan).docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(written)
    assert default_file_name(PHUOC_MY, None, "field") == "Kế hoạch CCHC - UBND xã Phước Mỹ - 2024.docx"


def test_default_file_names_are_windows_safe():
    odd = quiet_front(SON_GIANG, unit='UBND xã "A/B": C?')
    name = default_file_name(SON_GIANG, odd)
    assert name.startswith("Kế hoạch khắc phục - UBND xã ") and name.endswith(" - 2021.docx")
    assert not set('<>:"/\\|?*') & set(name)
    assert default_file_name(PHUOC_MY) == "Kế hoạch CCHC - UBND xã Phước Mỹ - 2024.docx"
    assert default_file_name(SON_GIANG) == "Kế hoạch khắc phục - UBND xã Sơn Giang - 2021.docx"


@pytest.mark.parametrize("by", ARRANGEMENTS)
def test_rerenders_are_byte_identical(by, tmp_path):
    front = quiet_front(SON_GIANG)
    first = write_plan(SON_GIANG, out=tmp_path / "a.docx", by=by, front=front).read_bytes()
    second = write_plan(SON_GIANG, out=tmp_path / "b.docx", by=by, front=front).read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.testzip() is None
        core = archive.read("docProps/core.xml").decode()
    assert "2024-01-01T00:00:00Z" in core  # the template's fixed dates, never the clock


def _render_in_worker(args):
    compiled, context = args
    return compiled.render_bytes(context)


def test_compiled_template_pickles_and_renders_the_same_in_worker_processes():
    compiled = compile_template(default_template("scores", "criterion"))
    contexts = [build_context(t, None, "criterion") for t in (SON_GIANG, IA_PA, VINH_LINH)]
    assert len(pickle.dumps(compiled)) < 200_000  # the template's bytes, not compiled code
    with ProcessPoolExecutor(2) as pool:
        remote = list(pool.map(_render_in_worker, [(compiled, c) for c in contexts]))
    assert remote == [compiled.render_bytes(c) for c in contexts]


@pytest.mark.parametrize("by", ARRANGEMENTS)
@pytest.mark.parametrize("name", ["son_giang", "ia_pa", "vinh_linh"])
def test_same_text_as_docxtpl_itself(name, by):
    table = ALL_SCORES[name]
    context = build_context(table, quiet_front(table), by)
    path = default_template("scores", by)
    reference = DocxTemplate(path)
    reference.render(context, jinja_env=SandboxedEnvironment(autoescape=True))
    buffer = io.BytesIO()
    reference.save(buffer)
    ours = compile_template(path).render_bytes(context)
    # docxtpl does not fit the appendix table to its content: do that to its output too
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        theirs = fit_tables(archive.read("word/document.xml").decode(), TextStyles.from_xml(archive.read("word/styles.xml")))
    mine = zipfile.ZipFile(io.BytesIO(ours)).read("word/document.xml")
    assert etree.tostring(etree.fromstring(mine), method="c14n") == etree.tostring(
        etree.fromstring(theirs.encode()), method="c14n")


# -- front matter ---------------------------------------------------------------------------------------

def test_front_matter_from_the_info_sheet_with_key_variants():
    rows = [
        ["THÔNG TIN", "GIÁ TRỊ"],
        ["co quan chu quan:", "UBND huyện Ia Pa"],
        ["1. Tên đơn vị ban hành", "UBND XÃ IA MRƠN"],
        ["Số/ký hiệu", "Số: 5/KH-UBND"],
        ["Ngày ban hành", datetime(2024, 3, 5, 0, 0)],
        ["NĂM ĐÁNH GIÁ", 2023.0],
        ["Năm thực hiện", "năm 2024"],
        ["Kết quả, xếp hạng", "đạt 88,5 điểm"],
        ["Căn cứ", "Căn cứ A;\nCăn cứ B"],
        [None, "Căn cứ C."],
        ["Quyền hạn ký", "kt"],
        ["Chức vụ người ký", "Phó Chủ tịch"],
        ["Người ký", "Rơ Mah Thị B"],
        ["Nơi nhận", "- Phòng Nội vụ huyện;\n- Lưu: VT, VP."],
        ["Ghi chú riêng", "gì đó"],
    ]
    front, problems = front_matter_from_rows(rows)
    assert front == FrontMatter(
        parent_body="UBND huyện Ia Pa", unit="UBND XÃ IA MRƠN", number="05", symbol="KH-UBND", issued=date(2024, 3, 5),
        eval_year=2023, plan_year=2024, result="đạt 88,5 điểm", bases=("Căn cứ A;", "Căn cứ B", "Căn cứ C."),
        authority="KT.", signer_title="Phó Chủ tịch", signer="Rơ Mah Thị B",
        recipients=("- Phòng Nội vụ huyện;", "- Lưu: VT, VP."))
    assert problems == ["Sheet Thông tin, dòng 15: không hiểu mục 'Ghi chú riêng', bỏ qua."]
    context = build_context(SON_GIANG, front)["front"]
    assert context["parent_lines"] == ["UBND HUYỆN IA PA"]
    assert context["issuer_lines"] == ["ỦY BAN NHÂN DÂN", "XÃ IA MRƠN"]
    assert context["unit"] == "UBND xã Ia Mrơn" and context["place_date"] == "Ia Mrơn, ngày 05 tháng 3 năm 2024"
    assert context["bases"] == ["Căn cứ A;", "Căn cứ B;", "Căn cứ C."]
    assert context["recipients"] == ["- Phòng Nội vụ huyện;", "- Lưu: VT, VP."]
    assert context["sign_lines"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


@pytest.mark.parametrize("key", ["Đơn vị", "Tên xã", "Xã/phường", "Đơn vị được đánh giá", "Tên đơn vị ban hành"])
def test_the_unit_under_its_plain_names_in_the_info_sheet(key):
    front, problems = front_matter_from_rows([[key, "UBND xã Hòa Vang"], ["Người ký", "Nguyễn Văn A"]])
    assert (front.unit, front.signer, problems) == ("UBND xã Hòa Vang", "Nguyễn Văn A", [])


def test_options_override_the_sheet():
    front, _ = front_matter_from_rows([["Người ký", "A"], ["Số, ký hiệu", "7/KH-UBND"]])
    front = front.updated(signer="B", number="12/KH-UBND", issued="19/3/2021", plan_year="2021", unit=None)
    assert (front.signer, front.number, front.symbol, front.issued, front.plan_year) == (
        "B", "12", "KH-UBND", date(2021, 3, 19), 2021)


@pytest.mark.parametrize("table,expected", [
    (SON_GIANG, ("UBND xã Sơn Giang", "18", "KH-UBND", date(2021, 3, 19), 2020, 2021)),
    (IA_PA, ("UBND huyện Ia Pa", "75", "KH-UBND", date(2019, 7, 10), 2018, 2019)),
    (VINH_LINH, (None, None, "KH-UBND", None, 2023, 2024)),
    (PHUOC_MY, ("UBND xã Phước Mỹ", None, None, None, 2023, 2024)),
])
def test_derived_from_the_table_title_lines(table, expected):
    front = derive_front(table)
    assert (front.unit, front.number, front.symbol, front.issued, front.eval_year, front.plan_year) == expected


def test_a_workbook_without_info_sheet_still_renders_what_it_can():
    text = all_text(render(SON_GIANG))
    assert "Số: 18/KH-UBND" in text and "Sơn Giang, ngày 19 tháng 3 năm 2021" in text
    assert "(Kèm theo Kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của UBND xã Sơn Giang)" in text


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_are_read_in_every_usual_spelling(day):
    for text in (f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}-{day.month:02d}-{day.year}",
                 day.isoformat(), format_date(day), format_date(day).upper(), datetime(day.year, day.month, day.day)):
        assert parse_date(text) == day


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["KH-UBND", "KH-VP", "KH-UBND-NV"]))
def test_numbers_and_symbols_are_read(number, symbol):
    assert parse_number_symbol(f"Số: {number}/{symbol}") == (f"{number:02d}", symbol)
    assert parse_number_symbol(f"{number} / {symbol}") == (f"{number:02d}", symbol)


# -- PDF ------------------------------------------------------------------------------------------------

def test_pdf_without_libreoffice_says_so_in_vietnamese(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    with pytest.raises(ParbookError, match="Không tìm thấy LibreOffice"):
        write_plan(SON_GIANG, out=tmp_path / "x.docx", front=quiet_front(SON_GIANG), pdf=True)
    assert not (tmp_path / "x.docx").exists()  # refused before writing anything


@pytest.mark.libreoffice("writer")
def test_pdf_through_libreoffice(tmp_path):
    out = write_plan(SON_GIANG, out=tmp_path / "ke_hoach.docx", front=quiet_front(SON_GIANG), pdf=True)
    assert out == tmp_path / "ke_hoach.pdf" and (tmp_path / "ke_hoach.docx").is_file()
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, encoding="utf-8", check=True).stdout
        assert "KẾ HOẠCH" in text and "Tổng cộng" in text and "8,45" in text
    with pytest.raises(ParbookError, match="overwrite"):
        write_plan(SON_GIANG, out=tmp_path / "ke_hoach.pdf", front=quiet_front(SON_GIANG), overwrite=False)


# -- the sample workbooks (pyxl.readers) ---------------------------------------------------------------------

SAMPLE_FILES = sorted(SAMPLES.glob("*.xlsx"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
@pytest.mark.parametrize("by", ARRANGEMENTS)
def test_every_sample_renders_in_every_arrangement(path, by, tmp_path):
    from pyxl.plan import read_front_matter
    from pyxl.readers import read_tables

    front, _ = read_front_matter(path)
    for index, table in enumerate(read_tables(path)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PlanWarning)
            out = write_plan(table, out=tmp_path / f"{index}.docx", by=by, front=front)
        data = out.read_bytes()
        text = all_text(data)
        assert "{{" not in text and "{%" not in text
        rows = appendix_rows(data)
        assert len(rows) == 1 + len(table.items) + (0 if table.kind == "tasks" else 1)
        if table.kind == "scores":
            assert f"bị trừ {build_context(table)['plan']['total_lost']} điểm" in text
            assert rows[-1][1] == "Tổng cộng"
