"""Which lĩnh vực a table's lost points belong to, so that communes with different layouts compare."""
from __future__ import annotations

import re
from decimal import Decimal

from pyxl.core.codes import is_roman, segments
from pyxl.core.model import Item, Table
from pyxl.core.text import fold

# The eight lĩnh vực of the index (par_framework.md), short enough for a column header.
FIELDS = (
    ("1", "Chỉ đạo, điều hành"),
    ("2", "Thể chế"),
    ("3", "Thủ tục hành chính"),
    ("4", "Tổ chức bộ máy"),
    ("5", "Công vụ"),
    ("6", "Tài chính công"),
    ("7", "Chính quyền số"),
    ("8", "Tác động của CCHC"),
)
OTHER = "khác"
# Words of each lĩnh vực's title, old and 2022 wordings; the code is only a fallback because
# provinces number their lĩnh vực differently (roman groups restart, nine fields in some).
_TITLE_WORDS = (
    ("8", r"tac dong"),
    ("1", r"chi dao|dieu hanh"),
    ("2", r"the che|quy pham phap luat|\bvbqppl\b|\bqppl\b"),
    ("3", r"thu tuc hanh chinh|\btthc\b|mot cua"),
    ("4", r"bo may"),
    ("5", r"cong vu|doi ngu|\bcbccvc\b|can bo,? cong chuc"),
    ("6", r"tai chinh cong"),
    ("7", r"dien tu|chinh quyen so|hien dai hoa|cong nghe thong tin"),
)
_PATTERNS = tuple((key, re.compile(words)) for key, words in _TITLE_WORDS)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_KNOWN = {key for key, _ in FIELDS}


def _roman_value(code: str) -> int:
    values = [_ROMAN[ch] for ch in code]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def field_of(item: Item) -> str:
    """The lĩnh vực key ('1'…'8', or 'khác') of a root item: by its title for a lĩnh vực line, else by its code."""
    code = item.code or ""
    numeric = bool(code) and not is_roman(code)
    if not numeric or len(segments(code)) == 1:
        title = fold(item.title)
        for key, pattern in _PATTERNS:
            if pattern.search(title):
                return key
    if numeric:
        first = segments(code)[0]
        return first if first in _KNOWN else OTHER
    if is_roman(code):
        number = str(_roman_value(code))
        return number if number in _KNOWN else OTHER
    return OTHER


def lost_by_field(table: Table) -> dict[str, Decimal]:
    """Lost points per lĩnh vực over the table's root items; the values add up to the table's total."""
    lost: dict[str, Decimal] = {}
    for index in table.roots():
        item = table.items[index]
        if item.lost_points is not None:
            key = field_of(item)
            lost[key] = lost.get(key, Decimal(0)) + item.lost_points
    return lost
