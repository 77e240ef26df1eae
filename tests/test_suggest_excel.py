"""'Gợi ý giải pháp' and `parbook mark --suggest`: suggestions only in blank cells, undone exactly.

The ribbon macro runs against xlwings' JSON-backed Book (as tests/test_macros.py does); the recorded
actions are applied to a copy of the sheets the way Excel would apply them. The headless door writes
a real file that openpyxl reads back.
"""
from __future__ import annotations

import copy
import hashlib
import os
import shutil

import openpyxl
import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # PolyForm Noncommercial: tests only
xw = pytest.importorskip("xlwings")

from conftest import SAMPLES  # noqa: E402
from test_macros import apply, book_from, cell  # noqa: E402
from pyxl.excel import macros  # noqa: E402
from pyxl.excel.marks import OWN_COLUMNS, SUGGESTION_COLOR, SUGGESTIONS_SHEET  # noqa: E402

HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
          "Giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
TYPED_SOLUTION = "Niêm yết đủ TTHC tại Bộ phận một cửa"


def commune_table(path, extra_rows=()):
    """A commune's table for 2024 (old era): some remediation cells typed, some blank."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PHỤ LỤC"
    ws.append(["ỦY BAN NHÂN DÂN XÃ AN HÒA"])
    ws.append(["CÁC TIÊU CHÍ BỊ MẤT ĐIỂM NĂM 2023, GIẢI PHÁP KHẮC PHỤC NĂM 2024"])
    ws.append(HEADER)
    ws.append(["3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 6, 4.5, 1.5])
    ws.append(["3.1", "Công khai TTHC đầy đủ, kịp thời", 2, 1.5, 0.5, TYPED_SOLUTION, None, None, None])
    ws.append(["3.2", "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", 4, 3, 1, None, "Văn phòng", None, "Quý II/2024"])
    ws.append(["7.1", "Tỷ lệ văn bản đi được ký số", 1, 0.5, 0.5, None, None, None, None])
    ws.append(["9.9", "Công tác phòng cháy, chữa cháy", 1, 0.5, 0.5, None, None, None, None])
    for row in extra_rows:
        ws.append(row)
    wb.save(path)
    return path


def run(book, data, action):
    """Run a macro, then apply its actions the way Excel does (a leading apostrophe only marks text).

    The Book keeps its payload (`data`) up to date with the sheets it adds, so the actions are applied
    to the payload as it was before the macro ran.
    """
    data = copy.deepcopy(data)
    action(book)
    actions = [a for a in book.json()["actions"] if a["func"] not in ("setColumnWidth", "setAutofit")]  # layout only
    for a in actions:
        if a["func"] == "setValues":
            a["values"] = [[v[1:] if isinstance(v, str) and v.startswith("'") else v for v in row] for row in a["values"]]
    return apply(data, actions)


def reopen(data, result):
    """A JSON-backed Book holding the sheets as they are after `result`."""
    again = dict(data)
    again["sheets"] = [{"name": s["name"], "values": s["values"], "pictures": [], "tables": []} for s in result["sheets"]]
    again["book"] = dict(data["book"], active_sheet_index=0)
    return xw.Book(json=again), again


def test_button_fills_only_blank_cells_and_names_the_entry(tmp_path):
    book, data = book_from(commune_table(tmp_path / "an_hoa.xlsx"))
    result = run(book, data, macros.suggest_solutions)
    sheet = result["sheets"][0]
    values, before = sheet["values"], data["sheets"][0]["values"]
    assert values[4][5] == TYPED_SOLUTION  # typed: kept
    assert values[4][6] == "Công chức Văn phòng - Thống kê" and values[4][8] == "Thường xuyên"
    assert values[5][6] == "Văn phòng" and values[5][8] == "Quý II/2024"  # typed lead and deadline kept
    assert values[5][5].startswith("- Theo dõi hằng ngày hồ sơ sắp đến hạn")
    assert values[6][5].startswith("- Rà soát, đề nghị cấp chứng thư số") and values[6][8] == "Quý I/2024"
    assert all(cell(values, 7, c) is None for c in (5, 6, 8))  # no entry for fire safety: nothing written
    filled = {(4, 6), (4, 8), (5, 5), (6, 5), (6, 6), (6, 8)}
    for r, row in enumerate(before):
        for c, value in enumerate(row):
            if (r, c) not in filled:
                assert cell(values, r, c) == value, (r, c)
    assert {k for k, v in sheet["colors"].items() if v == SUGGESTION_COLOR.lower()} == filled
    listed = next(s for s in result["sheets"] if s["name"] == SUGGESTIONS_SHEET)["values"]
    assert listed[0][:5] == ["Sheet", "Ô", "Mục", "Cột", "Mẫu"]
    assert {row[1] for row in listed[1:]} == {"G5", "I5", "F6", "F7", "G7", "I7"}
    assert next(row for row in listed if row[1] == "F6")[4] == "tthc-dung-han"
    message = result["alerts"][0]
    assert "6 ô của 3 mục" in message and "9.9" in message and "Xoá đánh dấu" in message


def test_clear_marks_removes_exactly_the_suggestions(tmp_path):
    book, data = book_from(commune_table(tmp_path / "an_hoa.xlsx"))
    suggested = run(book, data, macros.suggest_solutions)
    suggested["sheets"][0]["values"][6][5] = "Ký số 100% văn bản đi từ tháng 3"  # the officer rewrote one
    book2, data2 = reopen(data, suggested)
    cleared = run(book2, data2, macros.clear_marks)
    assert SUGGESTIONS_SHEET not in [s["name"] for s in cleared["sheets"]]
    values = cleared["sheets"][0]["values"]
    original = data["sheets"][0]["values"]
    for r, row in enumerate(original):
        for c, value in enumerate(row):
            if (r, c) != (6, 5):
                assert cell(values, r, c) == value, (r, c)
    assert values[6][5] == "Ký số 100% văn bản đi từ tháng 3"  # edited: the officer's now, kept
    colors = cleared["sheets"][0]["colors"]
    assert {k for k, v in colors.items()} == {(4, 6), (4, 8), (5, 5), (6, 5), (6, 6), (6, 8)}
    assert set(colors.values()) == {None}


def test_table_without_remediation_columns_gets_parbooks_own_columns():
    book, data = book_from(SAMPLES / "vinh_linh_2023.xlsx")
    result = run(book, data, macros.suggest_solutions)
    values = result["sheets"][0]["values"]
    header = values[4]
    assert header[6] == OWN_COLUMNS["solution"] and header[7] == OWN_COLUMNS["deadline"]
    assert values[5][6].startswith("- Lập bảng theo dõi từng nhiệm vụ") and values[5][7] == "Trước ngày 15/12/2024"
    assert all(values[r][6] for r in range(5, 22))  # every lost item, rows 6–22
    assert values[5][5] == data["sheets"][0]["values"][5][5]  # the responsibility column stays the officer's
    book2, data2 = reopen(data, result)
    cleared = run(book2, data2, macros.clear_marks)
    values = cleared["sheets"][0]["values"]
    assert all(cell(values, r, c) is None for r in range(4, 23) for c in (6, 7))  # headers gone too
    assert values[:23] == [row + [None] * (len(values[r]) - len(row)) for r, row in enumerate(data["sheets"][0]["values"][:23])]


def test_notes_name_the_entry_where_the_engine_has_notes(tmp_path):
    book, data = book_from(commune_table(tmp_path / "an_hoa.xlsx"))
    data["client"] = "Office.js"
    data["sheets"][0]["notes"] = [{"address": "$G$5"}]  # the officer's own note on G5
    book = xw.Book(json=data)
    book.sheets[0].api["notes_supported"] = True
    macros.suggest_solutions(book)
    notes = [a for a in book.json()["actions"] if a["func"] == "addNote"]
    assert {a["args"][0] for a in notes} == {"$I$5", "$F$6", "$F$7", "$G$7", "$I$7"}  # not over the officer's note
    assert all("mẫu «" in a["args"][1] and "độ tin cậy" in a["args"][1] for a in notes)
    assert any("«tthc-dung-han»" in a["args"][1] for a in notes)


def test_check_then_suggest_then_clear_restores_every_colour(tmp_path):
    book, data = book_from(commune_table(tmp_path / "an_hoa.xlsx"))
    checked = run(book, data, macros.check_sheet)
    assert checked["sheets"][0]["colors"][(5, 5)] == "#fff2cc"  # F6: no solution, marked yellow
    book2, data2 = reopen(data, checked)
    suggested = run(book2, data2, macros.suggest_solutions)
    book3, data3 = reopen(data, suggested)
    cleared = run(book3, data3, macros.clear_marks)
    assert [s["name"] for s in cleared["sheets"]] == ["PHỤ LỤC"]
    assert set(cleared["sheets"][0]["colors"].values()) == {None}


def test_mark_suggest_writes_a_copy_and_never_over_a_formula(parbook, tmp_path):
    source = commune_table(tmp_path / "an_hoa.xlsx")
    wb = openpyxl.load_workbook(source)
    wb["PHỤ LỤC"]["F7"] = '=IF(E7>1,"Cần giải pháp","")'  # shows "": the officer's formula
    wb.save(source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "goi_y.xlsx"
    result = parbook("mark", source, "-o", out, "--suggest")
    assert result.code == 0 and "ô được điền gợi ý" in result.out
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest
    ws = openpyxl.load_workbook(out)["PHỤ LỤC"]
    assert ws["F7"].value == '=IF(E7>1,"Cần giải pháp","")' and ws["F7"].comment is None
    assert ws["F5"].value == TYPED_SOLUTION and ws["F5"].comment is None
    assert ws["F6"].value.startswith("- Theo dõi hằng ngày") and ws["F6"].fill.start_color.rgb.endswith("E2EFDA")
    assert "«tthc-dung-han»" in ws["F6"].comment.text and ws["F6"].comment.author == "parbook"
    assert ws["G7"].value == "Công chức Văn phòng - Thống kê" and ws["G5"].value == "Công chức Văn phòng - Thống kê"
    listed = [row for row in openpyxl.load_workbook(out)[SUGGESTIONS_SHEET].iter_rows(values_only=True)]
    assert {row[1] for row in listed[1:]} == {"G5", "I5", "F6", "G7", "I7"}
    original = openpyxl.load_workbook(source)["PHỤ LỤC"]
    for row in original.iter_rows():
        for c in row:
            if c.coordinate not in {"G5", "I5", "F6", "G7", "I7"}:
                assert ws[c.coordinate].value == c.value, c.coordinate


def test_suggesting_again_updates_parbooks_cells_but_not_edited_ones(parbook, tmp_path):
    source = commune_table(tmp_path / "an_hoa.xlsx")
    first = tmp_path / "lan1.xlsx"
    assert parbook("mark", source, "-o", first, "--suggest").code == 0
    wb = openpyxl.load_workbook(first)
    wb["PHỤ LỤC"]["G7"] = "Công chức Văn hóa - Xã hội"  # the officer corrects one lead
    library = wb.create_sheet("Giải pháp mẫu")
    library.append(["Mã", "Từ khóa nhận biết", "Thời gian"])
    library.append(["cqs-ky-so", "ký số", "Quý III/{năm}"])  # the province moves the signing deadline
    wb.save(first)
    second = tmp_path / "lan2.xlsx"
    assert parbook("mark", first, "-o", second, "--suggest").code == 0
    ws = openpyxl.load_workbook(second)["PHỤ LỤC"]
    assert ws["I7"].value == "Quý III/2024"  # parbook's own earlier text, updated
    assert ws["G7"].value == "Công chức Văn hóa - Xã hội"  # edited by the officer: kept
    listed = {row[1]: row for row in openpyxl.load_workbook(second)[SUGGESTIONS_SHEET].iter_rows(values_only=True)}
    assert listed["I7"][7] == "không màu", "the colour before parbook's first suggestion is remembered"


def test_mark_suggest_refuses_to_write_over_the_source(parbook, tmp_path):
    source = commune_table(tmp_path / "an_hoa.xlsx")
    result = parbook("mark", source, "-o", source, "--suggest")
    assert result.code == 2 and "không bao giờ ghi đè" in result.err


def test_suggest_button_on_a_side_sheet_is_a_message(tmp_path):
    path = tmp_path / "copy.xlsx"
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", path)
    book, data = book_from(path)
    data["sheets"].append({"name": "Giải pháp mẫu", "values": [["Mã"]], "pictures": [], "tables": []})
    data["book"]["active_sheet_index"] = 1
    book = xw.Book(json=data)
    result = run(book, data, macros.suggest_solutions)
    assert len(result["alerts"]) == 1 and "không phải bảng PHỤ LỤC" in result["alerts"][0]


def test_mark_does_one_thing_at_a_time(parbook, tmp_path, capsys):
    source = commune_table(tmp_path / "an_hoa.xlsx")
    with pytest.raises(SystemExit) as stopped:  # argparse refuses the pair, in Vietnamese
        parbook("mark", source, "-o", tmp_path / "out.xlsx", "--suggest", "--fill-lost")
    assert stopped.value.code == 2 and "--suggest" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()


def test_merged_blank_cells_are_left_alone(parbook, tmp_path):
    source = commune_table(tmp_path / "an_hoa.xlsx")
    wb = openpyxl.load_workbook(source)
    wb["PHỤ LỤC"].merge_cells("F6:F7")  # one blank solution cell over two items: whose would it be?
    wb.save(source)
    out = tmp_path / "goi_y.xlsx"
    assert parbook("mark", source, "-o", out, "--suggest").code == 0
    ws = openpyxl.load_workbook(out)["PHỤ LỤC"]
    assert ws["F6"].value is None and "F6:F7" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["G7"].value == "Công chức Văn phòng - Thống kê"  # the item's other blank cells are still filled
