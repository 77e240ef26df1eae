"""Deadlines: the 'Thời gian thực hiện' cell as a due date, and whether a status text means done."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from pyxl.core.model import MISSING_DEADLINE, Deadline
from pyxl.core.text import clean, fold

KINDS = frozenset({"missing", "date", "period", "ongoing", "recurring", "staged", "conditional", "vague"})
UNDATED_KINDS = frozenset({"missing", "conditional", "vague"})

# Every pattern below runs over fold(text): lower case, no accents, 'đ' → 'd', single spaces.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# "Kế hoạch số 170/KH-UBND ngày 18/10/2023": the date of a document cited, not a deadline.
_DOC_REF = re.compile(
    r"(?:\bso\s*)?\b\d+\s*/\s*(?:\d{4}\s*/\s*)?[a-z]+-[a-z0-9-]+"
    r"(?:\s*ngay\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|thang\s*\d{1,2}\s*nam)\s*\d{4})?"
)
# "31/8/2024", "ngày 31/08/2024", "ngày 15/12"; a bare "15/12" could be anything, so it needs "ngày".
_DAY = re.compile(
    r"(?P<ngay>\bngay\s*)?(?<![\d/.-])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
    r"(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/.-])"
)
_DAY_WORDS = re.compile(r"\bngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})(?:\s*nam\s*(?P<y>\d{4}))?")
# One period a text names; a bare "quý"/"tháng" means every quarter/month, as in "Báo cáo quý, năm".
_PERIOD = re.compile(
    r"(?P<half>\b0?6\s*thang(?:\s*(?P<side>dau|cuoi)\s*nam)?)"
    r"|(?P<quarter>\bquy\b(?:\s*(?P<q>iv|i{1,3}|\d{1,4})\b)?)"
    r"|(?P<month>\bthang\b(?:\s*(?P<m>\d{1,4})\b)?)"
    r"|\bnam\b(?!\s*\d)"  # "năm 2024" only says which year; "Cả năm", "và năm" name the year's end
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ONGOING = re.compile(r"\bnam tiep theo\b|\bthuong xuyen\b|\blien tuc\b|\btro di\b")
_RECURRING = re.compile(r"\bdinh ky\b|\b(?:hang|moi)\s*(?:quy|thang|nam)\b")
# Starts on someone else's act; "theo" alone is also the end of "các năm tiếp theo", hence the anchors.
_CONDITIONAL = re.compile(
    r"^(?:khi|theo|tuy)\b|\bsau khi\b|\bkhi co\b|\b(?:tuy thuoc|phu thuoc)\b"
    r"|\btheo (?:ke hoach|yeu cau|quy dinh|huong dan|tien do|chi dao|van ban|thong bao|lich|de nghi)\b"
)
_PARTS = re.compile(r"[;\n]")

_DONE = re.compile(
    r"^\W*(?:da\s+)?(?:hoan thanh|thuc hien xong|khac phuc xong|xong|ht)\b|^\W*da\s+(?:thuc hien|khac phuc)\b"
)
# "Hoàn thành 80%", "Hoàn thành một phần", "Đã thực hiện nhưng chưa xong" are not done.
_NOT_DONE = re.compile(r"(?<!\d)\d{1,2}(?:[.,]\d+)?\s*%|\bmot phan\b|\bchua\b")


def parse_deadline(value: object, year: int, as_of: date | None = None) -> Deadline:
    """The deadline a 'Thời gian thực hiện' cell names, read against the plan year and as-of date."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return Deadline(f"{value.day:02d}/{value.month:02d}/{value.year:04d}", value, "date")
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a year typed in a number cell comes back from some readers as 2024.0
    text = clean(value)
    if not text:
        return MISSING_DEADLINE
    due, kind = _read(text, year, as_of or date.today())
    return Deadline(text, due, kind)


def is_done(text: object) -> bool:
    """True for a status or note that says the task is completed ('Đã hoàn thành ngày 5/3', 'HT')."""
    folded = fold(clean(text))
    return bool(_DONE.search(folded)) and not _NOT_DONE.search(folded)


def _read(text: str, year: int, as_of: date) -> tuple[date | None, str]:
    """The due date and kind of a cleaned, non-empty cell text."""
    parts = [_classify(fold(part), year, as_of) for part in _PARTS.split(text)]
    dues = [due for due, kind in parts if due and kind in ("date", "period")]
    if len(dues) >= 2:
        return _next_due(dues, as_of), "staged"
    return _classify(fold(text), year, as_of)


def _classify(folded: str, plan_year: int, as_of: date) -> tuple[date | None, str]:
    """The due date and kind of one folded text, the most specific wording first."""
    folded = _DOC_REF.sub(" ", folded)
    named = _YEAR.search(folded)
    year = int(named.group()) if named else plan_year
    day = _DAY_WORDS.search(folded) or next((m for m in _DAY.finditer(folded) if m["ngay"] or m["y"]), None)
    if day:
        # An impossible day ("31/2/2024") is reported as vague so the officer fixes the cell.
        due = _safe_date(int(day["y"] or year), int(day["m"]), int(day["d"]))
        return due, "date" if due else "vague"
    if _ONGOING.search(folded):
        return _month_end(year, 12), "ongoing"
    ends = _period_ends(folded, year)
    if ends is None:
        return None, "vague"
    if ends and _RECURRING.search(folded):
        return _next_due(ends, as_of), "recurring"
    if _CONDITIONAL.search(folded):
        # Without a day, a period inside a condition ("Theo Kế hoạch năm 2024") names the plan, not a due.
        return None, "conditional"
    if len(ends) > 1:
        return _next_due(ends, as_of), "recurring"
    if ends:
        return ends[0], "period"
    if named:
        return _month_end(year, 12), "period"
    return None, "vague"


def _period_ends(folded: str, year: int) -> list[date] | None:
    """The sorted last days of the periods the text names in `year`; None if one cannot exist."""
    months: set[int] = set()
    for match in _PERIOD.finditer(folded):
        named = _months(match)
        if not named:
            return None
        months.update(named)
    return [_month_end(year, month) for month in sorted(months)]


def _months(match: re.Match[str]) -> list[int]:
    """The months whose ends close the period of a _PERIOD match; [] for 'quý 5' or 'tháng 13'."""
    if match["half"]:
        return [12 if match["side"] == "cuoi" else 6]
    if match["quarter"]:
        if match["q"] is None:
            return [3, 6, 9, 12]
        quarter = _ROMAN.get(match["q"]) or int(match["q"])
        return [3 * quarter] if 1 <= quarter <= 4 else []
    if match["month"]:
        if match["m"] is None:
            return list(range(1, 13))
        return [int(match["m"])] if 1 <= int(match["m"]) <= 12 else []
    return [12]


def _next_due(dues: list[date], as_of: date) -> date:
    """The first due on or after as_of; else the last one, so a finished schedule shows as overdue."""
    return next((due for due in dues if due >= as_of), dues[-1])


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
