"""III. TỔ CHỨC THỰC HIỆN and Nơi nhận read back from the .docx, for each level; suggested text marked in Word."""
from __future__ import annotations

import re
import zipfile

import pytest

from conftest import SAMPLES
from plan_docs import body_paragraphs, quietly, recipients, section
from plan_fixtures import IA_PA, PHUOC_MY, SON_GIANG, VINH_LINH, make_table, row
from plan_workbooks import district_two_sheets, new_commune_two_sheets
from pyxl.core.library import COMMUNE_OLD, Suggestion
from pyxl.core.model import SCORES
from pyxl.core.text import tone_key
from pyxl.plan import FrontMatter, one_plan, read_front_matter, suggested_count
from pyxl.readers import read_tables
from workbooks import tasks_without_codes_csv

DUTY = re.compile(r"^(\d+)\. (.+?)( \(đầu mối theo dõi việc thực hiện Kế hoạch\))?:$")


def organise(path) -> list[str]:
    texts = body_paragraphs(path)
    heading = next(t for t in texts if re.match(r"^[IVX]+\. TỔ CHỨC THỰC HIỆN$", t))
    return section(texts, heading, "Trên đây")


def duties(lines: list[str]) -> dict[str, list[str]]:
    """Office → the lines under its numbered paragraph."""
    found: dict[str, list[str]] = {}
    current = None
    for line in lines:
        match = DUTY.match(line)
        if match:
            current = match.group(2)
            found[current] = []
        elif current and line.startswith("- "):
            found[current].append(line)
        else:
            current = None
    return found


def test_a_commune_before_2025_addresses_its_civil_servants_and_reports_to_phong_noi_vu(tmp_path):
    lines = organise(quietly(SON_GIANG, out=tmp_path / "p.docx"))
    assert lines[1].startswith("1. Cán bộ, công chức và các bộ phận chuyên môn thuộc UBND xã căn cứ")
    assert not any("Thủ trưởng" in line for line in lines)
    offices = duties(lines)
    # one paragraph per office: "Văn phòng", "Văn phòng " and "Văn phòng - Thống kê" are one công chức
    # the coordinator first, then the others as the plan first names them
    assert list(offices)[:3] == ["Công chức Văn phòng - Thống kê", "Công chức Văn hóa - Xã hội",
                                 "Công chức Tư pháp - Hộ tịch"]
    assert lines[2] == "2. Công chức Văn phòng - Thống kê (đầu mối theo dõi việc thực hiện Kế hoạch):"
    coordinator = offices["Công chức Văn phòng - Thống kê"]
    assert coordinator[0].startswith("- Chủ trì thực hiện các giải pháp khắc phục đối với tiêu chí, tiêu chí thành "
                                     "phần 1.2, 3.2.1, 4.2, 4.3, 7.2.4, 7.2.5 (chi tiết tại Mục II và Phụ lục)")
    assert "tham mưu UBND xã Sơn Giang báo cáo Phòng Nội vụ theo quy định" in coordinator[-1]
    assert offices["Công chức Tư pháp - Hộ tịch"][0].endswith(
        "2.5, 3.2.3 (chi tiết tại Mục II và Phụ lục); báo cáo kết quả thực hiện về công chức Văn phòng - Thống kê "
        "định kỳ hằng quý, trước ngày 10 của tháng cuối quý.")


def test_a_district_addresses_heads_of_offices_and_commune_chairs_and_reports_to_so_noi_vu(tmp_path):
    lines = organise(quietly(IA_PA, out=tmp_path / "p.docx"))
    assert lines[1].startswith("1. Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND huyện, Chủ tịch "
                               "UBND các xã, thị trấn căn cứ")
    offices = duties(lines)
    assert list(offices)[0] == "Phòng Nội vụ"
    assert "báo cáo UBND tỉnh (qua Sở Nội vụ) theo quy định" in offices["Phòng Nội vụ"][-1]
    # "Văn phòng HĐND-UBND huyện" and "Văn phòng HDND-UBND huyện" are one office, printed once
    names = [tone_key(name) for name in offices]
    assert len(names) == len(set(names))
    assert sum(1 for name in offices if "Văn phòng HĐND và UBND" in name) == 1


def test_a_commune_after_7_2025_has_its_offices_and_reports_to_so_noi_vu(tmp_path):
    book = new_commune_two_sheets(tmp_path / "nc.xlsx")
    source = one_plan(read_tables(book), book.name)
    path = quietly(source.main, out=tmp_path / "p.docx", appendices=source.tables)
    lines = organise(path)
    assert lines[1].startswith("1. Các phòng chuyên môn, Trung tâm Phục vụ hành chính công và cán bộ, công chức "
                               "thuộc UBND xã")
    offices = duties(lines)
    assert list(offices) == ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND", "Trung tâm Phục vụ hành chính công"]
    assert "báo cáo Sở Nội vụ theo quy định" in offices["Phòng Văn hóa - Xã hội"][-1]
    assert "về Phòng Văn hóa - Xã hội định kỳ hằng quý" in offices["Văn phòng HĐND và UBND"][0]
    assert not any("Công chức Văn phòng - Thống kê" in line for line in lines)
    assert recipients(path)[:2] == ["- UBND tỉnh (báo cáo);", "- Sở Nội vụ;"]


def test_offices_leading_the_same_items_share_one_paragraph_and_evidence_is_no_office(tmp_path):
    table = read_tables(SAMPLES / "vinh_linh_2023.xlsx")[0]
    offices = duties(organise(quietly(table, out=tmp_path / "p.docx")))
    assert not any("Tài liệu kiểm chứng" in name or "Báo cáo số" in name for name in offices)
    # the six communes named in one cell for 3.3 are the district's communes: one paragraph, not six
    assert not any("Vĩnh Khê" in name or "Kim Thạch" in name for name in offices)
    assert offices["UBND các xã, thị trấn"][0].startswith(
        "- Chủ trì thực hiện các giải pháp khắc phục đối với tiêu chí, tiêu chí thành phần 1.5.2, 1.6, 3.3, ")
    assert list(offices)[0] == "Phòng Nội vụ"
    assert len(duties(organise(quietly(VINH_LINH, out=tmp_path / "f.docx")))) == 5


def test_the_sheet_may_name_another_coordinator_upper_office_and_reporting_date(tmp_path):
    front = FrontMatter(coordinator="Công chức Tư pháp - Hộ tịch", report_to="UBND thị xã (qua Phòng Nội vụ)",
                        report_when="trước ngày 15 hằng tháng")
    lines = organise(quietly(SON_GIANG, out=tmp_path / "p.docx", front=front))
    offices = duties(lines)
    assert list(offices)[0] == "Công chức Tư pháp - Hộ tịch"
    assert "báo cáo UBND thị xã (qua Phòng Nội vụ) theo quy định" in offices["Công chức Tư pháp - Hộ tịch"][-1]
    assert "về Công chức Tư pháp - Hộ tịch trước ngày 15 hằng tháng" in offices["Công chức Văn phòng - Thống kê"][0]


def test_recipients_default_by_level_and_the_sheet_replaces_them(tmp_path):
    commune = recipients(quietly(SON_GIANG, out=tmp_path / "a.docx"))
    assert commune[:5] == ["- UBND cấp huyện (báo cáo);", "- Phòng Nội vụ;", "- Thường trực Đảng ủy xã;",
                           "- Thường trực HĐND xã;", "- Chủ tịch, các Phó Chủ tịch UBND xã;"]
    assert "- Công chức Văn phòng - Thống kê;" in commune and commune[-1] == "- Lưu: VT."
    parent = recipients(quietly(SON_GIANG, out=tmp_path / "b.docx", front=FrontMatter(parent_body="UBND huyện Sơn Hà")))
    assert parent[:2] == ["- UBND huyện Sơn Hà (báo cáo);", "- Phòng Nội vụ huyện Sơn Hà;"]
    district = recipients(quietly(IA_PA, out=tmp_path / "c.docx"))
    assert district[:3] == ["- UBND tỉnh (báo cáo);", "- Sở Nội vụ;", "- Chủ tịch, các Phó Chủ tịch UBND huyện;"]
    # more offices than a recipient list holds: one line for them
    assert district[3:] == ["- Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND huyện;",
                            "- UBND các xã, thị trấn;", "- Lưu: VT."]
    few = recipients(quietly(VINH_LINH, out=tmp_path / "e.docx"))
    assert "- Phòng Nội vụ;" in few and "- Phòng Tài chính - Kế hoạch;" in few
    assert not any("Đảng ủy" in line for line in district)
    own = recipients(quietly(IA_PA, out=tmp_path / "d.docx",
                             front=FrontMatter(recipients=("Thường trực Huyện ủy", "Lưu: VT, NV"))))
    assert own == ["- Thường trực Huyện ủy;", "- Lưu: VT, NV."]


def test_the_annual_plan_lists_each_office_once_whatever_its_spelling(tmp_path):
    table = read_tables(tasks_without_codes_csv(tmp_path / "t.csv"))[0]
    path = quietly(table, out=tmp_path / "p.docx", front=FrontMatter(unit="UBND xã Tân Lập", plan_year=2026))
    offices = duties(organise(path))
    # "Văn phòng HĐND-UBND" and "VP HĐND&UBND" lead the first two tasks: one office, one paragraph
    assert [name for name in offices if "Văn phòng" in name] == ["Văn phòng HĐND và UBND"]
    assert "“Ban hành kế hoạch CCHC năm”" in offices["Văn phòng HĐND và UBND"][0]


def test_phuoc_my_annual_plan_names_its_coordinator_first(tmp_path):
    offices = duties(organise(quietly(PHUOC_MY, out=tmp_path / "p.docx")))
    assert list(offices)[0] == "Công chức Văn phòng - Thống kê"
    assert offices["Công chức Văn phòng - Thống kê"][0].startswith("- Chủ trì thực hiện nhiệm vụ số 1, 1.1, 1.2, 2, 5")


# -- suggested text ---------------------------------------------------------------------------------------

THIN = make_table("PHỤ LỤC", SCORES, [
    row("1.2", "Mức độ hoàn thành kế hoạch CCHC", 2, 1.5, lead="Văn phòng"),
    row("3.4", "Tỷ lệ hồ sơ đúng hạn", 2, 1, "Theo dõi hồ sơ sắp đến hạn", "Tư pháp", (), "Quý II"),
], title_lines=("(Kèm theo Kế hoạch số 3/KH-UBND ngày 05/02/2024 của UBND xã Hòa An)",))
OFFER = Suggestion("rieng-01", "Hoàn thành kế hoạch CCHC", "Công tác chỉ đạo, điều hành", 0.9,
                   target="Hoàn thành 100% kế hoạch CCHC năm 2024", causes=(),
                   tasks=("Giao nhiệm vụ theo từng quý cho từng công chức", "Kiểm tra tiến độ hằng tháng"),
                   lead=("Văn phòng - Thống kê",), partners=("Tư pháp - Hộ tịch",), deadline="Hằng quý",
                   legal_basis=None, source="sheet 'Giải pháp mẫu' dòng 2", owner_kind=COMMUNE_OLD)


def offered(*indexes):
    return THIN.replace(suggestions={i: OFFER for i in indexes})


def _highlighted(path) -> list[str]:
    """The texts of the runs Word shows highlighted."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    return re.findall(r'<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">([^<]*)</w:t>', xml)


def test_suggestions_fill_only_what_the_sheet_lacks_and_are_highlighted(tmp_path):
    path = quietly(offered(0, 1), out=tmp_path / "p.docx")
    texts = body_paragraphs(path)
    item = section(texts, "1.1. Tiêu chí 1.2", "2. ")
    assert "a) Mục tiêu, yêu cầu: Hoàn thành 100% kế hoạch CCHC năm 2024." in item
    assert "- Giao nhiệm vụ theo từng quý cho từng công chức." in item
    assert "- Chủ trì: Công chức Văn phòng - Thống kê." in item  # the sheet's lead, not the suggestion's
    assert "- Phối hợp: Công chức Tư pháp - Hộ tịch." in item and "d) Thời gian thực hiện/hoàn thành: Hằng quý." in item
    marked = _highlighted(path)
    assert "Hoàn thành 100% kế hoạch CCHC năm 2024." in marked and "Hằng quý" in marked
    assert "Giao nhiệm vụ theo từng quý cho từng công chức." in marked
    assert "Công chức Văn phòng - Thống kê" not in marked  # from the sheet: never marked
    other = section(texts, "2.1. Tiêu chí 3.4", "3. ")
    assert "- Theo dõi hồ sơ sắp đến hạn." in other and "d) Thời gian thực hiện/hoàn thành: Quý II." in other
    assert "Theo dõi hồ sơ sắp đến hạn." not in marked and "Quý II" not in marked
    assert "Hoàn thành 100% kế hoạch CCHC năm 2024" in " ".join(other)  # item 3.4 had no target


def test_clean_prints_the_same_text_without_marks(tmp_path):
    marked = quietly(offered(0), out=tmp_path / "m.docx")
    clean = quietly(offered(0), out=tmp_path / "c.docx", clean=True)
    assert body_paragraphs(clean) == body_paragraphs(marked)
    assert _highlighted(marked) and not _highlighted(clean)
    assert "w:highlight" not in zipfile.ZipFile(clean).read("word/document.xml").decode()


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.xlsx")), ids=lambda p: p.stem)
def test_samples_list_each_office_once_and_end_with_luu_vt(path, tmp_path):
    tables = read_tables(path)
    source = one_plan(tables if path.stem != "district_2025" else tables[:1], path.name)
    front, _ = read_front_matter(path)
    written = quietly(source.main, out=tmp_path / "p.docx", front=front, appendices=source.tables)
    names = [tone_key(name) for name in duties(organise(written))]
    assert names and len(names) == len(set(names))
    assert recipients(written)[-1].startswith("- Lưu: VT")
    assert bool(_highlighted(written)) == bool(suggested_count(source.main, front))  # marked only where suggested


def test_the_two_sheet_district_plan_names_the_owners_from_its_tasks_sheet(tmp_path):
    book = district_two_sheets(tmp_path / "dt.xlsx")
    source = one_plan(read_tables(book), book.name)
    front, _ = read_front_matter(book)
    offices = duties(organise(quietly(source.main, out=tmp_path / "p.docx", front=front, appendices=source.tables)))
    assert list(offices) == ["Phòng Nội vụ", "Phòng Văn hóa và Thông tin", "Văn phòng HĐND và UBND"]
    assert "1.2, 5.3.2" in offices["Phòng Nội vụ"][0]
    # 3.6 has no task row: the library's lead for it (a district's Văn phòng) takes it on
    assert "3.4.1, 3.6, 7.2.1, 7.3" in offices["Văn phòng HĐND và UBND"][0]


def test_items_numbered_from_1_in_every_part_are_cited_with_their_part(tmp_path):
    import openpyxl

    path = tmp_path / "hoa_binh.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["TT", "Nội dung", "Điểm tối đa", "Điểm thẩm định", "Giải pháp", "Cơ quan chủ trì", "Thời gian"])
    for line in [["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 4, 3], ["1", "Kế hoạch CCHC", 2, 1.5, "Ban hành sớm", "Phòng Nội vụ"],
                 ["2", "Báo cáo CCHC", 2, 1.5, "Báo cáo đúng hạn", "Phòng Nội vụ"], ["II", "CẢI CÁCH TTHC", 3, 2],
                 ["1", "Công khai TTHC", 3, 2, "Rà soát niêm yết", "Văn phòng HĐND và UBND"]]:
        ws.append(line + [None] * (6 - len(line)) + ["Quý II/2024"])
    wb.save(path)
    [table] = read_tables(path)
    offices = duties(organise(quietly(table, out=tmp_path / "p.docx")))
    assert offices["Phòng Nội vụ"][0].startswith("- Chủ trì thực hiện các giải pháp khắc phục đối với tiêu chí, tiêu "
                                                 "chí thành phần I.1, I.2 (chi tiết tại Mục II và Phụ lục)")
    assert "tiêu chí thành phần II.1 (chi tiết" in offices["Văn phòng HĐND và UBND"][0]


@pytest.mark.parametrize("kind", ["scores", "tasks"])
def test_the_front_and_mass_organisations_are_asked_not_assigned(tmp_path, kind):
    partners = ["Ủy ban MTTQVN xã", "Đoàn Thanh niên", "Phòng Kinh tế"]
    rows = [row("1.1", "Tuyên truyền CCHC", 2 if kind == "scores" else None, 1 if kind == "scores" else None,
                "Tuyên truyền trên loa truyền thanh", "Văn phòng HĐND và UBND", partners, "Quý II/2026"),
            row("1.2", "Kiểm tra CCHC", 1 if kind == "scores" else None, 0.5 if kind == "scores" else None,
                "Kiểm tra các bộ phận", "Văn phòng HĐND và UBND", ("Hội LHPN",), "Quý III/2026")]
    table = make_table("PL", kind, rows, title_lines=("PHỤ LỤC KẾ HOẠCH CỦA UBND XÃ HÒA VANG NĂM 2026",), year=2026)
    lines = organise(quietly(table, out=tmp_path / "p.docx"))
    offices = list(duties(lines))
    assert not any("MTTQ" in name or "Đoàn" in name or "Hội" in name for name in offices)
    partner_line = next(line for line in lines if ": phối hợp chặt chẽ" in line)
    asked = lines[lines.index(partner_line) + 1]
    assert partner_line.split(". ", 1)[1].startswith("Phòng Kinh tế:")
    number = int(partner_line.split(".")[0])
    assert asked.startswith(f"{number + 1}. Đề nghị Ủy ban MTTQ Việt Nam xã, Đoàn Thanh niên xã, Hội Liên hiệp Phụ nữ "
                            "xã phối hợp thực hiện")


@pytest.mark.parametrize("kind", ["scores", "tasks"])
def test_a_front_or_mass_organisation_leading_an_item_is_asked_to_lead_it(tmp_path, kind):
    scores = kind == "scores"
    rows = [row("1.1", "Tuyên truyền CCHC", 2 if scores else None, 1 if scores else None,
                "Tuyên truyền trong sinh hoạt chi hội", "Ủy ban MTTQ Việt Nam xã", ("Đoàn Thanh niên",), "Quý II/2026"),
            row("1.2", "Kiểm tra CCHC", 1 if scores else None, 0.5 if scores else None,
                "Kiểm tra các bộ phận", "Văn phòng HĐND và UBND", (), "Quý III/2026"),
            row("1.3", "Giám sát CCHC", 1 if scores else None, 0.5 if scores else None,
                "Giám sát việc giải quyết TTHC", "Hội LHPN", (), "Quý IV/2026")]
    table = make_table("PL", kind, rows, title_lines=("PHỤ LỤC KẾ HOẠCH CỦA UBND XÃ HÒA VANG NĂM 2026",), year=2026)
    lines = organise(quietly(table, out=tmp_path / "p.docx"))
    offices = duties(lines)
    # the People's Committee's offices first, then the bodies it asks, each with its own paragraph
    names = list(offices)
    assert names.index("Văn phòng HĐND và UBND") < names.index("Đề nghị Ủy ban MTTQ Việt Nam xã")
    front = offices["Đề nghị Ủy ban MTTQ Việt Nam xã"]
    assert front[0].startswith("- Chủ trì thực hiện")
    assert "1.1" in front[0] and "thông tin kết quả thực hiện về" in front[0] and "báo cáo kết quả" not in front[0]
    assert front[-1].startswith("- Tuyên truyền, vận động đoàn viên, hội viên và Nhân dân")
    assert "1.3" in offices["Đề nghị Hội Liên hiệp Phụ nữ xã"][0]
    # an office the plan assigns keeps its report line
    assert "báo cáo kết quả thực hiện về" in offices["Văn phòng HĐND và UBND"][0]
    # Đoàn Thanh niên only partners: asked in the closing line, as before
    assert any(line.split(". ", 1)[1].startswith("Đề nghị Đoàn Thanh niên xã phối hợp") for line in lines
               if re.match(r"^\d+\. ", line))


def test_a_sheet_naming_no_unit_is_planned_at_the_level_of_its_civil_servants(tmp_path):
    """A bare PHỤ LỤC of công chức titles is a commune's: its frame, and the công chức named as such."""
    rows = [row("1.1", "Kế hoạch CCHC năm", 1, 0.5, "Ban hành đúng hạn", "Công chức Văn phòng - Thống kê", (),
                "Quý I/2024"),
            row("2.3", "Rà soát TTHC", 2, 1, "Rà soát định kỳ", "Công chức Tư pháp - Hộ tịch", (), "Quý II/2024")]
    for year, coordinator in ((2024, "Công chức Văn phòng - Thống kê"), (2026, "Phòng Văn hóa - Xã hội")):
        table = make_table("PL", "scores", rows, title_lines=("PHỤ LỤC",), year=year)
        lines = organise(quietly(table, out=tmp_path / f"p{year}.docx"))
        offices = duties(lines)
        assert list(offices)[0] == coordinator
        assert "Công chức Tư pháp - Hộ tịch" in offices  # never the bare "Tư pháp - Hộ tịch"
        assert not any(name.startswith("Tư pháp") for name in offices)
        assert "bộ phận phụ trách công tác cải cách hành chính" not in " ".join(lines)


def test_a_group_above_the_lvuc_leaves_the_sections_to_the_lvuc(tmp_path):
    """'A. CHỈ SỐ THÀNH PHẦN CẤP XÃ' over '1. Công tác chỉ đạo, điều hành CCHC': the lĩnh vực heads the section
    and '1.3' is a tiêu chí, as under a roman lĩnh vực line '1' would be."""
    rows = [row("A", "CHỈ SỐ THÀNH PHẦN CẤP XÃ", group=True),
            row("1", "Công tác chỉ đạo, điều hành CCHC", 9, 7.5),
            row("1.3", "Kiểm tra CCHC", 1.5, 0.75, "Kiểm tra 30% bộ phận", "Văn phòng HĐND và UBND", (), "Quý III/2026"),
            row("2", "Cải cách thể chế", 6, 5),
            row("2.1", "Rà soát văn bản", 2, 1, "Rà soát định kỳ", "Văn phòng HĐND và UBND", (), "Quý II/2026")]
    table = make_table("PL", "scores", rows, title_lines=("PHỤ LỤC KẾ HOẠCH CỦA UBND XÃ MỸ HÒA NĂM 2026",), year=2026)
    texts = body_paragraphs(quietly(table, out=tmp_path / "p.docx"))
    assert "1. Công tác chỉ đạo, điều hành CCHC (bị trừ 1,5 điểm)" in texts
    assert "1.1. Tiêu chí 1.3 “Kiểm tra CCHC” (bị trừ 0,75 điểm)" in texts
    assert "2.1. Tiêu chí 2.1 “Rà soát văn bản” (bị trừ 1 điểm)" in texts
    assert not any(text.startswith("1. Chỉ số thành phần") for text in texts)
