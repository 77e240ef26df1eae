"""`parbook mark --progress`: the 'Theo dõi tiến độ' button's column written into a copy, headless.

The expected labels come from the fixture's own statuses and due dates (progress_workbooks.EXPECTED and
DUES), not from parbook: done → Đã xong; otherwise due before the as-of day → Quá hạn, within 30 days →
Sắp đến hạn, later → Còn hạn.
"""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from progress_workbooks import DUES, EXPECTED, HEADER, ROWS, progress_xlsx
from pyxl.excel.marks import PROGRESS_COLORS, PROGRESS_HEADER



def expected_labels(as_of: dt.date) -> dict[str, str]:
    labels = {}
    for code, state in EXPECTED.items():
        due = dt.date.fromisoformat(DUES[code]) if DUES[code] else None
        if state == "done":
            labels[code] = "Đã xong"
        elif due < as_of:
            labels[code] = "Quá hạn"
        elif due <= as_of + dt.timedelta(days=30):
            labels[code] = "Sắp đến hạn"
        else:
            labels[code] = "Còn hạn"
    return labels


def progress_column(path) -> tuple[int, dict[str, tuple[str, str | None]]]:
    """(column, code → (label, fill '#rrggbb' or None)) of parbook's progress column in the copy."""
    ws = openpyxl.load_workbook(path)["PHỤ LỤC"]
    headers = [c for row in ws.iter_rows() for c in row if c.value == PROGRESS_HEADER]
    assert len(headers) == 1, "one progress column, never a second one"
    col = headers[0].column
    found = {}
    for row in ws.iter_rows(min_row=headers[0].row + 1):
        code, cell = row[0].value, ws.cell(row[0].row, col)
        if cell.value is not None:
            color = cell.fill.start_color.rgb if cell.fill.fill_type == "solid" else None
            found[code] = (cell.value, "#" + color[-6:].lower() if color else None)
    return col, found


@pytest.fixture
def source(tmp_path):
    return progress_xlsx(tmp_path / "tien_do.xlsx")


@pytest.mark.parametrize("as_of", [dt.date(2025, 4, 15), dt.date(2025, 7, 1), dt.date(2026, 1, 10)])
def test_labels_and_colours_follow_statuses_and_deadlines(parbook, source, tmp_path, as_of):
    before = source.read_bytes()
    out = tmp_path / "ra.xlsx"
    result = parbook("mark", source, "--progress", "--as-of", as_of.isoformat(), "-o", out)
    assert result.code == 0, result.err
    col, found = progress_column(out)
    assert col == len(HEADER) + 1  # the first free column right of the table (A–K)
    assert {code: label for code, (label, _) in found.items()} == expected_labels(as_of)
    assert all(color == PROGRESS_COLORS[label].lower() for label, color in found.values())
    overdue = sum(label == "Quá hạn" for label in expected_labels(as_of).values())
    assert f"Quá hạn {overdue}," in result.out
    assert source.read_bytes() == before  # the officer's file is never written


def test_default_name_and_the_same_counts_as_parbook_progress(parbook, source):
    result = parbook("mark", source, "--progress", "--as-of", "2025-07-01")
    copy = source.with_name("tien_do - theo dõi tiến độ.xlsx")
    assert result.code == 0 and copy.exists()
    report = json.loads(parbook("progress", source, "--as-of", "2025-07-01", "--format", "json").out)
    counts = report["sheets"][0]["counts"]
    _, found = progress_column(copy)
    labels = [label for label, _ in found.values()]
    assert labels.count("Đã xong") == counts["done"]
    assert labels.count("Quá hạn") == counts["overdue"]
    assert labels.count("Sắp đến hạn") == counts["due_soon"]


def test_run_again_on_the_copy_updates_the_same_column(parbook, source, tmp_path):
    first, second = tmp_path / "quy2.xlsx", tmp_path / "cuoi_nam.xlsx"
    assert parbook("mark", source, "--progress", "--as-of", "2025-04-15", "-o", first).code == 0
    assert parbook("mark", first, "--progress", "--as-of", "2026-01-10", "-o", second).code == 0
    col_first, _ = progress_column(first)
    col_second, found = progress_column(second)
    assert col_second == col_first
    assert {code: label for code, (label, _) in found.items()} == expected_labels(dt.date(2026, 1, 10))


def test_the_copy_reads_as_the_source_and_clear_removes_the_column(parbook, source, tmp_path):
    marked, cleared = tmp_path / "theo_doi.xlsx", tmp_path / "sach.xlsx"
    assert parbook("mark", source, "--progress", "--as-of", "2025-07-01", "-o", marked).code == 0

    def check(path):
        report = json.loads(parbook("check", path, "--as-of", "2025-07-01", "--format", "json").out)
        return {k: v for k, v in report.items() if k != "file"}

    assert check(marked) == check(source)  # parbook's header is no field: the table reads the same
    result = parbook("mark", marked, "--clear", "-o", cleared)
    assert result.code == 0 and "'PHỤ LỤC'" in result.out
    original = openpyxl.load_workbook(source)["PHỤ LỤC"]
    back = openpyxl.load_workbook(cleared)["PHỤ LỤC"]
    col = len(HEADER) + 1
    assert all(back.cell(r, col).value is None and back.cell(r, col).fill.fill_type is None
               for r in range(1, back.max_row + 1))
    assert [[c.value for c in row][:col - 1] for row in back.iter_rows()] == \
        [[c.value for c in row] for row in original.iter_rows()]


def test_nothing_to_follow_writes_nothing(parbook, tmp_path):
    rows = [(code, title, top, top, lead, deadline, None, None, None)  # full points, no result typed
            for code, title, top, _, lead, deadline, *_ in ROWS]
    source = progress_xlsx(tmp_path / "du_diem.xlsx", rows=rows)
    out = tmp_path / "ra.xlsx"
    result = parbook("mark", source, "--progress", "-o", out)
    assert result.code == 2 and "không có mục nào cần theo dõi" in result.err
    assert not out.exists()

