"""Deadlines: the 'Thời gian thực hiện' cell as a due date, and whether a status text means done.

A cell is folded (lower case, no accents), then rewritten to the period it ends with: a range or a
span ends at its end ("tháng 3-4/2026" → "tháng 4/2026", "giai đoạn 2026-2030" → "năm 2030"),
"đầu/giữa/cuối năm" is the first quarter, the first half, the year's end. The most specific wording
left decides: a recurring schedule with a day, a day, an ongoing task, a period. A status typed in
the column ("Đã hoàn thành", "Đang thực hiện") is a status, not a deadline.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from collections.abc import Callable

from pyxl.core.model import MISSING_DEADLINE, Deadline
from pyxl.core.text import clean, first_word, fold, is_word_char
from pyxl.core.years import year_spans

KINDS = frozenset({"missing", "date", "period", "ongoing", "recurring", "staged", "conditional", "vague",
                   "status"})
UNDATED_KINDS = frozenset({"missing", "conditional", "vague", "status"})

# Every pattern below runs over fold(text): lower case, no accents, 'đ' → 'd', single spaces. They are kept as
# text and compiled on first use (re keeps them), each behind a test that a match needs: a cell needs few of
# them, and compiling them all costs more than reading a sheet. The years a text names (r"(?<!\d)(?:19|20)\d{2}
# (?!\d)") are found without a pattern (pyxl.core.years.year_spans).
_Q = r"(?:iv|i{1,3}|0?[1-4])"  # a quarter as officers number it: I–IV or 1–4
_TO = r"\s*(?:-|–|—|\bden\b|\btoi\b)\s*(?:het\s*)?"  # "-", "đến", "tới", "đến hết"
# "Kế hoạch số 170/KH-UBND ngày 18/10/2023": the date of a document cited, not a deadline.
_DOC_REF = (  # looked for only in a text with both "/" and "-", as a document number has
    r"(?:\bso\s*)?\b\d+\s*/\s*(?:\d{4}\s*/\s*)?[a-z]+-[a-z0-9-]+"
    r"(?:\s*ngay\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|thang\s*\d{1,2}\s*nam)\s*\d{4})?"
)
# "31/8/2024", "31.08.2024", "ngày 15/12", "trước 30/6": one separator throughout, so "3-4/2026" is not a day.
_DAY = (
    r"(?P<ngay>\bngay\s*)?(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d/-]|\.\d)"
)
_DAY_WORDS = r"\bngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})(?:\s*nam\s*(?P<y>\d{4}))?"
# A bare "30/6" is a day when a deadline word leads to it ("Hoàn thành trước 30/6") or it is the whole cell.
_DAY_CUES = ("truoc", "den", "toi", "han", "chot", "cham nhat", "hoan thanh", "xong", "ket thuc", "vao")
# "6/2026" without "tháng" (after "quý 2" or "tháng 6" it is already a period)
_MONTH_YEAR = r"(?<![\w/.-])(?<!quy )(?<!thang )(\d{1,2})\s*/\s*((?:19|20)\d{2})(?!\d)"
# One period a text names; a bare "quý"/"tháng" means every quarter/month, as in "Báo cáo quý, năm".
_PERIOD = (
    r"(?P<half>\b0?6\s*thang(?:\s*(?P<side>dau|cuoi)\s*nam)?)"
    r"|(?P<quarter>\bquy(?![a-z])(?:\s*(?P<q>iv|i{1,3}|\d{1,4})(?![a-z\d]))?)"  # "Quý II", "quý2"
    r"|(?P<month>\bthang(?![a-z])(?:\s*(?P<m>\d{1,4})(?!\d))?)"
    r"|\bnam\b(?!\s*\d)"  # "năm 2024" only says which year; "Cả năm", "và năm" name the year's end
)
_PERIOD_WORDS = ("thang", "quy", "nam")  # every match has one
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ONGOING = (r"\bnam tiep theo\b|\bthuong xuyen\b|\blien tuc\b|\btro di\b|\b(?:hang|moi) ngay\b"
            r"|\bquanh nam\b")
_ONGOING_WORDS = ("nam tiep theo", "thuong xuyen", "lien tuc", "tro di", "hang ngay", "moi ngay", "quanh nam")
_RECURRING = r"\bdinh ky\b|\b(?:hang|moi)\s*(?:quy|thang|nam|tuan)\b"
_RECURRING_WORDS = ("dinh ky", "hang", "moi")
_WEEKDAYS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4,
             "7": 5}
_WEEKDAY = r"\b(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))\b"
_DAY_OF_MONTH = r"\bngay\s*(\d{1,2})\b(?!\s*[/.-]\s*\d)(?!\s*thang)"
# Starts on someone else's act; "theo" alone is also the end of "các năm tiếp theo", hence the anchors.
_CONDITIONAL = (
    r"^(?:khi|theo|tuy)\b|\bsau khi\b|\bkhi co\b|\b(?:tuy thuoc|phu thuoc)\b"
    r"|\btheo (?:ke hoach|yeu cau|quy dinh|huong dan|tien do|chi dao|van ban|thong bao|lich|de nghi|lo trinh)\b"
)
_CONDITIONAL_WORDS = ("khi", "theo", "tuy", "thuoc")  # every match has one

# A status where a deadline should be: "Đã …" reports work done; the others only when no date is given.
_STATUS = r"^\W*(?:dang|chua|khong (?:thuc hien|hoan thanh)|hoan thanh|xong|ht|tam dung)\b"
_STATUS_STARTS = ("dang", "chua", "khong ", "hoan thanh", "xong", "ht", "tam dung")
_DONE = r"^\W*(?:da\s+)?(?:hoan thanh|thuc hien xong|khac phuc xong|xong|ht)\b|^\W*da\s+(?:thuc hien|khac phuc)\b"
_DONE_STARTS = ("da", "hoan thanh", "thuc hien xong", "khac phuc xong", "xong", "ht")
# "Hoàn thành 80%", "Hoàn thành một phần", "Đã thực hiện nhưng chưa xong" are not done.
_NOT_DONE = r"(?<!\d)\d{1,2}(?:[.,]\d+)?\s*%|\bmot phan\b|\bchua\b"


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
    return folded.startswith(_DONE_STARTS, first_word(folded)) and re.search(_DONE, folded) is not None \
        and not re.search(_NOT_DONE, folded)


def reports_done(text: object) -> bool:
    """True for a status typed in the deadline column that reports the work done ('Đã ban hành …')."""
    folded = fold(clean(text))
    return is_done(text) or (_starts_with_da(folded) and not re.search(_NOT_DONE, folded))


def _starts_with_da(folded: str) -> bool:
    r"""What r"^\W*da\b" matches: 'đã' as the first word."""
    start = first_word(folded)
    return folded.startswith("da", start) and not is_word_char(folded, start + 2)


def _years(folded: str) -> list[str]:
    r"""The years a text names, in order (what r"(?<!\d)(?:19|20)\d{2}(?!\d)" finds)."""
    return [folded[start:end] for start, end in year_spans(folded)]


def _read(text: str, year: int, as_of: date) -> tuple[date | None, str]:
    """The due date and kind of a cleaned, non-empty cell text."""
    folded = fold(text)
    if _starts_with_da(folded):
        return None, "status"
    parts = [_classify(part, stage_year, as_of) for part, stage_year in _stages(text, year)]
    dues = sorted(due for due, kind in parts if due and kind in ("date", "period"))
    if len(dues) >= 2:
        return _next_due(dues, as_of), "staged"
    due, kind = _classify(folded, year, as_of)
    if kind == "vague" and folded.startswith(_STATUS_STARTS, first_word(folded)) and re.match(_STATUS, folded):
        return None, "status"
    return due, kind


def _stages(text: str, year: int) -> list[tuple[str, int]]:
    """Each stage, folded, with the year it is in: its own, else the last one named before it, else the
    first the cell names ("Quý I/2025; Quý II" → Quý II/2025), else the plan year."""
    named = _years(fold(text))
    current = int(named[0]) if named else year
    stages = []
    for part in _parts(text):
        folded = fold(part)
        own = _years(folded)
        current = int(own[-1]) if own else current
        stages.append((folded, current))
    return stages


def _parts(text: str) -> list[str]:
    """The stages of a cell, one a line or between ';', a line that goes on with 'đến …' kept with its range."""
    parts: list[str] = []
    for part in text.replace("\n", ";").split(";"):
        if parts and _continues(fold(part)):
            parts[-1] += " " + part
        else:
            parts.append(part)
    return parts


def _continues(folded: str) -> bool:
    r"""A part that goes on with the range above ("Từ tháng 3\nđến tháng 6"): what r"^\W*(?:den|toi)\b|^\s*[-–]"
    matches."""
    start = first_word(folded)
    if folded.startswith(("den", "toi"), start) and not is_word_char(folded, start + 3):
        return True
    return folded.lstrip().startswith(("-", "–"))


def _recurs(folded: str) -> bool:
    return any(word in folded for word in _RECURRING_WORDS) and re.search(_RECURRING, folded) is not None


def _classify(folded: str, plan_year: int, as_of: date) -> tuple[date | None, str]:
    """The due date and kind of one folded text, the most specific wording first."""
    if "/" in folded and "-" in folded:
        folded = re.sub(_DOC_REF, " ", folded)
    folded = _rewrite(folded)
    named = _years(folded)
    year = int(named[0]) if named else plan_year
    if _recurs(folded):
        schedule = _schedule(folded, year)
        if schedule:
            return _next_due(schedule, as_of), "recurring"
    day = _day(folded)
    if day:
        # An impossible day ("31/2/2024") is reported as vague so the officer fixes the cell.
        due = _safe_date(int(day["y"] or year), int(day["m"]), int(day["d"]))
        return due, "date" if due else "vague"
    if any(word in folded for word in _ONGOING_WORDS) and re.search(_ONGOING, folded):
        return _month_end(year, 12), "ongoing"
    ends = _period_ends(folded, year)
    if ends is None:
        return None, "vague"
    if ends and _recurs(folded):
        return _next_due(ends, as_of), "recurring"
    if any(word in folded for word in _CONDITIONAL_WORDS) and re.search(_CONDITIONAL, folded):
        # Without a day, a period inside a condition ("Theo Kế hoạch năm 2024") names the plan, not a due.
        return None, "conditional"
    if len(ends) > 1:
        return _next_due(ends, as_of), "recurring"
    if ends:
        return ends[0], "period"
    if named:
        return _month_end(year, 12), "period"
    return None, "vague"


def _day(folded: str) -> re.Match[str] | None:
    """The day a text names: 'ngày 5 tháng 3', a full date, or a 'd/m' that a deadline word leads to."""
    words = re.search(_DAY_WORDS, folded) if "ngay" in folded and "thang" in folded else None
    if words:
        return words
    if not any(sep in folded for sep in "/.-"):
        return None  # a day without words has its separator
    for match in re.finditer(_DAY, folded):
        if match["ngay"] or match["y"]:
            return match
        before = folded[: match.start()]
        if match["sep"] != "-" and (not before.strip(" :(") or _ends_with_cue(before)):
            return match
    return None


def _ends_with_cue(text: str) -> bool:
    r"""A text that ends with a deadline word ('trước', 'hạn:'): what r"(?:truoc|…|vao)\s*:?\s*$" finds."""
    text = text.rstrip()
    if text.endswith(":"):
        text = text[:-1].rstrip()
    return text.endswith(_DAY_CUES)


# -- ranges, spans and parts of a period, rewritten to the period they end with -------------------------

def _rewrite(folded: str) -> str:
    for needed, pattern, replacement in _REWRITES:
        if needed(folded):
            folded = re.sub(pattern, replacement, folded)
    return folded


def _all(*words: str) -> Callable[[str], bool]:
    """A test that a text has each of the words (a pattern naming them all can match only then)."""
    return lambda folded: all(word in folded for word in words)


def _joined(word: str) -> Callable[[str], bool]:
    """A test for the word and, after it, a word that joins it to another ('-', 'đến', ',', 'và')."""
    return lambda folded: word in folded and any(joiner in folded for joiner in _JOINERS)


_JOINERS = ("-", "–", "—", "den", "toi", ",", "va")


def _dashed_days(folded: str) -> bool:
    return "/" in folded and ("-" in folded or "–" in folded)


def _from_to(match: re.Match[str]) -> str:
    """'từ X đến Y' → Y, with the year X names when Y names none ('từ tháng 3/2026 đến tháng 6')."""
    start, end = match["start"], match["end"]
    years = _years(start)
    return end if _years(end) or not years else f"{end} nam {years[-1]}"


def _span_or_schedule(word: str, numbers: list[str], values: list[int]) -> str:
    """Consecutive periods are one span, due at the last ('quý I, II'); others each a due ('tháng 3, 6, 9')."""
    if all(b - a == 1 for a, b in zip(values, values[1:])):
        return f"{word} {numbers[-1]}"
    return ", ".join(f"{word} {number}" for number in numbers)


def _quarter_list(match: re.Match[str]) -> str:
    numbers = re.findall(rf"{_Q}\b", match.group().removeprefix("quy"))
    return _span_or_schedule("quy", numbers, [_quarter_number(q) for q in numbers])


def _month_list(match: re.Match[str]) -> str:
    numbers = re.findall(r"\d{1,2}", match.group())
    return _span_or_schedule("thang", numbers, [int(n) for n in numbers])


def _quarter_number(text: str) -> int:
    return _ROMAN.get(text) or int(text)


def _quarter_month(offset: int) -> Callable[[re.Match[str]], str]:
    """'đầu quý III' → 'tháng 7' (offset 1: its first month), 'giữa quý III' → 'tháng 8' (offset 2)."""
    return lambda match: f"thang {3 * _quarter_number(match[1]) - 3 + offset}"


def _day_in_month(day: int) -> Callable[[re.Match[str]], str]:
    """'đầu tháng 7' → 'ngày 10/7' (the first ten days), 'giữa tháng 7' → 'ngày 15/7'."""
    return lambda match: f"ngay {day}/{match[1]}" + (f"/{match[2]}" if match[2] else "")


# (a test that a match needs, pattern, replacement): a pattern is compiled when a cell first passes its test.
_REWRITES: list[tuple[Callable[[str], bool], str, str | Callable[[re.Match[str]], str]]] = [
    # "quý IV/2025 - quý I/2026", "tháng 10/2025 đến tháng 3/2026": the end, with its own year
    (lambda folded: "/" in folded and folded.count("quy") + folded.count("thang") >= 2 and _joined("/")(folded),
     rf"\b(?:quy|thang)\s*\w{{1,3}}\s*/\s*(?:19|20)\d{{2}}{_TO}(?=(?:quy|thang)\b)", ""),
    # "năm 2026-2027", "giai đoạn 2026 – 2030", "2026, 2027": the last year
    (lambda folded: len(year_spans(folded)) >= 2,
     rf"(?:\bnam\s*)?(?<![\d/.-])(?:19|20)\d{{2}}(?:{_TO}|\s*(?:,|\bva\b)\s*)(?=(?:nam\s*)?(?:19|20)\d{{2}}(?!\d))", " "),
    # "1-15/7/2026", "10 - 15/7": days of one month
    (_dashed_days, r"(?<![\d/.])\d{1,2}\s*[-–]\s*(\d{1,2})\s*/\s*(\d{1,2})(\s*/\s*\d{4})?(?![\d/])", r"ngay \1/\2\3"),
    # "01/3 - 30/6/2026": from a day to a day
    (lambda folded: folded.count("/") >= 2 and _dashed_days(folded),
     r"(?<![\d/.])(?:ngay\s*)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*[-–]\s*(?=\d{1,2}\s*/\s*\d{1,2}(?!\d))",
     "ngay "),
    # "3-4/2026", "tháng 3 - 4/2026": months of a year, never a day and a month
    (_dashed_days, r"(?<![\d/.])(?<!quy )(?:thang\s*)?\d{1,2}\s*[-–]\s*(?:thang\s*)?(\d{1,2})\s*/\s*((?:19|20)\d{2})(?!\d)",
     r"thang \1/\2"),
    # "tháng 3 đến tháng 6", "tháng 3-4": the last month
    (_joined("thang"), rf"\bthang\s*\d{{1,2}}{_TO}(?:thang\s*)?(?=\d{{1,2}}(?!\d)(?!\s*/\s*\d{{1,2}}(?!\d)))", "thang "),
    # "quý II - quý IV", "quý I đến hết quý III": the last quarter
    (_joined("quy"), rf"\bquy\s*{_Q}{_TO}(?:quy\s*)?(?={_Q}\b)", "quy "),
    # "từ X đến Y": Y
    (lambda folded: "tu" in folded and ("den" in folded or "toi" in folded),
     r"\btu\s+(?P<start>.+?)\s+(?:den|toi)\s+(?:het\s+)?(?P<end>.+)$", _from_to),
    (_joined("quy"), rf"\bquy\s*{_Q}\b(?:\s*(?:,|\bva\b)\s*(?:quy\s*)?{_Q}\b)+", _quarter_list),
    (_joined("thang"), r"\bthang\s*\d{1,2}\b(?:\s*(?:,|\bva\b)\s*(?:thang\s*)?\d{1,2}\b(?!\s*/\s*\d{1,2}\b))+",
     _month_list),
    # "những tháng đầu năm", "quý đầu năm" (but not "6 tháng đầu năm", a half)
    (_all("dau", "nam"), r"(?<!\d )(?:\b(?:nhung|cac)\s*)?\b(?:thang|quy)\s*dau\s*nam\b", "quy i"),
    (_all("cuoi", "thang"), r"(?<!\d )(?:\b(?:nhung|cac)\s*)?\bthang\s*cuoi\s*nam\b", "nam"),
    (_all("cuoi", "quy"), r"\bquy\s*cuoi\s*nam\b", "quy iv"),
    (_all("dau", "nam"), r"(?<!thang )\bdau\s*nam\b", "quy i"),
    (_all("giua", "nam"), r"\bgiua\s*nam\b", "6 thang"),
    (_all("dau", "quy"), rf"\bdau\s*quy\s*({_Q})\b", _quarter_month(1)),
    (_all("giua", "quy"), rf"\bgiua\s*quy\s*({_Q})\b", _quarter_month(2)),
    (_all("dau", "thang"), r"\bdau\s*thang\s*(\d{1,2})(?:\s*/\s*((?:19|20)\d{2}))?\b", _day_in_month(10)),
    (_all("giua", "thang"), r"\bgiua\s*thang\s*(\d{1,2})(?:\s*/\s*((?:19|20)\d{2}))?\b", _day_in_month(15)),
    # "6/2026" without "tháng": a month
    (lambda folded: "/" in folded and bool(year_spans(folded)), _MONTH_YEAR, r"thang \1/\2"),
]


# -- recurring schedules with a day -----------------------------------------------------------------

def _schedule(folded: str, year: int) -> list[date] | None:
    """The dates of a recurring wording that names a day or weekday ('hằng tháng, trước ngày 20'), else None."""
    if "tuan" in folded and re.search(r"\b(?:hang|moi)\s*tuan\b", folded):
        weekday = re.search(_WEEKDAY, folded) if "thu" in folded or "chu nhat" in folded or "cn" in folded else None
        target = 6 if weekday and weekday[2] else _WEEKDAYS[weekday[1]] if weekday else 4  # Friday by default
        first = date(year, 1, 1) + timedelta(days=(target - date(year, 1, 1).weekday()) % 7)
        return [first + timedelta(weeks=k) for k in range(53) if (first + timedelta(weeks=k)).year == year]
    day = re.search(_DAY_OF_MONTH, folded) if "ngay" in folded else None
    if day is None or not 1 <= int(day[1]) <= 31:
        if "nam" in folded and re.search(r"\b(?:hang|moi)\s*nam\b", folded) and (dated := _day(folded)) \
                and not dated["y"]:
            due = _safe_date(year, int(dated["m"]), int(dated["d"]))
            return [due] if due else None
        return None
    if "thang" in folded and re.search(r"\b(?:hang|moi)\s*thang\b", folded):
        months = range(1, 13)
    elif "quy" in folded and re.search(r"\b(?:hang|moi)\s*quy\b", folded):
        months = range(3, 13, 3)  # the quarter's report falls in its last month
    else:
        return None
    return [date(year, m, min(int(day[1]), _month_end(year, m).day)) for m in months]


# -- periods --------------------------------------------------------------------------------------

def _period_ends(folded: str, year: int) -> list[date] | None:
    """The sorted last days of the periods the text names in `year`; None if one cannot exist."""
    months: set[int] = set()
    for match in re.finditer(_PERIOD, folded) if any(word in folded for word in _PERIOD_WORDS) else ():
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
    return date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
