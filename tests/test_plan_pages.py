"""How the pages come out: appendix columns sized to their content (read back from the .docx), and the
rendered PDF (LibreOffice): the motto on one line, no page without text, short appendices."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import SAMPLES
from plan_docs import (
    NO_PDF, POPPLER, SOFFICE, appendix_tables, landscape_pages, page_count, pdf_pages, quietly, rows_of, squeezed,
)
from plan_workbooks import district_two_sheets, new_commune_two_sheets
from pyxl.plan import one_plan, read_front_matter
from pyxl.plan.metrics import text_width
from pyxl.readers import read_tables

MARGINS = 2 * 108  # twips: the cells' default left and right margins
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def _plan(path: Path, out: Path, by: str = "criterion") -> Path:
    tables = read_tables(path)
    source = one_plan(tables if "district_2025" not in path.name else tables[:1], path.name)
    front, _ = read_front_matter(path)
    return quietly(source.main, out=out, by=by, front=front, appendices=source.tables)


def _books(folder: Path) -> list[Path]:
    return [*sorted(SAMPLES.glob("*.xlsx")), district_two_sheets(folder / "hai_sheet_huyen.xlsx"),
            new_commune_two_sheets(folder / "hai_sheet_xa_moi.xlsx")]


def _cell_words(cell) -> list[tuple[str, float, bool]]:
    """(word, size in pt, bold) of every word in a cell, at the size and weight it is printed in."""
    found = []
    for p in cell.paragraphs:
        style = p.style
        size = next((s.font.size for s in _chain(style) if s.font.size), Pt(12)).pt
        bold = next((s.font.bold for s in _chain(style) if s.font.bold is not None), False)
        for run in p.runs:
            run_size = run.font.size.pt if run.font.size else size
            run_bold = run.bold if run.bold is not None else bold
            found += [(word, run_size, run_bold) for word in run.text.split()]
    return found


def _chain(style):
    while style is not None:
        yield style
        style = style.base_style


def test_appendix_columns_are_never_narrower_than_their_longest_word(tmp_path):
    checked = 0
    for book in _books(tmp_path):
        for by in ("criterion", "field"):
            path = _plan(book, tmp_path / f"{book.stem}-{by}.docx", by)
            for table in appendix_tables(path):
                widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
                assert abs(sum(widths) - 14004) <= len(widths)  # the landscape text width: 297 - 30 - 20 mm
                for row in table.rows:
                    for cell, width in zip(row.cells, widths):
                        for word, size, bold in _cell_words(cell):
                            need = text_width(word, size, bold) * 20 + MARGINS
                            assert need <= width, (book.name, word, need, width)
                            checked += 1
    assert checked > 2000


def test_empty_columns_are_dropped_and_headers_repeat_on_every_page(tmp_path):
    path = _plan(SAMPLES / "vinh_linh_2023.xlsx", tmp_path / "vl.docx")
    [table] = appendix_tables(path)
    rows = rows_of(table)
    assert rows[0] == ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm thẩm định", "Điểm bị mất",
                       "Lý do trừ điểm", "Cơ quan chủ trì", "Ghi chú"]  # no Giải pháp, Thời gian, Mục tiêu…
    # (Ghi chú holds 1.1.3's "Tài liệu kiểm chứng…", typed in the lead column, which is evidence, not an office)
    for column in range(len(rows[0])):
        assert any(r[column] for r in rows[1:]), rows[0][column]
    xml = table._tbl.xml
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert all("w:cantSplit" in row._tr.xml for row in table.rows)  # rows never break across pages
    assert xml.count("<w:keepNext/>") >= len(table.rows[-2].cells)  # the total stays with the row above
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    # the reasons hold the most text: the widest column; the figures take no more than their header words
    assert widths[5] == max(widths) and max(widths[2:5]) < min(widths[1], widths[5]) / 2


def test_a_tasks_appendix_keeps_its_columns_in_proportion_to_their_text(tmp_path):
    [_, tasks] = appendix_tables(_plan(SAMPLES / "phuoc_my_2024.xlsx", tmp_path / "pm.docx"))
    header = rows_of(tasks)[0]
    widths = dict(zip(header, (int(c.get(qn("w:w"))) for c in tasks._tbl.tblGrid.findall(qn("w:gridCol")))))
    assert widths["Nhiệm vụ"] == max(widths.values())
    assert widths["TT"] == min(widths.values())


# -- the rendered pages ---------------------------------------------------------------------------------

needs_pdf = pytest.mark.skipif(not (SOFFICE and POPPLER), reason=NO_PDF)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Every sample and two-sheet workbook as PDF (criterion arrangement; Vĩnh Linh in all three)."""
    from pyxl.merge.pdf import convert_batch

    folder = tmp_path_factory.mktemp("pages")
    documents = {}
    for book in _books(folder):
        documents[book.stem] = _plan(book, folder / f"{book.stem}.docx")
    for by in ("field", "lead"):
        documents[f"vinh_linh_2023-{by}"] = _plan(SAMPLES / "vinh_linh_2023.xlsx", folder / f"vl-{by}.docx", by)
    problems = convert_batch(list(documents.values()))
    assert not problems, problems
    return {name: path.with_suffix(".pdf") for name, path in documents.items()}


@needs_pdf
def test_the_motto_is_on_one_line_with_nothing_else_of_the_header_broken(rendered):
    for name, pdf in rendered.items():
        first = pdf_pages(pdf)[0]
        lines = [squeezed(line) for line in first.splitlines()]
        assert any(squeezed(MOTTO) in line for line in lines), name
        assert any(squeezed("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") in line for line in lines), name
        assert not any(line.endswith(squeezed("Hạnh")) for line in lines), name


@needs_pdf
def test_no_page_is_blank_or_holds_only_its_number(rendered):
    for name, pdf in rendered.items():
        for number, text in enumerate(pdf_pages(pdf), start=1):
            words = re.sub(r"^\s*\d+\s*$", "", text, flags=re.M)
            assert len(squeezed(words)) > 40, (name, number)


@needs_pdf
def test_appendices_are_landscape_and_short(rendered):
    for name in ("vinh_linh_2023", "vinh_linh_2023-field", "vinh_linh_2023-lead"):
        pdf = rendered[name]
        landscape = landscape_pages(pdf)
        assert 1 <= len(landscape) <= 4, (name, landscape)  # 17 items in at most 4 landscape pages
        assert landscape == list(range(landscape[0], page_count(pdf) + 1))  # all at the end, together
    for name, pdf in rendered.items():
        assert landscape_pages(pdf), name


@needs_pdf
def test_the_total_row_never_stands_alone_on_a_page(rendered):
    for name, pdf in rendered.items():
        pages = pdf_pages(pdf)
        for number in landscape_pages(pdf):
            text = pages[number - 1]
            if "Tổng" in squeezed(text):
                rows = [line for line in text.splitlines() if re.match(r"^\s*\d+(\.\d+)+\s", line)]
                assert rows, (name, number)  # the page with the total also holds item rows


@needs_pdf
def test_a_two_sheet_workbook_prints_both_appendices_each_on_its_own_pages(rendered):
    pdf = rendered["hai_sheet_huyen"]
    pages = pdf_pages(pdf)
    starts = [n for n, text in enumerate(pages, start=1) if re.search(r"^\s*Phụ lục I{1,2}\s*$", text, re.M)]
    assert len(starts) == 2 and set(starts) <= set(landscape_pages(pdf))
    assert "Phụlục" in squeezed(pages[starts[1] - 1])[:200]  # Phụ lục II begins a page


def test_shipped_templates_are_what_the_builder_makes():
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_templates

    for name in build_templates.TEMPLATES:
        shipped = (ROOT / "pyxl" / "data" / "templates" / name).read_bytes()
        assert build_templates.build(name) == shipped, f"{name}: run python scripts/build_templates.py"


def test_labels_stay_on_the_page_of_the_lines_they_introduce():
    from docx import Document

    from pyxl.plan import default_template

    for by in ("criterion", "lead"):
        labels = [p for p in Document(str(default_template("scores", by))).paragraphs
                  if "Nhiệm vụ, giải pháp:" in p.text or p.text.startswith("c) Phân công trách nhiệm:")]
        assert labels and all(p.paragraph_format.keep_with_next for p in labels), by
