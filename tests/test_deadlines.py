"""Deadline texts as officers type them ('Thời gian thực hiện') and status texts ('Ghi chú')."""
from __future__ import annotations

import calendar
import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyxl.core.deadlines import KINDS, UNDATED_KINDS, is_done, parse_deadline
from pyxl.core.model import MISSING_DEADLINE, Deadline

STAGED_19 = "Ban hành Kế hoạch trong tháng 1/2024; Báo cáo kết quả kiểm tra trong tháng 12/2024"
QUARTER_ENDS = [date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30), date(2024, 12, 31)]

# Every deadline text of the seed plans, with the plan's year: (text, year, as_of, kind, due).
SEED_CASES = [
    # Tân Bình 2021 (narrative plan)
    ("Trong năm 2021.", 2021, None, "period", date(2021, 12, 31)),
    ("Trong năm 2021 và những năm tiếp theo.", 2021, None, "ongoing", date(2021, 12, 31)),
    ("Trong năm 2021 những năm tiếp theo.", 2021, None, "ongoing", date(2021, 12, 31)),
    ("Trong năm 2021 và các năm tiếp theo.", 2021, None, "ongoing", date(2021, 12, 31)),
    # Ia Pa 2019
    ("Quý I, 6 tháng, Quý III và năm", 2019, date(2019, 7, 15), "recurring", date(2019, 9, 30)),
    ("Trong năm 2019 và các năm tiếp theo", 2019, None, "ongoing", date(2019, 12, 31)),
    # Sơn Giang 2021
    ("Trong năm 2021", 2021, None, "period", date(2021, 12, 31)),
    # Phước Mỹ 2024
    ("Quý I", 2024, None, "period", date(2024, 3, 31)),
    ("Tháng 1", 2024, None, "period", date(2024, 1, 31)),
    ("Cả năm", 2024, None, "period", date(2024, 12, 31)),
    ("Năm 2024", 2024, None, "period", date(2024, 12, 31)),
    ("Định kỳ hàng quý, 06 tháng, năm", 2024, date(2024, 4, 1), "recurring", date(2024, 6, 30)),
    (STAGED_19, 2024, date(2024, 3, 1), "staged", date(2024, 12, 31)),
    (STAGED_19, 2024, date(2024, 1, 10), "staged", date(2024, 1, 31)),
    ("Sau khi có Quyết định của UBND tỉnh", 2024, None, "conditional", None),
    ("Sau khi có Quyết định của UBND tỉnh, TP", 2024, None, "conditional", None),
    ("Theo Kế hoạch của UBND tỉnh, TP", 2024, None, "conditional", None),
    ("Theo yêu cầu của phòng Nội vụ", 2024, None, "conditional", None),
    ("Theo quy định về công khai tài chính", 2024, None, "conditional", None),
    # Vĩnh Linh 2024
    ("trước ngày 31/8/2024", 2024, None, "date", date(2024, 8, 31)),
]

MORE_CASES = [
    # quarters
    ("quý 1", 2024, None, "period", date(2024, 3, 31)),
    ("Quý IV", 2024, None, "period", date(2024, 12, 31)),
    ("Quý II/2025", 2024, None, "period", date(2025, 6, 30)),
    ("Quý 2/2025", 2024, None, "period", date(2025, 6, 30)),
    ("Quý I năm 2024", 2023, None, "period", date(2024, 3, 31)),
    ("trong Quý III", 2024, None, "period", date(2024, 9, 30)),
    ("Quý 02", 2024, None, "period", date(2024, 6, 30)),
    # halves
    ("6 tháng đầu năm", 2024, None, "period", date(2024, 6, 30)),
    ("6 tháng", 2024, None, "period", date(2024, 6, 30)),
    ("6 tháng cuối năm", 2024, None, "period", date(2024, 12, 31)),
    ("06 tháng đầu năm 2025", 2024, None, "period", date(2025, 6, 30)),
    # months
    ("tháng 1/2024", 2023, None, "period", date(2024, 1, 31)),
    ("Tháng 3 năm 2024", 2023, None, "period", date(2024, 3, 31)),
    ("trong tháng 12/2024", 2023, None, "period", date(2024, 12, 31)),
    ("tháng 01/2024", 2023, None, "period", date(2024, 1, 31)),
    ("Tháng 2", 2024, None, "period", date(2024, 2, 29)),
    ("Tháng 2", 2023, None, "period", date(2023, 2, 28)),
    # days ("trước ngày X" means due X)
    ("Trước ngày 15/12", 2024, None, "date", date(2024, 12, 15)),
    ("ngày 31/08/2024", 2023, None, "date", date(2024, 8, 31)),
    ("31/8/2024", 2023, None, "date", date(2024, 8, 31)),
    ("đến ngày 30/6", 2025, None, "date", date(2025, 6, 30)),
    ("chậm nhất ngày 20/10/2024", 2023, None, "date", date(2024, 10, 20)),
    ("trước 31/8/2024", 2023, None, "date", date(2024, 8, 31)),
    ("Trước ngày 30 tháng 6 năm 2024", 2023, None, "date", date(2024, 6, 30)),
    ("31/2/2024", 2024, None, "vague", None),
    ("trước ngày 30/2", 2024, None, "vague", None),
    ("tháng 13/2024", 2024, None, "vague", None),
    ("Quý 5", 2024, None, "vague", None),
    # whole years
    ("Trong năm 2021", 2024, None, "period", date(2021, 12, 31)),
    ("năm 2024", 2023, None, "period", date(2024, 12, 31)),
    ("Trong năm", 2024, None, "period", date(2024, 12, 31)),
    ("Trong năm kế hoạch", 2024, None, "period", date(2024, 12, 31)),
    ("2024", 2023, None, "period", date(2024, 12, 31)),
    # ongoing
    ("Thường xuyên", 2024, None, "ongoing", date(2024, 12, 31)),
    ("Thường xuyên, liên tục", 2024, None, "ongoing", date(2024, 12, 31)),
    ("Năm 2025 và những năm tiếp theo", 2024, None, "ongoing", date(2025, 12, 31)),
    ("Trong năm 2024\nvà các năm tiếp theo", 2024, None, "ongoing", date(2024, 12, 31)),
    # recurring
    ("Hàng quý", 2024, date(2024, 5, 1), "recurring", date(2024, 6, 30)),
    ("Hàng quý", 2024, date(2025, 2, 1), "recurring", date(2024, 12, 31)),  # past: shows as overdue
    ("Hàng tháng", 2024, date(2024, 2, 10), "recurring", date(2024, 2, 29)),
    ("Hằng năm", 2024, date(2024, 2, 10), "recurring", date(2024, 12, 31)),
    ("Hàng năm", 2024, date(2024, 2, 10), "recurring", date(2024, 12, 31)),
    ("Báo cáo quý, 6 tháng, năm", 2024, date(2024, 7, 1), "recurring", date(2024, 9, 30)),
    ("Quý I, 6 tháng, Quý III và năm", 2019, date(2019, 1, 1), "recurring", date(2019, 3, 31)),
    ("Quý I, 6 tháng, Quý III và năm", 2019, date(2019, 4, 1), "recurring", date(2019, 6, 30)),
    ("Quý I, 6 tháng, Quý III và năm", 2019, date(2019, 10, 1), "recurring", date(2019, 12, 31)),
    ("Quý I, 6 tháng, Quý III và năm", 2019, date(2020, 1, 5), "recurring", date(2019, 12, 31)),
    # staged
    ("Ban hành Kế hoạch trong tháng 1/2024\nBáo cáo trong tháng 12/2024", 2024, date(2024, 2, 1),
     "staged", date(2024, 12, 31)),
    ("Quý I; Quý III; trước ngày 15/12", 2024, date(2024, 4, 1), "staged", date(2024, 9, 30)),
    ("Quý I; Quý III", 2024, date(2025, 1, 1), "staged", date(2024, 9, 30)),
    ("Ban hành Kế hoạch trong tháng 1/2024; Báo cáo kết quả kiểm tra", 2024, date(2024, 3, 1),
     "period", date(2024, 1, 31)),  # one dated part is not a stage list
    # conditional
    ("Khi có văn bản của cấp trên", 2024, None, "conditional", None),
    ("Theo hướng dẫn của Sở Nội vụ", 2024, None, "conditional", None),
    ("Theo tiến độ của UBND huyện", 2024, None, "conditional", None),
    ("Thực hiện theo Kế hoạch của UBND huyện", 2024, None, "conditional", None),
    ("Theo Kế hoạch năm 2024 của UBND tỉnh", 2024, None, "conditional", None),
    ("Theo Kế hoạch số 170/KH-UBND ngày 18/10/2023 của UBND tỉnh", 2024, None, "conditional", None),
    ("Theo Kế hoạch, trước ngày 30/6/2024", 2024, None, "date", date(2024, 6, 30)),
    ("Theo Kế hoạch số 35/KH-UBND ngày 07/02/2024, trước ngày 30/6/2024", 2024, None,
     "date", date(2024, 6, 30)),
    # vague
    ("Kịp thời", 2024, None, "vague", None),
    ("Sớm nhất có thể", 2024, None, "vague", None),
    ("Ngay", 2024, None, "vague", None),
    ("Định kỳ", 2024, None, "vague", None),
    ("xyz ??", 2024, None, "vague", None),
]


@pytest.mark.parametrize(("text", "year", "as_of", "kind", "due"), SEED_CASES + MORE_CASES)
def test_deadline_text(text: str, year: int, as_of: date | None, kind: str, due: date | None) -> None:
    assert parse_deadline(text, year, as_of) == Deadline(text, due, kind)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


VARIANTS = {
    "upper": str.upper,
    "lower": str.lower,
    "no accents": _strip_accents,
    "NFD": lambda text: unicodedata.normalize("NFD", text),
    "extra spaces": lambda text: "  " + text.replace(" ", "   ") + " \u00a0",
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("text", "year", "as_of", "kind", "due"), SEED_CASES)
def test_deadline_variants(text: str, year: int, as_of: date | None, kind: str, due: date | None,
                           variant: str) -> None:
    typed = VARIANTS[variant](text)
    deadline = parse_deadline(typed, year, as_of)
    assert (deadline.due, deadline.kind) == (due, kind)
    assert deadline.text == unicodedata.normalize("NFC", " ".join(typed.split()))


def test_text_is_kept_as_typed_after_cleaning() -> None:
    assert parse_deadline("  Quý   I\u00a0", 2024).text == "Quý I"
    assert parse_deadline("Quy\u0301 I", 2024).text == "Quý I"
    assert parse_deadline("Tháng 1;\r\n  Tháng 12 ", 2024, date(2024, 1, 1)).text == "Tháng 1;\nTháng 12"


@pytest.mark.parametrize("value", [None, "", "   ", "\n \n", "\u00a0"])
def test_blank_cells_are_missing(value: object) -> None:
    assert parse_deadline(value, 2024) is MISSING_DEADLINE


@pytest.mark.parametrize(("value", "expected"), [
    (date(2024, 8, 31), Deadline("31/08/2024", date(2024, 8, 31), "date")),
    (datetime(2024, 3, 5, 14, 30), Deadline("05/03/2024", date(2024, 3, 5), "date")),
    (2024, Deadline("2024", date(2024, 12, 31), "period")),
    (2024.0, Deadline("2024", date(2024, 12, 31), "period")),
    (Decimal("2025"), Deadline("2025", date(2025, 12, 31), "period")),
    (7, Deadline("7", None, "vague")),
    (float("nan"), Deadline("nan", None, "vague")),
    (True, Deadline("True", None, "vague")),
])
def test_cell_values_that_are_not_text(value: object, expected: Deadline) -> None:
    assert parse_deadline(value, 2023) == expected


def test_as_of_defaults_to_today() -> None:
    today = date.today()
    deadline = parse_deadline("Hàng tháng", today.year)
    assert deadline.due == date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])


# --- properties ---------------------------------------------------------------------------------

YEARS = st.integers(1900, 2099)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
CASES = st.sampled_from([str, str.upper, str.lower, _strip_accents])
VOCABULARY = st.sampled_from([
    "Quý", "quý", "IV", "I", "0", "5", "13", "tháng", "Tháng", "ngày", "năm", "nam", "6", "06", "/", "-",
    ".", ",", ";", "\n", "2024", "1899", "9999", "31/2", "29/2/2023", "31/12/2024", "hàng", "Định kỳ",
    "và các năm tiếp theo", "Thường xuyên", "Theo", "Sau khi có", "đầu", "cuối", "số 12/KH-UBND",
    "trước", "Cả năm", "và", "đ", "Đ", " ", "\u0301",
])
CELLS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.decimals(), st.dates(), st.datetimes(),
    st.text(), st.lists(VOCABULARY, max_size=12).map(" ".join), st.lists(VOCABULARY, max_size=12).map("".join),
)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _check(deadline: Deadline) -> None:
    assert isinstance(deadline, Deadline)
    assert deadline.kind in KINDS
    assert (deadline.due is None) == (deadline.kind in UNDATED_KINDS)


@settings(max_examples=500, deadline=None)
@given(value=CELLS, year=YEARS, as_of=st.dates())
def test_never_raises_and_due_matches_kind(value: object, year: int, as_of: date) -> None:
    _check(parse_deadline(value, year, as_of))


@settings(deadline=None)
@given(text=st.text(), year=YEARS)
def test_any_text_never_raises(text: str, year: int) -> None:
    _check(parse_deadline(text, year))


@given(quarter=st.integers(1, 4), roman=st.booleans(), zero=st.booleans(), spaces=st.sampled_from([" ", "  ", ""]),
       named=st.none() | YEARS, sep=st.sampled_from(["/", " / ", " năm ", "  Năm ", "-"]),
       prefix=st.sampled_from(["", "trong ", "Trong "]), case=CASES, plan=YEARS)
def test_quarter_texts(quarter: int, roman: bool, zero: bool, spaces: str, named: int | None, sep: str,
                       prefix: str, case, plan: int) -> None:
    number = ROMAN[quarter] if roman else f"{quarter:02d}" if zero else str(quarter)
    text = case(f"{prefix}Quý{spaces or ' '}{number}" + ("" if named is None else f"{sep}{named}"))
    assert parse_deadline(text, plan) == Deadline(
        " ".join(text.split()), _last_day(named or plan, 3 * quarter), "period")


@given(month=st.integers(1, 12), zero=st.booleans(), named=st.none() | YEARS,
       sep=st.sampled_from(["/", " / ", " năm ", " nam "]), prefix=st.sampled_from(["", "trong ", "Trước "]),
       case=CASES, plan=YEARS)
def test_month_texts(month: int, zero: bool, named: int | None, sep: str, prefix: str, case, plan: int) -> None:
    text = case(f"{prefix}tháng {month:02d}" if zero else f"{prefix}tháng {month}")
    text += "" if named is None else f"{sep}{named}"
    deadline = parse_deadline(text, plan)
    assert (deadline.due, deadline.kind) == (_last_day(named or plan, month), "period")


@given(day=st.integers(1, 31), month=st.integers(1, 12), named=st.none() | YEARS, zero=st.booleans(),
       prefix=st.sampled_from(["ngày ", "trước ngày ", "Trước ngày ", "chậm nhất ngày ", "đến ngày ",
                               "NGÀY "]),
       sep=st.sampled_from(["/", "/", ".", "-"]), plan=YEARS)
def test_day_texts(day: int, month: int, named: int | None, zero: bool, prefix: str, sep: str, plan: int) -> None:
    fmt = "{:02d}" if zero else "{}"
    text = prefix + fmt.format(day) + sep + fmt.format(month) + ("" if named is None else f"{sep}{named}")
    try:
        expected = (date(named or plan, month, day), "date")
    except ValueError:
        expected = (None, "vague")  # "31/4", "29/2" of a common year: the officer must fix the cell
    deadline = parse_deadline(text, plan)
    assert (deadline.due, deadline.kind) == expected


@given(day=st.dates(date(1900, 1, 1), date(2099, 12, 31)), prefix=st.sampled_from(["", "trước ", "Hạn: "]),
       plan=YEARS)
def test_bare_full_dates(day: date, prefix: str, plan: int) -> None:
    deadline = parse_deadline(f"{prefix}{day.day}/{day.month}/{day.year}", plan)
    assert (deadline.due, deadline.kind) == (day, "date")


@given(as_of=st.dates(date(2023, 6, 1), date(2025, 6, 1)),
       text=st.sampled_from(["Định kỳ hàng quý, 06 tháng, năm", "Hàng quý",
                             "Báo cáo quý, 6 tháng, năm"]))
def test_recurring_due_is_the_next_quarter_end(as_of: date, text: str) -> None:
    upcoming = [end for end in QUARTER_ENDS if end >= as_of]
    assert parse_deadline(text, 2024, as_of) == Deadline(
        text, upcoming[0] if upcoming else QUARTER_ENDS[-1], "recurring")


@given(months=st.lists(st.integers(1, 12), min_size=2, max_size=4, unique=True).map(sorted),
       as_of=st.dates(date(2024, 1, 1), date(2025, 1, 31)), sep=st.sampled_from(["; ", "\n", " ;"]))
def test_staged_due_is_the_next_stage(months: list[int], as_of: date, sep: str) -> None:
    text = sep.join(f"Bước {i} trong tháng {month}/2024" for i, month in enumerate(months, 1))
    ends = [_last_day(2024, month) for month in months]
    upcoming = [end for end in ends if end >= as_of]
    deadline = parse_deadline(text, 2020, as_of)
    assert (deadline.due, deadline.kind) == (upcoming[0] if upcoming else ends[-1], "staged")


# --- is_done ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hoàn thành", "hoàn thành", "HOÀN THÀNH", "Hoan thanh", "Đã hoàn thành",
    "Đã hoàn thành ngày 5/3", "Đã thực hiện", "Đã khắc phục", "xong", "Đã xong", "HT", "ht",
    "- Hoàn thành.", "Hoàn thành 100%",
    "Ho\u0300an tha\u0300nh",
])
def test_done(text: str) -> None:
    assert is_done(text) is True


@pytest.mark.parametrize("text", [
    "Chưa hoàn thành", "Chưa thực hiện", "Đang thực hiện", "Không hoàn thành", None, "", "   ",
    "Hoàn thành 85% kế hoạch", "Hoàn thành một phần", "Đã thực hiện nhưng chưa xong",
    "Chưa HT",
    "Đơn vị đang khắc phục", "HTX Nông nghiệp", "Quý I", 0, 1.5,
])
def test_not_done(text: object) -> None:
    assert is_done(text) is False


@given(st.one_of(st.none(), st.text(), st.integers(), st.floats()))
def test_is_done_never_raises(value: object) -> None:
    assert isinstance(is_done(value), bool)


def test_a_stage_without_a_year_is_in_the_year_the_cell_names():
    """'Quý I/2025; Quý II' is due at the end of June 2025 once March is over, whatever the plan year."""
    assert parse_deadline("Quý I/2025; Quý II", 2026, date(2025, 5, 1)).due == date(2025, 6, 30)
    assert parse_deadline("Quý II; Quý I/2025", 2026, date(2025, 1, 10)).due == date(2025, 3, 31)  # in date order
    assert parse_deadline("Tháng 3/2026; báo cáo tháng 12", 2025, date(2026, 4, 1)).due == date(2026, 12, 31)
