"""Files as officers and web software really send them, read to the same table whatever the format:
UTF-16 and Windows-1258 CSV, HTML tables and Excel 2003 XML named .xls, extensions that lie; Excel
error values as NOT_A_NUMBER through every engine; `check` on an .xlsx loads no heavy engine."""
from __future__ import annotations

import csv
import html
import io
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from conftest import ROOT, SAMPLES
from pyxl.readers import read_tables, read_workbook
from test_check_inputs import digest
from xlsb_writer import table_rows, write_xlsb

AS_OF = date(2026, 1, 15)
SOFFICE = shutil.which("soffice")
TITLE = "CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CHỈ SỐ CCHC NĂM 2025 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2026"
HEADER = ["STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp", "Cơ quan chủ trì",
          "Thời gian thực hiện"]
ROWS = [
    ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "9", "7,5", "1,5", "", "", ""],
    ["1.2", "Chế độ báo cáo định kỳ", "1", "0,5", "0,5", "Báo cáo đúng hạn", "Văn phòng HĐND và UBND", "Quý I/2026"],
    ["1.3", "Tuyên truyền cải cách hành chính", "1,5", "0,5", "1", "Đa dạng hóa hình thức", "Phòng Văn hóa - Xã hội",
     "Hằng tháng, trước ngày 20"],
    ["3.2", "Hồ sơ giải quyết đúng hạn", "3", "2,25", "0,75", "Không để trễ hạn", "Trung tâm Phục vụ hành chính công",
     "Tháng 3-4/2026"],
]
EXPECTED = [("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"), ("1.2", "Chế độ báo cáo định kỳ"),
            ("1.3", "Tuyên truyền cải cách hành chính"), ("3.2", "Hồ sơ giải quyết đúng hạn")]


def assert_the_table(path: Path) -> None:
    """The file reads to the model table: its items, totals and due dates."""
    before = digest(path)
    [table] = read_tables(path, as_of=AS_OF)
    assert [(i.code, i.title) for i in table.items] == EXPECTED
    assert float(table.totals.lost_points) == pytest.approx(2.25)
    assert table.year == 2026
    assert [i.deadline.due for i in table.items[1:]] == [date(2026, 3, 31), date(2026, 1, 20), date(2026, 4, 30)]
    assert table.items[3].lead == ("Trung tâm Phục vụ hành chính công",)
    assert digest(path) == before


def csv_text(delimiter: str = ";") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([[TITLE], [], HEADER, *ROWS])
    return out.getvalue()


# -- CSV encodings -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "bom", "delimiter"), [
    ("utf-16-le", b"\xff\xfe", "\t"),  # Excel's "Unicode Text"
    ("utf-16-be", b"\xfe\xff", ";"),
    ("utf-16-le", b"", ","),  # no BOM: the zero bytes say it
    ("utf-8", b"", ";"),
    ("utf-8", b"\xef\xbb\xbf", ","),
])
def test_csv_in_unicode_encodings(tmp_path, encoding, bom, delimiter):
    path = tmp_path / "phu_luc.csv"
    path.write_bytes(bom + csv_text(delimiter).encode(encoding))
    assert_the_table(path)


def to_windows_1258(text: str) -> bytes:
    """As Excel on Vietnamese Windows writes: base letters precomposed, tone marks combining after them."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_csv_in_windows_1258(tmp_path):
    path = tmp_path / "phu_luc.csv"
    path.write_bytes(to_windows_1258(csv_text(";")))
    assert path.read_bytes().count(b"\xf2") > 0  # combining dot below (ạ, ộ…) written apart from its vowel
    assert_the_table(path)
    [table] = read_tables(path, as_of=AS_OF)
    assert all(unicodedata.is_normalized("NFC", item.title) for item in table.items)


def test_legacy_western_csv_is_still_refused(parbook, tmp_path):
    path = tmp_path / "cu.csv"
    path.write_bytes("STT;Nội dung;Cơ quan chủ trì\n".encode("cp1252", "replace"))
    result = parbook("check", path)
    assert result.code == 2 and "UTF-8" in result.err


# -- HTML and Excel 2003 XML named .xls ------------------------------------------------------------------

def html_page(charset: str = "utf-8", wrapped: bool = False) -> str:
    """The page a scoring web site sends as 'Excel': title paragraphs, a two-row header with spans."""
    cells = lambda row, tag="td": "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row)  # noqa: E731
    head = ("<tr><th rowspan='2'>STT</th><th rowspan='2'>Lĩnh vực/Tiêu chí</th><th colspan='3'>Điểm</th>"
            "<th rowspan=2>Giải pháp</th><th rowspan=2>Cơ quan<br>chủ trì</th><th rowspan=2>Thời gian thực hiện</th></tr>"
            "<tr><th>Điểm chuẩn</th><th>Điểm thẩm định</th><th>Điểm bị mất</th></tr>")
    body = "".join(f"<tr>{cells(row)}</tr>\n" for row in ROWS)
    table = f"<table border='1'>\n{head}\n{body}</table>"
    if wrapped:  # an old layout: the data table inside a one-cell table
        table = f"<table width='100%'><tr><td><b>{TITLE}</b>{table}</td></tr></table>"
        title = ""
    else:
        title = f"<p align='center'><b>ỦY BAN NHÂN DÂN XÃ HÒA AN</b></p>\n<h3>{TITLE}</h3>"
    return (f"<html xmlns:x='urn:schemas-microsoft-com:office:excel'><head>"
            f"<meta http-equiv='Content-Type' content='text/html; charset={charset}'><title>Xuất Excel</title>"
            f"<style>td {{mso-number-format:'\\@';}}</style></head><body>{title}\n{table}\n"
            "<p><i>Nơi nhận: UBND huyện; Lưu: VT.</i></p></body></html>")


@pytest.mark.parametrize("name", ["diem_cchc.xls", "diem_cchc.htm", "diem_cchc.html", "diem_cchc.xlsx"])
def test_html_table_named_xls(tmp_path, name):
    path = tmp_path / name
    path.write_text(html_page(), encoding="utf-8")
    assert_the_table(path)
    [grid] = read_workbook(path)
    header_row = next(r for r, row in enumerate(grid.rows) if row and row[0] == "STT")
    assert (header_row, 2, header_row, 4) in grid.merges  # "Điểm" over its three columns
    assert (header_row, 0, header_row + 1, 0) in grid.merges  # "STT" over both header rows
    assert grid.rows[header_row][6] == "Cơ quan\nchủ trì"


def test_html_in_a_legacy_charset_and_a_layout_table(tmp_path):
    path = tmp_path / "diem.xls"
    path.write_bytes(to_windows_1258(html_page("windows-1258", wrapped=True)))
    assert_the_table(path)


@pytest.mark.libreoffice("calc")
@pytest.mark.parametrize("sample", ["ia_pa_2019", "son_giang_2021", "phuoc_my_2024"])
def test_a_workbook_saved_as_a_web_page_reads_the_same(tmp_path, sample):
    """LibreOffice's HTML export (merged cells as rowspan/colspan, every sheet one after another) named .xls."""
    source = tmp_path / f"{sample}.xlsx"
    shutil.copy(SAMPLES / source.name, source)
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "html",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    exported = shutil.move(tmp_path / f"{sample}.html", tmp_path / f"{sample}.xls")
    original, web = read_tables(source, as_of=AS_OF), read_tables(exported, as_of=AS_OF)
    assert len(web) == len(original)
    for a, b in zip(original, web):
        assert [(i.code, i.title, i.lost_points, i.lead, i.deadline) for i in a.items] == \
            [(i.code, i.title, i.lost_points, i.lead, i.deadline) for i in b.items]
        assert a.totals == b.totals and a.year == b.year
        assert Counter((f.code, f.item, f.column) for f in a.findings) == \
            Counter((f.code, f.item, f.column) for f in b.findings)  # rows differ: the page has its own lines


def spreadsheetml(rows: list[list[str]]) -> str:
    """The model table as Excel 2003 XML: typed Data, a header merged with MergeAcross/MergeDown and ss:Index."""
    def cell(value: str, column: int = 0, extra: str = "") -> str:
        if not value:
            return f"<Cell{extra}/>"
        kind = "Error" if value.startswith("#") else "Number" if 2 <= column <= 4 else "String"
        data = value.replace(",", ".") if kind == "Number" else html.escape(value)
        return f'<Cell{extra}><Data ss:Type="{kind}">{data}</Data></Cell>'

    down, across, sixth, third = ' ss:MergeDown="1"', ' ss:MergeAcross="2"', ' ss:Index="6"', ' ss:Index="3"'
    head = (f"<Row>{cell('STT', extra=down)}{cell('Lĩnh vực/Tiêu chí', extra=down)}{cell('Điểm', extra=across)}"
            f"{cell('Giải pháp', extra=sixth + down)}{cell('Cơ quan chủ trì', extra=down)}"
            f"{cell('Thời gian thực hiện', extra=down)}</Row>"
            f"<Row>{cell('Điểm chuẩn', extra=third)}{cell('Điểm thẩm định')}{cell('Điểm bị mất')}</Row>")
    body = "".join("<Row>" + "".join(cell(v, c) for c, v in enumerate(row)) + "</Row>" for row in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">'
            '<Worksheet ss:Name="Phụ lục"><Table>'
            f'<Row><Cell ss:MergeAcross="7"><Data ss:Type="String">{TITLE}</Data></Cell></Row>'
            f'<Row ss:Index="3"/>{head}{body}</Table></Worksheet></Workbook>')


def test_excel_2003_xml_named_xls(tmp_path):
    path = tmp_path / "diem_cchc.xls"
    path.write_text(spreadsheetml(ROWS), encoding="utf-8")
    assert_the_table(path)
    [grid] = read_workbook(path)
    assert grid.name == "Phụ lục" and (0, 0, 0, 7) in grid.merges and (3, 2, 3, 4) in grid.merges


def test_excel_2003_xml_error_value_is_a_finding(parbook, tmp_path):
    path = tmp_path / "loi.xls"
    rows = [row[:] for row in ROWS]
    rows[2][3] = "#DIV/0!"
    path.write_text(spreadsheetml(rows), encoding="utf-8")
    sheet = parbook("check", path, "--format", "json", "--as-of", AS_OF.isoformat()).json()["sheets"][0]
    [finding] = [f for f in sheet["findings"] if f["code"] == "NOT_A_NUMBER"]
    assert finding["severity"] == "error" and finding["row"] == 8 and finding["column"] == "D"
    assert "Ô D8" in finding["message"] and "#DIV/0!" in finding["message"]


def test_tab_separated_text_named_xls(tmp_path):
    path = tmp_path / "xuat.xls"
    path.write_bytes(csv_text("\t").encode("utf-8"))
    assert_the_table(path)


# -- Excel error values through every engine ----------------------------------------------------------------

def error_xlsx(path: Path) -> Path:
    """The model table with formulas whose cached results are Excel errors."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("PHỤ LỤC")
    ws.write(0, 0, TITLE)
    ws.write_row(2, 0, HEADER)
    for r, row in enumerate(ROWS, start=3):
        ws.write_row(r, 0, row)
    ws.write_formula(4, 3, "=#REF!", None, "#REF!")
    ws.write_formula(5, 4, "=1/0", None, "#DIV/0!")
    ws.write_formula(6, 3, "=VLOOKUP(A7,X:Y,2,0)", None, "#N/A")
    wb.close()
    return path


ERRORS = {("D5", "#REF!"), ("E6", "#DIV/0!"), ("D7", "#N/A")}


def _error_findings(parbook, path: Path, *args: str) -> set[tuple[str, str]]:
    sheet = parbook("check", path, "--format", "json", "--as-of", AS_OF.isoformat(), *args).json()["sheets"][0]
    found = set()
    for finding in sheet["findings"]:
        if finding["code"] == "NOT_A_NUMBER":
            assert finding["severity"] == "error"
            cell = f"{finding['column']}{finding['row']}"
            assert f"Ô {cell} có lỗi Excel" in finding["message"]
            found.add((cell, next(e for e in ("#REF!", "#DIV/0!", "#N/A") if e in finding["message"])))
    return found


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_error_values_are_not_a_number_through_each_engine(parbook, tmp_path, engine):
    path = error_xlsx(tmp_path / "loi.xlsx")
    assert _error_findings(parbook, path, "--engine", engine) == ERRORS


def test_xlsb_binary_workbook(parbook, tmp_path):
    path = write_xlsb(tmp_path / "phu_luc.xlsb", {"PHỤ LỤC": table_rows(HEADER, ROWS, TITLE)})
    assert_the_table(path)
    rows = [row[:] for row in ROWS]
    rows[1][3], rows[2][4], rows[3][3] = ("error", 0x17), ("error", 0x07), ("error", 0x2A)
    path = write_xlsb(tmp_path / "loi.xlsb", {"PHỤ LỤC": table_rows(HEADER, rows, TITLE)})
    assert _error_findings(parbook, path) == ERRORS


@pytest.mark.libreoffice("calc")
@pytest.mark.parametrize("to", ["xls", "ods"])
def test_error_values_in_xls_and_ods(parbook, tmp_path, to):
    source = error_xlsx(tmp_path / "loi.xlsx")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", to,
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    assert _error_findings(parbook, source.with_suffix(f".{to}")) == ERRORS



def merged_header_xlsx(path):
    """Two header rows: 'Điểm' merged over Tối đa | Tự chấm | Thẩm định, the other titles merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Xã Hòa Bình"
    ws.append(["TT", "Nội dung đánh giá", "Điểm", None, None, "Giải pháp", "Cơ quan chủ trì", "Thời gian"])
    ws.append([None, None, "Tối đa", "Tự chấm", "Thẩm định"])
    ws.merge_cells("C1:E1")
    for column in "ABFGH":
        ws.merge_cells(f"{column}1:{column}2")
    ws.append(["1", "Công khai thủ tục hành chính", 3, 3, 2, "Rà soát niêm yết", "Văn phòng HĐND và UBND", "Quý I/2026"])
    ws.append(["2", "Giải quyết hồ sơ đúng hạn", 5, 4, 4.5, "Theo dõi hồ sơ", "Phòng Kinh tế", "Quý II/2026"])
    wb.save(path)
    return path


@pytest.mark.libreoffice("calc")
@pytest.mark.parametrize("to", ["xls", "ods"])
def test_merged_header_cells_read_alike_in_xls_and_ods(tmp_path, to):
    source = merged_header_xlsx(tmp_path / "gop_o.xlsx")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", to,
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    converted = source.with_suffix(f".{to}")
    assert set(read_workbook(converted)[0].merges) == set(read_workbook(source)[0].merges) != set()
    [want], [got] = read_tables(source), read_tables(converted)
    assert (got.kind, got.columns, got.totals) == (want.kind, want.columns, want.totals)
    assert got.totals.lost_points == Decimal("1.5")  # max − appraised: Thẩm định found under the merged 'Điểm'


# -- the kind of file comes from its bytes ------------------------------------------------------------------

def test_xlsx_named_xls(tmp_path):
    named_xls = tmp_path / "that_ra_la_xlsx.xls"
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", named_xls)
    assert float(read_tables(named_xls)[0].totals.lost_points) == pytest.approx(8.45)


@pytest.mark.libreoffice("calc")
def test_xls_named_xlsx(tmp_path):
    source = tmp_path / "son_giang.xlsx"
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", source)
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xls",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    named_xlsx = tmp_path / "that_ra_la_xls.xlsx"
    shutil.move(tmp_path / "son_giang.xls", named_xlsx)
    assert float(read_tables(named_xlsx)[0].totals.lost_points) == pytest.approx(8.45)


# -- start-up: nothing heavy for an .xlsx ---------------------------------------------------------------------

def test_check_on_xlsx_loads_no_heavy_engine():
    code = ("import sys, io, contextlib\nfrom pyxl.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main(['check', {str(SAMPLES / 'ia_pa_2019.xlsx')!r}]) == 0\n"
            "print(sorted(n for n in ('openpyxl', 'numpy', 'pandas', 'docx', 'docxtpl', 'xlsxwriter') if n in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
