"""A district workbook's sheets are read where they are planned: the process that lists the communes
reads only the side sheets, and the workers find the same communes a single process finds."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import xlsxwriter

from conftest import SAMPLES
from pyxl.merge import FAILED, WRITTEN, find_source, merge
from pyxl.merge.sheets import Sheet
from pyxl.readers._book import Book

DISTRICT = SAMPLES / "district_2025.xlsx"
AS_OF = date(2026, 1, 15)
HEADER = ["STT", "Lĩnh vực/Tiêu chí", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất", "Giải pháp", "Cơ quan chủ trì",
          "Thời gian thực hiện"]
ROWS = [["1.2", "Chế độ báo cáo", 1, 0.5, 0.5, "Báo cáo đúng hạn", "Văn phòng HĐND và UBND", "Quý I/2026"],
        ["3.2", "Hồ sơ đúng hạn", 3, 2, 1, "Không để trễ hạn", "Trung tâm Phục vụ hành chính công", "Thường xuyên"]]


def test_the_process_listing_the_communes_reads_only_the_side_sheets(monkeypatch):
    read: list[str] = []
    real = Book.read
    monkeypatch.setattr(Book, "read", lambda self, name, facts=True: read.append(name) or real(self, name, facts))
    asked: list[str] = []

    def survey(path: Path, names: list[str]) -> list[Sheet]:
        asked.extend(names)
        return [Sheet(name) for name in names]

    listed = find_source(DISTRICT, survey=survey)
    assert read == ["Thông tin", "Danh sách"]
    assert asked == [name for name in listed_sheets(DISTRICT) if name not in read]
    assert [u.name for u in listed.units] == [u.name for u in find_source(DISTRICT).units]


def listed_sheets(path: Path) -> list[str]:
    book = Book(path, "xlsx")
    try:
        return list(book.names)
    finally:
        book.close()


def province(path: Path) -> Path:
    """Communes as a sheet each and as a long table, an empty sheet and one beyond the reading limits."""
    wb = xlsxwriter.Workbook(str(path))
    info = wb.add_worksheet("Thông tin")
    info.write_row(0, 0, ["Năm thực hiện", 2026])
    for name in ("Tân Lập", "Đồng Tâm"):
        ws = wb.add_worksheet(name)
        ws.write(0, 0, f"PHỤ LỤC KẾ HOẠCH KHẮC PHỤC CỦA XÃ {name.upper()} NĂM 2026")
        ws.write_row(2, 0, HEADER)
        for r, row in enumerate(ROWS, start=3):
            ws.write_row(r, 0, row)
    wb.add_worksheet("Trống")
    long = wb.add_worksheet("PL các phường")
    long.write_row(2, 0, ["STT", "Đơn vị", *HEADER[1:]])
    for r, (unit, row) in enumerate([("Phường An Phú", ROWS[0]), ("Phường Kim Long", ROWS[1]),
                                     ("Phường An Phú", ROWS[1])], start=3):
        long.write_row(r, 0, [row[0], unit, *row[1:]])
    far = wb.add_worksheet("Gõ nhầm")
    far.write_row(2, 0, HEADER)
    far.write(150_000, 0, "x")
    for n in range(20):  # enough sheets that the workers find what they hold
        more = wb.add_worksheet(f"Xã {n + 1}")
        more.write_row(2, 0, HEADER)
        more.write_row(3, 0, ROWS[n % 2])
    wb.close()
    return path


def test_the_workers_find_what_one_process_finds(tmp_path):
    source = province(tmp_path / "tinh.xlsx")
    alone = merge(source, tmp_path / "one", as_of=AS_OF, jobs=1)
    shared = merge(source, tmp_path / "two", as_of=AS_OF, jobs=2)
    seen = [(o.name, o.sheet, o.status, o.totals) for o in alone.outcomes]
    assert [(o.name, o.sheet, o.status, o.totals) for o in shared.outcomes] == seen
    assert [name for name, *_ in seen] == ["Tân Lập", "Đồng Tâm", "Phường An Phú", "Phường Kim Long",
                                           *(f"Xã {n + 1}" for n in range(20)), "Gõ nhầm"]
    assert [status for *_, status, _ in seen] == [WRITTEN] * 24 + [FAILED]
    assert "A150001" in alone.outcomes[-1].message
    assert float(alone.outcomes[2].totals.lost_points) == 1.5  # both of An Phú's rows of the long table
    for one in sorted((tmp_path / "one").glob("*.docx")):
        assert (tmp_path / "two" / one.name).read_bytes() == one.read_bytes()


def test_a_workbook_whose_only_table_is_its_tong_hop_sheet_is_merged_commune_by_commune(tmp_path):
    """'Tổng hợp' names parbook's own summary, but also an officer's long table of every commune."""
    path = tmp_path / "huyen.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Tổng hợp")
    sheet.write_row(0, 0, ["Xã", *HEADER])
    for r, (commune, line) in enumerate([("Xã An Hòa", ROWS[0]), ("Xã An Hòa", ROWS[1]), ("Xã Bình Minh", ROWS[1])]):
        sheet.write_row(r + 1, 0, [commune, *line])
    book.close()
    result = merge(path, tmp_path / "out", as_of=AS_OF, jobs=1)
    assert [(o.name, o.status, float(o.totals.lost_points)) for o in result.outcomes] == [
        ("Xã An Hòa", WRITTEN, 1.5), ("Xã Bình Minh", WRITTEN, 1.0)]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == [
        "Kế hoạch khắc phục - Xã An Hòa - 2026.docx", "Kế hoạch khắc phục - Xã Bình Minh - 2026.docx"]
