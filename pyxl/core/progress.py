"""Progress through the year: each plan item's status as typed, its due date, and what is late.

A status is read as officers type it in a 'Kết quả thực hiện' / 'Tình hình thực hiện' / 'Tình trạng'
column ("Đã hoàn thành", "Hoàn thành ngày 15/5/2025", "Đang thực hiện", "Chưa thực hiện", "80%", "x"),
else from a 'Ngày hoàn thành' date, else from a status typed in the deadline column, else from a note
that starts with one ("Đã hoàn thành …"). An item is overdue when it is not done and its due date
(the check's, pyxl.core.deadlines) is before the as-of date; due soon when it falls within 30 days.
An item marked done is never overdue. The ribbon's 'Theo dõi tiến độ', `PAR_STATUS` and `parbook
progress` all go through `read_status` and `progress_label`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta

from pyxl.core.deadlines import is_done, reports_done
from pyxl.core.grid import a1
from pyxl.core.model import MISSING_DEADLINE, SCORES, Deadline, Item, Table
from pyxl.core.scoring import children_of
from pyxl.core.text import clean, fold

DONE, IN_PROGRESS, NOT_STARTED, UNKNOWN = "done", "in_progress", "not_started", "unknown"
STATES = (DONE, IN_PROGRESS, NOT_STARTED, UNKNOWN)
SOON = timedelta(days=30)

# What the ribbon column and PAR_STATUS show; the last three are for items without a due date.
FINISHED, ON_TIME, DUE_SOON, OVERDUE = "Đã xong", "Còn hạn", "Sắp đến hạn", "Quá hạn"
NO_DEADLINE, UPPER_LEVEL, UNCLEAR = "Chưa có thời hạn", "Theo văn bản cấp trên", "Không rõ hạn"
# Sub-columns of a 'Kết quả thực hiện' header, one per state, ticked with an x (pyxl.core.headers).
TICK_FIELDS = {DONE: "status_done", IN_PROGRESS: "status_in_progress", NOT_STARTED: "status_not_started"}
STATE_NAMES = {DONE: "Đã hoàn thành", IN_PROGRESS: "Đang thực hiện", NOT_STARTED: "Chưa thực hiện",
               UNKNOWN: "Chưa rõ kết quả"}

# Every pattern runs over fold(text): lower case, no accents, 'đ' → 'd'.
TICKS = frozenset({"x", "v", "ok", "\u2713", "\u2714", "\u2611", "\u2705", "dat", "dat yeu cau"})
_NUMBER = re.compile(r"^(?P<n>\d{1,3}(?:[.,]\d+)?)\s*(?P<pct>%)?$")
_NOT_STARTED = re.compile(
    r"\b(?:chua|khong)\s+(?:thuc hien|trien khai|lam|bat dau|co ket qua)\b(?!\s*(?:xong|het|dut diem|duoc het))"
    r"|^\W*chua\W*$"
)
_IN_PROGRESS = re.compile(
    r"^\W*dang\b|\bdang\s+(?:thuc hien|trien khai|lam|hoan thien|xay dung|cho)\b|\bmot phan\b"
    r"|\bchua\s+(?:(?:thuc hien|trien khai|lam)\s+)?(?:hoan thanh|xong|dat|dut diem|het)\b"
    r"|\bkhong (?:hoan thanh|dat)\b|\bco ban hoan thanh\b"
    r"|\btam dung\b|\b(?:cham|dung) tien do\b|\b(?:tre|qua) han\b"
    r"|(?<![\d.,])(?:[1-9]\d?|0[.,]\d+)(?:[.,]\d+)?\s*%"
)
_ONGOING = re.compile(r"\btiep tuc\b|\bthuong xuyen\b|\bdinh ky\b")  # unless it also says the work is done
# A note counts only when it starts with a status: "Đã hoàn thành …", "Đang thực hiện", "Chưa thực hiện".
_NOTE_IN_PROGRESS = re.compile(r"^\W*dang\s+(?:thuc hien|trien khai|lam)\b")
_NOTE_NOT_STARTED = re.compile(r"^\W*chua\s+(?:thuc hien|trien khai)\b")
_ONLY_DATE = re.compile(r"^(?:ngay\s*)?[\d\s/.-]+$|^\d{4}-\d{2}-\d{2}t[\d:.]+z?$"
                        r"|^ngay\s*\d{1,2}\s*thang\s*\d{1,2}(?:\s*nam\s*\d{4})?$")
_ISO_DAY = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d/])")  # 2025-06-20, web exports
_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?![\d/])"
                  r"|\bngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?")


@dataclass(frozen=True)
class Status:
    """What an item's cells say of its work: state, the wording that says it (as typed) and when it ended."""

    state: str = UNKNOWN
    text: str | None = None
    completed: date | None = None
    source: str | None = None  # the column that said it: status · completed · deadline · note

    @property
    def done(self) -> bool:
        """True when the work is reported done."""
        return self.state == DONE


def status_state(value: object) -> str | None:
    """The state a status cell names ('Đang thực hiện' → in_progress, '80%' → in_progress, 'x' → done);
    None for a blank or a text that is no status."""
    text = clean(value)
    folded = fold(text)
    if not folded:
        return None
    if folded in TICKS:
        return DONE
    number = _NUMBER.match(folded)
    if number:
        share = float(number["n"].replace(",", "."))
        share = share if number["pct"] or share > 1 else share * 100  # 0.8 is an Excel cell shown as 80%
        if share > 100:
            return None  # a year or a count, not a share of the work
        return DONE if share >= 100 else NOT_STARTED if share == 0 else IN_PROGRESS
    if _NOT_STARTED.search(folded):
        return NOT_STARTED
    if _IN_PROGRESS.search(folded):
        return IN_PROGRESS
    if reports_done(text) or (re.search(r"\bhoan thanh\b", folded) and not re.search(r"\b(?:chua|khong)\b|%", folded)):
        return DONE
    return IN_PROGRESS if _ONGOING.search(folded) else None


def read_status(status: object = None, completed: object = None, deadline: Deadline = MISSING_DEADLINE,
                note: object = None, year: int | None = None) -> Status:
    """An item's status from its status cell, 'Ngày hoàn thành' cell, deadline cell and note, in that order.

    The first cell that names a state decides it; a completion date is read from the status wording
    ('Hoàn thành ngày 15/5/2025') or the 'Ngày hoàn thành' cell (a day without a year takes `year`).
    """
    try:
        return _read_status(status, completed, deadline, note, year)
    except TypeError:  # an unhashable value (a range given to PAR_STATUS): read without the cache
        return _read_status.__wrapped__(status, completed, deadline, note, year)


@lru_cache(maxsize=8192, typed=True)  # "Đã hoàn thành", "Đang thực hiện": the same cells in every table
def _read_status(status: object, completed: object, deadline: Deadline, note: object, year: int | None) -> Status:
    typed_day, finished = completion_day(status, year), completion_day(completed, year)
    state = status_state(status)
    if state is None and typed_day and _ONLY_DATE.match(fold(clean(status))):
        state = DONE  # a date alone where the result goes: the day the work was finished
    if state is not None:
        return Status(state, clean(status), (typed_day or finished) if state == DONE else None, "status")
    if finished is not None:
        return Status(DONE, clean(completed), finished, "completed")
    state = status_state(completed)
    if state is not None:
        return Status(state, clean(completed), None, "completed")
    if deadline.kind == "status":
        state = status_state(deadline.text)
        if state is not None:
            day = completion_day(deadline.text, year) if state == DONE else None
            return Status(state, deadline.text, day, "deadline")
    line = clean(note).split("\n")[0]
    if is_done(line):
        return Status(DONE, line, completion_day(line, year), "note")
    if _NOTE_IN_PROGRESS.match(fold(line)):
        return Status(IN_PROGRESS, line, None, "note")
    if _NOTE_NOT_STARTED.match(fold(line)):
        return Status(NOT_STARTED, line, None, "note")
    return Status(UNKNOWN, clean(status) or None)


def completion_day(value: object, year: int | None = None) -> date | None:
    """The day a cell says the work ended: a date, '15/5/2025', 'ngày 15 tháng 5 năm 2025'; None if none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    folded = fold(clean(value))
    iso = _ISO_DAY.search(folded)
    match = None if iso else _DAY.search(folded)
    if not (iso or match):
        return None
    if iso:
        d, m, y = iso[3], iso[2], iso[1]
    else:
        d, m, y = (match[1], match[3], match[4]) if match[1] else (match[5], match[6], match[7])
    if y is None and year is None:
        return None
    try:
        return date(int(y) if y else year, int(m), int(d))  # type: ignore[arg-type]
    except ValueError:
        return None


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
