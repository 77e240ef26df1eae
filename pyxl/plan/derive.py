"""Front matter the sheet does not give, derived from the table: its title lines, unit and years.

"(Kèm theo kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của UBND xã Sơn Giang)" gives the number,
date and unit; "… năm 2020 … năm 2021" the evaluation and plan years. `complete_front` fills the
blanks of the `Thông tin` front matter from there and lists what is still blank.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from datetime import date

from pyxl.core.agencies import COMMUNE, DISTRICT
from pyxl.core.levels import level_of, offices_named, unit_kind
from pyxl.core.model import Table
from pyxl.core.text import clean, fold, tone_key
from pyxl.core.years import names_assessed_year
from pyxl.plan.frontmatter import LABELS, FrontMatter, parse_number_symbol
from pyxl.plan.opening import has_basis, lost_changes
from pyxl.plan.wording import format_date

_LEVELS = ("thi tran", "thi xa", "thanh pho", "xa", "phuong", "huyen", "quan", "tinh")
_UBND = re.compile(r"^(?:ubnd|uy ban nhan dan)\b\s*", re.IGNORECASE)


class _FoldedChars(dict):
    """Code point → that character folded alone: its base letter in lower case ('Ệ' → 'e', 'Đ' → 'd'), a space
    for any white space (a str.translate table, filled as characters are met)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0].lower() if ch.strip() else " "
        self[code] = folded = "d" if base == "đ" else base
        return folded


_FOLDED_CHARS = _FoldedChars()


def _fold_same_length(text: str) -> str:
    """fold() one character for one character, so positions match the original text."""
    return text.translate(_FOLDED_CHARS)


_ATTACHED = re.compile(r"kem\s+theo\b")
_PLAN_WORD = re.compile(r"kem\s+theo\s+ke\s+hoach\b")
# A results table: the decision it is attached to is the one publishing the index.
_RESULTS = re.compile(r"chi so|ket qua|xep hang|diem")
_NUMBER_IN_TITLE = re.compile(r"\bso\s*:?\s*(?P<n>\d*)\s*/\s*(?P<s>[a-z0-9&]+(?:-[a-z0-9&]+)*)")
_DATE_IN_TITLE = re.compile(
    r"ngay\s*(?P<d>\d{1,2})\s*(?:thang\s*|[/.-]\s*)(?P<m>\d{1,2})\s*(?:nam\s*|[/.-]\s*)(?P<y>\d{4})"
)
_UNIT_IN_TITLE = re.compile(
    r"\bcua\s+(?P<unit>(?:ubnd|uy ban nhan dan)\s+(?:" + "|".join(_LEVELS) + r")\s+[^\s)].*?)\s*\)?\s*$"
)
_LOCALITY = re.compile(r"\b(?P<level>" + "|".join(_LEVELS) + r")\s+(?P<name>[^\s,.;()]+(?:\s+[^\s,.;()]+){0,3})")
# The level words as typed, so that "tình hình", "quản lý" or "xã hội" are not taken for places.
_LEVEL_WORDS = {"xã", "phường", "huyện", "quận", "tỉnh", "thị trấn", "thị xã", "thành phố"}
# Commune, district, city (a district's or a province's), province.
_LEVEL_RANK = {"xã": 0, "phường": 0, "thị trấn": 0, "huyện": 1, "quận": 1, "thị xã": 1, "thành phố": 1.5, "tỉnh": 2}
_NAME_STOP = {"nam", "va", "giai", "doan", "tu", "den", "cac", "ve", "trong", "theo", "cua", "tai", "de", "hoi"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def derive_front(table: Table) -> FrontMatter:
    """What the table's title lines (and its plan year) say about number, date, unit, years and the decision.

    Only a plan's own reference ("Kèm theo Kế hoạch số …/KH-…") gives the plan's number, date and
    unit; a decision's ("Kèm theo Quyết định số …/QĐ-…" on a results table) gives the decision that
    published the index; a report's or notice's (BC, TB…) gives neither.
    """
    return _derived(tuple(table.title_lines), table.year)


@functools.lru_cache(maxsize=32)
def _derived(title_lines: tuple[str, ...], year: int | None) -> FrontMatter:
    plan: dict[str, object] = {}
    decision: dict[str, object] = {}
    year_hint = year
    title_years: list[tuple[int, str]] = []  # (year, what the title says around it)
    localities: list[str] = []
    about_results = any(_RESULTS.search(_fold_same_length(clean(line))) for line in title_lines)
    for line in title_lines:
        original = clean(line).replace("\n", " ")
        folded = _fold_same_length(original)
        if _ATTACHED.search(folded):
            reference = _reference(original, folded)
            kind = fold(reference.get("symbol") or "").split("-")[0]
            if kind == "kh" or (not reference.get("symbol") and _PLAN_WORD.search(folded)):
                plan = reference
            elif kind == "qd" and about_results:
                decision = reference
            years = _YEAR.findall(folded)
            if years and year_hint is None and (plan is reference):
                year_hint = int(years[-1])  # "ngày /02/2024": the date is a blank but its year is not
            continue
        for match in _YEAR.finditer(folded):
            title_years.append((int(match.group(0)), folded[max(match.start() - 40, 0) : match.end() + 25]))
        localities += _localities_in(original, folded)
    # "UBND TỈNH … / KẾT QUẢ … CỦA UBND XÃ …": the table is the lowest unit its title names
    locality = min(localities, key=_rank, default=None)
    unit = plan.get("body")
    if unit is None and locality is not None:
        unit = f"UBND {locality}"
    issued = plan.get("date")
    if issued is not None and year_hint is None:
        year_hint = issued.year  # type: ignore[union-attr]
    eval_year, plan_year = _years(title_years, year_hint)
    number = decision.get("number")
    return FrontMatter(
        unit=unit, number=plan.get("number"), symbol=plan.get("symbol"), issued=issued,  # type: ignore[arg-type]
        eval_year=eval_year, plan_year=plan_year,
        decision=f"{number}/{decision['symbol']}" if number else None,
        decision_date=decision.get("date"), decision_body=decision.get("body"),  # type: ignore[arg-type]
    )


def _reference(original: str, folded: str) -> dict[str, object]:
    """number, symbol, date and issuing body of a "(Kèm theo … số …/… ngày … của …)" line."""
    found: dict[str, object] = {}
    match = _NUMBER_IN_TITLE.search(folded)
    if match:
        found["number"] = parse_number_symbol(match["n"])[0] if match["n"] else None
        found["symbol"] = original[match.start("s") : match.end("s")].upper()
    match = _DATE_IN_TITLE.search(folded)
    if match:
        try:
            found["date"] = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            pass
    match = _UNIT_IN_TITLE.search(folded)
    if match:
        found["body"] = tidy_unit(original[match.start("unit") : match.end("unit")])
    return found


def _rank(locality: str) -> float:
    return next(rank for level, rank in _LEVEL_RANK.items() if locality.startswith(level + " "))


def _localities_in(original: str, folded: str) -> list[str]:
    """Each 'xã Tân Bình', 'huyện Ia Pa'… a title line names, in order."""
    found = []
    for match in _LOCALITY.finditer(folded):
        level = original[match.start("level") : match.end("level")].lower()
        if level not in _LEVEL_WORDS:
            continue
        kept = []
        words = original[match.start("name") : match.end("name")].split()
        for word, folded_word in zip(words, folded[match.start("name") : match.end("name")].split()):
            if folded_word in _NAME_STOP or any(ch.isdigit() for ch in word):
                break
            kept.append(word)
        if kept:
            found.append(f"{level} {' '.join(_title_word(w) for w in kept)}")
    return found


def _years(title_years: list[tuple[int, str]], hint: int | None) -> tuple[int | None, int | None]:
    """(evaluation year, plan year) from the years a title names and the plan year known otherwise."""
    years = sorted({year for year, _ in title_years})
    if len(years) >= 2:
        return years[0], years[-1]
    if len(years) == 1:
        year, around = years[0], title_years[0][1]
        if hint is not None and year < hint:
            return year, hint
        # "… bị trừ điểm năm 2023" names the year assessed; "… năm 2019 và các năm tiếp theo" the plan's.
        if names_assessed_year(around.split(str(year))[0], around):
            return year, year + 1
        return year - 1, year
    return (hint - 1 if hint else None), hint


def _title_word(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word.isupper() else word


def tidy_unit(text: str) -> str:
    """A unit name as written, with a name typed in capitals put in title case: 'UBND XÃ IA MRƠN' → 'UBND xã Ia Mrơn'."""
    text = clean(text).replace("\n", " ")
    match = _UBND.match(text)
    if not match or not text.isupper():
        return text
    head = text[: match.end()].strip()
    rest = text[match.end() :].split()
    if rest and _fold_same_length(rest[0]) in _LEVELS:
        level_words = 1
    elif len(rest) > 1 and _fold_same_length(" ".join(rest[:2])) in _LEVELS:
        level_words = 2
    else:
        level_words = 0
    level = " ".join(w.lower() for w in rest[:level_words])
    name = " ".join(_title_word(w) for w in rest[level_words:])
    head = "UBND" if head.upper() == "UBND" else "Ủy ban nhân dân"
    return " ".join(part for part in (head, level, name) if part)


def locality_of(unit: str | None) -> str | None:
    """'UBND xã Sơn Giang' → 'xã Sơn Giang'; None when the unit is not a People's Committee."""
    if not unit:
        return None
    match = _UBND.match(unit)
    if not match:
        return None
    return unit[match.end() :].strip() or None


def place_of(unit: str | None) -> str | None:
    """The địa danh a unit implies: 'UBND xã Sơn Giang' → 'Sơn Giang'; 'UBND Quận 1' → 'Quận 1'."""
    locality = locality_of(unit)
    if not locality:
        return None
    words = locality.split()
    folded = [_fold_same_length(w) for w in words]
    for size in (2, 1):
        if len(words) > size and " ".join(folded[:size]) in _LEVELS:
            name = " ".join(words[size:])
            if name.isdigit():  # named by a number: the full name ("Quận 1", "Phường 15")
                return " ".join(words[:size]).capitalize() + " " + name
            return name
    return None


def is_people_committee(unit: str | None) -> bool:
    """True for 'UBND …' / 'Ủy ban nhân dân …'."""
    return bool(unit and _UBND.match(unit))


# -- completing -------------------------------------------------------------------------------------

class _Facts:
    """A table as complete_front reads it: compared by its title lines, plan year, kind, sheet, totals and offices
    (a table naming no unit takes the level of its offices)."""

    __slots__ = ("table", "key")

    def __init__(self, table: Table) -> None:
        self.table = table
        self.key = (tuple(table.title_lines), table.year, table.kind, table.sheet, table.totals,
                    tuple(offices_named(table.items)))

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Facts) and self.key == other.key


def complete_front(front: FrontMatter | None, table: Table) -> tuple[FrontMatter, list[str]]:
    """front with its blanks filled from the table, and a warning for each blank left in the document."""
    facts = _Facts(table)
    try:
        hash((front, facts))
    except TypeError:  # a front matter built by hand with lists: worked out without the cache
        completed, warnings = _completed.__wrapped__(front, facts)
    else:
        completed, warnings = _completed(front, facts)
    return completed, list(warnings)


@functools.lru_cache(maxsize=32)  # one document asks several times (reading, naming, planning)
def _completed(front: FrontMatter | None, facts: _Facts) -> tuple[FrontMatter, tuple[str, ...]]:
    table = facts.table
    given = front or FrontMatter()
    derived = _as_upper_plan(given, derive_front(table))
    front = given.merged_over(derived)
    if front.unit:
        front = dataclasses.replace(front, unit=tidy_unit(front.unit))
    if not front.place:
        front = dataclasses.replace(front, place=place_of(front.unit))
    plan_year, eval_year = front.plan_year, front.eval_year
    if plan_year is None:
        plan_year = eval_year + 1 if eval_year else (front.issued.year if front.issued else None)
    if eval_year is None and plan_year is not None:
        eval_year = plan_year - 1
    front = dataclasses.replace(front, plan_year=plan_year, eval_year=eval_year)

    warnings = []

    def missing(name: str, shown: str) -> None:
        warnings.append(f"Thông tin: chưa có '{LABELS[name]}'; văn bản để {shown}, cần điền trước khi trình ký.")

    if not front.unit:
        missing("unit", "trống tên đơn vị")
    if not front.place:
        missing("place", "trống địa danh")
    if front.symbol and not fold(front.symbol).startswith("kh"):
        warnings.append(
            f"Thông tin: 'Số, ký hiệu' {front.number or ''}/{front.symbol} là số của văn bản khác (Kế hoạch có ký "
            "hiệu KH-…); văn bản để 'Số:      /KH-UBND', cần điền số của Kế hoạch trước khi trình ký."
        )
        front = dataclasses.replace(front, number=None, symbol=None)
    elif not front.number:
        missing("number", f"'Số:      /{front.symbol or 'KH-UBND'}'")
    if not front.issued:
        missing("issued", f"'ngày    tháng    năm {front.plan_year or ''}'".rstrip())
    if table.kind != "tasks" and not front.eval_year:
        missing("eval_year", "trống năm đánh giá")
    if not front.plan_year:
        missing("plan_year", "trống năm thực hiện")
    warnings += _basis_blanks(front, table)
    if not front.authority:
        missing("authority", "'TM.'")
    if not front.signer_title:
        missing("signer_title", "chức vụ mặc định theo quyền hạn ký")
    if not front.signer:
        missing("signer", "trống họ tên người ký")
    offices = offices_named(table.items)
    if not front.recipients and unit_kind([front.unit or "", *table.title_lines, table.sheet], plan_year,
                                          offices).level is None:
        missing("recipients", "chỉ các cơ quan trong kế hoạch và '- Lưu: VT.' (không rõ đơn vị cấp xã hay cấp huyện)")
    return front, tuple(warnings + lost_changes(table, front))


_RANKS = {COMMUNE: 0, DISTRICT: 1}


def _as_upper_plan(given: FrontMatter, derived: FrontMatter) -> FrontMatter:
    """A "(Kèm theo Kế hoạch số …)" line of another body than the sheet's unit: not this plan's number.

    When that body is above the unit (a district's plan in a commune's workbook, a province's in a
    district's) it is the upper level's plan the unit carries out ("Thực hiện Kế hoạch số …").
    """
    theirs, mine = locality_of(derived.unit), locality_of(given.unit)
    if not (derived.symbol and theirs and mine) or tone_key(theirs) == tone_key(mine):
        return derived
    other = dataclasses.replace(derived, unit=None, number=None, symbol=None, issued=None)
    above, own = level_of([theirs]), level_of([mine])
    if _RANKS.get(above, 2) <= _RANKS.get(own, 2):  # a province or city (no level word known) ranks highest
        return other
    number = f"{derived.number or '…'}/{derived.symbol}"
    day = f" {format_date(derived.issued)}" if derived.issued else ""
    return dataclasses.replace(other, upper_plan=given.upper_plan or f"Kế hoạch số {number}{day} của {derived.unit}")


def _basis_blanks(front: FrontMatter, table: Table) -> list[str]:
    """What the legal frame leaves blank: the whole line, or the parts of the decision not known."""
    if not has_basis(front):
        what = "ban hành Kế hoạch cải cách hành chính năm …" if table.kind == "tasks" else \
            "về việc công bố Chỉ số cải cách hành chính năm …"
        return [f"Thông tin: chưa có căn cứ ('{LABELS['decision']}', '{LABELS['decision_date']}', "
                f"'{LABELS['decision_body']}' hoặc '{LABELS['upper_plan']}', hay 'Căn cứ'); văn bản để dòng "
                f"'Căn cứ Quyết định số …/QĐ-UBND ngày … của … {what}', cần điền trước khi trình ký."]
    if not (front.decision or front.decision_date or front.decision_body):
        return []
    blanks = [LABELS[name] for name in ("decision", "decision_date", "decision_body") if not getattr(front, name)]
    return [f"Thông tin: chưa có '{label}'; dòng 'Căn cứ Quyết định …' để '…', cần điền trước khi trình ký."
            for label in blanks]
