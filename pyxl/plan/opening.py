"""The plan's opening: the legal frame ("Căn cứ …", "Thực hiện …") and the result it answers.

From `Thông tin` (Căn cứ lines; the decision publishing the index: số, ngày, cơ quan; the upper
level's plan), else from the table's title lines (a results table "Kèm theo Quyết định số …"), else a
placeholder line as drafts leave it, with "…" where the officer fills in. The result states the score
(and the share of the maximum where it is known), the rank, the lost points and how many criteria
lost them. No number or date is ever made up.
"""
from __future__ import annotations

import re
from decimal import Decimal

from pyxl.core.agencies import COMMUNE, DISTRICT
from pyxl.core.codes import is_roman, segments
from pyxl.core.levels import UnitKind
from pyxl.core.model import TASKS, Table
from pyxl.core.numbers import TOLERANCE
from pyxl.core.text import fold, tone_key
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.wording import bare, format_date, points

BLANK = "…"
INDEX_MAX = Decimal(100)  # every province's index totals 100 points (par_framework.md §1)
_OPENERS = re.compile(r"^(can cu|thuc hien|theo)\b")


def bases(front: FrontMatter, kind: UnitKind, table_kind: str) -> list[str]:
    """The Căn cứ / Thực hiện lines, each ending ';' and the last '.'."""
    lines = [bare(line) for line in front.bases if bare(line)]
    known = " ".join(lines)
    if _has_decision(front) and not (front.decision and front.decision in known):
        lines.append(decision_line(front, kind))
    if front.upper_plan and tone_key(bare(front.upper_plan)) not in tone_key(known):
        text = bare(front.upper_plan)
        lines.append(text if _OPENERS.match(fold(text)) else f"Thực hiện {text}")
    if not lines:
        lines.append(decision_line(front, kind) if table_kind != TASKS else _annual_placeholder(front))
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def has_basis(front: FrontMatter) -> bool:
    """True when the sheet or the title lines give a basis, so no placeholder line is printed."""
    return bool(front.bases or _has_decision(front) or front.upper_plan)


def _has_decision(front: FrontMatter) -> bool:
    return bool(front.decision or front.decision_date or front.decision_body)


def decision_line(front: FrontMatter, kind: UnitKind) -> str:
    """'Căn cứ Quyết định số 35/QĐ-UBND ngày 09 tháng 01 năm 2024 của UBND tỉnh Quảng Trị về việc công bố …'."""
    number = front.decision or f"{BLANK}/QĐ-UBND"
    day = format_date(front.decision_date) if front.decision_date else f"ngày {BLANK}"
    body = front.decision_body or _publisher(kind)
    year = str(front.eval_year) if front.eval_year else BLANK
    return f"Căn cứ Quyết định số {number} {day} của {body} về việc công bố Chỉ số cải cách hành chính năm {year}"


def _annual_placeholder(front: FrontMatter) -> str:
    year = str(front.plan_year) if front.plan_year else BLANK
    return (f"Căn cứ Quyết định số {BLANK}/QĐ-UBND ngày {BLANK} của {BLANK} ban hành Kế hoạch cải cách hành "
            f"chính năm {year}")


def _publisher(kind: UnitKind) -> str:
    """Who publishes the unit's index: the province for a district and for a commune since 7/2025."""
    if kind.level == DISTRICT or (kind.level == COMMUNE and kind.new_commune):
        return f"UBND tỉnh {BLANK}"
    return BLANK


# -- the result ---------------------------------------------------------------------------------------

def covers_index(table: Table, front: FrontMatter) -> bool:
    """True when the table lists every lĩnh vực of the index: its roots are lĩnh vực whose maxima add up to the index's."""
    roots = [table.items[i] for i in table.roots()]
    if not roots or table.totals.max_points is None:
        return False
    fields = all(item.is_group or is_roman(item.code) or (item.code and len(segments(item.code)) == 1)
                 for item in roots)
    return fields and abs(table.totals.max_points - (front.max_score or INDEX_MAX)) < TOLERANCE


def lost_total(table: Table, front: FrontMatter) -> Decimal:
    """The unit's lost points: `Thông tin` when it says, else the table's total."""
    return front.lost if front.lost is not None else table.totals.lost_points


def standing(table: Table, front: FrontMatter) -> str:
    """'đạt 93,93/100 điểm (93,93%), xếp thứ 01/10', from what is known; '' when nothing is."""
    whole = covers_index(table, front)
    score = front.score if front.score is not None else (table.totals.appraised_points if whole else None)
    maximum = front.max_score if front.max_score is not None else (table.totals.max_points if whole else None)
    parts = []
    if score is not None:
        if maximum:
            share = (score * 100 / maximum).quantize(Decimal("0.01"))
            parts.append(f"đạt {points(score)}/{points(maximum)} điểm ({points(share)}%)")
        else:
            parts.append(f"đạt {points(score)} điểm")
    rank = rank_text(front.rank, front.units)
    if rank:
        parts.append(f"xếp thứ {rank}")
    if not parts and front.result:
        return bare(front.result)
    return ", ".join(parts)


def rank_text(rank: str | None, units: int | None) -> str:
    """'1' and 10 units → '01/10'; '3/12 xã' kept with its words; '' without a rank."""
    text = bare(rank)
    match = re.match(r"^(?:thứ\s*)?(\d{1,4})(?:\s*/\s*(\d{1,4}))?\s*(.*)$", text, re.IGNORECASE)
    if not match:
        return text
    number, total, rest = match.groups()
    total = total or (str(units) if units else None)
    out = f"{int(number):02d}" + (f"/{int(total):02d}" if total else "")
    return f"{out} {rest}".strip()


def lost_changes(table: Table, front: FrontMatter) -> list[str]:
    """A warning when `Thông tin` and the table disagree on the lost points."""
    if front.lost is None or table.kind == TASKS or abs(front.lost - table.totals.lost_points) < TOLERANCE:
        return []
    return [f"Thông tin ghi 'Điểm bị trừ' {points(front.lost)} nhưng bảng '{table.sheet}' cộng được "
            f"{points(table.totals.lost_points)}; câu mở đầu ghi theo Thông tin, Phụ lục ghi theo bảng."]
