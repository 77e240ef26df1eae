"""Deadline wordings officers write beyond the seeds: one table, each with its due date and kind.

Plan year 2026 unless a row says otherwise; as-of 2026-03-25 unless a row says otherwise (it matters
only for recurring and staged wordings). Then properties: every due date is a real date consistent
with the numbers in its own text.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyxl.core.deadlines import parse_deadline

AS_OF = date(2026, 3, 25)
D = date

# (text, due, kind) in plan year 2026, as of AS_OF
WORDINGS: list[tuple[str, date | None, str]] = [
    # a day without a year takes the plan year
    ("Hoàn thành trước 30/6", D(2026, 6, 30), "date"),
    ("Trước 15/12", D(2026, 12, 15), "date"),
    ("30/6", D(2026, 6, 30), "date"),
    ("Chậm nhất 31/10", D(2026, 10, 31), "date"),
    ("Hạn chót: 20/11", D(2026, 11, 20), "date"),
    ("Đến 31/12", D(2026, 12, 31), "date"),
    ("Xong trước 15/8", D(2026, 8, 15), "date"),
    ("hoàn thành trước ngày 30/9", D(2026, 9, 30), "date"),
    ("Trước ngày 31 tháng 7", D(2026, 7, 31), "date"),
    ("Hạn: 05.9", D(2026, 9, 5), "date"),
    ("Kết thúc 30/11", D(2026, 11, 30), "date"),
    ("Trước 31/2", None, "vague"),
    ("Trước ngày 31/4", None, "vague"),
    # full days
    ("Trước ngày 30/6/2026", D(2026, 6, 30), "date"),
    ("15-12-2026", D(2026, 12, 15), "date"),
    ("15.12.2026", D(2026, 12, 15), "date"),
    ("Ngày 05 tháng 3 năm 2026", D(2026, 3, 5), "date"),
    ("Trước 30/4/2027", D(2027, 4, 30), "date"),
    ("Hạn: 15/11/2026.", D(2026, 11, 15), "date"),
    ("Hoàn thành trước ngày 31/8/2026 (theo Kế hoạch số 35/KH-UBND ngày 07/02/2026)", D(2026, 8, 31), "date"),
    # ranges of days end at their last day
    ("Từ 01/3/2026 đến 30/6/2026", D(2026, 6, 30), "date"),
    ("Từ ngày 1/3 đến ngày 30/6", D(2026, 6, 30), "date"),
    ("01/3 - 30/6/2026", D(2026, 6, 30), "date"),
    ("1-15/7/2026", D(2026, 7, 15), "date"),
    ("Từ 10 - 20/7", D(2026, 7, 20), "date"),
    ("Từ ngày 15/11/2026 đến ngày 15/01/2027", D(2027, 1, 15), "date"),
    # ranges of months: due at the end, "3-4/2026" is never a day and a month
    ("Tháng 3-4/2026", D(2026, 4, 30), "period"),
    ("Tháng 3 - 4/2026", D(2026, 4, 30), "period"),
    ("3-4/2026", D(2026, 4, 30), "period"),
    ("Tháng 3–4", D(2026, 4, 30), "period"),
    ("Từ tháng 3 đến tháng 6/2026", D(2026, 6, 30), "period"),
    ("Từ tháng 3 đến tháng 6 năm 2026", D(2026, 6, 30), "period"),
    ("Tháng 3 đến tháng 5", D(2026, 5, 31), "period"),
    ("Từ tháng 3/2026 đến tháng 6", D(2026, 6, 30), "period"),
    ("Tháng 9, 10", D(2026, 10, 31), "period"),
    ("Tháng 9 và tháng 10/2026", D(2026, 10, 31), "period"),
    ("Tháng 10 - tháng 12/2026", D(2026, 12, 31), "period"),
    ("Tháng 3/2026 - tháng 5/2026", D(2026, 5, 31), "period"),
    ("Từ tháng 10/2026 đến tháng 3/2027", D(2027, 3, 31), "period"),
    ("Từ tháng 3\nđến tháng 6/2026", D(2026, 6, 30), "period"),
    ("Đến hết tháng 6/2026", D(2026, 6, 30), "period"),
    ("6/2026", D(2026, 6, 30), "period"),
    ("Dự kiến tháng 8/2026", D(2026, 8, 31), "period"),
    # ranges of quarters
    ("Quý I, II", D(2026, 6, 30), "period"),
    ("Quý I và II", D(2026, 6, 30), "period"),
    ("Quý II, III/2026", D(2026, 9, 30), "period"),
    ("Quý III-IV", D(2026, 12, 31), "period"),
    ("Quý I đến Quý III", D(2026, 9, 30), "period"),
    ("Từ Quý II đến Quý IV/2026", D(2026, 12, 31), "period"),
    ("Quý 1, 2 năm 2026", D(2026, 6, 30), "period"),
    ("Quý IV/2026 - Quý I/2027", D(2027, 3, 31), "period"),
    ("Đến hết Quý II/2026", D(2026, 6, 30), "period"),
    ("Quý I/2027", D(2027, 3, 31), "period"),
    # quarters that are not one span are a schedule
    ("Quý I và Quý III", D(2026, 3, 31), "recurring"),
    ("Tháng 3, 6, 9, 12", D(2026, 3, 31), "recurring"),
    # spans of years end with their last year
    ("Năm 2026-2027", D(2027, 12, 31), "period"),
    ("Giai đoạn 2026-2030", D(2030, 12, 31), "period"),
    ("Giai đoạn 2026 – 2030", D(2030, 12, 31), "period"),
    ("2026 - 2027", D(2027, 12, 31), "period"),
    ("Từ năm 2026 đến năm 2028", D(2028, 12, 31), "period"),
    ("Năm 2026, 2027", D(2027, 12, 31), "period"),
    ("GĐ 2026-2030", D(2030, 12, 31), "period"),
    ("Năm 2026 và 2027", D(2027, 12, 31), "period"),
    ("Giai đoạn 2021-2025 và các năm tiếp theo", D(2025, 12, 31), "ongoing"),
    # the start, middle and end of a year, quarter or month
    ("Đầu năm", D(2026, 3, 31), "period"),
    ("Đầu năm 2027", D(2027, 3, 31), "period"),
    ("Giữa năm", D(2026, 6, 30), "period"),
    ("Giữa năm 2026", D(2026, 6, 30), "period"),
    ("Cuối năm", D(2026, 12, 31), "period"),
    ("Cuối năm 2026", D(2026, 12, 31), "period"),
    ("Trước cuối năm", D(2026, 12, 31), "period"),
    ("Từ nay đến cuối năm", D(2026, 12, 31), "period"),
    ("Những tháng đầu năm", D(2026, 3, 31), "period"),
    ("Các tháng cuối năm", D(2026, 12, 31), "period"),
    ("Quý đầu năm", D(2026, 3, 31), "period"),
    ("Cuối Quý II/2026", D(2026, 6, 30), "period"),
    ("Đầu Quý III/2026", D(2026, 7, 31), "period"),
    ("Giữa quý IV", D(2026, 11, 30), "period"),
    ("Cuối tháng 9/2026", D(2026, 9, 30), "period"),
    ("Đầu tháng 10/2026", D(2026, 10, 10), "date"),
    ("Giữa tháng 8", D(2026, 8, 15), "date"),
    ("6 tháng đầu năm 2026", D(2026, 6, 30), "period"),
    ("6 tháng cuối năm", D(2026, 12, 31), "period"),
    ("Trong 6 tháng đầu năm", D(2026, 6, 30), "period"),
    # plain periods
    ("Tháng 6/2026", D(2026, 6, 30), "period"),
    ("Trong tháng 6", D(2026, 6, 30), "period"),
    ("Quý IV/2026", D(2026, 12, 31), "period"),
    ("Trong quý II/2026", D(2026, 6, 30), "period"),
    ("Năm 2026 (Quý II)", D(2026, 6, 30), "period"),
    ("Hết năm 2026", D(2026, 12, 31), "period"),
    ("Đến hết năm 2026", D(2026, 12, 31), "period"),
    ("Cả năm 2026", D(2026, 12, 31), "period"),
    ("Tháng 12 năm 2026", D(2026, 12, 31), "period"),
    ("Quý2/2026", D(2026, 6, 30), "period"),
    ("tháng6", D(2026, 6, 30), "period"),
    ("QUÝ III - IV/2026", D(2026, 12, 31), "period"),
    # recurring: the next due on or after the as-of date
    ("Hằng tháng, trước ngày 20", D(2026, 4, 20), "recurring"),
    ("Hằng tháng (trước ngày 25)", D(2026, 3, 25), "recurring"),
    ("Ngày 20 hằng tháng", D(2026, 4, 20), "recurring"),
    ("Trước ngày 05 hằng tháng", D(2026, 4, 5), "recurring"),
    ("Mỗi tháng, trước ngày 31", D(2026, 3, 31), "recurring"),
    ("Định kỳ hằng quý", D(2026, 3, 31), "recurring"),
    ("Hằng quý, trước ngày 15", D(2026, 6, 15), "recurring"),
    ("Định kỳ hằng năm", D(2026, 12, 31), "recurring"),
    ("Hằng năm, trước ngày 15/12", D(2026, 12, 15), "recurring"),
    ("Định kỳ 6 tháng", D(2026, 6, 30), "recurring"),
    ("Hằng tuần", D(2026, 3, 27), "recurring"),
    ("Thứ Hai hằng tuần", D(2026, 3, 30), "recurring"),
    ("Chiều thứ 6 hằng tuần", D(2026, 3, 27), "recurring"),
    ("Báo cáo tháng, quý, năm", D(2026, 3, 31), "recurring"),
    # ongoing
    ("Thường xuyên", D(2026, 12, 31), "ongoing"),
    ("Hằng ngày", D(2026, 12, 31), "ongoing"),
    ("Quanh năm", D(2026, 12, 31), "ongoing"),
    ("Thường xuyên, liên tục trong năm 2026", D(2026, 12, 31), "ongoing"),
    ("Từ năm 2026 trở đi", D(2026, 12, 31), "ongoing"),
    # staged
    ("Năm 2026; năm 2027", D(2026, 12, 31), "staged"),
    ("Đợt 1: Quý II; Đợt 2: Quý IV", D(2026, 6, 30), "staged"),
    ("Xây dựng kế hoạch trước 31/3\nTổ chức thực hiện Quý II-III", D(2026, 3, 31), "staged"),
    # a status where the deadline should be
    ("Đã hoàn thành", None, "status"),
    ("Hoàn thành", None, "status"),
    ("Đang thực hiện", None, "status"),
    ("Đã thực hiện xong", None, "status"),
    ("Chưa thực hiện", None, "status"),
    ("Đã khắc phục", None, "status"),
    ("Đã hoàn thành ngày 15/3/2026", None, "status"),
    ("Đang triển khai", None, "status"),
    ("Đã ban hành Kế hoạch số 12/KH-UBND", None, "status"),
    ("Chưa hoàn thành", None, "status"),
    ("Đang thực hiện, hoàn thành trước 30/9", D(2026, 9, 30), "date"),
    # conditional and vague
    ("Theo lộ trình của UBND tỉnh", None, "conditional"),
    ("Khi có hướng dẫn của cấp trên", None, "conditional"),
    ("Sau khi được phê duyệt", None, "conditional"),
    ("Ngay sau khi có kết quả thẩm định", None, "conditional"),
    ("Kịp thời", None, "vague"),
    ("Trong thời gian sớm nhất", None, "vague"),
    ("Khẩn trương", None, "vague"),
    ("Trong vòng 30 ngày", None, "vague"),
]

# Wordings whose due depends on the as-of date: (text, as_of, due).
BY_AS_OF = [
    ("Hằng tháng, trước ngày 20", D(2026, 1, 1), D(2026, 1, 20)),
    ("Hằng tháng, trước ngày 20", D(2026, 2, 20), D(2026, 2, 20)),
    ("Hằng tháng, trước ngày 20", D(2026, 12, 21), D(2026, 12, 20)),  # the plan year is over: overdue
    ("Hằng tháng, trước ngày 31", D(2026, 2, 1), D(2026, 2, 28)),
    ("Định kỳ hằng quý", D(2026, 7, 1), D(2026, 9, 30)),
    ("Hằng quý, trước ngày 15", D(2026, 6, 16), D(2026, 9, 15)),
    ("Thứ Sáu hằng tuần", D(2026, 1, 1), D(2026, 1, 2)),
    ("Hằng năm, trước ngày 15/12", D(2027, 1, 5), D(2026, 12, 15)),
]


def test_at_least_a_hundred_distinct_wordings():
    assert len({text for text, _, _ in WORDINGS}) == len(WORDINGS) >= 100


@pytest.mark.parametrize(("text", "due", "kind"), WORDINGS)
def test_wording(text: str, due: date | None, kind: str) -> None:
    deadline = parse_deadline(text, 2026, AS_OF)
    assert (deadline.due, deadline.kind) == (due, kind)


@pytest.mark.parametrize(("text", "as_of", "due"), BY_AS_OF)
def test_recurring_wording_by_as_of(text: str, as_of: date, due: date) -> None:
    assert parse_deadline(text, 2026, as_of).due == due


def test_plan_year_is_used_only_when_the_text_names_none():
    assert parse_deadline("Hoàn thành trước 30/6", 2031).due == D(2031, 6, 30)
    assert parse_deadline("Trước 29/2", 2028).due == D(2028, 2, 29)
    assert parse_deadline("Trước 29/2", 2027).kind == "vague"
    assert parse_deadline("Giai đoạn 2026-2030", 2031).due == D(2030, 12, 31)


# --- properties ---------------------------------------------------------------------------------

def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


CASES = st.sampled_from([str, str.upper, str.lower, _strip_accents])
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
YEARS = st.integers(2000, 2099)
PREFIXES = st.sampled_from(["", "Hoàn thành ", "Trong ", "Thực hiện ", "Dự kiến "])


@st.composite
def ranged_wordings(draw) -> tuple[str, date]:
    """A range, list or span with its expected due: always the end of its last part."""
    form = draw(st.sampled_from(["months", "month list", "quarters", "quarter list", "years", "days"]))
    year = draw(YEARS)
    if form in ("months", "month list"):
        first = draw(st.integers(1, 11))
        last = draw(st.integers(first + 1, 12)) if form == "months" else first + 1
        joiner = draw(st.sampled_from(["-", " - ", " đến ", " đến tháng ", " – "])) if form == "months" else \
            draw(st.sampled_from([", ", " và ", " và tháng "]))
        text = f"tháng {first}{joiner}{last}/{year}"
        return text, _last_day(year, last)
    if form in ("quarters", "quarter list"):
        first = draw(st.integers(1, 3))
        last = draw(st.integers(first + 1, 4)) if form == "quarters" else first + 1
        name = ROMAN if draw(st.booleans()) else {q: str(q) for q in ROMAN}
        joiner = draw(st.sampled_from(["-", " - ", " đến ", " đến hết Quý "])) if form == "quarters" else \
            draw(st.sampled_from([", ", " và ", " và Quý "]))
        return f"Quý {name[first]}{joiner}{name[last]}/{year}", _last_day(year, 3 * last)
    if form == "years":
        last = draw(st.integers(year + 1, 2099)) if year < 2099 else year
        lead = draw(st.sampled_from(["Năm ", "Giai đoạn ", "GĐ ", "Từ năm ", ""]))
        joiner = " đến năm " if lead == "Từ năm " else draw(st.sampled_from(["-", " - ", " – "]))
        return f"{lead}{year}{joiner}{last}", date(last, 12, 31)
    month = draw(st.integers(1, 12))
    first = draw(st.integers(1, 27))
    last = draw(st.integers(first + 1, 28))
    return f"Từ ngày {first}/{month} đến ngày {last}/{month}/{year}", date(year, month, last)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@settings(max_examples=300, deadline=None)
@given(wording=ranged_wordings(), prefix=PREFIXES, case=CASES, plan=YEARS)
def test_ranges_are_due_at_their_end(wording: tuple[str, date], prefix: str, case, plan: int) -> None:
    text, due = wording
    assert parse_deadline(case(prefix + text), plan, date(2000, 1, 1)).due == due


VOCABULARY = st.sampled_from([
    "tháng", "Tháng", "quý", "Quý", "năm", "Năm", "ngày", "I", "II", "III", "IV", "đầu", "giữa", "cuối", "6",
    "-", "–", "/", ",", "và", "đến", "từ", "hết", "trước", "hằng", "định kỳ", "giai đoạn", "thường xuyên",
    "tiếp theo", "Đã", "Đang", "hoàn thành", "theo kế hoạch", "tuần", "thứ", "Sáu", ";", "\n", " ",
])
NUMBERS = st.one_of(st.integers(0, 40).map(str), st.integers(1990, 2099).map(str))
TOKENS = st.lists(st.one_of(VOCABULARY, NUMBERS), max_size=14)


def _numbers_named(text: str) -> tuple[set[int], set[int]]:
    """(years, months) the text names: 4-digit years, and numbers written right after a "tháng" that starts a word (the parser reads "0tháng" as no month)."""
    years = {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text)}
    months = {int(m) for m in re.findall(r"(?i)\btháng\s*(\d{1,2})(?!\d)", text)}
    return years, months


@settings(max_examples=1500, deadline=None)
@given(tokens=TOKENS, glue=st.sampled_from([" ", ""]), plan=YEARS, as_of=st.dates(date(2000, 1, 1), date(2099, 1, 1)))
def test_every_due_is_consistent_with_the_numbers_of_its_text(tokens: list[str], glue: str, plan: int,
                                                              as_of: date) -> None:
    text = glue.join(tokens)
    deadline = parse_deadline(text, plan, as_of)
    if deadline.due is None:
        return
    assert isinstance(deadline.due, date)
    years, months = _numbers_named(text)
    # A year named is the due's year (or the last of a span); with none named, the plan year is.
    assert deadline.due.year in (years or {plan})
    # When the only periods named are numbered months, the due falls in one of them, never after the last.
    only_months = not re.search(r"(?i)quý|năm|6 tháng|đầu|giữa|cuối|ngày|/|hằng|định kỳ|tuần|thứ|thường xuyên|tiếp theo|tháng(?!\s*\d)", text)
    # A year standing alone (not "tháng 6/2024") is a period of its own: the year's end.
    only_months = only_months and not re.search(r"(?<![/\d])(?:19|20)\d{2}(?!\d)", text)
    if months and only_months and all(1 <= m <= 12 for m in months):
        assert deadline.due.month in months and deadline.due.month <= max(months)
