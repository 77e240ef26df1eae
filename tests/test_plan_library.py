"""Plans from thin tables: every lost item the remediation library covers gets its paragraph filled, marked.

Deduction tables with no solution, lead or deadline column (Vĩnh Linh's, and one of each owner level
made here) are planned with `parbook plan` in every arrangement and read back with python-docx.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.text import WD_COLOR_INDEX

from conftest import SAMPLES
from library_plans import commune_new, commune_old, district
from plan_workbooks import district_two_sheets
from pyxl.core.library import HEADERS
from pyxl.core.workbook import tables_from_grids, workbook_library
from pyxl.merge import merge
from pyxl.plan import front_matter_from_grids, one_plan, suggested_count, suggested_for
from pyxl.readers import read_workbook

BUILDERS = {"commune_old": commune_old, "commune_new": commune_new, "district": district}
ARRANGEMENTS = ("criterion", "field", "lead")
BLANK = "……"
HEADING = re.compile(r"^\d+\.\d+\. (?:Tiêu chí thành phần|Tiêu chí|Lĩnh vực|Nội dung) (\S+) “")
FIELD_ENTRY = re.compile(r"^- (?:Tiêu chí thành phần|Tiêu chí|Lĩnh vực|Nội dung) (\S+) “")
ONGOING = re.compile(r"thường xuyên|hằng|định kỳ", re.IGNORECASE)
PLAN_YEARS = {"vinh_linh": 2024, "commune_old": 2024, "commune_new": 2026, "district": 2024}


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("thin")
    found = {name: build(folder / f"{name}.xlsx") for name, build in BUILDERS.items()}
    return {**found, "vinh_linh": SAMPLES / "vinh_linh_2023.xlsx"}


def planned(path: Path):
    """The table a plan is written from, as `parbook plan` makes it, and its front matter."""
    grids = read_workbook(path)
    source = one_plan(tables_from_grids(grids, path.name), path.name)
    front, _ = front_matter_from_grids(grids)
    return suggested_for(source.main, front, workbook_library(grids)), front


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def section_two(texts: list[str]) -> list[str]:
    start = next(i for i, t in enumerate(texts) if re.match(r"^II\. ", t))
    end = next(i for i, t in enumerate(texts) if re.match(r"^III\. ", t))
    return texts[start + 1:end]


def blocks(texts: list[str], heading: re.Pattern) -> dict[str, list[str]]:
    """Item code → its paragraphs (heading first), for the items of section II (an item under two leads: the first)."""
    found: dict[str, list[str]] = {}
    current = None
    for text in section_two(texts):
        match = heading.match(text)
        if match:
            current = []
            found.setdefault(match.group(1), current)
        elif re.match(r"^\d+\.(\d+\.)? \S", text) and not text.startswith(("- ", "+ ")):
            current = None  # the next lĩnh vực or office, or "N.2. Phân công trách nhiệm"
            continue
        if current is not None:
            current.append(text)
    return found


def tasks_after(block: list[str], label: str, bullet: str) -> list[str]:
    start = next(i for i, t in enumerate(block) if label in t)
    out = []
    for text in block[start + 1:]:
        if not text.startswith(bullet):
            break
        out.append(text)
    return out


def write(parbook, path: Path, out: Path, *options: str) -> Path:
    result = parbook("plan", path, "-o", out, "--overwrite", *options)
    assert result.code == 0, result.err
    return out


def in_plan_year(when: str, year: int) -> bool:
    """A deadline inside the plan year: every year it names is the plan year, or the work is ongoing."""
    years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", when)
    return (bool(years) or bool(ONGOING.search(when))) and all(int(y) == year for y in years)


@pytest.mark.parametrize("by", ARRANGEMENTS)
@pytest.mark.parametrize("name", ["vinh_linh", *BUILDERS])
def test_no_item_the_library_covers_is_left_blank(books, name, by, parbook, tmp_path):
    table, _ = planned(books[name])
    covered = {table.items[i].code for i in table.suggestions}
    assert len(covered) >= 7
    texts = paragraphs(write(parbook, books[name], tmp_path / "p.docx", "--by", by))
    year = PLAN_YEARS[name]
    if by == "field":
        found = blocks(texts, FIELD_ENTRY)
        assert covered <= set(found)
        for code in covered:
            block = found[code]
            assert not any(BLANK in t for t in block), block
            assert any(t.startswith("+ Tồn tại, hạn chế: ") for t in block)
            [target] = [t for t in block if t.startswith("+ Mục tiêu: ")]
            assert "điểm tối đa" not in target
            assert 2 <= len([t for t in block[1:] if not t.startswith(("+ Tồn tại", "+ Mục tiêu"))]) <= 4
        owners = [t for t in section_two(texts) if t.startswith(("- Cơ quan chủ trì:", "- Thời gian thực hiện:"))]
        assert len(owners) >= 4 and not any(BLANK in t for t in owners), owners
        assert all(in_plan_year(t.split(": ", 1)[1], year) for t in owners if t.startswith("- Thời gian"))
        return
    found = blocks(texts, HEADING)
    assert covered <= set(found)
    bullet = "- " if by == "criterion" else "+ "
    for code in covered:
        block = found[code]
        assert not any(BLANK in t for t in block), block
        [shortcoming] = [t for t in block if "Tồn tại, hạn chế: " in t]
        assert "Điều tra xã hội học" not in shortcoming or re.search(r"\d", shortcoming)
        [target] = [t for t in block if "Mục tiêu, yêu cầu: " in t]
        assert "điểm tối đa" not in target and len(target) > 40
        assert 2 <= len(tasks_after(block, "Nhiệm vụ, giải pháp:", bullet)) <= 4
        if by == "criterion":
            [lead] = [t for t in block if t.startswith("- Chủ trì: ")]
            assert len(lead) > len("- Chủ trì: .")
        [deadline] = [t for t in block if "Thời gian thực hiện/hoàn thành: " in t]
        assert in_plan_year(deadline.split(": ", 1)[1], year), deadline
    if by == "lead":
        assert not any(t.endswith("Chưa phân công cơ quan chủ trì") for t in section_two(texts))


def owner_lines(texts: list[str]) -> list[str]:
    return [t.split(": ", 1)[1].rstrip(".") for t in section_two(texts) if t.startswith(("- Chủ trì: ", "- Phối hợp: "))]


def deadlines(texts: list[str]) -> list[str]:
    return [t.split(": ", 1)[1] for t in section_two(texts) if "Thời gian thực hiện/hoàn thành: " in t]


def test_owners_and_deadlines_fit_each_level_and_plan_year(books, parbook, tmp_path):
    old = paragraphs(write(parbook, books["commune_old"], tmp_path / "old.docx"))
    assert "- Chủ trì: Công chức Văn phòng - Thống kê." in old and "- Chủ trì: Công chức Văn hóa - Xã hội." in old
    names = [n for line in owner_lines(old) for n in re.split(r", |; ", line)]
    assert not any(n in ("Văn phòng", "Văn phòng - Thống kê", "Văn hóa - Xã hội") for n in names)
    assert all(re.search(r"\b2024\b", d) or ONGOING.search(d) for d in deadlines(old))

    new = paragraphs(write(parbook, books["commune_new"], tmp_path / "new.docx"))
    names = {n for line in owner_lines(new) for n in re.split(r", |; ", line)}
    assert {"Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND"} <= names
    assert not any(n.startswith("Công chức") for n in names)
    # the table is titled with 2025, the year assessed: every suggested deadline falls in the plan year 2026
    assert all("2025" not in d and (re.search(r"\b2026\b", d) or ONGOING.search(d)) for d in deadlines(new))

    county = paragraphs(write(parbook, books["district"], tmp_path / "district.docx"))
    names = {n for line in owner_lines(county) for n in re.split(r", |; ", line)}
    assert {"Phòng Tư pháp", "Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND"} <= names
    assert not any(n.startswith("Công chức") for n in names)


def test_the_facts_stand_for_a_shortcoming_the_sheet_does_not_give(books, parbook, tmp_path):
    old = section_two(paragraphs(write(parbook, books["commune_old"], tmp_path / "old.docx")))
    after = {old[i - 1].split(" “")[0]: t for i, t in enumerate(old) if t.startswith("Tồn tại, hạn chế: ")}
    assert after["1.1. Tiêu chí 1.3"] == "Tồn tại, hạn chế: Điểm thẩm định đạt 0,5/1 điểm."
    assert after["1.2. Tiêu chí 1.5"] == "Tồn tại, hạn chế: Chưa tuyên truyền trên loa truyền thanh xã."
    assert after["5.1. Tiêu chí 8.1"] == "Tồn tại, hạn chế: Điểm thẩm định đạt 1,5/2 điểm."  # not the ĐTXHH note
    new = section_two(paragraphs(write(parbook, books["commune_new"], tmp_path / "new.docx")))
    assert "Tồn tại, hạn chế: Bị trừ 0,75 điểm." in new and "Tồn tại, hạn chế: Số hóa đạt 60%." in new


def highlighted(path: Path) -> list[str]:
    document = docx.Document(str(path))
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    return [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]


def test_the_default_plan_highlights_exactly_the_suggested_text_and_clean_none(books, parbook, tmp_path):
    table, _ = planned(books["commune_old"])
    marked = write(parbook, books["commune_old"], tmp_path / "m.docx")
    plain = write(parbook, books["commune_old"], tmp_path / "c.docx", "--clean")
    runs = highlighted(marked)
    texts = section_two(paragraphs(marked))
    for s in table.suggestions.values():
        assert s.target.rstrip(".") + "." in runs
        assert all(task.rstrip(".") + "." in runs for task in s.tasks)
        assert s.deadline in runs
    # nothing from the sheet, nothing parbook writes itself: the shortcomings and labels are never marked
    assert not any("Tồn tại" in r or "Chưa tuyên truyền" in r or "Điểm thẩm định" in r or "Tiêu chí" in r
                   for r in runs)
    offered = {t.rstrip(".") + "." for s in table.suggestions.values() for t in (s.target, *s.tasks)}
    offered |= {s.deadline for s in table.suggestions.values()}
    offices = {"Công chức Văn phòng - Thống kê", "Công chức Văn hóa - Xã hội", "Công chức Tư pháp - Hộ tịch",
               "Công chức Tài chính - Kế toán", "Bộ phận Tiếp nhận và trả kết quả",
               "Các công chức chuyên môn thuộc UBND xã", "các công chức chuyên môn thuộc UBND xã"}
    assert set(runs) <= offered | offices
    assert paragraphs(plain) == paragraphs(marked) and texts
    assert not highlighted(plain)
    assert "w:highlight" not in zipfile.ZipFile(plain).read("word/document.xml").decode()


def test_sheet_values_win_and_stay_unmarked(tmp_path, parbook):
    book = district_two_sheets(tmp_path / "dt.xlsx")
    out = write(parbook, book, tmp_path / "p.docx")
    runs = highlighted(out)
    texts = paragraphs(out)
    assert "- Ký số 100% văn bản đi (trừ văn bản mật)." in texts  # PL2's task for 7.2.1
    assert not any("Ký số 100% văn bản đi" in r or r == "Quý I/2024" for r in runs)
    assert runs  # 3.6 (no task row) takes the library's text, marked


def test_the_plan_says_how_many_items_took_suggestions(books, parbook, tmp_path):
    table, front = planned(books["commune_old"])
    count = suggested_count(table, front)
    assert count == len(table.suggestions) == 9
    result = parbook("plan", books["commune_old"], "-o", tmp_path / "p.docx")
    assert f"Lưu ý: {count} mục dùng gợi ý của thư viện (tô vàng): hãy xem lại trước khi trình ký." in result.err
    clean = parbook("plan", books["commune_old"], "-o", tmp_path / "c.docx", "--clean")
    assert f"{count} mục dùng gợi ý của thư viện (in như văn bản thường)" in clean.err
    both = parbook("plan", SAMPLES / "son_giang_2021.xlsx", "-o", tmp_path / "s.docx")
    assert "mục dùng gợi ý" not in both.err or re.search(r"Lưu ý: \d+ mục dùng gợi ý", both.err)


def _with_library_sheet(path: Path, rows: list[dict[str, str]]) -> Path:
    wb = openpyxl.load_workbook(path)
    sheet = wb.create_sheet("Giải pháp mẫu")
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append([row.get(header, "") for header in HEADERS])
    wb.save(path)
    return path


OWN_TARGET = "Không có hồ sơ trễ hạn trong năm {năm}; 100% hồ sơ được nhắn tin báo trước hạn"


def test_a_workbook_library_sheet_changes_the_plan(books, parbook, tmp_path):
    import shutil

    book = _with_library_sheet(shutil.copy(books["commune_old"], tmp_path / "own.xlsx"),
                               [{"Mã": "tthc-dung-han", "Mục tiêu": OWN_TARGET}])
    texts = paragraphs(write(parbook, book, tmp_path / "p.docx"))
    assert ("a) Mục tiêu, yêu cầu: Không có hồ sơ trễ hạn trong năm 2024; 100% hồ sơ được nhắn tin báo trước "
            "hạn.") in texts


def _district_book(path: Path, books: dict[str, Path]) -> Path:
    """Two communes of a district, a sheet each, with the district's own library sheet."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in ("Xã Hòa An", "Xã Hòa Bình"):
        source = openpyxl.load_workbook(books["commune_old"]).active
        sheet = wb.create_sheet(name)
        for row in source.iter_rows(values_only=True):
            sheet.append(list(row))
    wb.save(path)
    return _with_library_sheet(path, [{"Mã": "tthc-dung-han", "Mục tiêu": OWN_TARGET}])


def test_every_commune_of_a_merge_takes_the_library_and_the_summary_counts_them(books, tmp_path, parbook):
    book = _district_book(tmp_path / "huyen.xlsx", books)
    result = merge(book, tmp_path / "out", jobs=1)
    written = [o for o in result.outcomes if o.documents]
    assert len(written) == 2 and all(o.suggested == 9 for o in written)
    for outcome in written:
        texts = paragraphs(outcome.documents[0])
        assert not any(BLANK in t for t in section_two(texts))
        assert any("Không có hồ sơ trễ hạn trong năm 2024" in t for t in texts)  # the workbook's own entry
        assert highlighted(outcome.documents[0])
    again = parbook("merge", book, "-o", tmp_path / "clean", "--clean", "--jobs", "1")
    assert "ở 2 kế hoạch, 18 mục dùng gợi ý của thư viện (in như văn bản thường)" in again.out
    assert not any(highlighted(p) for p in (tmp_path / "clean").glob("*.docx"))


def test_a_unit_given_on_the_command_line_gets_its_levels_offices(tmp_path, parbook):
    path = tmp_path / "bare.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"])
    ws.append(["6.1", "Tỷ lệ giải ngân vốn đầu tư công", 2, 1])
    ws.append(["7.3", "Tỷ lệ văn bản đi được ký số", 1, 0.5])
    wb.save(path)
    county = paragraphs(write(parbook, path, tmp_path / "h.docx", "--unit", "UBND huyện Minh Long", "--year", "2024"))
    assert "- Chủ trì: Phòng Tài chính - Kế hoạch." in county and "- Chủ trì: Văn phòng HĐND và UBND." in county
    commune = paragraphs(write(parbook, path, tmp_path / "x.docx", "--unit", "UBND xã Hòa An", "--year", "2024"))
    assert "- Chủ trì: Công chức Văn phòng - Thống kê." in commune
    later = paragraphs(write(parbook, path, tmp_path / "y.docx", "--unit", "UBND xã Hòa An", "--year", "2026"))
    assert "- Chủ trì: Văn phòng HĐND và UBND." in later and "- Chủ trì: Phòng Kinh tế." in later
