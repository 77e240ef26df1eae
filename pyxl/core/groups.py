"""Is a row with text and no figures a lĩnh vực group line, or the rest of the item above it?

Officers mark lĩnh vực lines in many ways: capitals, bold, a roman numeral, "Lĩnh vực 3: …", the
name of a PAR lĩnh vực, a cell merged across the row. A line continues the item above only when it
plainly does (a lower-case start, a "- " sub-line). These are the signals; rows.py weighs them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pyxl.core.grid import Grid
from pyxl.core.text import fold, is_upper_title

# Patterns here are compiled on first use (re keeps them): many tables have no lĩnh vực line to ask about.
_ABBREVIATIONS = (
    (r"\bcchc\b", "cai cach hanh chinh"), (r"\btthc\b", "thu tuc hanh chinh"),
    (r"\bvbqppl\b", "van ban quy pham phap luat"),
    (r"\bcbccvc\b", "can bo cong chuc vien chuc"), (r"\bkt ?- ?xh\b", "kinh te xa hoi"),
)
# "Lĩnh vực 3:", "Phần II.", "Nhóm 1 -" before a lĩnh vực name.
_FIELD_LABEL = r"^(?:linh vuc|phan|nhom)\s+(?:[ivxl]+|\d+)\b\s*[.:)–-]?\s*"
_NUMBER_LABEL = r"^(?:[ivxl]+|\d+)\s*[.:)–-]\s*"
_FIELD_WORD = r"^linh vuc\s+"
_PUNCT = r"[^a-z0-9 ]+"
# The lĩnh vực of commune and district PAR indexes (refs/par_framework.md), folded, as they begin.
_FIELD_NAMES = (
    "cong tac chi dao dieu hanh", "chi dao dieu hanh", "cai cach the che",
    "xay dung va to chuc thuc hien van ban quy pham", "xay dung ban hanh va to chuc thuc hien van ban",
    "cai cach thu tuc hanh chinh", "cai cach to chuc bo may", "cai cach che do cong vu",
    "xay dung va nang cao chat luong doi ngu", "cai cach tai chinh cong",
    "xay dung va phat trien chinh quyen", "xay dung va phat trien chinh phu", "xay dung chinh quyen",
    "chinh quyen dien tu", "chinh quyen so", "hien dai hoa hanh chinh", "hien dai hoa nen hanh chinh",
    "tac dong cua cai cach hanh chinh", "diem thuong", "diem dieu tra xa hoi hoc",
)
_MAX_FIELD_WORDS = 18
_BULLETS = ("-", "+", "•", "*", "–", "—", "(")  # a sub-line starts with one
_BOLD_SHARE = 0.6  # when more of the items than this are bold, bold marks nothing


@lru_cache(maxsize=4096)
def _bare(title: str) -> str:
    text = fold(title)
    for pattern, expansion in _ABBREVIATIONS:
        text = re.sub(pattern, expansion, text)
    text = re.sub(_FIELD_LABEL, "", text, count=1)
    text = re.sub(_FIELD_WORD, "", re.sub(_NUMBER_LABEL, "", text, count=1), count=1)
    return " ".join(re.sub(_PUNCT, " ", text).split())


def has_field_label(title: str) -> bool:
    """True for "Lĩnh vực 3: …", "Phần II. …", "Nhóm 1 - …"."""
    return bool(re.match(_FIELD_LABEL, fold(title)))


def is_field_name(title: str) -> bool:
    """True when the text is the name of a PAR lĩnh vực ("Cải cách thủ tục hành chính", "CẢI CÁCH TTHC")."""
    bare = _bare(title)
    return len(bare.split()) <= _MAX_FIELD_WORDS and bare.startswith(_FIELD_NAMES)


def is_capital_line(title: str) -> bool:
    """A line in capitals long enough to name a lĩnh vực ("CẢI CÁCH THỂ CHẾ"), not a stray "CCHC"."""
    return is_upper_title(title) and len(title.split()) >= 2 and sum(ch.isalpha() for ch in title) >= 8


def reads_like_group(title: str) -> bool:
    """Signals in the text alone: capitals, a "Lĩnh vực N:" label or a lĩnh vực name."""
    return bool(title) and (is_capital_line(title) or has_field_label(title) or is_field_name(title))


def plainly_continues(title: str) -> bool:
    """A line that can only be the rest of the one above: a lower-case start, or a "- …" / "(…" sub-line."""
    first = next((ch for ch in title if ch.isalnum()), "")
    return title.startswith(_BULLETS) or (first.isalpha() and first.islower())


def ends_sentence(title: str) -> bool:
    """True when the text ends a sentence ('.', ';', '!', '?'), so a new line may start something new."""
    return title.rstrip().endswith((".", ";", "!", "?"))


class SheetSignals:
    """Bold and merged cells of one sheet, as they bear on its data rows."""

    def __init__(self, grid: Grid, columns: tuple[int, ...], item_rows: list[int]):
        """columns: the code and title columns; item_rows: 0-based rows that are items for sure."""
        self.grid, self.columns = grid, columns
        bold_items = sum(1 for r in item_rows if self._bold(r))
        # A sheet typed all in bold (or read without styles) says nothing through bold.
        self.bold_counts = bool(grid.bold) and bold_items <= _BOLD_SHARE * max(len(item_rows), 1)
        self._wide = {r1 for r1, c1, r2, c2 in grid.merges
                      if c2 - c1 >= 2 and any(c1 <= c <= c2 for c in columns)}

    def _bold(self, r: int) -> bool:
        return any((r, c) in self.grid.bold for c in self.columns)

    def bold(self, r: int) -> bool:
        """The row's code or title cell is bold, and bold sets rows apart on this sheet."""
        return self.bold_counts and self._bold(r)

    def merged_across(self, r: int) -> bool:
        """The row's code or title cell is merged over three or more columns."""
        return r in self._wide
