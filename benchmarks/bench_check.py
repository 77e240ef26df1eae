"""Benchmark `parbook check`: reading engines and the core, on a 2,000-row sheet and a 300-sheet workbook.

Run: python benchmarks/bench_check.py   (prints figures and ratios; asserts nothing)
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyxl.readers import read_workbook  # noqa: E402
from pyxl.core.workbook import tables_from_grids  # noqa: E402
from pyxl.core.table import read_table  # noqa: E402

HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
          "Giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú"]
LEADS = ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Tư pháp - Hộ tịch", ""]
DEADLINES = ["Quý I", "Trong năm 2024", "trước ngày 31/8/2024", "Định kỳ hàng quý, 06 tháng, năm", "", "Cả năm"]


def write_sheet(ws, rows: int, rng: random.Random) -> None:
    ws.write(0, 0, "PHỤ LỤC KẾ HOẠCH KHẮC PHỤC CHỈ SỐ CCHC NĂM 2023, THỰC HIỆN NĂM 2024")
    ws.write_row(2, 0, HEADER)
    r, field = 3, 0
    while r < rows + 3:
        field += 1
        ws.write_row(r, 0, [str(field), f"LĨNH VỰC {field}", 10, 8.5, "1,5"])
        r += 1
        for k in range(1, 20):
            top = rng.choice([0.5, 1, 1.5, 2])
            got = round(top * rng.random(), 2)
            ws.write_row(r, 0, [f"{field}.{k}", f"Tiêu chí thành phần {field}.{k}", top, got,
                                f"{top - got:.2f}".replace(".", ","), "Giải pháp khắc phục", rng.choice(LEADS),
                                "Các ban ngành liên quan", rng.choice(DEADLINES), ""])
            r += 1


def build(path: Path, sheets: int, rows: int) -> Path:
    rng = random.Random(2024)
    wb = xlsxwriter.Workbook(str(path))
    for s in range(sheets):
        write_sheet(wb.add_worksheet(f"Xã {s + 1}"), rows, rng)
    wb.close()
    return path


def timed(func, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="parbook-bench-"))
    cases = {"2,000-row sheet": build(tmp / "rows.xlsx", 1, 2000), "300-sheet workbook": build(tmp / "sheets.xlsx", 300, 40)}
    as_of = date(2024, 5, 1)
    for label, path in cases.items():
        grids = read_workbook(path)
        rows = sum(g.height for g in grids)
        calamine = timed(lambda: read_workbook(path, "calamine"))
        openpyxl = timed(lambda: read_workbook(path, "openpyxl"), repeat=1)
        core = timed(lambda: tables_from_grids(grids, path.name, as_of=as_of))
        print(f"{label}: {len(grids)} sheet(s), {rows:,} rows")
        print(f"  read  python-calamine: {calamine * 1000:8.1f} ms  {rows / calamine:>10,.0f} rows/s")
        print(f"  read  openpyxl       : {openpyxl * 1000:8.1f} ms  {rows / openpyxl:>10,.0f} rows/s"
              f"  (calamine is {openpyxl / calamine:.1f}× faster)")
        print(f"  core  (score+check)  : {core * 1000:8.1f} ms  {rows / core:>10,.0f} rows/s")
        print(f"  whole check (calamine + core): {(calamine + core) * 1000:.1f} ms")
    grid = read_workbook(cases["2,000-row sheet"])[0]
    _clear_caches()
    cold = timed(lambda: read_table(grid, as_of=as_of), repeat=1)
    core_2000 = timed(lambda: read_table(grid, as_of=as_of), repeat=5)
    print(f"core on 2,000 rows: {core_2000 * 1000:.1f} ms best of 5, {cold * 1000:.1f} ms cold "
          f"(target < 100 ms: {'met' if core_2000 < 0.1 else 'NOT met'})")


def _clear_caches() -> None:
    """Forget the text and number caches, so the first run shows the cold cost."""
    from pyxl.core import headers, numbers, text

    for cached in (text.fold, text.tone_key, text._clean_text, headers.match_field, numbers._parse_cached):
        cached.cache_clear()


if __name__ == "__main__":
    main()
