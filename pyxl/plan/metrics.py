"""How wide text is in Times New Roman: the widths behind the appendix columns and the header rules.

The widths (pyxl/data/times_widths.json, made by scripts/build_metrics.py) are Times New Roman's, or
for a Vietnamese letter the wider of Times New Roman's and DejaVu Serif's: LibreOffice draws those
letters from DejaVu Serif where the Times substitute lacks them, and a column must keep its words
whole there as in Word.
"""
from __future__ import annotations

import functools
import json
import unicodedata
from importlib import resources

TWIPS_PER_POINT = 20
_UNKNOWN = 556  # a character outside the table: about a wide lower-case letter
_WIDE = 1000  # CJK and other full-width characters


@functools.cache
def _table(bold: bool) -> dict[str, int]:
    data = json.loads(resources.files("pyxl").joinpath("data/times_widths.json").read_text(encoding="utf-8"))
    return data["bold" if bold else "regular"]


def char_width(ch: str, bold: bool = False) -> int:
    """A character's advance width in thousandths of an em."""
    table = _table(bold)
    found = table.get(ch)
    if found is not None:
        return found
    if unicodedata.combining(ch):
        return 0
    base = unicodedata.normalize("NFD", ch)[:1]
    if base in table:
        return table[base]
    return _WIDE if unicodedata.east_asian_width(ch) in ("W", "F") else _UNKNOWN


@functools.lru_cache(maxsize=65536)
def text_units(text: str, bold: bool = False) -> int:
    """The width of text on one line in thousandths of an em (the same words recur all over a table)."""
    table = _table(bold)
    return sum(table[ch] if ch in table else char_width(ch, bold) for ch in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of text on one line, in points, at size points."""
    return text_units(text, bold) * size / 1000


def longest_word(text: str, size: float, bold: bool = False) -> float:
    """The width in points of the widest word (a line breaks only at spaces and line breaks)."""
    return max((text_width(word, size, bold) for word in text.split()), default=0.0)
