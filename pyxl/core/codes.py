"""Item codes (STT): '3.2.1', roman numerals, codes typed at the start of a title cell."""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from pyxl.core.text import is_upper_title

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
if TYPE_CHECKING:
    from pyxl.core.model import Item

_ROMAN = r"(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})"
# The codes _ROMAN matches whole: I to XXXIX.
_ROMANS = frozenset(tens + ones for tens in ("", "X", "XX", "XXX")
                    for ones in ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")) - {""}
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")
# Sub-items lettered under an item: "a)", "b.", "đ" alone (their parent is the numbered item above),
# or with the parent's code ("3.2.a").
# A code at the start of a title: "1.1.3 Mức độ…", "3.10.1. Tỷ lệ…", "VI CẢI CÁCH…", "II. CẢI CÁCH…", also
# after the word naming the level ("Lĩnh vực 1: …", "Tiêu chí 1.2: …", "TCTP 1.3.1 - …") and before a dash.
# Kept as text and compiled on first use (re keeps it): `_may_lead` rules out most titles first.
_LABEL = r"(?i:(?:lĩnh\s+vực|tiêu\s+chí(?:\s+thành\s+phần)?|chỉ\s+số(?:\s+thành\s+phần)?|tctp|tc|lv)\s+)?"
_LEADING = rf"(?s)^\s*{_LABEL}(\d+(?:\.\d+)*|{_ROMAN})\s*(?:[.):]|\s[-–—](?=\s+[^\W\d_]))?(?:\s+|$)(.*)$"
# The first two characters a match can start with (after spaces): those of a label, as the case-blind
# match reads them ('İ' and 'ı' are an 'i' to it), or a digit or roman numeral.
_LABEL_STARTS = {"l": "ĩĨvV", "L": "ĩĨvV", "t": "iIİıcC", "T": "iIİıcC", "c": "hH", "C": "hH"}
# A code cell with the word of its level before it, as some scoring software exports them: "LV1", "TC1.1",
# "TCTP 1.1.2", "Tiêu chí 1.2" (compiled on first use, for cells that start with a letter and hold a digit).
_LABELLED = (r"(?i)^(?:lĩnh\s*vực|tiêu\s*chí(?:\s*thành\s*phần)?|chỉ\s*số(?:\s*thành\s*phần)?|tctp|tc|lv)"
             r"\s*[.:]?\s*(\d+(?:\.\d+)*)$")


def _numeric(text: str) -> bool:
    r"""'3', '3.2.1' (what r'^\d+(?:\.\d+)*$' matches, a newline aside)."""
    return all(part.isdecimal() for part in text.split("."))


def _lettered(text: str) -> bool:
    r"""'a', 'a)', 'đ', '3.2.a' (what r'^(?:\d+(?:\.\d+)*\.)?[a-zđ]\)?$' matches, a newline aside)."""
    body = text[:-1] if text.endswith(")") else text
    if body[-1:] not in _LETTERS:
        return False
    code = body[:-1]
    return not code or (code.endswith(".") and _numeric(code[:-1]))


def _may_lead(text: str) -> bool:
    """False when no code can start the text (what _LEADING matches starts so), without compiling it."""
    start = text.lstrip()
    first, second = start[:1], start[1:2]
    if first.isdecimal():
        return True
    if first in "IVXL" and first and (not second or second in "IVXL.):" or second.isspace()):
        return True
    return bool(first) and bool(second) and second in _LABEL_STARTS.get(first, "")


def normalize_code(value: object) -> str | None:
    """The code as text ('1' for the number 1.0, '1.2' for 1.2, '3.2.1' kept), or None if it is no code."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if number < 0:
            return None
        return format(number.normalize(), "f")
    text = str(value).strip().rstrip(".").strip()
    if _numeric(text) or text in _ROMANS:
        return text
    if "," in text and _numeric(text.replace(",", ".")):
        return text.replace(",", ".")  # 1.1 saved as CSV by Excel set to Vietnamese: "1,1"
    if text[:1].isalpha() and any(ch.isdecimal() for ch in text) and (match := re.match(_LABELLED, text)):
        return match.group(1)
    if _lettered(text):
        return text.rstrip(")")
    return None


def is_letter(code: str | None) -> bool:
    """True for a sub-item letter without its parent's code ('a', 'đ'): the numbered item above is its parent."""
    return bool(code) and len(code) == 1 and code.isalpha() and code.islower()


def split_leading_code(text: str) -> tuple[str | None, str]:
    """('1.1.3', 'Mức độ…') from '1.1.3 Mức độ…'; (None, text) when the title starts with no code."""
    match = re.match(_LEADING, text) if _may_lead(text) else None
    if not match or not match.group(1):
        return None, text
    code, rest = match.group(1), match.group(2).strip()
    if not rest and not _numeric(code):
        return None, text
    # A number followed by a unit or percent is content, not a code ("100% hồ sơ", "2 năm").
    if rest[:1] in ("%",):
        return None, text
    return code, rest


# A lĩnh vực line and its first item typed in one cell: "I. CÔNG TÁC CHỈ ĐẠO\n1.1. Kế hoạch…", "II. THỂ CHẾ - 2.1 Rà soát…".
_GLUED = r"(?s)^(.*?\S)\s*(?:\n|\s[-–—]\s)\s*(\d+(?:\.\d+)+)\.?\s+(\S.*)$"


def split_glued_group(code: str | None, title: str) -> tuple[str, str, str] | None:
    """(group title, item code, item title) when a group's title cell also holds its first item, else None.

    The group's part must be in capitals, as lĩnh vực lines are, and under a numbered group ('1') the
    item's code must be one of its own ('1.1').
    """
    if not code or not (is_roman(code) or code.isdecimal()) or not any(ch.isdecimal() for ch in title):
        return None
    match = re.match(_GLUED, title)
    if not match or not is_upper_title(match.group(1)):
        return None
    group, item, rest = match.groups()
    if code.isdecimal() and not is_parent_code(code, item):
        return None
    return group, item, rest.strip()


def is_roman(code: str | None) -> bool:
    """True for a roman-numeral group code such as 'II' or 'VI'."""
    return bool(code) and (code in _ROMANS or code[-1] == "\n" and code[:-1] in _ROMANS)  # '$' allows a newline


def segments(code: str) -> tuple[str, ...]:
    """'3.2.1' → ('3', '2', '1'), with leading zeros dropped so '03.1' matches '3.1'."""
    return tuple(str(int(part)) if part.isdigit() else part for part in code.split("."))


def level(code: str | None) -> int:
    """Depth of a numeric code: '3' → 1, '3.2.1' → 3; 0 for roman or missing codes."""
    if not code or is_roman(code):
        return 0
    return len(segments(code))


def is_parent_code(parent: str, child: str) -> bool:
    """True when parent is a proper prefix of child by dotted segments ('3.1' is not a parent of '3.10')."""
    if is_roman(parent) or is_roman(child):
        return False
    p, c = segments(parent), segments(child)
    return len(p) < len(c) and c[: len(p)] == p


# Where a table keeps its codes (decided once per table, from the whole column).
IN_SERIAL_COLUMN, IN_CODE_COLUMN, IN_TITLE = "serial column", "code column", "title"


def numbering_restarts(items: Iterable[Item]) -> bool:
    """True when some code is found under two lĩnh vực lines (scored items: their group set): each part
    numbers its items from 1, so '1' or '2' alone does not say which item is meant."""
    first: dict[str, str | None] = {}
    return any(item.code and first.setdefault(item.code, item.group) != item.group for item in items)


def restart_part(code: str | None, group: str | None, restarts: bool) -> str | None:
    """The code of the lĩnh vực line ('II') to name with an item's code in a table whose numbering restarts
    (see `numbering_restarts`), unless the code says it already ('2.3' under '2'); else None."""
    if not restarts or not code or not group or len(group) > 6 or code == group or code.startswith(group + "."):
        return None
    return group


def locate_codes(serials: list[object], codes: list[object] | None, titles: list[str]) -> str:
    """Where the codes of a table live, from the cells of its data rows (one entry per row).

    serials: the STT column (None cells when there is none); codes: a separate 'Mã' column, or None
    when there is none; titles: the title cells. A 'Mã' column that holds codes wins; an STT column
    that only counts 1, 2, 3… while the titles start with their own codes ("2.3.1. Tỷ lệ…") leaves
    the codes to the titles; otherwise the STT column carries them.
    """
    if codes is not None:
        typed = [normalize_code(c) is not None for c in codes if c not in (None, "")]
        if any(typed) and _share(typed) >= 0.5:
            return IN_CODE_COLUMN
    normal = [normalize_code(s) for s in serials]
    numbered = [(s, split_leading_code(t)[0]) for s, t in zip(normal, titles) if s and not is_roman(s)]
    if not numbered:
        return IN_TITLE if not all(normal) else IN_SERIAL_COLUMN
    in_titles = [(s, t) for s, t in numbered if t and not is_roman(t)]
    if is_serial([s for s, _ in numbered]) and _share(bool(t) for _, t in numbered) >= 0.5 \
            and any(t != s for s, t in in_titles) and any("." in t for _, t in in_titles):
        return IN_TITLE
    return IN_SERIAL_COLUMN


def is_serial(values: list[str]) -> bool:
    """True when the numbers count 1, 2, 3… (restarting at 1 is allowed, as under each lĩnh vực)."""
    if not values or any(not v.isdigit() for v in values):
        return False
    steps = sum(1 for a, b in zip(values, values[1:]) if int(b) == int(a) + 1 or int(b) == 1)
    return len(values) >= 2 and steps >= 0.8 * (len(values) - 1)


def _share(flags) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 0.0
