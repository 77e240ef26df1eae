"""The annual PAR plan (Kế hoạch cải cách hành chính năm) written from a tasks table, and its targets.

Tasks sit under their group rows (I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH …), lettered a), b)…, sub-tasks
under them; a targets table (Chỉ tiêu, Chỉ tiêu phấn đấu) of the same workbook gives the plan's
"Chỉ tiêu cụ thể".
"""
from __future__ import annotations

import re
from typing import Callable

from pyxl.core.codes import numbering_restarts
from pyxl.core.model import Item, Table
from pyxl.core.text import clean
from pyxl.plan.suggest import Phrase, office_list
from pyxl.plan.wording import bare, bullet_lines, heading_title, item_ref, one_line

_BULLET = re.compile(r"^\s*[-+•*–—]\s*")
_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()  # điểm, in Vietnamese order
# (item index, item) → its leads, partners and deadline as the plan prints them
TaskTexts = Callable[[int, Item], tuple[list[Phrase], list[Phrase], Phrase]]


def label(index: int) -> str:
    """The index-th điểm label: 'a)', 'b)', … 'đ)' …"""
    return f"{_LETTERS[index]})" if index < len(_LETTERS) else f"{index + 1})"


def _task(item: Item, offices: list[Phrase], partners: list[Phrase], deadline: Phrase,
          restarts: bool) -> dict:
    products = [line.rstrip(".") for line in bullet_lines(item.product)]
    return {
        "label": "",
        "code": item.code or "",
        "ref": item_ref(item, bare(item.title), restarts),
        "leads": offices,
        "partner_list": partners,
        "title": bare(item.title),
        "product": "; ".join(products),
        "lead": office_list(offices),
        "partners": office_list(partners),
        "deadline": deadline,
        "subtasks": [],
    }


def task_sections(table: Table, texts: TaskTexts) -> list[dict]:
    """One section per group row; top tasks lettered, sub-tasks under them.

    texts(index, item) gives its leads and partners (lists of Phrase, the offices as the plan names
    them) and its deadline: the sheet's, else the library's.
    """
    sections: list[dict] = []
    current: dict | None = None
    top: dict[int, dict] = {}
    restarts = numbering_restarts(table.items)
    for i, item in enumerate(table.items):
        if item.is_group:
            current = {"number": "", "title": heading_title(item.title), "entries": []}
            sections.append(current)
            continue
        parent = item.parent
        while parent is not None and parent not in top and not table.items[parent].is_group:
            parent = table.items[parent].parent
        task = _task(item, *texts(i, item), restarts)
        if parent is not None and parent in top:
            top[parent]["subtasks"].append(task)
            top[i] = top[parent]
            continue
        if current is None:
            current = {"number": "", "title": "Các nhiệm vụ trọng tâm", "entries": []}
            sections.append(current)
        task["label"] = label(len(current["entries"]))
        current["entries"].append(task)
        top[i] = task
    kept = [s for s in sections if s["entries"]]
    for number, section in enumerate(kept, start=1):
        section["number"] = str(number)
    return kept


def is_targets(table: Table) -> bool:
    """True for a table of targets (a 'Chỉ tiêu phấn đấu' column, no deadlines)."""
    return "target" in table.columns and "deadline" not in table.columns


def targets(tables: list[Table]) -> list[dict]:
    """The targets of the targets tables: 'a) Chỉ số cải cách hành chính: Năm trong nhóm dẫn đầu …'.

    A target typed as sub-lines ('- Tỷ lệ hồ sơ toàn trình' … with '60%' … beside them) keeps each
    sub-line with its own figure.
    """
    found = []
    for table in tables:
        if not is_targets(table):
            continue
        for item in table.items:
            if item.is_group or not bare(item.target):
                continue
            names = [_BULLET.sub("", line) for line in clean(item.title).split("\n")]
            values = clean(item.target).split("\n")
            goal = {"label": label(len(found)), "title": bare(one_line(item.title)), "target": bare(one_line(item.target)),
                    "parts": []}
            if len(names) > 1 and len(values) == len(names) - 1:
                goal.update(title=bare(names[0]), target="",
                            parts=[f"{bare(name)}: {bare(value)}" for name, value in zip(names[1:], values)])
            found.append(goal)
    return found
