"""An item's status as typed: done, in progress, not started, and the day the work ended.

A status is read as officers type it in a 'Kết quả thực hiện' / 'Tình hình thực hiện' / 'Tình trạng'
column ("Đã hoàn thành", "Hoàn thành ngày 15/5/2025", "Đang thực hiện", "Chưa thực hiện", "80%", "x"),
else from a 'Ngày hoàn thành' date, else from a status typed in the deadline column, else from a note
that starts with one ("Đã hoàn thành …"). Reading a table reads its statuses (Item.done); what is late
at a date is pyxl.core.progress.
"""
from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache
from datetime import date, datetime

from pyxl.core.deadlines import is_done, reports_done
from pyxl.core.model import MISSING_DEADLINE, Deadline
from pyxl.core.text import clean, fold

DONE, IN_PROGRESS, NOT_STARTED, UNKNOWN = "done", "in_progress", "not_started", "unknown"
STATES = (DONE, IN_PROGRESS, NOT_STARTED, UNKNOWN)
# Sub-columns of a 'Kết quả thực hiện' header, one per state, ticked with an x (pyxl.core.headers).
TICK_FIELDS = {DONE: "status_done", IN_PROGRESS: "status_in_progress", NOT_STARTED: "status_not_started"}
STATE_NAMES = {DONE: "Đã hoàn thành", IN_PROGRESS: "Đang thực hiện", NOT_STARTED: "Chưa thực hiện",
               UNKNOWN: "Chưa rõ kết quả"}

# Every pattern runs over fold(text): lower case, no accents, 'đ' → 'd'. They are compiled on first use (re
# keeps them), each behind a test that a match needs: most status cells are answered before they are needed.
TICKS = frozenset({"x", "v", "ok", "\u2713", "\u2714", "\u2611", "\u2705", "dat", "dat yeu cau"})
_NUMBER = r"^(?P<n>\d{1,3}(?:[.,]\d+)?)\s*(?P<pct>%)?$"
_NOT_STARTED = (
    r"\b(?:chua|khong)\s+(?:thuc hien|trien khai|lam|bat dau|co ket qua)\b(?!\s*(?:xong|het|dut diem|duoc het))"
    r"|^\W*chua\W*$"
)
_IN_PROGRESS = (
    r"^\W*dang\b|\bdang\s+(?:thuc hien|trien khai|lam|hoan thien|xay dung|cho)\b|\bmot phan\b"
    r"|\bchua\s+(?:(?:thuc hien|trien khai|lam)\s+)?(?:hoan thanh|xong|dat|dut diem|het)\b"
    r"|\bkhong (?:hoan thanh|dat)\b|\bco ban hoan thanh\b"
    r"|\btam dung\b|\b(?:cham|dung) tien do\b|\b(?:tre|qua) han\b"
    r"|(?<![\d.,])(?:[1-9]\d?|0[.,]\d+)(?:[.,]\d+)?\s*%"
)
_IN_PROGRESS_WORDS = ("dang", "mot phan", "chua", "khong", "co ban hoan thanh", "tam dung", "tien do", "tre han",
                      "qua han", "%")  # every match of _IN_PROGRESS has one
_ONGOING = r"\btiep tuc\b|\bthuong xuyen\b|\bdinh ky\b"  # unless it also says the work is done
_ONGOING_WORDS = ("tiep tuc", "thuong xuyen", "dinh ky")
# A note counts only when it starts with a status: "Đã hoàn thành …", "Đang thực hiện", "Chưa thực hiện".
_NOTE_IN_PROGRESS = r"^\W*dang\s+(?:thuc hien|trien khai|lam)\b"
_NOTE_NOT_STARTED = r"^\W*chua\s+(?:thuc hien|trien khai)\b"
_ONLY_DATE = (r"^(?:ngay\s*)?[\d\s/.-]+$|^\d{4}-\d{2}-\d{2}t[\d:.]+z?$"
              r"|^ngay\s*\d{1,2}\s*thang\s*\d{1,2}(?:\s*nam\s*\d{4})?$")
_ISO_DAY = r"(?<![\d/.-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d/])"  # 2025-06-20, web exports
_DAY = (r"(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})(?:\s*\2\s*(\d{4}))?(?![\d/])"
        r"|\bngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*nam\s*(\d{4}))?")


# Named tuples, not dataclasses, for small values defined at every start: a tenth of the cost to define.
class Status(namedtuple("Status", ("state", "text", "completed", "source"), defaults=(UNKNOWN, None, None, None))):
    """What an item's cells say of its work: state, the wording that says it (as typed) and when it ended.

    state: str; text: str | None; completed: date | None; source: str | None, the column that said it
    (status · completed · deadline · note).
    """

    __slots__ = ()

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
    number = re.match(_NUMBER, folded) if folded[0].isdecimal() else None
    if number:
        share = float(number["n"].replace(",", "."))
        share = share if number["pct"] or share > 1 else share * 100  # 0.8 is an Excel cell shown as 80%
        if share > 100:
            return None  # a year or a count, not a share of the work
        return DONE if share >= 100 else NOT_STARTED if share == 0 else IN_PROGRESS
    if ("chua" in folded or "khong" in folded) and re.search(_NOT_STARTED, folded):
        return NOT_STARTED
    if any(word in folded for word in _IN_PROGRESS_WORDS) and re.search(_IN_PROGRESS, folded):
        return IN_PROGRESS
    if reports_done(text) or ("hoan thanh" in folded and re.search(r"\bhoan thanh\b", folded)
                              and not _says_not_or_share(folded)):
        return DONE
    return IN_PROGRESS if any(word in folded for word in _ONGOING_WORDS) and re.search(_ONGOING, folded) else None


def _says_not_or_share(folded: str) -> bool:
    """'chưa', 'không' or a percentage (what r"\b(?:chua|khong)\b|%" finds)."""
    return "%" in folded or (("chua" in folded or "khong" in folded) and re.search(r"\b(?:chua|khong)\b", folded)
                             is not None)


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
    if state is None and typed_day and re.match(_ONLY_DATE, fold(clean(status))):
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
    folded = fold(line)
    if "dang" in folded and re.match(_NOTE_IN_PROGRESS, folded):
        return Status(IN_PROGRESS, line, None, "note")
    if "chua" in folded and re.match(_NOTE_NOT_STARTED, folded):
        return Status(NOT_STARTED, line, None, "note")
    return Status(UNKNOWN, clean(status) or None)


def completion_day(value: object, year: int | None = None) -> date | None:
    """The day a cell says the work ended: a date, '15/5/2025', 'ngày 15 tháng 5 năm 2025'; None if none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    folded = fold(clean(value))
    iso = re.search(_ISO_DAY, folded) if "-" in folded else None
    match = None if iso or not _may_name_day(folded) else re.search(_DAY, folded)
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


def _may_name_day(folded: str) -> bool:
    """False for a text in which _DAY finds nothing for sure: it has no separator and no 'ngày … tháng'."""
    return any(sep in folded for sep in "/.-") or ("ngay" in folded and "thang" in folded)
