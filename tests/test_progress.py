"""Following a plan through the year: statuses as officers type them, due dates, what is late, `parbook progress`."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from progress_workbooks import DUES, EXPECTED, TICK_ROWS, one_column_xlsx, progress_xlsx, ticks_xlsx
from pyxl.core.deadlines import parse_deadline
from pyxl.core.progress import (
    DONE, IN_PROGRESS, NOT_STARTED, STATES, UNKNOWN, progress_label, read_status, status_state, table_progress,
)
from pyxl.readers import read_tables

BEFORE, MIDYEAR, AFTER = dt.date(2025, 3, 1), dt.date(2025, 7, 5), dt.date(2026, 1, 10)


@pytest.mark.parametrize("typed, state", [
    ("Đã hoàn thành", DONE), ("Hoàn thành ngày 15/5/2025", DONE), ("Hoàn thành", DONE), ("HT", DONE),
    ("Đã thực hiện", DONE), ("Đã ban hành Kế hoạch số 05/KH-UBND", DONE), ("100%", DONE), ("1", DONE),
    ("x", DONE), ("X", DONE), ("✓", DONE), ("Đạt", DONE), ("Xong", DONE), ("Đã hoàn thành 100%", DONE),
    ("Đang thực hiện", IN_PROGRESS), ("Đang triển khai", IN_PROGRESS), ("80%", IN_PROGRESS), ("80 %", IN_PROGRESS),
    (0.8, IN_PROGRESS), ("0,5", IN_PROGRESS), ("Hoàn thành 80%", IN_PROGRESS), ("Chưa hoàn thành", IN_PROGRESS),
    ("Đã thực hiện một phần", IN_PROGRESS), ("Đã và đang thực hiện", IN_PROGRESS),
    ("Chưa thực hiện xong", IN_PROGRESS), ("Tiếp tục thực hiện", IN_PROGRESS), ("Cơ bản hoàn thành", IN_PROGRESS),
    ("Chậm tiến độ", IN_PROGRESS), ("Chưa thực hiện", NOT_STARTED), ("Chưa triển khai", NOT_STARTED),
    ("Không thực hiện", NOT_STARTED), ("0%", NOT_STARTED), ("Chưa", NOT_STARTED),
])
def test_every_status_wording_reads_as_typed(typed, state):
    assert status_state(typed) == state
    assert read_status(typed).state == state


@pytest.mark.parametrize("typed", [None, "", "   ", "Kịp thời", "2025", "Xem báo cáo số 12/BC-UBND", 250])
def test_blanks_and_other_texts_are_unknown(typed):
    assert status_state(typed) is None
    assert read_status(typed).state == UNKNOWN


def test_completion_dates_are_read_from_the_status_or_the_completion_cell():
    assert read_status("Hoàn thành ngày 15/5/2025").completed == dt.date(2025, 5, 15)
    assert read_status("Đã hoàn thành ngày 05 tháng 6 năm 2025").completed == dt.date(2025, 6, 5)
    assert read_status(None, dt.datetime(2025, 6, 20)) == read_status(None, "20/06/2025")
    assert read_status(None, "20/06/2025").state == DONE
    assert read_status(None, "2025-06-20").completed == dt.date(2025, 6, 20)  # a web export's date
    assert read_status("15/5/2025").state == DONE  # a date alone where the result goes
    assert read_status("Hoàn thành ngày 15/5", year=2025).completed == dt.date(2025, 5, 15)
    assert read_status("Đang thực hiện", "30/6/2025").state == IN_PROGRESS  # the status cell speaks first
    assert read_status(None, "Chưa").state == NOT_STARTED


def test_a_done_status_in_the_deadline_column_or_the_note_is_done():
    typed = parse_deadline("Đã hoàn thành", 2025)
    assert typed.kind == "status" and read_status(None, None, typed).state == DONE
    assert read_status(None, None, parse_deadline("Đang thực hiện", 2025)).state == IN_PROGRESS
    assert read_status(None, None, parse_deadline("Quý I", 2025), "Đã hoàn thành, có báo cáo").state == DONE
    assert read_status(None, None, parse_deadline("Quý I", 2025), "Tài liệu kiểm chứng: Báo cáo số 12").state == UNKNOWN


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    path = progress_xlsx(tmp_path_factory.mktemp("progress") / "tan_lap.xlsx")
    return path, {as_of: read_tables(path, None, None, as_of)[0] for as_of in (BEFORE, MIDYEAR, AFTER)}


def _by_code(progress):
    return {p.item.code: p for p in progress.items}


def test_the_workbook_reads_every_wording_with_its_due_date(followed):
    _, tables = followed
    table = tables[MIDYEAR]
    assert {"status", "completed", "deadline", "note"} <= set(table.columns)
    items = _by_code(table_progress(table, MIDYEAR))
    assert {code: p.status.state for code, p in items.items()} == EXPECTED
    assert {code: p.due.isoformat() if p.due else None for code, p in items.items()} == DUES
    assert items["1.2"].status.completed == dt.date(2025, 5, 15)
    assert items["3.3"].status.completed == dt.date(2025, 6, 20)
    assert items["1.3"].cell == "I9" and items["1.3"].offices == ("Phòng Văn hóa - Xã hội",)


@pytest.mark.parametrize("as_of, overdue, soon", [
    (BEFORE, set(), {"4.1"}),  # nothing late yet; 4.1 (Quý I, not finished) falls due within 30 days
    (MIDYEAR, {"1.3", "2.2", "4.1"}, {"3.1"}),
    (AFTER, {"1.3", "2.1", "2.2", "3.1", "3.4", "4.1"}, set()),  # every open item with a due date
])
def test_overdue_and_due_soon_before_and_after_the_deadlines(followed, as_of, overdue, soon):
    _, tables = followed
    items = _by_code(table_progress(tables[as_of], as_of))
    assert {code for code, p in items.items() if p.overdue} == overdue
    assert {code for code, p in items.items() if p.due_soon} == soon
    # the check's OVERDUE findings are the same items
    late_rows = {f.row for f in tables[as_of].findings if f.code == "OVERDUE"}
    assert late_rows == {p.item.row for p in items.values() if p.overdue}


@settings(max_examples=60, deadline=None)
@given(as_of=st.dates(min_value=dt.date(2024, 6, 1), max_value=dt.date(2027, 6, 1)))
def test_items_marked_done_are_never_overdue(followed, as_of):
    table = followed[1][MIDYEAR]
    for p in table_progress(table, as_of).items:
        if p.status.done:
            assert not p.overdue and not p.due_soon and p.label == "Đã xong"
        else:
            assert p.overdue == (p.due is not None and p.due < as_of)
        assert p.label == progress_label(p.status, p.item.deadline, as_of)


def test_json_counts_equal_the_items_listed(followed, parbook):
    path, _ = followed
    result = parbook("progress", path, "--as-of", "2025-07-05", "--format", "json")
    assert result.code == 0
    document = json.loads(result.out)
    assert document["file"] == str(path) and document["as_of"] == "2025-07-05"
    [sheet] = document["sheets"]
    items = sheet["items"]
    assert set(items[0]) >= {"row", "code", "status", "status_text", "due", "overdue", "due_soon", "lead"}
    counts = sheet["counts"]
    assert counts == {**{s: sum(1 for i in items if i["status"] == s) for s in STATES},
                      "overdue": sum(i["overdue"] for i in items), "due_soon": sum(i["due_soon"] for i in items)}
    assert counts == {"done": 7, "in_progress": 4, "not_started": 1, "unknown": 1, "overdue": 3, "due_soon": 1}
    assert document["counts"] == counts
    assert all(not (i["status"] == "done" and i["overdue"]) for i in items)
    for office in sheet["offices"]:
        mine = [i for i in items if office["office"] in i["lead"]]
        assert office["counts"]["done"] == sum(1 for i in mine if i["status"] == "done")
        assert [ref["code"] for ref in office["overdue"]] == [i["code"] for i in mine if i["overdue"]]
    kinh_te = next(o for o in sheet["offices"] if o["office"] == "Phòng Kinh tế")
    assert [r["code"] for r in kinh_te["overdue"]] == ["2.2", "4.1"] and kinh_te["overdue"][0]["cell"] == "I12"
    late = next(i for i in items if i["code"] == "1.3")
    assert late == {**late, "status": "in_progress", "status_text": "Đang thực hiện", "due": "2025-04-30",
                    "overdue": True, "due_soon": False, "lead": ["Phòng Văn hóa - Xã hội"], "cell": "I9",
                    "label": "Quá hạn", "note": "Chờ kinh phí in tài liệu"}


def test_text_report_lists_late_items_with_their_cells_and_offices(followed, parbook, tmp_path):
    path, _ = followed
    out = tmp_path / "tien_do.txt"
    assert parbook("progress", path, "--as-of", "2025-07-05", "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert "13 mục theo dõi; đã hoàn thành 7/13 (53,8%), đang thực hiện 4, chưa thực hiện 1, chưa rõ kết quả 1" in text
    assert "Quá hạn (3):" in text and "PHỤ LỤC!I20  Mục 4.1 «Sử dụng chữ ký số» — hạn 31/03/2025" in text
    assert ("Phòng Kinh tế: 3 mục — đã hoàn thành 1/3 (33,3%), đang thực hiện 1, chưa thực hiện 1; quá hạn 2 "
            "(2.2, 4.1)") in text
    again = parbook("progress", path, "-o", out)
    assert again.code == 2 and "--overwrite" in again.err


def test_a_sample_without_status_column_reports_what_is_past_due(parbook):
    result = parbook("progress", SAMPLES / "phuoc_my_2024.xlsx", "--sheet", "Phụ lục 2", "--as-of", "2024-07-15",
                     "--format", "json")
    sheet = result.json()["sheets"][0]
    assert sheet["counts"]["unknown"] == len(sheet["items"]) and sheet["counts"]["overdue"] == 9
    assert all(i["due"] < "2024-07-15" for i in sheet["items"] if i["overdue"])


@pytest.mark.parametrize("header, values, deadline, field", [
    ("Tiến độ", ["Đã hoàn thành", "Đang thực hiện", "80%"], "Thời gian thực hiện", "status"),
    ("Tiến độ", ["Đã hoàn thành", "Đang thực hiện", "80%", None], None, "status"),
    ("Tiến độ", ["Quý I", "Quý II/2025", "Tháng 6", "Đã hoàn thành"], None, "deadline"),
    ("Tình hình thực hiện", ["Đang thực hiện", "x"], "Thời gian thực hiện", "status"),
    ("Kết quả thực hiện", ["Đang thực hiện", "x"], "Tiến độ", "status"),
    ("Ngày hoàn thành", ["15/5/2025", None], "Thời gian thực hiện", "completed"),
    ("Ngày hoàn thành", ["30/6/2025", "31/12/2025"], None, "deadline"),
])
def test_tien_do_and_ngay_hoan_thanh_are_decided_from_the_table(tmp_path, header, values, deadline, field):
    table = read_tables(one_column_xlsx(tmp_path / "t.xlsx", header, values, deadline), None, None, MIDYEAR)[0]
    last = 3 + (1 if deadline else 0)
    assert table.columns[field] == last
    if field != "deadline":
        assert table.columns["deadline"] == 3 if deadline else "deadline" not in table.columns


@pytest.mark.parametrize("merged", [True, False])
def test_ticks_under_a_result_header_give_each_row_its_state(tmp_path, merged):
    table = read_tables(ticks_xlsx(tmp_path / "ticks.xlsx", merged), None, 2025, MIDYEAR)[0]
    assert (table.columns["status_done"], table.columns["status_in_progress"], table.columns["status_not_started"]) \
        == (4, 5, 6)
    assert [i.title for i in table.items] == [row[1] for row in TICK_ROWS]  # the sub-header row is no item
    progress = table_progress(table, MIDYEAR)
    assert [p.status.state for p in progress.items] == [row[-1] for row in TICK_ROWS]
    assert progress.items[3].status.completed == dt.date(2025, 5, 15)
    assert [p.item.code for p in progress.items if p.overdue] == ["2", "3"]


def test_tien_do_before_the_deadline_column_is_the_status(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Tiến độ", "Thời gian hoàn thành"])
    ws.append([1, "Ban hành kế hoạch", "Văn phòng HĐND và UBND", "Đã hoàn thành", "Quý I/2025"])
    ws.append([2, "Tuyên truyền", "Văn phòng HĐND và UBND", "Đang thực hiện", "Quý I/2025"])
    wb.save(tmp_path / "t.xlsx")
    table = read_tables(tmp_path / "t.xlsx", None, 2025, MIDYEAR)[0]
    assert (table.columns["status"], table.columns["deadline"]) == (3, 4)
    assert [f.row for f in table.findings if f.code == "OVERDUE"] == [3]


def test_a_done_status_in_the_deadline_column_marks_the_item_done(tmp_path):
    rows = [("1.1", "Ban hành kế hoạch", 2, 1.5, "Văn phòng HĐND và UBND", "Đã hoàn thành", None, None, None),
            ("1.2", "Báo cáo", 2, 1.5, "Văn phòng HĐND và UBND", "Đã ban hành Kế hoạch số 5/KH-UBND", None, None, None)]
    table = read_tables(progress_xlsx(tmp_path / "t.xlsx", rows=rows), None, None, MIDYEAR)[0]
    assert [item.done for item in table.items] == [True, True]
    assert not [f for f in table.findings if f.code in ("OVERDUE", "MISSING_DEADLINE")]


def test_bad_input_is_a_vietnamese_message_and_exit_2(parbook, tmp_path, followed, capsys):
    missing = parbook("progress", tmp_path / "khong_co.xlsx")
    assert missing.code == 2 and "khong_co.xlsx" in missing.err and "Traceback" not in missing.err
    path, _ = followed
    period = parbook("progress", path, "--report", "--period", "quý 7", "-o", tmp_path / "bc.docx")
    assert period.code == 2 and "Kỳ báo cáo 'quý 7' không rõ" in period.err
    assert not (tmp_path / "bc.docx").exists()
    with pytest.raises(SystemExit) as stopped:
        parbook("progress", path, "--as-of", "30/6/2025")
    assert stopped.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
