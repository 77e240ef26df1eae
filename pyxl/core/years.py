"""Years in a table's title lines: which is the year assessed and which the plan's.

"Kết quả thẩm định Chỉ số CCHC năm 2025" names the year assessed, so its plan is for 2026; "… năm
2019 và các năm tiếp theo" names the plan's own year.
"""
from __future__ import annotations

import re

from pyxl.core.text import fold

YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_ASSESSED = re.compile(r"\b(?:diem|chi so|ket qua|tham dinh|bi tru)\b")
_CONTEXT = 40  # characters before a year that say what it is the year of


def names_assessed_year(before: str, around: str) -> bool:
    """True when the folded words before a year say it is the year assessed, not the plan's."""
    return bool(_ASSESSED.search(before)) and "tiep theo" not in around


def plan_year_of(title_lines: list[str]) -> int | None:
    """The plan year the title lines name: the latest year, plus one when it is the only one and was assessed."""
    found = []
    for line in title_lines:
        folded = fold(line)
        for match in YEAR.finditer(folded):
            around = folded[max(match.start() - _CONTEXT, 0) : match.end() + 25]
            found.append((int(match.group()), folded[max(match.start() - _CONTEXT, 0) : match.start()], around))
    years = {year for year, _, _ in found}
    if not years:
        return None
    if len(years) == 1 and all(names_assessed_year(before, around) for _, before, around in found):
        return years.pop() + 1
    return max(years)
