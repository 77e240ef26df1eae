"""Progress through the year: each plan item's status as typed, its due date, and what is late.

A status is read as pyxl.core.status reads it (whose names are also importable from here). An item
is overdue when it is not done and its due date (the check's, pyxl.core.deadlines) is before the
as-of date; due soon when it falls within 30 days.
An item marked done is never overdue. The ribbon's 'Theo dõi tiến độ', `PAR_STATUS` and `parbook
progress` all go through `read_status` and `progress_label`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pyxl.core.grid import a1
from pyxl.core.model import SCORES, Deadline, Item, Table
from pyxl.core.scoring import children_of
from pyxl.core.status import (  # the status names, here too for the modules that import them from here
    DONE, IN_PROGRESS, NOT_STARTED, STATE_NAMES, STATES, TICK_FIELDS, TICKS, UNKNOWN, Status, completion_day,
    read_status, status_state,
)

SOON = timedelta(days=30)

# What the ribbon column and PAR_STATUS show; the last three are for items without a due date.
FINISHED, ON_TIME, DUE_SOON, OVERDUE = "Đã xong", "Còn hạn", "Sắp đến hạn", "Quá hạn"
NO_DEADLINE, UPPER_LEVEL, UNCLEAR = "Chưa có thời hạn", "Theo văn bản cấp trên", "Không rõ hạn"
__all__ = [
    "DONE", "IN_PROGRESS", "NOT_STARTED", "STATE_NAMES", "STATES", "TICK_FIELDS", "TICKS", "UNKNOWN", "Status",
    "completion_day", "read_status", "status_state", "SOON", "FINISHED", "ON_TIME", "DUE_SOON", "OVERDUE",
    "NO_DEADLINE", "UPPER_LEVEL", "UNCLEAR", "is_overdue", "is_due_soon", "progress_label", "ItemProgress",
    "OfficeProgress", "TableProgress", "LateItem", "ProgressSummary", "counts", "followed_items", "item_progress",
    "item_status", "table_progress",
]


def is_overdue(status: Status, due: date | None, as_of: date) -> bool:
    """Not done and due before as_of."""
    return not status.done and due is not None and due < as_of


def is_due_soon(status: Status, due: date | None, as_of: date) -> bool:
    """Not done and due on as_of or within the next 30 days."""
    return not status.done and due is not None and as_of <= due <= as_of + SOON


def progress_label(status: Status, deadline: Deadline, as_of: date) -> str:
    """What the ribbon's progress column and PAR_STATUS show: Đã xong, Quá hạn, Sắp đến hạn, Còn hạn, or
    why there is no due date (Chưa có thời hạn, Theo văn bản cấp trên, Không rõ hạn)."""
    if status.done:
        return FINISHED
    due = deadline.due
    if due is None:
        return {"conditional": UPPER_LEVEL, "vague": UNCLEAR}.get(deadline.kind, NO_DEADLINE)
    if is_overdue(status, due, as_of):
        return OVERDUE
    return DUE_SOON if is_due_soon(status, due, as_of) else ON_TIME


# -- one table ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemProgress:
    """One plan item followed up: its status, due date, whether it is late, and where it is."""

    index: int  # in Table.items
    item: Item
    status: Status
    due: date | None
    overdue: bool
    due_soon: bool
    label: str
    cell: str | None  # A1 of the status cell (else the deadline cell) on the sheet

    @property
    def offices(self) -> tuple[str, ...]:
        """The responsible offices by their catalogue names (the names as written when unknown)."""
        return self.item.lead_names or self.item.lead


@dataclass(frozen=True)
class OfficeProgress:
    """The items one office leads (office None: items with no lead written)."""

    office: str | None
    items: tuple[ItemProgress, ...]

    def counts(self) -> dict[str, int]:
        """Items per state, and how many are overdue and due soon."""
        return counts(self.items)


@dataclass(frozen=True)
class TableProgress:
    """A table's plan items followed up at one as-of date."""

    sheet: str
    kind: str
    year: int | None
    as_of: date
    items: tuple[ItemProgress, ...]

    def counts(self) -> dict[str, int]:
        """Items per state, and how many are overdue and due soon."""
        return counts(self.items)

    def by_office(self) -> list[OfficeProgress]:
        """The items per responsible office, offices in the order they first appear; no-lead items last."""
        groups: dict[str | None, list[ItemProgress]] = {}
        for p in self.items:
            for office in dict.fromkeys(p.offices) or (None,):
                groups.setdefault(office, []).append(p)
        order = [k for k in groups if k is not None] + ([None] if None in groups else [])
        return [OfficeProgress(k, tuple(groups[k])) for k in order]

    @property
    def late(self) -> list[ItemProgress]:
        """The overdue items, earliest due first."""
        return sorted((p for p in self.items if p.overdue), key=lambda p: (p.due, p.item.row))

    def summary(self) -> ProgressSummary:
        """The figures and late items alone (what a merge keeps of every commune)."""
        late = tuple(LateItem(p.item.row, p.item.code, p.item.title, p.offices, p.item.deadline.text,
                              p.due, p.status.state, p.status.text, p.item.note, p.cell)  # type: ignore[arg-type]
                     for p in self.late)
        found = self.counts()
        return ProgressSummary(self.sheet, self.kind, self.year, self.as_of,
                               tuple(p.status.state for p in self.items), found["overdue"], found["due_soon"], late)


@dataclass(frozen=True)
class LateItem:
    """An overdue item as a summary lists it: where it is, what it is, who leads it and what it says."""

    row: int
    code: str | None
    title: str
    offices: tuple[str, ...]  # by their catalogue names (the names as written when unknown)
    deadline: str | None  # the deadline cell as typed
    due: date
    state: str
    status_text: str | None  # the status as typed
    note: str | None
    cell: str | None  # A1 of the status cell (else the deadline cell)


@dataclass(frozen=True)
class ProgressSummary:
    """A table's progress in figures, small enough to send for every commune of a province: the state of
    each followed item, how many are overdue and due soon, and the overdue items (earliest due first)."""

    sheet: str
    kind: str
    year: int | None
    as_of: date
    items: tuple[str, ...]  # each followed item's state, in table order
    overdue: int
    due_soon: int
    late: tuple[LateItem, ...]

    def counts(self) -> dict[str, int]:
        """Items per state, and how many are overdue and due soon (as TableProgress.counts)."""
        found = {state: self.items.count(state) for state in STATES}
        found["overdue"], found["due_soon"] = self.overdue, self.due_soon
        return found


def counts(items: tuple[ItemProgress, ...] | list[ItemProgress]) -> dict[str, int]:
    """{done, in_progress, not_started, unknown, overdue, due_soon} over items."""
    found = {state: sum(1 for p in items if p.status.state == state) for state in STATES}
    found["overdue"] = sum(1 for p in items if p.overdue)
    found["due_soon"] = sum(1 for p in items if p.due_soon)
    return found


def followed_items(table: Table) -> list[int]:
    """Indexes of the items a plan follows up: the leaves it must cover (lost points, or a task table's
    tasks) and any other item with its own deadline, solution or status typed."""
    kids = children_of(list(table.items))
    found = []
    for i, item in enumerate(table.items):
        if item.is_group:
            continue
        if kids[i]:
            needed = bool(item.deadline.text or item.solution or item.status or item.completed)
        elif table.kind == SCORES:
            needed = (item.lost_points is not None and item.lost_points > 0) or bool(item.status or item.completed)
        else:
            needed = True
        if needed:
            found.append(i)
    return found


def item_progress(table: Table, index: int, as_of: date) -> ItemProgress:
    """One item's progress at as_of, read as `read_status` and `progress_label` read it."""
    item = table.items[index]
    status = item_status(item, table.year)
    due = item.deadline.due
    fields = ("status", *TICK_FIELDS.values(), "completed", "deadline")
    column = next((table.columns[f] for f in fields if f in table.columns), None)
    return ItemProgress(index, item, status, due, is_overdue(status, due, as_of), is_due_soon(status, due, as_of),
                        progress_label(status, item.deadline, as_of),
                        a1(item.row - 1, column) if column is not None else None)


def item_status(item: Item, year: int | None = None) -> Status:
    """The status an item's cells give."""
    return read_status(item.status, item.completed, item.deadline, item.note, year)


def table_progress(table: Table, as_of: date | None = None) -> TableProgress:
    """Every followed item of table at as_of (default: today)."""
    as_of = as_of or date.today()
    items = tuple(item_progress(table, i, as_of) for i in followed_items(table))
    return TableProgress(table.sheet, table.kind, table.year, as_of, items)
