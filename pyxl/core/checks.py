"""Findings: what is wrong or missing in a table, each with where it is and a Vietnamese message."""
from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from pyxl.core.codes import numbering_restarts, restart_part
from pyxl.core.deadlines import reports_done
from pyxl.core.grid import column_letter
from pyxl.core.model import ERROR, INFO, SCORES, WARNING, Finding, Item
from pyxl.core.numbers import equal, format_points
from pyxl.core.text import clean, tone_key
from pyxl.core.scoring import children_of, own_lost

_COLUMN_NAMES = {
    "solution": "Giải pháp",
    "lead": "Cơ quan chủ trì",
    "partners": "Cơ quan phối hợp",
    "deadline": "Thời gian thực hiện",
}


class Checker:
    """Runs every check over one table's items."""

    def __init__(self, sheet: str, kind: str, items: list[Item], columns: dict[str, int], as_of: date):
        self.sheet, self.kind, self.items, self.columns, self.as_of = sheet, kind, items, columns, as_of
        self.kids = children_of(items)
        self.restarts = numbering_restarts(items)
        self.units = names_units(items)
        self.findings: list[Finding] = []

    def add(self, code: str, severity: str, message: str, item: Item | None = None, field: str | None = None,
            row: int | None = None) -> None:
        """Record one finding, locating it at item's row and field's column."""
        column = column_letter(self.columns[field]) if field in self.columns else None
        self.findings.append(Finding(
            code, severity, message, self.sheet,
            row if row is not None else (item.row if item else None),
            item.code if item else None, column,
        ))

    def run(self, stated_total: tuple[int, Decimal] | None, lost_total: Decimal) -> list[Finding]:
        """All findings, in sheet order within each check."""
        self.missing_columns()
        for i, item in enumerate(self.items):
            if self.kind == SCORES:
                self.arithmetic(i, item)
            if self.needs_plan(i, item):
                self.plan_cells(item)
        self.duplicates()
        if stated_total is not None:
            self.total(stated_total, lost_total)
        return self.findings

    def needs_plan(self, i: int, item: Item) -> bool:
        """Items that need an owner, a solution and a deadline: leaves that lost points, or tasks."""
        if self.kids[i]:
            return False
        if self.kind == SCORES:
            return item.lost_points is not None and item.lost_points > 0
        return not item.is_group

    def missing_columns(self) -> None:
        wanted = ("solution", "lead", "deadline") if self.kind == SCORES else ("lead", "deadline")
        for field in wanted:
            if field not in self.columns:
                self.add("MISSING_COLUMN", INFO, f"Bảng không có cột '{_COLUMN_NAMES[field]}'; "
                         "parbook không kiểm tra được nội dung này. Có thể thêm cột nếu cần.")

    def arithmetic(self, i: int, item: Item) -> None:
        """LOST_MISMATCH, APPRAISED_OVER_MAX and SUBTOTAL_MISMATCH for one item."""
        who = item_label(item, self.restarts, self.units)
        if item.max_points is not None and item.appraised_points is not None:
            computed = item.max_points - item.appraised_points
            if item.stated_lost is not None and not equal(abs(item.stated_lost), computed):
                self.add("LOST_MISMATCH", ERROR,
                         f"Điểm bị mất ghi {format_points(item.stated_lost)} nhưng Điểm chuẩn − Điểm thẩm định "
                         f"= {format_points(computed)}", item, "stated_lost")
            if item.appraised_points > item.max_points:
                self.add("APPRAISED_OVER_MAX", ERROR,
                         f"{who}: Điểm thẩm định {format_points(item.appraised_points)} lớn hơn Điểm chuẩn "
                         f"{format_points(item.max_points)}; hãy kiểm tra lại số liệu.", item, "appraised_points")
        own = own_lost(item)
        listed = [self.items[k].lost_points for k in self.kids[i] if self.items[k].lost_points is not None]
        if own is None or not listed:
            return
        children = sum(listed, Decimal(0))
        if equal(own, children):
            return
        gap = own - children
        if gap > 0:
            message = (f"{who} mất {format_points(own)} điểm nhưng các mục con liệt kê chỉ cộng lại "
                       f"{format_points(children)} (còn {format_points(gap)} điểm chưa rõ ở mục nào); "
                       "hãy bổ sung mục con hoặc sửa điểm.")
        else:
            message = (f"{who} mất {format_points(own)} điểm nhưng các mục con cộng lại "
                       f"{format_points(children)}, nhiều hơn {format_points(-gap)}; hãy sửa điểm.")
        self.add("SUBTOTAL_MISMATCH", WARNING if gap > 0 else ERROR, message, item,
                 "stated_lost" if "stated_lost" in self.columns else "appraised_points")

    def plan_cells(self, item: Item) -> None:
        """Solution, lead, partners and deadline of an item that needs them."""
        who = item_label(item, self.restarts, self.units)
        lost = f" mất {format_points(item.lost_points)} điểm nhưng" if item.lost_points else ""
        if self.kind == SCORES and "solution" in self.columns and not item.solution:
            self.add("MISSING_SOLUTION", WARNING, f"{who}{lost} chưa có giải pháp khắc phục.", item, "solution")
        if "lead" in self.columns and not item.lead:
            self.add("MISSING_LEAD", WARNING, f"{who}{lost or ''} chưa có cơ quan chủ trì.", item, "lead")
        if "partners" in self.columns and not item.partners:
            self.add("MISSING_PARTNERS", INFO, f"{who} chưa ghi cơ quan phối hợp.", item, "partners")
        if "deadline" in self.columns:
            self.deadline(item, who)

    def deadline(self, item: Item, who: str) -> None:
        deadline = item.deadline
        if deadline.kind == "missing":
            self.add("MISSING_DEADLINE", WARNING, f"{who} chưa có thời gian thực hiện.", item, "deadline")
        elif deadline.kind == "status":
            if not (item.done or reports_done(deadline.text)):
                self.add("MISSING_DEADLINE", WARNING,
                         f"{who}: cột thời gian ghi tình trạng '{deadline.text}' chứ không phải thời hạn; hãy ghi hạn "
                         "hoàn thành, ví dụ 'Quý II/2024', và ghi tình trạng ở cột Ghi chú.", item, "deadline")
        elif deadline.kind == "conditional":
            self.add("VAGUE_DEADLINE", INFO,
                     f"{who}: thời gian '{deadline.text}' phụ thuộc văn bản của cấp khác; nhớ theo dõi để cập "
                     "nhật hạn cụ thể.", item, "deadline")
        elif deadline.due is None:
            self.add("VAGUE_DEADLINE", WARNING,
                     f"{who}: thời gian '{deadline.text}' không xác định được hạn; nên ghi rõ, ví dụ "
                     "'Quý II/2024' hoặc 'trước ngày 30/6/2024'.", item, "deadline")
        elif deadline.due < self.as_of and not item.done:
            self.add("OVERDUE", WARNING,
                     f"{who} đã quá hạn ({deadline.due:%d/%m/%Y}) mà chưa ghi 'Hoàn thành'.", item, "deadline")

    def duplicates(self) -> None:
        seen: Counter[tuple[str | None, int | None, str]] = Counter()
        for item in self.items:
            if not item.code:
                continue
            key = (item.unit and tone_key(item.unit), self._group_of(item), item.code)  # a long table: per commune
            seen[key] += 1
            if seen[key] == 2:
                self.add("DUPLICATE_CODE", WARNING,
                         f"Mã {item.code} xuất hiện nhiều lần trong cùng một lĩnh vực; hãy kiểm tra lại STT.",
                         item, "code")

    def _group_of(self, item: Item) -> int | None:
        while item.parent is not None and not self.items[item.parent].is_group:
            item = self.items[item.parent]
        return item.parent

    def total(self, stated: tuple[int, Decimal], computed: Decimal) -> None:
        row, value = stated
        if not equal(abs(value), computed):
            self.add("TOTAL_MISMATCH", ERROR,
                     f"Dòng tổng ghi {format_points(value)} điểm bị mất nhưng cộng các mục gốc được "
                     f"{format_points(computed)}.", None, "stated_lost", row=row)


def names_units(items: list[Item]) -> bool:
    """True for a long table of many communes (a 'Xã, phường' column naming two or more): messages name each."""
    return len({tone_key(item.unit) for item in items if item.unit}) > 1


def item_label(item: Item, restarts: bool = False, units: bool = False) -> str:
    """How a message names an item: 'Mục 2.1'; 'Mục 1, phần II' under a lĩnh vực line whose numbering restarts
    (the code alone would name one item of every part); 'Mục '<title>'' without a code; with its commune in a
    long table of many ('Mục 2.1 (Xã An Hòa)')."""
    if item.code:
        part = restart_part(item.code, item.group, restarts)
        label = f"Mục {item.code}, phần {part}" if part else f"Mục {item.code}"
    else:
        label = f"Mục '{item.title if len(item.title) <= 40 else item.title[:37] + '…'}'"
    return f"{label} ({item.unit})" if units and item.unit else label


# Short labels for a flags column or cell (the ribbon's check and the worksheet function PAR_FLAGS).
FLAG_LABELS = {
    "LOST_MISMATCH": "Sai điểm bị mất", "SUBTOTAL_MISMATCH": "Lệch tổng mục con",
    "APPRAISED_OVER_MAX": "Điểm thẩm định > điểm chuẩn", "NOT_A_NUMBER": "Ô điểm không phải số",
    "MISSING_SOLUTION": "Thiếu giải pháp", "MISSING_LEAD": "Thiếu cơ quan chủ trì",
    "MISSING_PARTNERS": "Thiếu cơ quan phối hợp", "MISSING_DEADLINE": "Thiếu thời gian",
    "VAGUE_DEADLINE": "Thời hạn chưa rõ", "OVERDUE": "Quá hạn", "DUPLICATE_CODE": "Trùng STT",
    "TOTAL_MISMATCH": "Sai dòng tổng", "NEGATIVE_SCORE": "Điểm âm", "ACCOUNTING_NEGATIVE": "Số âm trong ngoặc",
    "UNKNOWN_AGENCY": "Cơ quan chưa có trong danh mục",
}


def row_flags(lost: Decimal | None, solution: object, lead: object, deadline: object,
              year: int | None = None, as_of: date | None = None) -> list[str]:
    """Short flags for one row that lost points, from the same checks the whole-table check runs."""
    from pyxl.core.agencies import Catalogue
    from pyxl.core.agency_cells import AgencyReader
    from pyxl.core.deadlines import parse_deadline

    as_of = as_of or date.today()
    names = AgencyReader(Catalogue.builtin(), None).read(clean(lead)).names  # an evidence note is no lead
    item = Item(row=1, code=None, title="", lost_points=lost, solution=clean(solution) or None,
                lead=names, deadline=parse_deadline(deadline, year or as_of.year, as_of))
    checker = Checker("", SCORES, [item], {"solution": 0, "lead": 1, "deadline": 2}, as_of)
    if checker.needs_plan(0, item):
        checker.plan_cells(item)
    return [FLAG_LABELS[f.code] for f in checker.findings if f.severity != INFO]
