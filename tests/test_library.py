"""The remediation library: well-formed entries, meaning-based matching, suggestions in the check."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from importlib import resources

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from library_titles import PARAPHRASES, SAMPLE_ITEMS, SEED_ITEMS, UNRELATED
from pyxl.core.agencies import COMMUNE, DISTRICT, Catalogue
from pyxl.core.deadlines import UNDATED_KINDS, parse_deadline
from pyxl.core.levels import NEW, OLD, UnitKind
from pyxl.core.library import COMMUNE_NEW, COMMUNE_OLD, HEADERS, LIBRARY_SHEET, OWNER_KINDS, Library, fill_years
from pyxl.core.suggest import plan_items
from pyxl.core.text import fold
from pyxl.core.topics import FIELDS, MIN_CONFIDENCE, field_of
from pyxl.readers import read_tables

LIBRARY = Library.builtin()
ENTRIES = LIBRARY.entries
LEVEL_OF = {COMMUNE_OLD: COMMUNE, COMMUNE_NEW: COMMUNE, DISTRICT: DISTRICT}
# Every document the library cites, and where the seeds or ../shared/refs name it. A citation from
# memory has no place here: add the document to this list only with the seed or ref that names it.
CITED_DOCUMENTS = {
    "76/NQ-CP": "Phước Mỹ 2024, căn cứ (Chương trình tổng thể CCHC 2021 - 2030)",
    "61/2018/NĐ-CP": "Tân Bình 2021, mục 2.4 (đánh giá giải quyết TTHC, một cửa)",
    "766/QĐ-TTg": "Phước Mỹ 2024, Văn phòng UBND xã và Phụ lục 1 mục 5.4",
    "04/NQ-CP": "Phước Mỹ 2024, mục III.4 (phân cấp, phân quyền)",
    "343/2016/TT-BTC": "Phước Mỹ 2024, mục III.6 c) (công khai ngân sách)",
    "130/2005/NĐ-CP": "Phước Mỹ 2024, mục III.6 a) (tự chủ biên chế, kinh phí)",
    "117/2013/NĐ-CP": "Phước Mỹ 2024, mục III.6 a)",
    "151/2017/NĐ-CP": "Phước Mỹ 2024, mục III.6 b) (tài sản công)",
    "144/2017/TT-BTC": "Phước Mỹ 2024, mục III.6 b)",
    "45/2020/NĐ-CP": "Phước Mỹ 2024, mục III.3 đ) (hồ sơ trực tuyến)",
    "131/NQ-CP": "Phước Mỹ 2024, căn cứ (cải cách TTHC)",
}
_DOCUMENT = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ]+-[A-ZĐa-z]+")


def test_the_csv_opens_in_excel_with_its_headers():
    raw = resources.files("pyxl").joinpath("data/giai_phap_mau.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel shows the Vietnamese"
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(header) == HEADERS
    assert unicodedata.is_normalized("NFC", raw.decode("utf-8-sig"))


def test_library_size_and_ids():
    assert 40 <= len(ENTRIES) <= 80
    ids = [e.id for e in ENTRIES]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    assert all(e.active and e.source == "thư viện parbook" for e in ENTRIES)


def test_every_lien_vuc_of_the_index_is_covered():
    fields = {field_of(e.field) for e in ENTRIES}
    assert None not in fields, "every entry's lĩnh vực is one of the PAR Index's"
    assert fields == {name for name, _ in FIELDS}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_is_well_formed(entry):
    assert entry.topic and entry.target and entry.keys and entry.deadline
    assert 2 <= len(entry.tasks) <= 4, "2–4 concrete tasks"
    assert all(len(t.split()) >= 6 for t in entry.tasks), "tasks say who does what, not one word"
    assert entry.causes
    for kind in OWNER_KINDS:
        level = LEVEL_OF[kind]
        for name in (*entry.lead[kind], *entry.partners[kind]):
            assert Catalogue.builtin().is_known(name, level), (kind, name)
        assert not entry.partners[kind] or entry.lead[kind], "partners without a lead"
    assert entry.lead[COMMUNE_NEW] and entry.lead[DISTRICT]
    assert all(not n.startswith("Công chức") for n in entry.lead[COMMUNE_NEW]), "no old commune posts after 7/2025"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
@pytest.mark.parametrize("year", [2019, 2024, 2026])
def test_deadline_is_inside_the_plan_year(entry, year):
    deadline = parse_deadline(fill_years(entry.deadline, year), year)
    assert deadline.kind not in UNDATED_KINDS, deadline
    assert deadline.due.year == year


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_years_are_filled_in_everywhere(entry):
    suggestion = entry.suggestion(UnitKind(COMMUNE, OLD), 2025, 0.9)
    for text in (suggestion.target, suggestion.deadline, *suggestion.tasks, *suggestion.causes):
        assert "{" not in text and "}" not in text, text


def test_only_documents_the_seeds_name_are_cited():
    cited = [e for e in ENTRIES if e.basis]
    assert cited
    for entry in cited:
        documents = _DOCUMENT.findall(entry.basis)
        assert documents, entry.basis
        assert set(documents) <= set(CITED_DOCUMENTS), (entry.id, documents)
        assert entry.basis_until, f"{entry.id}: say until which plan year the citation holds"


def test_legal_basis_only_for_plan_years_it_applies_to():
    plan = LIBRARY.entry("cddh-ke-hoach")  # Nghị quyết 76/NQ-CP ngày 15/7/2021, 2021 - 2030
    assert plan.suggestion(UnitKind(COMMUNE, OLD), 2020, 1).legal_basis is None  # not issued yet
    assert "76/NQ-CP" in plan.suggestion(UnitKind(COMMUNE, OLD), 2024, 1).legal_basis
    one_stop = LIBRARY.entry("tthc-mot-cua")
    assert one_stop.suggestion(UnitKind(COMMUNE, NEW), 2026, 1).legal_basis is None


# --------------------------------------------------------------------------------- matching


@pytest.mark.parametrize("title, expected", PARAPHRASES + SEED_ITEMS, ids=lambda v: v if isinstance(v, str) else "")
def test_titles_match_by_meaning(title, expected):
    found = LIBRARY.match(title)
    assert found is not None, title
    assert found[0].id in (expected if isinstance(expected, tuple) else (expected,)), (title, found)
    assert MIN_CONFIDENCE <= found[1] <= 1


@pytest.mark.parametrize("title", UNRELATED)
def test_unrelated_titles_get_no_suggestion(title):
    assert LIBRARY.match(title) is None


@pytest.mark.parametrize("title, expected", PARAPHRASES[::5])
def test_accents_case_and_tone_placement_do_not_matter(title, expected):
    plain = fold(title).upper()
    old_tones = title.replace("hóa", "hoá").replace("ủy", "uỷ")
    assert {LIBRARY.match(t)[0].id for t in (title, plain, old_tones)} == {expected}


def test_codes_play_no_part():
    title = "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn"
    assert {LIBRARY.match(f"{code} {title}")[0].id for code in ("3.4", "II.2.1", "7.1.3.")} == {"tthc-dung-han"}


def test_the_lien_vuc_decides_a_title_that_could_be_either():
    title = "Mức độ hoàn thành kế hoạch"  # Ia Pa 3.1.2: the plan of lĩnh vực III is the TTHC review plan
    assert LIBRARY.match(title, "Cải cách thủ tục hành chính")[0].id == "tthc-ra-soat"
    assert LIBRARY.match(title, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC")[0].id == "cddh-hoan-thanh-ke-hoach"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ0123456789 ,.-:/()%", max_size=120))
def test_any_text_gives_a_match_or_none(text):
    found = LIBRARY.match(text)
    assert found is None or MIN_CONFIDENCE <= found[1] <= 1


def _lost_items(path):
    for table in read_tables(path):
        for i in plan_items(table):
            yield table, i


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.xlsx")))
def test_every_lost_item_of_the_samples_has_a_suggestion(sample):
    # No sample item lacks a match today; an item that legitimately cannot match goes here, with why.
    expected_misses: dict[str, str] = {}
    misses = {table.items[i].title for table, i in _lost_items(SAMPLES / sample) if i not in table.suggestions}
    assert misses == set(expected_misses)


@pytest.mark.parametrize("sample, code, entry", SAMPLE_ITEMS)
def test_sample_items_get_the_right_entry(sample, code, entry):
    found = {table.items[i].code: table.suggestions[i].entry_id for table, i in _lost_items(SAMPLES / sample)}
    assert found[code] == entry


@pytest.mark.parametrize("sample, kind, lead", [
    ("son_giang_2021.xlsx", COMMUNE_OLD, "Công chức Văn phòng - Thống kê"),  # a commune in 2021
    ("district_2025.xlsx", COMMUNE_NEW, "Trung tâm Phục vụ hành chính công"),  # communes planning for 2026
    ("vinh_linh_2023.xlsx", DISTRICT, "Văn phòng HĐND và UBND"),  # "của UBND huyện"
    ("ia_pa_2019.xlsx", DISTRICT, "Văn phòng HĐND và UBND"),
])
def test_owners_fit_the_unit_level_and_era(sample, kind, lead):
    suggestions = [s for table in read_tables(SAMPLES / sample) for s in table.suggestions.values()]
    assert suggestions and all(s.owner_kind == kind for s in suggestions)
    assert lead in {name for s in suggestions if s.entry_id.startswith("tthc-") for name in s.lead}


# --------------------------------------------------------------------------------- in the check


def test_deduction_table_without_remediation_columns_gets_a_suggestion_per_item(parbook):
    result = parbook("check", SAMPLES / "vinh_linh_2023.xlsx", "--format", "json")
    [sheet] = result.json()["sheets"]
    missing = [f for f in sheet["findings"] if f["code"] == "MISSING_SOLUTION"]
    lost = [i for i in sheet["items"] if (i["lost_points"] or 0) > 0]
    assert len(missing) == len(lost) == 17
    assert all(f["suggestion"] and "Nhiệm vụ, giải pháp:" in f["suggestion"] for f in missing)
    dung_han = next(f for f in missing if f["item"] == "3.3")
    assert "«tthc-mot-cua-dien-tu»" in dung_han["suggestion"] and "Chủ trì: Văn phòng HĐND và UBND" in dung_han["suggestion"]


def test_every_missing_solution_on_a_covered_item_carries_a_suggestion(parbook):
    for sample in SAMPLES.glob("*.xlsx"):
        for sheet in parbook("check", sample, "--format", "json").json()["sheets"]:
            for finding in sheet["findings"]:
                if finding["code"] in ("MISSING_SOLUTION", "MISSING_LEAD", "MISSING_DEADLINE"):
                    assert finding.get("suggestion"), (sample.name, sheet["sheet"], finding)


def test_text_report_shows_the_suggestion_under_the_finding(parbook):
    out = parbook("check", SAMPLES / "district_2025.xlsx", "--sheet", "Tân Lập").out
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "Mục 1.3 mất 0,5 điểm nhưng chưa có giải pháp" in line)
    assert lines[at + 1].strip().startswith("Gợi ý: Theo mẫu «cddh-tuyen-truyen»")
    assert any(line.strip() == "Thời gian: Quý I/2026 (kế hoạch); thường xuyên (tuyên truyền)" for line in lines[at:at + 12])


def test_suggest_command_text_and_json(parbook):
    result = parbook("suggest", SAMPLES / "son_giang_2021.xlsx", "--year", "2022")
    assert result.code == 0
    assert "Mẫu: cddh-sang-kien — Sáng kiến, giải pháp mới trong cải cách hành chính" in result.out
    assert "Tối thiểu 01 sáng kiến hoặc giải pháp mới trong CCHC được cấp có thẩm quyền công nhận và áp dụng trong năm 2022" in result.out
    assert "(Bảng đã có giải pháp, chủ trì, thời gian: gợi ý chỉ để đối chiếu.)" in result.out
    data = parbook("suggest", SAMPLES / "vinh_linh_2023.xlsx", "--format", "json").json()
    items = data["sheets"][0]["items"]
    assert len(items) == 17 and all(i["suggestion"] for i in items)
    first = items[0]["suggestion"]
    assert first["deadline"] == "Trước ngày 15/12/2024" and first["due"] == "2024-12-15"
    assert first["owner_kind"] == "district" and first["lead"] == ["Phòng Nội vụ"]


def test_suggest_on_an_unreadable_file_is_a_clear_error(parbook, tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"not a zip")
    result = parbook("suggest", bad)
    assert result.code == 2 and "bị hỏng" in result.err and "Traceback" not in result.err


# --------------------------------------------------------------------------------- the workbook's own sheet


def _with_library_sheet(path, rows):
    """A copy of Sơn Giang's table with a 'Giải pháp mẫu' sheet holding `rows` under the library header."""
    source = openpyxl.load_workbook(SAMPLES / "son_giang_2021.xlsx")
    sheet = source.create_sheet(LIBRARY_SHEET)
    sheet.append(["Ghi chú: mẫu riêng của xã"])
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append([row.get(h, "") for h in HEADERS])
    source.save(path)
    return path


def _suggestions(parbook, path):
    items = parbook("suggest", path, "--format", "json").json()["sheets"][0]["items"]
    return {i["code"]: i["suggestion"] for i in items}


def test_an_override_sheet_changes_a_suggestion(parbook, tmp_path):
    before = _suggestions(parbook, SAMPLES / "son_giang_2021.xlsx")
    assert before["1.7"]["lead"] == ["Công chức Văn phòng - Thống kê"]
    path = _with_library_sheet(tmp_path / "rieng.xlsx", [
        # Only the lead of an old-era commune changes; the rest stays the built-in entry's.
        {"Mã": "cddh-sang-kien", "Chủ trì (xã, trước 7/2025)": "Công chức Văn hóa - Xã hội",
         "Thời gian": "Trước ngày 30/9/{năm}"},
        # A topic of the province's own, recognised by its key phrase.
        {"Mã": "rieng-iso-so", "Lĩnh vực": "Hiện đại hóa hành chính", "Chủ đề": "Lưu trữ hồ sơ theo ISO",
         "Từ khóa nhận biết": "sắp xếp và lưu trữ tài liệu", "Mục tiêu": "Lưu trữ 100% hồ sơ năm {năm}",
         "Nhiệm vụ, giải pháp": "- Chỉnh lý hồ sơ tồn đọng\n- Bố trí tủ lưu trữ", "Chủ trì (xã, trước 7/2025)": "Văn phòng",
         "Thời gian": "Quý IV/{năm}"},
        # Switched off: the item is left without a suggestion.
        {"Mã": "tthc-mot-cua", "Dùng": "Không"},
    ])
    after = _suggestions(parbook, path)
    assert after["1.7"]["lead"] == ["Công chức Văn hóa - Xã hội"] and after["1.7"]["deadline"] == "Trước ngày 30/9/2021"
    assert after["1.7"]["tasks"] == before["1.7"]["tasks"] and after["1.7"]["source"] == "sheet 'Giải pháp mẫu' dòng 3"
    assert after["7.2.5"]["entry_id"] == "rieng-iso-so" and after["7.2.5"]["target"] == "Lưu trữ 100% hồ sơ năm 2021"
    assert before["3.2.1"]["entry_id"] == "tthc-mot-cua" and after["3.2.1"] is None
    check = parbook("check", path).out
    assert "Giải pháp mẫu" not in check.split("Sheet '", 2)[-1].split("'")[0], "the library sheet is not read as a table"


def test_a_bad_row_in_the_library_sheet_names_sheet_and_row(parbook, tmp_path):
    path = _with_library_sheet(tmp_path / "sai.xlsx", [{"Mã": "rieng-01", "Chủ đề": "Không có từ khóa"}])
    result = parbook("check", path)
    assert result.code == 2
    assert "Sheet 'Giải pháp mẫu', dòng 3" in result.err and "Từ khóa nhận biết" in result.err
    path = _with_library_sheet(tmp_path / "sai2.xlsx", [{"Mã": "cddh-sang-kien", "Căn cứ dùng đến năm": "sau này"}])
    result = parbook("suggest", path)
    assert result.code == 2 and "Căn cứ dùng đến năm" in result.err and "dòng 3" in result.err


def test_parbook_xlsm_examples_are_valid_and_switched_off():
    from pyxl.core.workbook import workbook_library
    from pyxl.readers import read_workbook

    library = workbook_library(read_workbook(SAMPLES.parent / "parbook.xlsm"))
    own = [e for e in library.entries if e.source.startswith("sheet")]
    assert own and not any(e.active for e in own)
    assert {e.id for e in library.entries} >= {e.id for e in ENTRIES}
    for entry in own:
        for kind in OWNER_KINDS:
            assert all(Catalogue.builtin().is_known(n, LEVEL_OF[kind]) for n in entry.lead[kind])
    assert json.dumps([e.id for e in own])


def test_the_workbook_finds_the_library_sheet_by_its_name():
    from pyxl.core.workbook import LIBRARY_KEY, SIDE_SHEETS

    assert LIBRARY_KEY == fold(LIBRARY_SHEET) and LIBRARY_KEY in SIDE_SHEETS
