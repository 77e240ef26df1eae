"""Hostile cell text, and checks that a writer gives it back literally and adds no formula of its own.

`HOSTILE` is text an officer's table can hold (pasted from the web, a phone number, a minus sign
typed first, a template-looking note) that a careless writer would run: as a formula in Excel, as a
Jinja tag, as WordprocessingML. `expected` is what a writer may give back: the same text, less the
control characters XML cannot carry.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import xlsxwriter

LONG = "Dài " + "ê" * (32_767 - 4)  # exactly Excel's limit: must come back whole
HOSTILE = [
    "Ký\x01 tự\x07 điều\x1f khiển\x0b",
    "=1+1",
    "+84 912 345 678",
    "-0,5 điểm",
    "@SUM(A1:A9)",
    '=HYPERLINK("http://ví-dụ.vn","bấm")',
    "\tbắt đầu bằng tab",
    "- Phòng Nội vụ",
    "{{ x }} và {{ front.unit }}",
    "{% if true %}có{% endif %} {# ghi chú #}",
    "</w:t></w:r><w:r><w:t>chèn",
    "Tư pháp & Hộ tịch <b>đậm</b> &amp;",
    "\u202eRTL ẩn\u202c và عربي",
    "Không\u200brộng\u200d\ufeffđộ",
    LONG,
]
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def expected(text: str) -> str:
    """text as a writer may return it: control characters XML cannot hold dropped, and the spaces around
    it that readers trim (a tab typed first)."""
    return _CONTROL.sub("", text).strip()


def shown(text: str, limit: int = 2_000) -> str:
    """What to look for in a longer text quoting text (a message cut at Excel's limit keeps its start)."""
    return expected(text)[:limit]


HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm thẩm định", "Điểm bị mất",
          "Giải pháp khắc phục", "Cơ quan chủ trì", "Thời gian thực hiện", "Ghi chú"]


def hostile_scores_xlsx(path: Path, sheets: tuple[str, ...] = ("PHỤ LỤC",)) -> Path:
    """A PHỤ LỤC table per sheet whose titles, solutions, deadlines and notes are the hostile texts.

    Written as Excel writes text cells (XlsxWriter's write_string): "=1+1" is text, not a formula.
    """
    wb = xlsxwriter.Workbook(str(path))
    for sheet in sheets:
        ws = wb.add_worksheet(sheet)
        ws.write_row(0, 0, HEADER)
        ws.write_row(1, 0, ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"])
        for n, text in enumerate(HOSTILE, start=1):
            r = n + 1
            ws.write_string(r, 0, f"1.{n}")
            ws.write_string(r, 1, text)
            ws.write_number(r, 2, 1)
            ws.write_number(r, 3, 0.5)
            ws.write_string(r, 5, text)
            ws.write_string(r, 6, "Văn phòng")
            ws.write_string(r, 7, text)
            ws.write_string(r, 8, text)
        ws.write_formula(len(HOSTILE) + 2, 4, f"=SUM(E3:E{len(HOSTILE) + 2})", None, 0)  # the officer's formula
    wb.close()
    return path


def hostile_tasks_xlsx(path: Path) -> Path:
    """A task table (no points) whose tasks and products are the hostile texts."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Kế hoạch")
    ws.write_row(0, 0, ["STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"])
    for n, text in enumerate(HOSTILE, start=1):
        ws.write_string(n, 0, str(n))
        ws.write_string(n, 1, text)
        ws.write_string(n, 2, text)
        ws.write_string(n, 3, "Văn phòng")
        ws.write_string(n, 4, "Tư pháp")
        ws.write_string(n, 5, "Quý II/2025")
    wb.close()
    return path


def formulas(path: Path) -> list[str]:
    """Every cell formula of every worksheet in an .xlsx/.xlsm, as stored."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                xml = archive.read(name).decode("utf-8")
                found += re.findall(r"<f(?:\s[^>]*)?>(.*?)</f>", xml, re.S)
    return found


def assert_no_formula_but(path: Path, allowed: tuple[str, ...]) -> None:
    """Every formula in the workbook starts with one of allowed (those parbook or the officer wrote)."""
    strays = [f for f in formulas(path) if not f.startswith(allowed)]
    assert not strays, strays[:5]


def assert_all_literal(texts: list[str], found: str | list[str], limit: int | None = None) -> None:
    """Each hostile text appears literally (less control characters) in found."""
    haystack = found if isinstance(found, str) else "\n".join(found)
    missing = [t[:40] for t in texts if (shown(t, limit) if limit else expected(t)) not in haystack]
    assert not missing, missing
