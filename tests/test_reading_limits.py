"""Bounded reading: files that would abort or exhaust a native reader are refused with a Vietnamese message
naming the file and the sheet or line, exit 2, no traceback, the file untouched; `merge` goes on past them."""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
import xlsxwriter

from conftest import ROOT
from pyxl.core.errors import ParbookError
from pyxl.merge import FAILED, WRITTEN, merge
from pyxl.readers import _calamine, read_workbook, read_workbook_sheets
from pyxl.readers._limits import MAX_ROWS, MAX_UNPACKED, native_reader
from test_check_inputs import assert_refused, digest
from xlsb_writer import table_rows, write_xlsb

SOFFICE = shutil.which("soffice")
HEADER = ["STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp", "Cơ quan chủ trì",
          "Thời gian thực hiện"]
ROWS = [["1.1", "Kế hoạch CCHC", 2, 1.5, 0.5, "Ban hành đúng hạn", "Văn phòng HĐND và UBND", "Quý I/2026"],
        ["1.2", "Báo cáo CCHC", 1, 0.5, 0.5, "Báo cáo đúng hạn", "Văn phòng HĐND và UBND", "Quý II/2026"]]


def table_sheet(ws, far: tuple[int, int] | None = None) -> None:
    ws.write(0, 0, "CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CHỈ SỐ CCHC NĂM 2025 VÀ GIẢI PHÁP KHẮC PHỤC NĂM 2026")
    ws.write_row(2, 0, HEADER)
    for r, row in enumerate(ROWS, start=3):
        ws.write_row(r, 0, row)
    if far:
        ws.write(*far, "x")  # one value typed far from the table


def table_xlsx(path: Path, far: tuple[int, int] | None = None, sheet: str = "PHỤ LỤC") -> Path:
    wb = xlsxwriter.Workbook(str(path))
    table_sheet(wb.add_worksheet(sheet), far)
    wb.close()
    return path


def soffice_convert(source: Path, to: str) -> Path:
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{source.parent}/lo", "--convert-to", to,
                    "--outdir", str(source.parent), str(source)], check=True, capture_output=True, timeout=180)
    return source.with_suffix(f".{to}")


# -- the far cell ---------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_one_value_in_the_last_cell_is_refused(parbook, tmp_path, engine):
    path = table_xlsx(tmp_path / "xa_xa.xlsx", far=(1048575, 16383))
    assert path.stat().st_size < 8000
    before = digest(path)
    result = parbook("check", path, "--engine", engine)
    assert result.code == 2 and result.out == "" and "Traceback" not in result.err and "panicked" not in result.err
    for words in ("'xa_xa.xlsx'", "sheet 'PHỤ LỤC'", "ô XFD1048576", "1.048.576 dòng × 16.384 cột", "Ctrl+End"):
        assert words in result.err
    assert digest(path) == before


def test_far_row_or_column_alone_is_refused(parbook, tmp_path):
    assert_refused(parbook, table_xlsx(tmp_path / "dai.xlsx", far=(150_000, 0)), "ô A150001", "'dai.xlsx'")
    assert_refused(parbook, table_xlsx(tmp_path / "rong.xlsx", far=(5, 300)), "ô KO6", "'rong.xlsx'")


def test_a_sheet_as_long_as_the_limit_is_read(tmp_path):
    path = tmp_path / "dai_dung_muc.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("PHỤ LỤC")
    ws.write_row(0, 0, HEADER)
    for r in range(1, MAX_ROWS):
        ws.write_number(r, 2, 1)
    wb.close()
    [grid] = read_workbook(path)
    assert grid.height == MAX_ROWS and grid.width == len(HEADER)


def test_formatting_far_away_is_no_reason_to_refuse(tmp_path):
    # A style on an empty cell far below the table (a border drawn down a column) holds no value.
    path = tmp_path / "dinh_dang.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("PHỤ LỤC")
    table_sheet(ws)
    ws.write_blank(1048575, 16383, None, wb.add_format({"border": 1}))
    wb.close()
    [grid] = read_workbook(path)
    assert grid.height == 5
    with pytest.raises(ParbookError, match="XFD1048576"):  # openpyxl would walk every row up to it
        read_workbook(path, engine="openpyxl")


@pytest.mark.libreoffice("calc")
@pytest.mark.parametrize(("to", "far", "cell"), [("xls", (5, 255), "IV6"), ("ods", (120_000, 2), "C120001")])
def test_far_cell_in_xls_and_ods(parbook, tmp_path, to, far, cell):
    path = soffice_convert(table_xlsx(tmp_path / "xa.xlsx", far=far), to)
    assert_refused(parbook, path, f"'{path.name}'", "sheet 'PHỤ LỤC'", f"ô {cell}")


def test_far_cell_in_xlsb(parbook, tmp_path):
    cells = table_rows(HEADER, ROWS, "KẾ HOẠCH KHẮC PHỤC NĂM 2026")
    cells[1048575] = {16383: "x"}
    path = write_xlsb(tmp_path / "xa.xlsb", {"PHỤ LỤC": cells})
    assert_refused(parbook, path, "'xa.xlsb'", "sheet 'PHỤ LỤC'", "ô XFD1048576")


# -- zips that inflate beyond reason --------------------------------------------------------------------

def bomb_xlsx(path: Path, megabytes: int) -> Path:
    """A valid .xlsx whose sheet XML is padded with spaces to `megabytes` MB: about 1 MB on disk."""
    source = table_xlsx(path.with_name("nguon.xlsx"))
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, data)
                continue
            head, tail = data.split(b"<sheetData>")
            with out.open(info.filename, "w", force_zip64=True) as stream:
                stream.write(head + b"<sheetData>")
                spaces = b" " * 2**20
                for _ in range(megabytes):
                    stream.write(spaces)
                stream.write(tail)
    source.unlink()
    return path


def test_an_inflating_zip_is_refused_unopened(parbook, tmp_path):
    path = bomb_xlsx(tmp_path / "bom.xlsx", MAX_UNPACKED // 2**20 + 20)
    assert path.stat().st_size < 2 * 2**20
    assert_refused(parbook, path, "'bom.xlsx'", "sheet 'PHỤ LỤC'", "giải nén", "200 MB")


def test_a_zip_that_lies_about_its_sizes_is_refused(parbook, tmp_path):
    path = bomb_xlsx(tmp_path / "doi.xlsx", 8)
    _declare_size(path, "xl/worksheets/sheet1.xml", 4096)
    assert_refused(parbook, path, "'doi.xlsx'", "bị hỏng")


def _declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size the zip's headers declare for member (a crafted zip bomb)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46: at + 46 + length]) == name:
            struct.pack_into("<I", data, at + 24, size)
            extra = struct.unpack_from("<H", data, at + 30)[0]
            if extra:  # the zip64 extra field holds the real sizes: declare the small one there too
                struct.pack_into("<Q", data, at + 46 + length + 4, size)
            offset = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, offset + 22, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


# -- native failures never reach the user ----------------------------------------------------------------

def test_a_rust_panic_becomes_a_vietnamese_error(tmp_path, capfd):
    path = tmp_path / "xa.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("PHỤ LỤC").write(1048575, 16383, "x")  # only the far cell: calamine panics, not aborts
    wb.close()
    with pytest.raises(ParbookError, match="'xa.xlsx' bị hỏng"):
        with native_reader("xa.xlsx"):
            _calamine.read(path)  # no census first
    assert "panicked" not in capfd.readouterr().err


def test_a_read_shows_only_its_own_output_never_what_an_earlier_read_held_back(tmp_path, capfd):
    path = tmp_path / "xa.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("PHỤ LỤC").write(1048575, 16383, "x")
    wb.close()
    with pytest.raises(ParbookError):
        with native_reader("xa.xlsx"):
            _calamine.read(path)
    for _ in range(2):  # the file that held the panic back holds the next reads' output
        with native_reader("xb.xlsx"):
            os.write(2, "cảnh báo\n".encode())
    assert capfd.readouterr().err == "cảnh báo\ncảnh báo\n"


def test_the_command_never_aborts_natively(tmp_path):
    path = table_xlsx(tmp_path / "xa.xlsx", far=(1048575, 16383))
    done = subprocess.run([sys.executable, "-m", "pyxl", "check", str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 2 and "XFD1048576" in done.stderr
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr and "RUST" not in done.stderr


# -- CSV ------------------------------------------------------------------------------------------------

CSV_HEADER = "STT;Nội dung;Cơ quan chủ trì;Thời gian thực hiện\n"


@pytest.mark.parametrize(("body", "words"), [
    ("1;" + "x" * 200_000 + ";Văn phòng;Quý I\n2;Báo cáo;Văn phòng;Quý II\n", ["dòng 2", "131.072 ký tự"]),
    ('1;"Ban hành kế hoạch;Văn phòng;Quý I\n2;Báo cáo;Văn phòng;Quý II\n3;Cập nhật;Văn phòng;Quý III\n',
     ["dòng 2", "không có dấu đóng"]),
    ('1;"Ban hành kế hoạch;Văn phòng;Quý I\n2;Báo cáo;Văn phòng;Quý II\n3;Cập nhật";Văn phòng;Quý III\n',
     ["dòng 2", "chỉ được đóng ở dòng 4"]),
    ('1;"Ban hành "Kế hoạch" năm";Văn phòng;Quý I\n', ["dòng 2", "đặt sai chỗ"]),
], ids=["200000-character field", "unmatched quote", "quote closed rows later", "quote inside a field"])
def test_broken_csv_is_refused_with_its_line(parbook, tmp_path, body, words):
    path = tmp_path / "nhiem_vu.csv"
    path.write_text(CSV_HEADER + body, encoding="utf-8")
    assert_refused(parbook, path, "'nhiem_vu.csv'", *words)


def test_a_multi_line_cell_is_not_mistaken_for_swallowed_rows(parbook, tmp_path):
    path = tmp_path / "nhieu_dong.csv"
    path.write_text(CSV_HEADER + '1;"Báo cáo định kỳ\n(quý; 6 tháng)";Văn phòng;Quý II\n', encoding="utf-8")
    result = parbook("check", path, "--format", "json")
    assert result.code == 0
    assert result.json()["sheets"][0]["items"][0]["title"] == "Báo cáo định kỳ\n(quý; 6 tháng)"


# -- merge goes on past a commune it cannot read --------------------------------------------------------

def test_merge_folder_reports_the_unreadable_commune_and_goes_on(tmp_path):
    folder = tmp_path / "xa"
    folder.mkdir()
    table_xlsx(folder / "Xã Tân Lập.xlsx")
    table_xlsx(folder / "Xã Xa Xôi.xlsx", far=(1048575, 16383))
    bomb_xlsx(folder / "Xã Nổ.xlsx", MAX_UNPACKED // 2**20 + 20)
    result = merge(folder, tmp_path / "out", as_of=date(2026, 1, 15), jobs=2)
    by_name = {o.name: o for o in result.outcomes}
    assert by_name["Xã Tân Lập"].status == WRITTEN
    assert by_name["Xã Xa Xôi"].status == FAILED and "XFD1048576" in by_name["Xã Xa Xôi"].message
    assert by_name["Xã Nổ"].status == FAILED and "200 MB" in by_name["Xã Nổ"].message


def test_merge_workbook_reports_the_unreadable_sheet_and_goes_on(tmp_path):
    path = tmp_path / "huyen.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    table_sheet(wb.add_worksheet("Tân Lập"))
    table_sheet(wb.add_worksheet("Hòa Bình"), far=(1048575, 16383))
    table_sheet(wb.add_worksheet("An Phú"))
    wb.close()
    grids, refused = read_workbook_sheets(path)
    assert [g.name for g in grids] == ["Tân Lập", "An Phú"] and list(refused) == ["Hòa Bình"]
    result = merge(path, tmp_path / "out", as_of=date(2026, 1, 15), jobs=1)
    by_name = {o.name: o for o in result.outcomes}
    assert by_name["Tân Lập"].status == by_name["An Phú"].status == WRITTEN
    assert by_name["Hòa Bình"].status == FAILED
    assert "sheet 'Hòa Bình'" in by_name["Hòa Bình"].message and "XFD1048576" in by_name["Hòa Bình"].message
