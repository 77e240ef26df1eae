"""Every writer gives hostile cell text back literally and writes no formula the user did not type.

Writers: the marked copy (the officer's own cells), its findings sheet, the findings sheet of the live
book (xlwings), Tổng hợp (merge), and the plan .docx in every arrangement and for a task table.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import zipfile

import docx
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from hostile import (HOSTILE, LONG, assert_all_literal, assert_no_formula_but, expected, hostile_scores_xlsx,
                     hostile_tasks_xlsx)
from pyxl.excel.marks import FINDINGS_SHEET
from pyxl.merge import merge

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PARBOOK_FORMULAS = ("HYPERLINK(", "SUM(")
COMMUNES = ("=Ea H'leo", "@Ia H'Drai", "+Xã Mới", "-Phường 1")


def _deadlines(texts):
    """The hostile texts a VAGUE_DEADLINE finding quotes (every one but those a deadline parser reads)."""
    return [t for t in texts if t is not LONG]


def _csv_sheets(path, folder):
    """LibreOffice's reading of every sheet, as CSV text: formulas computed, text shown as text."""
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(folder / "csv"), str(path)], check=True, capture_output=True, timeout=300)
    return {p.stem.split("-", 1)[-1]: list(csv.reader(p.read_text(encoding="utf-8").splitlines()))
            for p in (folder / "csv").iterdir()}


# -- the marked copy and its findings sheet ----------------------------------------------------------------

@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    from pyxl.cli import main

    folder = tmp_path_factory.mktemp("hostile_mark")
    source = hostile_scores_xlsx(folder / "bang.xlsx")
    assert main(["mark", str(source), "-o", str(folder / "da_kiem_tra.xlsx")]) == 0
    return source, folder / "da_kiem_tra.xlsx"


def test_the_officers_cells_come_back_as_they_were(marked):
    source, copy = marked
    before, after = openpyxl.load_workbook(source)["PHỤ LỤC"], openpyxl.load_workbook(copy)["PHỤ LỤC"]
    for row in before.iter_rows():
        for cell in row:
            kept = after[cell.coordinate]
            assert (kept.value, kept.data_type) == (cell.value, cell.data_type), cell.coordinate
    assert_no_formula_but(copy, PARBOOK_FORMULAS)


def test_findings_quote_hostile_text_literally(marked):
    _, copy = marked
    ws = openpyxl.load_workbook(copy)[FINDINGS_SHEET]
    rows = list(ws.iter_rows(min_row=2))
    messages = [r[5].value for r in rows]
    assert_all_literal(_deadlines(HOSTILE), messages)
    assert all(r[5].data_type == "s" for r in rows)
    assert all(r[6].value.startswith("=HYPERLINK(") for r in rows if r[6].value)
    independent = CalamineWorkbook.from_path(str(copy)).get_sheet_by_name(FINDINGS_SHEET).to_python()
    assert [r[5] for r in independent[1:]] == messages


@pytest.mark.libreoffice("calc")
def test_libreoffice_shows_the_marked_copy_as_text(marked, tmp_path):
    _, copy = marked
    sheets = _csv_sheets(copy, tmp_path)
    titles = [row[1] for row in sheets["PHỤ LỤC"][2:] if len(row) > 1]
    for text in ("=1+1", "+84 912 345 678", "-0,5 điểm", "@SUM(A1:A9)", "- Phòng Nội vụ"):
        assert text in titles, text  # as typed: not 2, not #NAME?
    cells = [value for row in sheets[FINDINGS_SHEET] for value in row]
    assert not [v for v in cells if v.startswith(("Err:", "#NAME", "#VALUE"))]


# -- the live book (xlwings) --------------------------------------------------------------------------------

def test_the_live_books_findings_sheet_types_text_literally(tmp_path):
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    pytest.importorskip("xlwings")
    from test_macros import apply, book_from

    from pyxl.excel import macros

    book, data = book_from(hostile_scores_xlsx(tmp_path / "bang.xlsx"))
    macros.check_sheet(book)
    actions = book.json()["actions"]
    written = [v for a in actions if a["func"] == "setValues" for row in a["values"] for v in row]
    texts = [v for v in written if isinstance(v, str) and v]  # "" is how the engine sends a blank (None)
    assert texts and all(v.startswith("'") or v.startswith("=HYPERLINK(") for v in texts), \
        [v for v in texts if not v.startswith(("'", "=HYPERLINK("))][:5]
    result = apply(data, actions)
    findings = next(s for s in result["sheets"] if s["name"] == FINDINGS_SHEET)["values"]
    assert_all_literal(_deadlines(HOSTILE), [str(row[5]) for row in findings[1:]])


# -- Tổng hợp ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_merge")
    source = hostile_scores_xlsx(folder / "huyen.xlsx", COMMUNES)
    return merge(source, folder / "out", jobs=1)


def test_summary_names_and_findings_are_literal_text(merged):
    book = openpyxl.load_workbook(merged.summary)
    main = book["Tổng hợp"]
    names = [c for (c,) in main.iter_rows(min_row=5, min_col=2, max_col=2) if c.value not in (None, "Cộng")]
    assert [c.value for c in names] == list(COMMUNES)
    assert all(c.data_type == "s" and c.quotePrefix for c in names)
    findings = [row for row in book["Lỗi, cảnh báo"].iter_rows(min_row=5, values_only=True)]
    assert {row[1] for row in findings} == set(COMMUNES)
    assert_all_literal(_deadlines(HOSTILE), [row[6] for row in findings])
    assert_no_formula_but(merged.summary, PARBOOK_FORMULAS)
    assert all(len(row[6]) <= 32_767 for row in findings)


@pytest.mark.libreoffice("calc")
def test_libreoffice_reads_the_summary_names_as_text(merged, tmp_path):
    sheets = _csv_sheets(merged.summary, tmp_path)
    assert [row[1] for row in sheets["Tổng hợp"][4:4 + len(COMMUNES)]] == list(COMMUNES)
    assert [row[1] for row in sheets["Lỗi, cảnh báo"][4:] if row] and \
        {row[1] for row in sheets["Lỗi, cảnh báo"][4:] if row} == set(COMMUNES)


# -- the plan documents ------------------------------------------------------------------------------------

def _document_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _fields(path) -> list[str]:
    """Word field codes in the document body (a field smuggled in through text would show here)."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return re.findall(r"<w:instrText[^>]*>(.*?)</w:instrText>", xml) + re.findall(r'w:instr="([^"]*)"', xml)


@pytest.mark.parametrize("by", ["criterion", "field", "lead"])
def test_plan_documents_hold_hostile_text_literally(parbook, tmp_path, by):
    source = hostile_scores_xlsx(tmp_path / "bang.xlsx")
    out = tmp_path / f"ke_hoach_{by}.docx"
    done = parbook("plan", source, "--by", by, "-o", out)
    assert done.code == 0, done.err
    text = _document_text(out)
    assert_all_literal(HOSTILE, text)
    assert expected(LONG) in text  # a 32,767-character cell, whole
    assert not any(marker in field for field in _fields(out) for marker in ("HYPERLINK", "SUM", "{{"))


def test_task_plan_holds_hostile_text_literally(parbook, tmp_path):
    source = hostile_tasks_xlsx(tmp_path / "nhiem_vu.xlsx")
    out = tmp_path / "ke_hoach_nam.docx"
    done = parbook("plan", source, "-o", out)
    assert done.code == 0, done.err
    assert_all_literal(HOSTILE, _document_text(out))
