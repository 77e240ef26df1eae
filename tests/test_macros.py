"""The ribbon macros run against xlwings' real JSON-backed Book fed from sample workbooks.

The actions the Book records (what Excel would be told to do) are applied to a copy of the sheets and
checked: only parbook's own column, colours and sheets change; every cell the user typed stays.
"""
from __future__ import annotations

import copy
import datetime as dt
import os

import docx
import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # PolyForm Noncommercial: tests only
xw = pytest.importorskip("xlwings")

from conftest import SAMPLES  # noqa: E402
from pyxl.excel import macros  # noqa: E402
from pyxl.excel.marks import FINDINGS_SHEET, FLAGS_HEADER  # noqa: E402
from pyxl.readers import read_workbook  # noqa: E402
from pyxl.readers import read_tables  # noqa: E402


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):  # as the xlwings clients send dates: ISO, milliseconds, "Z"
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        return moment.isoformat(timespec="milliseconds") + "Z"
    return None if value == "" else value


def book_from(path, active: str | None = None):
    """A JSON-backed xlwings Book holding the file's values, as the xlwings client would send them."""
    grids = read_workbook(path)
    sheets = [{"name": g.name, "values": [[_json_value(v) for v in row] for row in g.rows] or [[None]],
               "pictures": [], "tables": []} for g in grids]
    index = next((i for i, g in enumerate(grids) if g.name == active), 0)
    data = {"client": "VBA", "version": xw.__version__, "names": [], "sheets": sheets,
            "book": {"name": path.name, "active_sheet_index": index, "selection": "A1"}}
    return xw.Book(json=data), data


def apply(data: dict, actions: list[dict]) -> dict:
    """Carry out recorded actions on a copy of the payload's sheets: values, colours, sheets, alerts.

    A value typed after an apostrophe is stored without it, as text, as Excel does.
    """
    sheets = [{"name": s["name"], "values": copy.deepcopy(s["values"]), "colors": {}} for s in data["sheets"]]
    alerts = []
    for action in actions:
        func, args = action["func"], action["args"]
        sheet = sheets[action["sheet_position"]] if action["sheet_position"] is not None else None
        if func == "setValues":
            for dr, row in enumerate(action["values"]):
                for dc, value in enumerate(row):
                    r, c = action["start_row"] + dr, action["start_column"] + dc
                    grid = sheet["values"]
                    while len(grid) <= r:
                        grid.append([])
                    while len(grid[r]) <= c:
                        grid[r].append(None)
                    grid[r][c] = value[1:] if isinstance(value, str) and value.startswith("'") else value
        elif func in ("clearContents", "rangeClearContents"):
            for r in range(action["start_row"], action["start_row"] + action["row_count"]):
                for c in range(action["start_column"], action["start_column"] + action["column_count"]):
                    if r < len(sheet["values"]) and c < len(sheet["values"][r]):
                        sheet["values"][r][c] = None
        elif func == "setRangeColor":
            for r in range(action["start_row"], action["start_row"] + action["row_count"]):
                for c in range(action["start_column"], action["start_column"] + action["column_count"]):
                    sheet["colors"][(r, c)] = args[0].lower() if args[0] else None
        elif func == "addSheet":
            sheets.insert(args[0], {"name": args[1], "values": [[None]], "colors": {}})
        elif func in ("deleteSheet", "sheetDelete"):
            del sheets[action["sheet_position"] if action["sheet_position"] is not None else args[0]]
        elif func == "alert":
            alerts.append(args[0])
        elif func in ("setFontProperty", "setSheetAutofit", "addHyperlink", "activateSheet", "copySheet",
                      "setStatusBar", "setColumnWidth"):
            continue
        else:
            raise AssertionError(f"unexpected action {func}")
    return {"sheets": sheets, "alerts": alerts}


def cell(values, r, c):
    return values[r][c] if r < len(values) and c < len(values[r]) else None


def assert_user_cells_kept(before: list[list], after: list[list], owned_col: int, owned_cells=()):
    for r, row in enumerate(before):
        for c, value in enumerate(row):
            if c == owned_col or (r, c) in owned_cells:
                continue
            assert cell(after, r, c) == value, (r, c)


def test_check_sheet_marks_son_giang():
    book, data = book_from(SAMPLES / "son_giang_2021.xlsx")
    macros.check_sheet(book)
    result = apply(data, book.json()["actions"])
    [sheet] = [s for s in result["sheets"] if s["name"] == "PHỤ LỤC"]
    names = [s["name"] for s in result["sheets"]]
    assert names[:2] == ["PHỤ LỤC", FINDINGS_SHEET]
    flags_col = 10  # first free column right of J
    assert sheet["values"][5][flags_col] == FLAGS_HEADER
    assert "Sai điểm bị mất" in sheet["values"][6][flags_col]  # row 7, item 1
    assert sheet["colors"][(6, 4)] == "#f4cccc"  # E7 in red
    assert_user_cells_kept(data["sheets"][0]["values"], sheet["values"], flags_col)
    findings = next(s for s in result["sheets"] if s["name"] == FINDINGS_SHEET)["values"]
    assert findings[0][:3] == ["Sheet", "Ô", "Mục"]
    assert any(row[1] == "E7" and row[4] == "LOST_MISMATCH" and row[6].startswith("=HYPERLINK(")
               for row in findings[1:])
    assert "1 lỗi" in result["alerts"][0] or "lỗi" in result["alerts"][0]


def test_clear_marks_undoes_check(tmp_path):
    book, data = book_from(SAMPLES / "son_giang_2021.xlsx")
    macros.check_sheet(book)
    checked = apply(data, book.json()["actions"])
    data2 = dict(data)
    data2["sheets"] = [{"name": s["name"], "values": s["values"], "pictures": [], "tables": []}
                       for s in checked["sheets"]]
    book2 = xw.Book(json=data2)
    macros.clear_marks(book2)
    cleared = apply(data2, book2.json()["actions"])
    names = [s["name"] for s in cleared["sheets"]]
    assert FINDINGS_SHEET not in names
    sheet = cleared["sheets"][0]
    assert all(cell(sheet["values"], r, 10) is None for r in range(len(sheet["values"])))
    assert sheet["colors"][(6, 4)] is None  # E7 has its original (no) fill back
    assert_user_cells_kept(data["sheets"][0]["values"], sheet["values"], owned_col=10)


def test_fill_lost_fills_only_blank_cells(tmp_path):
    import openpyxl

    path = tmp_path / "trong.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Xã A"
    ws.append(["STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp"])
    ws.append(["1.1", "Kế hoạch CCHC", 2, "1,5", None, "Ban hành đúng hạn"])
    ws.append(["1.2", "Báo cáo", 1, 0.5, 0.4, "Báo cáo đúng hạn"])
    wb.save(path)
    book, data = book_from(path)
    macros.fill_lost(book)
    result = apply(data, book.json()["actions"])
    values = result["sheets"][0]["values"]
    assert values[1][4] == 0.5
    assert values[2][4] == 0.4  # a typed value is never overwritten, only flagged
    assert values[2][6] == "Sai điểm bị mất"
    assert_user_cells_kept(data["sheets"][0]["values"], values, owned_col=6, owned_cells={(1, 4)})


def test_side_sheet_gives_a_message_not_a_traceback():
    book, data = book_from(SAMPLES / "phuoc_my_2024.xlsx")
    book.sheets.active.name  # the first sheet, a table
    book2, data2 = book_from(SAMPLES / "son_giang_2021.xlsx")
    data2["sheets"].append({"name": "Thông tin", "values": [["Người ký", "A"]], "pictures": [], "tables": []})
    data2["book"]["active_sheet_index"] = 1
    book3 = xw.Book(json=data2)
    macros.check_sheet(book3)
    result = apply(data2, book3.json()["actions"])
    assert len(result["alerts"]) == 1 and "không phải bảng PHỤ LỤC" in result["alerts"][0]
    assert result["sheets"][0]["values"] == data2["sheets"][0]["values"]


def test_summary_sheet_lists_every_table():
    book, data = book_from(SAMPLES / "phuoc_my_2024.xlsx")
    macros.summary(book)
    result = apply(data, book.json()["actions"])
    summary = next(s for s in result["sheets"] if s["name"] == "Tổng hợp")["values"]
    assert [row[0] for row in summary[1:]] == ["Phụ lục 1", "Phụ lục 2"]
    for row, table in zip(summary[1:], read_tables(SAMPLES / "phuoc_my_2024.xlsx")):
        counts = [sum(1 for f in table.findings if f.severity == s) for s in ("error", "warning", "info")]
        assert row[4:7] == counts and sum(counts) > 0  # the same findings as `parbook check`


def test_add_commune_and_help_need_their_sheets():
    book, data = book_from(SAMPLES / "son_giang_2021.xlsx")
    macros.add_commune(book)
    actions = book.json()["actions"]
    assert [a["func"] for a in actions][:1] == ["copySheet"]
    book2, _ = book_from(SAMPLES / "vinh_linh_2023.xlsx")
    macros.add_commune(book2)
    assert "Không thấy sheet mẫu" in book2.json()["actions"][-1]["args"][0]


def test_cli_mark_writes_a_marked_copy_and_keeps_the_source(parbook, tmp_path):
    import hashlib
    import shutil

    import openpyxl

    source = tmp_path / "son_giang.xlsx"
    shutil.copy(SAMPLES / "son_giang_2021.xlsx", source)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "da_kiem_tra.xlsx"
    assert parbook("mark", source, "-o", out, "--as-of", "2021-06-01").code == 0
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    wb = openpyxl.load_workbook(out)
    ws = wb["PHỤ LỤC"]
    assert ws.cell(6, 11).value == FLAGS_HEADER and "Sai điểm bị mất" in ws.cell(7, 11).value
    assert ws["E7"].fill.start_color.rgb.endswith("F4CCCC")
    original = openpyxl.load_workbook(source)["PHỤ LỤC"]
    for row in original.iter_rows():
        for cell in row:
            assert ws[cell.coordinate].value == cell.value
    assert FINDINGS_SHEET in wb.sheetnames
    again = parbook("mark", source, "-o", out)
    assert again.code == 2 and "--overwrite" in again.err


def test_make_plan_asks_to_save_an_unsaved_book():
    book, data = book_from(SAMPLES / "son_giang_2021.xlsx")
    book.api["book"]["name"] = "Book1"  # a new, never-saved workbook has no folder
    macros.make_plan(book)
    result = apply(data, book.json()["actions"])
    assert len(result["alerts"]) == 1 and "Ctrl+S" in result["alerts"][0]


def saved_book(sample: str, folder, monkeypatch):
    """A JSON-backed Book whose workbook is saved in folder (the JSON engine has no file path of its own)."""
    import shutil

    saved = folder / sample
    shutil.copy(SAMPLES / sample, saved)
    book, data = book_from(saved)
    monkeypatch.setattr(type(book), "fullname", property(lambda self: str(saved)))
    return book, data


def test_make_plan_writes_beside_a_saved_book(tmp_path, monkeypatch):
    import docx

    book, data = saved_book("son_giang_2021.xlsx", tmp_path, monkeypatch)
    macros.make_plan(book)
    result = apply(data, book.json()["actions"])
    [written] = list(tmp_path.glob("*.docx"))
    assert result["alerts"][0].startswith("Đã tạo kế hoạch") and written.name in result["alerts"][0]
    text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "8,45" in text


def test_make_plan_joins_the_tasks_sheet_and_says_what_the_library_filled(tmp_path, monkeypatch):
    import docx

    from plan_workbooks import district_two_sheets

    saved = district_two_sheets(tmp_path / "dt.xlsx")
    book, data = book_from(saved, active="PL1 điểm bị trừ")
    monkeypatch.setattr(type(book), "fullname", property(lambda self: str(saved)))
    macros.make_plan(book)
    [alert] = apply(data, book.json()["actions"])["alerts"]
    [written] = list(tmp_path.glob("*.docx"))
    assert alert.startswith("Đã tạo kế hoạch từ sheet 'PL1 điểm bị trừ' và 'PL2 nhiệm vụ'") and written.name in alert
    assert "mục dùng gợi ý của thư viện (tô vàng): hãy xem lại trước khi trình ký." in alert
    text = [p.text for p in docx.Document(str(written)).paragraphs]
    assert "- Cử 04 công chức cấp xã đi đào tạo, bồi dưỡng chuẩn hóa." in text  # PL2's task for 5.3.2
    assert "PHỤ LỤC II" in " ".join(text).upper()


def test_make_plan_fills_a_thin_sheet_from_the_library(tmp_path, monkeypatch):
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    book, data = saved_book("vinh_linh_2023.xlsx", tmp_path, monkeypatch)
    macros.make_plan(book)
    [alert] = apply(data, book.json()["actions"])["alerts"]
    assert "17 mục dùng gợi ý của thư viện (tô vàng)" in alert
    [written] = list(tmp_path.glob("*.docx"))
    document = docx.Document(str(written))
    assert not any(p.text.endswith(("giải pháp: ……", "Chủ trì: ……", "hoàn thành: ……")) for p in document.paragraphs)
    assert any(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for p in document.paragraphs for r in p.runs)


@pytest.mark.parametrize("button", ["make_plan", "make_report"])
def test_plan_and_report_on_a_sheet_without_a_table_say_why(tmp_path, monkeypatch, button):
    book, data = saved_book("son_giang_2021.xlsx", tmp_path, monkeypatch)
    data["sheets"].append({"name": "Ghi nhớ", "values": [["Họp giao ban thứ Hai"]], "pictures": [], "tables": []})
    data["book"]["active_sheet_index"] = len(data["sheets"]) - 1
    book = xw.Book(json=data)
    monkeypatch.setattr(type(book), "fullname", property(lambda self: str(tmp_path / "son_giang_2021.xlsx")))
    getattr(macros, button)(book)
    [alert] = apply(data, book.json()["actions"])["alerts"]
    assert alert.startswith("Sheet 'Ghi nhớ' không có bảng PHỤ LỤC") and not list(tmp_path.glob("*.docx"))


def test_show_help_activates_the_help_sheet():
    book, data = book_from(SAMPLES / "son_giang_2021.xlsx")
    data["sheets"].insert(0, {"name": "Hướng dẫn", "values": [["parbook"]], "pictures": [], "tables": []})
    book = xw.Book(json=data)
    macros.show_help(book)
    assert [a["func"] for a in book.json()["actions"]] == ["activateSheet"]


def test_merge_plans_button_writes_every_commune(tmp_path, monkeypatch):
    book, data = saved_book("district_2025.xlsx", tmp_path, monkeypatch)
    macros.merge_plans(book)
    result = apply(data, book.json()["actions"])
    out_dir = tmp_path / "Kế hoạch các xã - district_2025"
    assert len(list(out_dir.glob("*.docx"))) >= 20
    assert (out_dir / "Tổng hợp.xlsx").exists()
    assert result["alerts"][-1].startswith("Đã lập") and "Không lập được" in result["alerts"][-1]


def test_make_plan_twice_keeps_the_first_plan(tmp_path, monkeypatch):
    book, data = saved_book("son_giang_2021.xlsx", tmp_path, monkeypatch)
    macros.make_plan(book)
    [first] = list(tmp_path.glob("*.docx"))
    before = first.read_bytes()
    book, data = saved_book("son_giang_2021.xlsx", tmp_path, monkeypatch)
    macros.make_plan(book)
    [alert] = apply(data, book.json()["actions"])["alerts"]
    second = first.with_name(f"{first.stem} (2).docx")
    assert second.exists() and str(second) in alert and first.read_bytes() == before


def test_make_report_writes_the_progress_report_beside_the_book(tmp_path, monkeypatch):
    from progress_workbooks import progress_xlsx

    saved = progress_xlsx(tmp_path / "tan_lap.xlsx")
    book, data = book_from(saved)
    monkeypatch.setattr(type(book), "fullname", property(lambda self: str(saved)))
    macros.make_report(book)
    [alert] = apply(data, book.json()["actions"])["alerts"]
    [written] = list(tmp_path.glob("*.docx"))
    assert alert.startswith("Đã viết báo cáo kết quả năm 2025") and str(written) in alert  # the plan year is over
    assert written.name == "Báo cáo kết quả - UBND xã Tân Lập - năm 2025.docx"
    text = " ".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "BÁO CÁO" in text and "Kính gửi" in text
    before = written.read_bytes()
    macros.make_report(book)  # again: a second file, the first (maybe edited) kept
    assert {p.name for p in tmp_path.glob("*.docx")} == {written.name, f"{written.stem} (2).docx"}
    assert written.read_bytes() == before
