"""How the plan writes things: figures, dates, sentences and bullet lines the Vietnamese way.

Every string a template prints goes through these: "1,05", "ngày 05 tháng 3 năm 2024", a lĩnh vực line
typed in capitals in sentence case, a cell's lines as bullets ending like sentences.
"""
from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal

from pyxl.core.codes import level, restart_part
from pyxl.core.groups import is_field_name
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


@functools.lru_cache(maxsize=4096)  # a function of the value: equal Decimals ('0.5', '0.50') print alike
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


@functools.lru_cache(maxsize=4096)  # the lĩnh vực lines are the same in every commune's plan
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


# A score typed after a lĩnh vực's name: "(tối đa 9 điểm, đạt 8 điểm)", "(Điểm tối đa: 9)", "- 9 điểm"
_SCORE_REMARK = re.compile(r"\s*(?:\((?=[^()]*\d)(?=[^()]*(?i:điểm|đ\b))[^()]*\)|[-–:]\s*\d+(?:[.,]\d+)?\s*(?i:điểm))\s*$")


def heading_title(text: str) -> str:
    """A section heading from a lĩnh vực line: the score typed after its name left out (the heading says
    what was lost), capitals in sentence case."""
    return sentence_case(_SCORE_REMARK.sub("", one_line(text)) or text)


def has_lost(item: Item) -> bool:
    return item.lost_points is not None and item.lost_points >= TOLERANCE


def item_ref(item: Item, title: str, restarts: bool = False) -> str:
    """How Tổ chức thực hiện and the report cite an item: its code, led by its part where every part numbers
    from 1 ('II.1', as the appendix shows it: row II, then its row 1; restarts: `numbering_restarts` of the
    table's items), else its title in quotes."""
    if not item.code:
        return f"“{title}”"
    part = restart_part(item.code, item.group, restarts)
    return f"{part}.{item.code}" if part else item.code


def item_kind(table: Table, index: int) -> str:
    """'Lĩnh vực', 'Tiêu chí' or 'Tiêu chí thành phần' by the item's place in the table's hierarchy.

    A code's depth counts ("3.2.1" is a tiêu chí thành phần), one level deeper under a lĩnh vực
    group row whose items are numbered 1, 2, 3 (there "1" is a tiêu chí); an item without a code
    is one level below its parent, "Nội dung" when nothing places it.
    """
    item = table.items[index]
    if item.is_group:
        return "Lĩnh vực"
    group = _group_above(table, index)
    depth = level(item.code) if item.code and item.code[0].isdigit() else 0
    if depth == 0:
        parent = item.parent
        if parent is not None and not table.items[parent].is_group:
            return _deeper(item_kind(table, parent))
        return "Tiêu chí" if group is not None or item.group else "Nội dung"
    if (group is not None and _numbered_from_one(table, group)) or (group is None and item.group
                                                                      and _shares_plain_codes(table, item.group)):
        depth += 1
    return {1: "Lĩnh vực", 2: "Tiêu chí"}.get(depth, "Tiêu chí thành phần")


def _deeper(kind: str) -> str:
    return {"Lĩnh vực": "Tiêu chí", "Nội dung": "Nội dung"}.get(kind, "Tiêu chí thành phần")


def _group_above(table: Table, index: int) -> int | None:
    parent = table.items[index].parent
    while parent is not None and not table.items[parent].is_group:
        parent = table.items[parent].parent
    return parent


def _numbered_from_one(table: Table, group: int) -> bool:
    """True when the group's own items have one-number codes (the group row is the lĩnh vực), unless those
    items are the lĩnh vực themselves (see `above_fields`)."""
    return any(item.parent == group and level(item.code) == 1 for item in table.items if item.code) \
        and not above_fields(table, group)


def above_fields(table: Table, group: int) -> bool:
    """A group row above the lĩnh vực ("A. CHỈ SỐ THÀNH PHẦN CẤP XÃ"): an item numbered under it with
    one number is named as a PAR lĩnh vực ("1. Công tác chỉ đạo, điều hành CCHC")."""
    return table.items[group].is_group and any(
        item.parent == group and level(item.code) == 1 and is_field_name(item.title)
        for item in table.items if item.code)


def _shares_plain_codes(table: Table, group: str) -> bool:
    return any(item.group == group and level(item.code) == 1 for item in table.items if item.code)


# Scoring-method notes: how a criterion is scored, not what went wrong ("Điều tra xã hội học").
_METHOD = re.compile(r"\bdtxhh\b|\bdt xhh\b|dieu tra xa hoi hoc|khong cham diem|khong tinh diem|"
                     r"cham (?:diem )?(?:qua|bang|theo) (?:phieu )?(?:khao sat|dieu tra)|\bxhh\b")


def is_method_note(line: str) -> bool:
    """True for a note saying how the criterion is scored (with no finding, i.e. no figure)."""
    return bool(_METHOD.search(fold(line))) and not re.search(r"\d", line)


# What a note says when it names a shortcoming: a shortfall word or a figure ("đạt 73%", "06/18 xã").
# Other notes (a status, a document, a remark on an office) stay in the appendix's Ghi chú only.
_FINDING = re.compile(r"\b(?:chưa|không|chậm|muộn|thiếu|trễ|trừ|hạn chế|tồn tại|thấp|sai|quá hạn|vi phạm|mất)\b|"
                      r"\d\s*%|(?<![\d/])\d++\s*/\s*\d++(?!\s*/)")  # a ratio, not a date or a document number


def reads_as_finding(line: str) -> bool:
    """True when a note line states what went wrong, so the plan may print it as the shortcoming."""
    return bool(_FINDING.search(line.lower()))


def shortcomings(item: Item) -> list[str]:
    """The reason (else the note's lines that state a finding) as bullet lines, scoring-method notes left out."""
    for text, keep in ((item.reason, None), (item.note, reads_as_finding)):
        lines = [line for line in bullet_lines(text) if not is_method_note(line) and (keep is None or keep(line))]
        if lines:
            return lines
    return []


def children_lists(table: Table) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in table.items]
    for i, item in enumerate(table.items):
        if item.parent is not None:
            kids[item.parent].append(i)
    return kids
