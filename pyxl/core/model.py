"""The typed values the core produces: deadlines, items, findings, tables.

Frozen values as dataclasses would give them, written out (pyxl.core.record): `check` makes these
classes at every start, and dataclasses costs more to load and run than reading a small table.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from pyxl.core.record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
if TYPE_CHECKING:  # only for the annotation: the model stays free of the library at run time
    from pyxl.core.library import Suggestion

SCORES = "scores"
TASKS = "tasks"

ERROR, WARNING, INFO = "error", "warning", "info"


class Deadline(Record):
    """A 'Thời gian thực hiện' cell: the text as typed, its due date and what kind of text it is.

    kind: missing · date (a day) · period (end of a month, quarter, half or year) · ongoing
    ('… và các năm tiếp theo') · recurring ('Định kỳ hàng quý') · staged (two or more parts) ·
    conditional ('Sau khi có Quyết định…') · vague (no date can be determined).
    """

    FIELDS = ("text", "due", "kind")
    text: str | None
    due: date | None
    kind: str

    def __init__(self, text: str | None, due: date | None, kind: str) -> None:
        self.__dict__.update(text=text, due=due, kind=kind)


MISSING_DEADLINE = Deadline(None, None, "missing")


class Item(Record):
    """One row of the table: a group (lĩnh vực line), a criterion or a task, with its parsed cells."""

    FIELDS = ("row", "code", "title", "level", "is_group", "parent", "max_points", "self_points", "appraised_points",
              "stated_lost", "lost_points", "target", "solution", "product", "lead", "partners", "lead_names",
              "partner_names", "deadline", "note", "reason", "status", "done", "last_row", "unit", "serial", "group",
              "evidence", "completed", "typed_code")
    row: int  # 1-based worksheet row of the item's first line
    code: str | None
    title: str
    level: int
    is_group: bool
    parent: int | None  # index of the parent item in Table.items
    max_points: Decimal | None
    self_points: Decimal | None
    appraised_points: Decimal | None
    stated_lost: Decimal | None  # as typed, sign kept
    lost_points: Decimal | None  # computed (see scoring)
    target: str | None
    solution: str | None
    product: str | None  # "Hoạt động/sản phẩm" of a task table
    lead: tuple[str, ...]  # agency names as written
    partners: tuple[str, ...]
    lead_names: tuple[str, ...]  # the same, normalised to the catalogue's names
    partner_names: tuple[str, ...]
    deadline: Deadline
    note: str | None
    reason: str | None
    status: str | None  # 'Kết quả thực hiện' / 'Tình trạng' as typed
    done: bool  # the work is reported done (pyxl.core.progress.read_status)
    last_row: int  # last worksheet row of the item (continuation lines included)
    unit: str | None  # the commune of a long table with a unit column
    serial: str | None  # the running number in the STT column when the code lives elsewhere
    group: str | None  # code (else title) of the lĩnh vực group row the item sits under
    evidence: str | None  # tài liệu kiểm chứng text kept out of the agency lists
    completed: str | None  # 'Ngày hoàn thành' as typed
    typed_code: str | None  # the code as typed before the title in its cell ('1.1.', 'Tiêu chí 1.2:'), if read there

    def __init__(self, row: int, code: str | None, title: str, level: int = 0, is_group: bool = False,
                 parent: int | None = None, max_points: Decimal | None = None, self_points: Decimal | None = None,
                 appraised_points: Decimal | None = None, stated_lost: Decimal | None = None,
                 lost_points: Decimal | None = None, target: str | None = None, solution: str | None = None,
                 product: str | None = None, lead: tuple[str, ...] = (), partners: tuple[str, ...] = (),
                 lead_names: tuple[str, ...] = (), partner_names: tuple[str, ...] = (),
                 deadline: Deadline = MISSING_DEADLINE, note: str | None = None, reason: str | None = None,
                 status: str | None = None, done: bool = False, last_row: int = 0, unit: str | None = None,
                 serial: str | None = None, group: str | None = None, evidence: str | None = None,
                 completed: str | None = None, typed_code: str | None = None) -> None:
        self.__dict__.update(
            row=row, code=code, title=title, level=level, is_group=is_group, parent=parent, max_points=max_points,
            self_points=self_points, appraised_points=appraised_points, stated_lost=stated_lost,
            lost_points=lost_points, target=target, solution=solution, product=product, lead=lead, partners=partners,
            lead_names=lead_names, partner_names=partner_names, deadline=deadline, note=note, reason=reason,
            status=status, done=done, last_row=last_row, unit=unit, serial=serial, group=group, evidence=evidence,
            completed=completed, typed_code=typed_code,
        )


class Finding(Record):
    """Something an officer should look at, with where it is and a Vietnamese message."""

    FIELDS = ("code", "severity", "message", "sheet", "row", "item", "column", "suggestion")
    code: str
    severity: str
    message: str
    sheet: str
    row: int | None
    item: str | None
    column: str | None  # column letter
    suggestion: str | None  # what the remediation library proposes, as text

    def __init__(self, code: str, severity: str, message: str, sheet: str = "", row: int | None = None,
                 item: str | None = None, column: str | None = None, suggestion: str | None = None) -> None:
        self.__dict__.update(code=code, severity=severity, message=message, sheet=sheet, row=row, item=item,
                             column=column, suggestion=suggestion)

    @property
    def cell(self) -> str | None:
        """The A1 reference ('E7'), or None when the finding is about a row or a whole sheet."""
        if self.column and self.row:
            return f"{self.column}{self.row}"
        return None


class Totals(Record):
    """Sums over the table's root items (a group and its children are never added together)."""

    FIELDS = ("max_points", "appraised_points", "lost_points")
    max_points: Decimal | None
    appraised_points: Decimal | None
    lost_points: Decimal

    def __init__(self, max_points: Decimal | None, appraised_points: Decimal | None, lost_points: Decimal) -> None:
        self.__dict__.update(max_points=max_points, appraised_points=appraised_points, lost_points=lost_points)


class Table(Record):
    """A PHỤ LỤC table read from one sheet, scored and checked."""

    FIELDS = ("sheet", "kind", "items", "totals", "findings", "columns", "header_rows", "title_lines", "year",
              "stated_total", "suggestions")
    sheet: str
    kind: str
    items: tuple[Item, ...]
    totals: Totals
    findings: tuple[Finding, ...]
    columns: dict[str, int]  # field name → 0-based column index
    header_rows: tuple[int, ...]  # 1-based
    title_lines: tuple[str, ...]
    year: int | None  # the plan year used for deadlines
    stated_total: Decimal | None  # from a 'Tổng' row, when there is one
    suggestions: dict[int, Suggestion]  # item index → the library's proposal

    def __init__(self, sheet: str, kind: str, items: tuple[Item, ...], totals: Totals, findings: tuple[Finding, ...],
                 columns: dict[str, int] | None = None, header_rows: tuple[int, ...] = (),
                 title_lines: tuple[str, ...] = (), year: int | None = None, stated_total: Decimal | None = None,
                 suggestions: dict[int, Suggestion] | None = None) -> None:
        self.__dict__.update(sheet=sheet, kind=kind, items=items, totals=totals, findings=findings,
                             columns={} if columns is None else columns, header_rows=header_rows,
                             title_lines=title_lines, year=year, stated_total=stated_total,
                             suggestions={} if suggestions is None else suggestions)

    def children(self, index: int) -> list[int]:
        """Indexes of the items whose parent is items[index]."""
        return [i for i, item in enumerate(self.items) if item.parent == index]

    def roots(self) -> list[int]:
        """Indexes of the items with no parent in the table."""
        return [i for i, item in enumerate(self.items) if item.parent is None]

    def parent_code(self, item: Item) -> str | None:
        """The code of the item's parent, or None."""
        return None if item.parent is None else self.items[item.parent].code
