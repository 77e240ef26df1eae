"""The typed values the core produces: deadlines, items, findings, tables."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
if TYPE_CHECKING:  # only for the annotation: the model stays free of the library at run time
    from pyxl.core.library import Suggestion

SCORES = "scores"
TASKS = "tasks"

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Deadline:
    """A 'Thời gian thực hiện' cell: the text as typed, its due date and what kind of text it is.

    kind: missing · date (a day) · period (end of a month, quarter, half or year) · ongoing
    ('… và các năm tiếp theo') · recurring ('Định kỳ hàng quý') · staged (two or more parts) ·
    conditional ('Sau khi có Quyết định…') · vague (no date can be determined).
    """

    text: str | None
    due: date | None
    kind: str


MISSING_DEADLINE = Deadline(None, None, "missing")


@dataclass(frozen=True)
class Item:
    """One row of the table: a group (lĩnh vực line), a criterion or a task, with its parsed cells."""

    row: int  # 1-based worksheet row of the item's first line
    code: str | None
    title: str
    level: int = 0
    is_group: bool = False
    parent: int | None = None  # index of the parent item in Table.items
    max_points: Decimal | None = None
    self_points: Decimal | None = None
    appraised_points: Decimal | None = None
    stated_lost: Decimal | None = None  # as typed, sign kept
    lost_points: Decimal | None = None  # computed (see scoring)
    target: str | None = None
    solution: str | None = None
    product: str | None = None  # "Hoạt động/sản phẩm" of a task table
    lead: tuple[str, ...] = ()  # agency names as written
    partners: tuple[str, ...] = ()
    lead_names: tuple[str, ...] = ()  # the same, normalised to the catalogue's names
    partner_names: tuple[str, ...] = ()
    deadline: Deadline = MISSING_DEADLINE
    note: str | None = None
    reason: str | None = None
    status: str | None = None  # 'Kết quả thực hiện' / 'Tình trạng' as typed
    done: bool = False  # the work is reported done (pyxl.core.progress.read_status)
    last_row: int = 0  # last worksheet row of the item (continuation lines included)
    unit: str | None = None  # the commune of a long table with a unit column
    serial: str | None = None  # the running number in the STT column when the code lives elsewhere
    group: str | None = None  # code (else title) of the lĩnh vực group row the item sits under
    evidence: str | None = None  # tài liệu kiểm chứng text kept out of the agency lists
    completed: str | None = None  # 'Ngày hoàn thành' as typed


@dataclass(frozen=True)
class Finding:
    """Something an officer should look at, with where it is and a Vietnamese message."""

    code: str
    severity: str
    message: str
    sheet: str = ""
    row: int | None = None
    item: str | None = None
    column: str | None = None  # column letter
    suggestion: str | None = None  # what the remediation library proposes, as text

    @property
    def cell(self) -> str | None:
        """The A1 reference ('E7'), or None when the finding is about a row or a whole sheet."""
        if self.column and self.row:
            return f"{self.column}{self.row}"
        return None


@dataclass(frozen=True)
class Totals:
    """Sums over the table's root items (a group and its children are never added together)."""

    max_points: Decimal | None
    appraised_points: Decimal | None
    lost_points: Decimal


@dataclass(frozen=True)
class Table:
    """A PHỤ LỤC table read from one sheet, scored and checked."""

    sheet: str
    kind: str
    items: tuple[Item, ...]
    totals: Totals
    findings: tuple[Finding, ...]
    columns: dict[str, int] = field(default_factory=dict)  # field name → 0-based column index
    header_rows: tuple[int, ...] = ()  # 1-based
    title_lines: tuple[str, ...] = ()
    year: int | None = None  # the plan year used for deadlines
    stated_total: Decimal | None = None  # from a 'Tổng' row, when there is one
    suggestions: dict[int, Suggestion] = field(default_factory=dict)  # item index → the library's proposal

    def children(self, index: int) -> list[int]:
        """Indexes of the items whose parent is items[index]."""
        return [i for i, item in enumerate(self.items) if item.parent == index]

    def roots(self) -> list[int]:
        """Indexes of the items with no parent in the table."""
        return [i for i, item in enumerate(self.items) if item.parent is None]

    def parent_code(self, item: Item) -> str | None:
        """The code of the item's parent, or None."""
        return None if item.parent is None else self.items[item.parent].code
