"""The PHỤ LỤC printed after the plan: label, title, one row per item of the table, and the total.

Every column a table can have is given; the renderer drops the columns a table leaves empty and
sizes the others to their content (pyxl.plan.widths). The total row gives the lost points, and the
maximum and appraised points only when the table covers the whole index (a sum of the maxima of the
listed rows would mean nothing to a reader).
"""
from __future__ import annotations

import re

from pyxl.core.model import TASKS, Table
from pyxl.core.text import clean, fold
from pyxl.plan.annual import is_targets
from pyxl.plan.derive import locality_of
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.opening import covers_index
from pyxl.plan.wording import children_lists, one_line, points

_NOT_TITLE = re.compile(
    r"cong hoa xa hoi|doc lap\s*-?\s*tu do|^(uy ban nhan dan|ubnd)$|kem theo"
    r"|^(uy ban nhan dan|ubnd)\s+(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\s+\S+(\s+\S+){0,3}$"
    r"|^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\s+\S+(\s+\S+){0,3}$"
)
_APPENDIX_WORD = re.compile(r"^\s*ph[uụ]\s*l[uụ]c\s*(?:[0-9]+|[IVXLC]+\b)?\s*[:.\-–]?\s*", re.IGNORECASE)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def appendix_labels(count: int) -> list[str]:
    """'Phụ lục' for one appendix; 'Phụ lục I', 'Phụ lục II'… for several (ND 30: Roman numerals)."""
    if count <= 1:
        return ["Phụ lục"] * count
    return [f"Phụ lục {_ROMAN[i] if i < len(_ROMAN) else i + 1}" for i in range(count)]


def _appendix_title(table: Table, front: FrontMatter) -> str:
    lines = []
    for line in table.title_lines:
        text = _APPENDIX_WORD.sub("", one_line(line)).strip()
        if text and not _NOT_TITLE.search(fold(text)):
            lines.append(text)
    if lines:
        return " ".join(lines).upper()
    year = str(front.plan_year or "")
    if table.kind == TASKS:
        place = (locality_of(front.unit) or "").upper()
        what = "CHỈ TIÊU" if is_targets(table) else "NHIỆM VỤ TRỌNG TÂM"
        return " ".join(f"{what} CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {place} NĂM {year}".split())
    year = str(front.eval_year or "")
    return (f"CÁC NỘI DUNG BỊ MẤT ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} "
            "VÀ GIẢI PHÁP KHẮC PHỤC").replace("  ", " ")


def _title_header(table: Table) -> str:
    """A tasks table's title column: targets, the criteria its tasks answer, or the tasks themselves."""
    if is_targets(table):
        return "Chỉ tiêu"
    return "Tiêu chí" if "solution" in table.columns else "Nhiệm vụ"


def appendix_context(table: Table, front: FrontMatter, label: str = "Phụ lục") -> dict:
    """label, reference (how the body cites it), title, kind, headers, rows and total of one appendix."""
    kids = children_lists(table)
    rows = []
    for i, item in enumerate(table.items):
        note = "\n".join(text for text in (clean(item.note), clean(item.evidence)) if text)
        rows.append({
            # As the officer typed it: a running STT keeps its number, the criterion's code its title.
            "code": item.serial or item.code or "",
            "title": f"{item.typed_code or item.code} {clean(item.title)}" if item.serial and item.code
                     else clean(item.title),
            # lĩnh vực lines and criteria with sub-criteria; a task with sub-tasks stays plain (as in the seeds)
            "bold": item.is_group or (table.kind != TASKS and bool(kids[i])),
            "max_points": points(item.max_points),
            "self_points": points(item.self_points),
            "appraised": points(item.appraised_points),
            "lost": points(item.lost_points),
            "target": clean(item.target),
            "solution": clean(item.solution),
            "product": clean(item.product),
            "lead": "; ".join(clean(n) for n in item.lead),
            "partners": "; ".join(clean(n) for n in item.partners),
            "deadline": clean(item.deadline.text),
            "reason": clean(item.reason),
            "note": note,
        })
    totals = table.totals
    whole = table.kind != TASKS and covers_index(table, front)
    return {
        "label": label,
        "reference": label,
        "title": _appendix_title(table, front),
        "kind": table.kind,
        "headers": {"title": _title_header(table)},
        "rows": rows,
        "total": {
            "max_points": points(totals.max_points) if whole else "",
            "appraised": points(totals.appraised_points) if whole else "",
            "lost": points(totals.lost_points),
        },
        "count": str(sum(1 for item in table.items if not item.is_group)),
    }
