"""`parbook mark` writes nothing it should not: no broken links, no formulas from text, the input's kind kept.

Checked with readers other than the writer: the zip's own parts and relationships, olevba for the VBA
project, LibreOffice for how the formulas evaluate.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
import xlsxwriter
from oletools.olevba import VBA_Parser

from conftest import ROOT
from pyxl.excel.marks import FINDINGS_SHEET

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
RIBBON = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
          "Giải pháp khắc phục", "Cơ quan chủ trì", "Thời gian thực hiện"]


def table_xlsx(path: Path, sheet: str, deadline: str = "Thường xuyên", extra=None) -> Path:
    """A small PHỤ LỤC table on a sheet of the given name; item 1.1 has a wrong lost-points figure."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(sheet)
    ws.write_row(0, 0, HEADER)
    ws.write_row(1, 0, ["1", "Công tác chỉ đạo", 3, 2, 1, "Ban hành kế hoạch", "Văn phòng", "Quý I"])
    ws.write_row(2, 0, ["1.1", "Kế hoạch CCHC", 2, 1, 0.5, "Ban hành đúng hạn", "Văn phòng"])
    ws.write_string(2, 7, deadline)  # write_string: XlsxWriter escapes what XML cannot hold, as Excel does
    if extra:
        extra(wb, ws)
    wb.close()
    return path


def sheet_xml(path: Path, title: str) -> str:
    """The worksheet XML of the sheet called title (found through workbook.xml and its relationships)."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        escaped = title.replace("&", "&amp;").replace('"', "&quot;").replace("'", "&apos;")
        match = re.search(rf'<sheet [^>]*name="(?:{re.escape(escaped)}|{re.escape(title)})"[^>]*r:id="([^"]+)"', workbook)
        assert match, f"no sheet {title!r}"
        target = re.search(rf'Target="([^"]+)" Id="{match.group(1)}"|Id="{match.group(1)}"[^>]*Target="([^"]+)"', rels)
        name = (target.group(1) or target.group(2)).lstrip("/")
        return archive.read(name if name.startswith("xl/") else "xl/" + name).decode()


def formulas(path: Path) -> list[str]:
    """Every formula of every sheet, as written in the file."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                found += re.findall(r"<f>(.*?)</f>", archive.read(name).decode(), re.S)
    return found


def findings(path: Path) -> list[tuple]:
    return list(openpyxl.load_workbook(path)[FINDINGS_SHEET].iter_rows(min_row=2, values_only=True))


def test_a_control_character_in_a_quoted_cell_does_not_stop_mark(parbook, tmp_path):
    source = table_xlsx(tmp_path / "in.xlsx", "PHỤ LỤC", deadline="Khi\x01 nào\x1f có\x0b điều kiện")
    out = tmp_path / "out.xlsx"
    done = parbook("mark", source, "-o", out)
    assert done.code == 0, done.err
    messages = [row[5] for row in findings(out)]
    assert any("Khi nào có điều kiện" in m for m in messages), messages


@pytest.mark.parametrize("sheet", ["Ea H'leo", 'Xã "Mới"', "Ia H'Drai & Sa Thầy"])
def test_links_quote_sheet_names_the_excel_way(parbook, tmp_path, sheet):
    source = table_xlsx(tmp_path / "in.xlsx", sheet)
    out = tmp_path / "out.xlsx"
    assert parbook("mark", source, "-o", out).code == 0
    quoted = "'" + sheet.replace("'", "''") + "'"
    links = [row[6] for row in openpyxl.load_workbook(out)[FINDINGS_SHEET].iter_rows(min_row=2, values_only=True)]
    literal = '"#' + quoted.replace('"', '""') + '!E3"'
    assert f'=HYPERLINK({literal},"E3")' in links, links


@pytest.mark.libreoffice("calc")
def test_libreoffice_evaluates_every_link_of_a_quoted_sheet(parbook, tmp_path):
    sheet = 'Ea H\'leo "2"'
    source = table_xlsx(tmp_path / "in.xlsx", sheet)
    out = tmp_path / "out.xlsx"
    assert parbook("mark", source, "-o", out).code == 0
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
                    "--outdir", str(tmp_path / "csv"), str(out)], check=True, capture_output=True, timeout=180)
    [csv] = [p for p in (tmp_path / "csv").iterdir() if FINDINGS_SHEET in p.name]
    lines = csv.read_text(encoding="utf-8").splitlines()[1:]
    shown = [line.split(",")[-2] for line in lines]  # column G: what the HYPERLINK shows
    assert shown and all(re.fullmatch(r"[A-Z]+\d+", s) for s in shown), lines


@pytest.mark.parametrize("sheet", ["=1+1", "+84 Ea Súp", "-0,5", "@SUM(A1)"])
def test_a_formula_looking_sheet_name_is_written_as_text(parbook, tmp_path, sheet):
    source = table_xlsx(tmp_path / "in.xlsx", sheet)
    out = tmp_path / "out.xlsx"
    assert parbook("mark", source, "-o", out).code == 0
    ws = openpyxl.load_workbook(out)[FINDINGS_SHEET]
    column_a = [c for (c,) in ws.iter_rows(min_row=2, max_col=1)]
    assert column_a and all(c.value == sheet and c.data_type == "s" and c.quotePrefix for c in column_a)
    assert all(f.startswith("HYPERLINK(") for f in formulas(out)), formulas(out)


def test_a_cell_longer_than_excel_allows_is_cut_with_a_mark(parbook, tmp_path):
    source = table_xlsx(tmp_path / "in.xlsx", "PHỤ LỤC", deadline="Khi có điều kiện " + "x" * 32_740)
    out = tmp_path / "out.xlsx"
    assert parbook("mark", source, "-o", out).code == 0
    messages = [row[5] for row in findings(out) if row[4] == "VAGUE_DEADLINE"]
    assert messages and all(len(m.encode("utf-16-le")) // 2 <= 32_767 for m in messages)
    assert messages[0].endswith("…")


# -- the output keeps the input's kind ----------------------------------------------------------------

def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _modules(path: Path) -> dict[str, str]:
    parser = VBA_Parser(str(path))
    try:
        return {name: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


@pytest.fixture
def parbook_xlsm(tmp_path) -> Path:
    copy = tmp_path / "parbook.xlsm"
    shutil.copy(ROOT / "parbook.xlsm", copy)
    return copy


def test_marked_xlsm_keeps_its_vba_project_and_ribbon(parbook, tmp_path, parbook_xlsm):
    before = hashlib.sha256(parbook_xlsm.read_bytes()).hexdigest()
    out = tmp_path / "checked.xlsm"
    done = parbook("mark", parbook_xlsm, "-o", out)
    assert done.code == 0, done.err
    assert hashlib.sha256(parbook_xlsm.read_bytes()).hexdigest() == before
    parts, original = _parts(out), _parts(parbook_xlsm)
    [target] = [r.get("Target") for r in ElementTree.fromstring(parts["_rels/.rels"]) if r.get("Type") == RIBBON]
    assert parts[target.lstrip("/")] == original["customUI/customUI14.xml"]
    assert "macroEnabled.main+xml" in parts["[Content_Types].xml"].decode()
    assert _modules(out) == _modules(parbook_xlsm) and "PAR.bas" in _modules(out)
    names = openpyxl.load_workbook(parbook_xlsm).sheetnames
    assert openpyxl.load_workbook(out).sheetnames[:len(names)] == names


def test_xlsm_marked_into_xlsx_carries_no_vba(parbook, tmp_path, parbook_xlsm):
    out = tmp_path / "checked.xlsx"
    done = parbook("mark", parbook_xlsm, "-o", out)
    assert done.code == 0, done.err
    assert "macro" in done.err and ".xlsm" in done.err  # the officer is told the copy has no macros
    parts = _parts(out)
    assert not [name for name in parts if "vba" in name.lower() or name.startswith("customUI")]
    types = parts["[Content_Types].xml"].decode()
    assert "macroEnabled" not in types and "vbaProject" not in types
    assert "vbaProject" not in parts["xl/_rels/workbook.xml.rels"].decode()
    assert not _modules(out)


def test_xlsx_marked_into_xlsm_is_refused(parbook, tmp_path):
    source = table_xlsx(tmp_path / "in.xlsx", "PHỤ LỤC")
    out = tmp_path / "out.xlsm"
    done = parbook("mark", source, "-o", out)
    assert done.code == 2 and ".xlsx" in done.err and not out.exists()


@pytest.mark.parametrize("name", ["out.xls", "out.csv", "out"])
def test_an_output_excel_cannot_open_is_refused(parbook, tmp_path, name):
    source = table_xlsx(tmp_path / "in.xlsx", "PHỤ LỤC")
    done = parbook("mark", source, "-o", tmp_path / name)
    assert done.code == 2 and "Traceback" not in done.err and not (tmp_path / name).exists()


def test_what_openpyxl_cannot_keep_is_named_and_the_rest_kept(parbook, tmp_path):
    picture = tmp_path / "logo.png"
    raw = b"".join(b"\x00" + b"\xc0\x00\x00" * 4 for _ in range(4))
    chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data  # noqa: E731
                                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
                        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    def decorate(wb, ws):
        ws.insert_textbox("J2", "Ghi chú của cán bộ", {"width": 200, "height": 60})
        ws.write_comment("B2", "Đã đối chiếu")
        ws.insert_image("J8", str(picture))
        ws.add_sparkline("I2", {"range": "'PHỤ LỤC'!C2:E2"})
        chart = wb.add_chart({"type": "column"})
        chart.add_series({"values": "='PHỤ LỤC'!$C$2:$C$3"})
        ws.insert_chart("J14", chart)
        ws.data_validation("H2:H3", {"validate": "list", "source": ["Quý I", "Quý II"]})
        ws.merge_range("A6:C6", "Ô gộp")

    source = table_xlsx(tmp_path / "in.xlsx", "PHỤ LỤC", extra=decorate)
    out = tmp_path / "out.xlsx"
    done = parbook("mark", source, "-o", out)
    assert done.code == 0
    assert "1 hộp văn bản" in done.err and "PHỤ LỤC" in done.err and "sparkline" in done.err
    assert "ảnh" not in done.err and "Warning" not in done.err  # openpyxl's own English warnings stay out
    ws = openpyxl.load_workbook(out)["PHỤ LỤC"]
    assert ws["B2"].comment.text == "Đã đối chiếu"
    assert len(ws._images) == 1 and len(ws._charts) == 1
    assert ws.data_validations.dataValidation and "A6:C6" in {str(r) for r in ws.merged_cells.ranges}


@pytest.mark.libreoffice("calc")
def test_libreoffice_finds_every_vba_module_in_the_marked_xlsm(parbook, tmp_path, parbook_xlsm):
    out = tmp_path / "checked.xlsm"
    assert parbook("mark", parbook_xlsm, "-o", out).code == 0
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "checked.ods") as ods:
        basic = {n for n in ods.namelist() if n.startswith("Basic/VBAProject/")}
    modules = {name.rsplit(".", 1)[0] for name in _modules(parbook_xlsm)}
    assert {f"Basic/VBAProject/{m}.xml" for m in modules} <= basic


def test_a_ribbon_kept_elsewhere_in_the_package_is_relinked_with_its_icon(parbook, tmp_path, parbook_xlsm):
    """A ribbon written by another tool: its part outside customUI/, with an image of its own."""
    moved = tmp_path / "other.xlsm"
    parts = _parts(parbook_xlsm)
    ribbon = parts.pop("customUI/customUI14.xml")
    parts["ui/ribbon.xml"] = ribbon
    parts["ui/_rels/ribbon.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats'
        b'.org/package/2006/relationships"><Relationship Id="icon1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/image" Target="images/icon1.png"/></Relationships>')
    parts["ui/images/icon1.png"] = b"\x89PNG\r\n\x1a\nnot really"
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"customUI/customUI14.xml", b"ui/ribbon.xml")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"<Default Extension=\"xml\"", b"<Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"xml\"")
    with zipfile.ZipFile(moved, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    out = tmp_path / "checked.xlsm"
    assert parbook("mark", moved, "-o", out).code == 0
    written = _parts(out)
    [target] = [r.get("Target") for r in ElementTree.fromstring(written["_rels/.rels"]) if r.get("Type") == RIBBON]
    assert written[target] == ribbon and written["ui/images/icon1.png"] == parts["ui/images/icon1.png"]
    assert written["ui/_rels/ribbon.xml.rels"] == parts["ui/_rels/ribbon.xml.rels"]
    assert 'Extension="png"' in written["[Content_Types].xml"].decode()
