"""How the plan writes things: figures, dates, sentences and bullet lines the Vietnamese way.

Every string a template prints goes through these: "1,05", "ngày 05 tháng 3 năm 2024", a lĩnh vực line
typed in capitals in sentence case, a cell's lines as bullets ending like sentences.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from pyxl.core.model import Item, Table
from pyxl.core.numbers import TOLERANCE, format_points
from pyxl.core.text import clean, fold, is_upper_title

_BULLET = re.compile(r"^\s*[-+•*–—]\s*")
_KEEP_UPPER = {"UBND", "ISO", "PAR", "INDEX", "SIPAS", "PAPI", "PCI", "DTI", "TCVN", "BCCI", "DVC", "DVCTT",
               "MTTQ", "MTTQVN", "TTĐT", "SNCL", "ĐVSNCL", "UB", "VH", "TT", "XH", "TN", "MT", "KT",
               "CCVC", "CBCCVC", "VBQPPL", "QPPL", "HĐND", "HDND", "TTHC", "CCHC", "CNTT"}

def format_date(day: date) -> str:
    """'ngày 05 tháng 3 năm 2024': leading zero for days below 10 and for months 1 and 2 (ND 30)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def points(value: Decimal | None) -> str:
    return format_points(value) if value is not None else ""


def one_line(text: str | None) -> str:
    return clean(text).replace("\n", " ") if text else ""


def bare(text: str | None) -> str:
    """One line without the trailing punctuation the template adds itself."""
    return one_line(text).rstrip(" .;,:")


def sentence(text: str) -> str:
    """A line ending like a sentence: trailing ';' or ',' replaced, '.' added after a word."""
    text = text.strip().rstrip(" ;,")
    if text and (text[-1].isalnum() or text[-1] in ")%”\"'"):
        text += "."
    return text


def bullet_lines(text: str | None) -> list[str]:
    """A cell's lines as bullet texts: leading '-', '+', '•' removed, each ending as a sentence."""
    out = []
    for line in clean(text).split("\n") if text else []:
        line = _BULLET.sub("", line).strip()
        if line:
            out.append(sentence(line))
    return out


def names_of(names: tuple[str, ...]) -> list[str]:
    return [name for name in (bare(n) for n in names) if name]


def sentence_case(text: str) -> str:
    """A lĩnh vực line typed in capitals in sentence case, acronyms kept: 'CẢI CÁCH TTHC' → 'Cải cách TTHC'."""
    text = one_line(text)
    if not is_upper_title(text):
        return text

    def word(match: re.Match[str]) -> str:
        run = match.group(0)
        if run.upper() in _KEEP_UPPER or not re.search(r"[aeiouy]", fold(run)):
            return run  # an acronym: every Vietnamese syllable has a vowel
        return run.lower()

    lowered = re.sub(r"[^\W\d_]+", word, text)
    for i, ch in enumerate(lowered):
        if ch.isalpha():
            return lowered[:i] + ch.upper() + lowered[i + 1 :]
    return lowered


def has_lost(item: Item) -> bool:
    return item.lost_points is not None and item.lost_points >= TOLERANCE


def item_kind(item: Item) -> str:
    depth = len(item.code.split(".")) if item.code and item.code[0].isdigit() else 0
    return {0: "Nội dung", 1: "Lĩnh vực", 2: "Tiêu chí"}.get(depth, "Tiêu chí thành phần")


def children_lists(table: Table) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in table.items]
    for i, item in enumerate(table.items):
        if item.parent is not None:
            kids[item.parent].append(i)
    return kids
