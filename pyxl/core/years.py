"""Years in a table's title lines: which is the year assessed and which the plan's.

"Kết quả thẩm định Chỉ số CCHC năm 2025" names the year assessed, so its plan is for 2026; "… năm
2019 và các năm tiếp theo" names the plan's own year.
"""
from __future__ import annotations

import re

from pyxl.core.text import fold

_ASSESSED = r"\b(?:diem|chi so|ket qua|tham dinh|bi tru)\b"  # compiled on first use (re keeps it)
_ASSESSED_WORDS = ("diem", "chi so", "ket qua", "tham dinh", "bi tru")
_CONTEXT = 40  # characters before a year that say what it is the year of


def year_spans(text: str) -> list[tuple[int, int]]:
    r"""Where the years are in a text: each run of exactly four digits that starts with 19 or 20 (what
    r"(?<!\d)(?:19|20)\d{2}(?!\d)" finds), without compiling a pattern."""
    spans = []
    end = 0
    while True:
        start = min((found for found in (text.find("19", end), text.find("20", end)) if found >= 0), default=-1)
        if start < 0:
            return spans
        end = start + 2
        while end < len(text) and text[end].isdecimal():
            end += 1
        if end - start == 4 and not (start and text[start - 1].isdecimal()):
            spans.append((start, end))


def names_assessed_year(before: str, around: str) -> bool:
    """True when the folded words before a year say it is the year assessed, not the plan's."""
    return any(word in before for word in _ASSESSED_WORDS) and re.search(_ASSESSED, before) is not None \
        and "tiep theo" not in around


def plan_year_of(title_lines: list[str]) -> int | None:
    """The plan year the title lines name: the latest year, plus one when it is the only one and was assessed."""
    found = []
    for line in title_lines:
        folded = fold(line)
        for start, end in year_spans(folded):
            around = folded[max(start - _CONTEXT, 0) : end + 25]
            found.append((int(folded[start:end]), folded[max(start - _CONTEXT, 0) : start], around))
    years = {year for year, _, _ in found}
    if not years:
        return None
    if len(years) == 1 and all(names_assessed_year(before, around) for _, before, around in found):
        return years.pop() + 1
    return max(years)
