"""What each sample must hold, from the seeds: `python scripts/build_samples.py --check` runs these.

Each check reads the sample back with openpyxl and python-calamine (which must agree) and compares its
figures with the seed document's: a sample that drifted from the seed would test the wrong thing.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook


TOLERANCE = Decimal("0.005")
_CODE = re.compile(r"\d+(\.\d+)*")
_ROMAN = re.compile(r"[IVX]+")


class Mismatch(Exception):
    """A sample differs from what the seeds say it should hold."""


def read_grids(path: Path) -> dict[str, tuple[list[list[object]], list[str]]]:
    """Each sheet's plain values and merged ranges; openpyxl and calamine must read the same."""
    book = load_workbook(path)
    calamine = CalamineWorkbook.from_path(str(path))
    grids = {}
    for ws in book.worksheets:
        sheet = calamine.get_sheet_by_name(ws.title)
        by_openpyxl = trimmed([["" if v is None else v for v in row]
                               for row in ws.iter_rows(values_only=True)])
        by_calamine = trimmed(sheet.to_python(skip_empty_area=False))
        if by_openpyxl != by_calamine:
            raise Mismatch(f"{path.name} / {ws.title}: openpyxl and calamine read different values")
        merges_openpyxl = sorted(str(r) for r in ws.merged_cells.ranges)
        merges_calamine = sorted(
            f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}"
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges)
        if merges_openpyxl != merges_calamine:
            raise Mismatch(f"{path.name} / {ws.title}: openpyxl and calamine see different merges")
        grids[ws.title] = (by_openpyxl, merges_openpyxl)
    return grids


def trimmed(grid: list[list[object]]) -> list[list[object]]:
    """The grid without trailing empty rows and columns, numbers as floats (calamine's way)."""
    rows = [[float(v) if isinstance(v, int) else v for v in row] for row in grid]
    while rows and all(v == "" for v in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v != ""), default=0)
    return [list(row[:width]) + [""] * (width - len(row)) for row in rows]


def amount(value: object) -> Decimal | None:
    """A score cell as a Decimal: numbers, or text with a decimal comma, a sign or a stray space."""
    if value in ("", None):
        return None
    if isinstance(value, float):
        return Decimal(repr(round(value, 9)))
    return Decimal(str(value).strip().replace(",", "."))


def code(value: object) -> str:
    """An STT cell as text: 1.0 → "1", 1.2 → "1.2"."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def vn(number: Decimal) -> str:
    """An amount the Vietnamese way: 1,05."""
    return f"{number.normalize():f}".replace(".", ",")


def expect(label: str, got: object, wanted: object) -> None:
    """Print a figure; raise when it is not the one the seed gives."""
    same = (abs(got - wanted) <= TOLERANCE if isinstance(got, Decimal) else got == wanted)
    shown = vn(got) if isinstance(got, Decimal) else got
    wanted_shown = vn(wanted) if isinstance(wanted, Decimal) else wanted
    print(f"    {label}: {shown}" + ("" if same else f"  ✗ expected {wanted_shown}"))
    if not same:
        raise Mismatch(f"{label}: {got!r} != {wanted!r}")


def scored_items(grid, first_row: int, code_col: int = 0, max_col: int = 2):
    """(row, code, max, appraised, stated lost) for each row with a code, from first_row on."""
    items = []
    for number, cells in enumerate(grid[first_row - 1:], start=first_row):
        text = code(cells[code_col])
        if _CODE.fullmatch(text):
            items.append((number, text, amount(cells[max_col]), amount(cells[max_col + 1]),
                          amount(cells[max_col + 2])))
    return items


def direct_children(items) -> dict[str, list]:
    """For each code, the listed items whose nearest listed ancestor it is (by dotted segments)."""
    children: dict[str, list] = {}
    for i, item in enumerate(items):
        segments = item[1].split(".")
        for earlier in reversed(items[:i]):
            parent = earlier[1].split(".")
            if len(parent) < len(segments) and segments[:len(parent)] == parent:
                children.setdefault(earlier[1], []).append(item)
                break
    return children


def check_ia_pa(grids) -> None:
    """5 lĩnh vực, 27 items that explain them exactly, 19,25 lost, one stray blank row."""
    grid = grids["PHỤ LỤC"]
    items = scored_items(grid, first_row=8)
    groups = [i for i in items if "." not in i[1]]
    leaves = [i for i in items if "." in i[1]]
    children = direct_children(items)
    expect("lĩnh vực rows", [g[1] for g in groups], ["1", "3", "5", "6", "7"])
    expect("items under them", len(leaves), 27)
    for _, number, top, appraised, stated in groups:
        expect(f"lĩnh vực {number}: Điểm chuẩn − Điểm thẩm định", top - appraised, stated)
        expect(f"lĩnh vực {number}: sum over its items",
               sum(c[4] for c in children[number]), stated)
    expect("total lost over the lĩnh vực rows", sum(g[4] for g in groups), Decimal("19.25"))
    expect("stray blank rows inside the table",
           sum(1 for row in grid[7:] if all(v == "" for v in row)), 1)
    no_partner = [code(row[0]) for row in grid[7:] if row[0] != "" and row[1] and row[5]
                  and row[7] == ""]
    expect("items with no partner agency", no_partner, ["3.4", "3.7"])


def check_son_giang(grids) -> None:
    """Lĩnh vực losses 1,05 + 0,5 + 2 + 3 + 1,9 = 8,45, with the " 1.03" defect still typed."""
    grid = grids["PHỤ LỤC"]
    items = scored_items(grid, first_row=7)
    groups = [i for i in items if "." not in i[1]]
    expect("first data row", groups[0][0], 7)
    expect("lĩnh vực 1 Điểm bị mất as typed", grid[6][4], " 1.03")
    wanted = {"1": "1.05", "2": "0.5", "3": "2", "4": "3", "7": "1.9"}
    expect("lĩnh vực rows", [g[1] for g in groups], list(wanted))
    for _, number, top, appraised, _ in groups:
        expect(f"lĩnh vực {number}: Điểm chuẩn − Điểm thẩm định", top - appraised,
               Decimal(wanted[number]))
    children = direct_children(items)
    expect("lĩnh vực 1: sum over its listed items (defect kept)",
           sum(c[2] - c[3] for c in children["1"]), Decimal("1.0"))
    expect("total max", sum(g[2] for g in groups), Decimal("51"))
    expect("total appraised", sum(g[3] for g in groups), Decimal("42.55"))
    expect("total lost", sum(g[2] - g[3] for g in groups), Decimal("8.45"))


def check_vinh_linh(grids) -> None:
    """17 items with codes in their titles; negative lost points summing to the stated -6,07."""
    grid = grids["Phụ lục 1"]
    items = [(row[0].split(" ")[0], amount(row[1]), amount(row[2]), amount(row[3]))
             for row in grid[5:] if _CODE.fullmatch(row[0].split(" ")[0].rstrip("."))]
    expect("items (codes inside the title cell)", len(items), 17)
    for number, top, appraised, lost in items:
        expect(f"{number} max − appraised = −(Điểm bị trừ)", top - appraised, -lost)
    expect("sum of Điểm bị trừ", sum(i[3] for i in items), Decimal("-6.07"))
    expect("last row", (grid[-1][0], grid[-1][3]), ("Tổng điểm trừ", "-6,07"))


def check_phuoc_my(grids) -> None:
    """Targets printed over two pages; 7 task groups, 25 tasks, three without a deadline."""
    targets = grids["Phụ lục 1"]
    numbered = [code(row[0]) for row in targets[8:] if _CODE.fullmatch(code(row[0]))]
    expect("Phụ lục 1 numbered targets", numbered,
           ["1", "1.1", "1.2", "1.3", "2", "3", "3.1", "3.2", "3.3",
            "5", "5.1", "5.2", "5.3", "5.4"])
    expect("Phụ lục 1 bullet rows without STT",
           sum(1 for row in targets if row[0] == "" and str(row[1]).startswith("- ")), 5)
    expect("Phụ lục 1 header printed twice", sum(1 for row in targets if row[0] == "STT"), 2)
    expect("Phụ lục 1 item 3.3 continued after the repeated header",
           [row[1] for row in targets if row[4] == "quan"],
           ["được chấp nhận khi thực hiện thành công thủ tục hành chính"])
    tasks = grids["Phụ lục 2"]
    groups = [code(row[0]).split(" ")[0] for row in tasks[7:]
              if _ROMAN.fullmatch(code(row[0]).split(" ")[0])]
    expect("Phụ lục 2 groups", groups, ["I", "II", "III", "IV", "V", "VI", "VII"])
    numbered = [row for row in tasks[7:] if _CODE.fullmatch(code(row[0]))]
    expect("Phụ lục 2 tasks", len(numbered), 25)
    expect("Phụ lục 2 tasks with no deadline",
           [code(row[0]) for row in numbered if row[5] == ""], ["1.1", "1.2", "2"])


CHECKS = {
    "ia_pa_2019.xlsx": check_ia_pa,
    "son_giang_2021.xlsx": check_son_giang,
    "vinh_linh_2023.xlsx": check_vinh_linh,
    "phuoc_my_2024.xlsx": check_phuoc_my,
}
