"""The template context: plain dicts of strings, already written the Vietnamese way.

Templates only loop and test; every figure ("1,05"), date ("ngày 05 tháng 3 năm 2024"), list of
agencies and heading number is made here. Keys avoid the names of dict methods ("items", "values",
"keys"…), which the sandboxed Jinja would resolve to the method.
"""
from __future__ import annotations

import re
from decimal import Decimal

from pyxl.core.errors import ParbookError
from pyxl.core.model import TASKS, Item, Table
from pyxl.core.text import fold, tone_key
from pyxl.plan.appendix import appendix_context
from pyxl.plan.derive import complete_front, is_people_committee, locality_of
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.wording import (
    bare, bullet_lines, children_lists, format_date, has_lost, item_kind, names_of, one_line, points, sentence_case,
)

ARRANGEMENTS = ("criterion", "field", "lead")
BLANK = "……"
_BLANK_NUMBER = "     "  # "Số:      /KH-UBND", as drafts leave it
_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()  # điểm, in Vietnamese order
_BULLET = re.compile(r"^\s*[-+•*–—]\s*")
# Standard lĩnh vực names (par_framework.md) for tables that list criteria without their lĩnh vực
# row; the 2022 index (876/QĐ-BNV) renamed fields 2, 5 and 7.
_FIELDS_OLD = {
    "1": "Công tác chỉ đạo, điều hành cải cách hành chính",
    "2": "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
    "3": "Cải cách thủ tục hành chính",
    "4": "Cải cách tổ chức bộ máy hành chính",
    "5": "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
    "6": "Cải cách tài chính công",
    "7": "Hiện đại hóa hành chính",
    "8": "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
}
_FIELDS_2022 = {
    **_FIELDS_OLD,
    "2": "Cải cách thể chế",
    "5": "Cải cách chế độ công vụ",
    "7": "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
}


def build_context(table: Table, front: FrontMatter | None = None, by: str = "criterion",
                  all_items: bool = False) -> dict:
    """The context for a plan template: front, plan, sections (per `by`) and appendix.

    Items without lost points are left out of the sections unless all_items; the appendix always
    lists every item of the table.
    """
    if by not in ARRANGEMENTS:
        raise ParbookError(
            f"Cách trình bày '{by}' không có; chọn một trong: criterion (theo tiêu chí), "
            "field (theo lĩnh vực), lead (theo cơ quan chủ trì)."
        )
    front, _ = complete_front(front, table)
    context = {"front": front_context(front), "appendix": appendix_context(table, front)}
    if table.kind == TASKS:
        sections = _task_sections(table)
        context["plan"] = _task_plan(table, sections, front)
    else:
        entries = _entries(table, all_items)
        sections = _lead_sections(entries) if by == "lead" else _field_sections(table, entries, front)
        context["plan"] = _score_plan(table, entries, front)
    context["plan"]["next_number"] = str(len(sections) + 1)
    context["sections"] = sections
    return context


# -- front matter -------------------------------------------------------------------------------------

def front_context(front: FrontMatter) -> dict:
    """Header, title, signature and recipient strings for the template."""
    unit = front.unit or ""
    locality = locality_of(unit)
    if is_people_committee(unit) and locality:
        issuer = ["ỦY BAN NHÂN DÂN", locality.upper()]
    elif unit:
        issuer = [unit.upper()]
    else:
        issuer = ["ỦY BAN NHÂN DÂN", BLANK]
    symbol = front.symbol or "KH-UBND"
    year = str(front.plan_year) if front.plan_year else "    "
    issued = format_date(front.issued) if front.issued else f"ngày    tháng    năm {year}"
    return {
        "parent_lines": [front.parent_body.upper()] if front.parent_body else [],
        "issuer_lines": issuer,
        "number": f"{front.number or _BLANK_NUMBER}/{symbol}",
        "date": issued,
        "place_date": f"{front.place or BLANK}, {issued}",
        "unit": unit or BLANK,
        "locality": locality or unit or BLANK,
        "eval_year": str(front.eval_year) if front.eval_year else BLANK,
        "plan_year": str(front.plan_year) if front.plan_year else BLANK,
        "result": bare(front.result),
        "bases": _bases(front.bases),
        "sign_lines": _sign_lines(front),
        "signer": one_line(front.signer),
        "recipients": _recipients(front.recipients),
    }


def _bases(lines: tuple[str, ...]) -> list[str]:
    kept = [bare(line) for line in lines if bare(line)]
    return [line + (";" if i < len(kept) - 1 else ".") for i, line in enumerate(kept)]


def _recipients(lines: tuple[str, ...]) -> list[str]:
    kept = [_BULLET.sub("", one_line(line)).rstrip(" .;,") for line in lines]
    kept = [line for line in kept if line]
    if not any(fold(line).startswith("luu") for line in kept):
        kept.append("Lưu: VT")
    return [f"- {line}" + ("." if i == len(kept) - 1 else ";") for i, line in enumerate(kept)]


def _sign_lines(front: FrontMatter) -> list[str]:
    """ND 30 ô 7a–7b: 'TM. ỦY BAN NHÂN DÂN' / 'CHỦ TỊCH', or 'TM. …' / 'KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH'.

    An authority given in full ('KT. CHỦ TỊCH') is printed as given.
    """
    authority = front.authority or "TM."
    short = authority.split()[0]
    committee = is_people_committee(front.unit) or not front.unit
    collective = "ỦY BAN NHÂN DÂN" if committee else (front.unit or "").upper()
    position = one_line(front.signer_title).upper() or ("PHÓ CHỦ TỊCH" if short == "KT." else "CHỦ TỊCH")
    head = position[4:] if position.startswith("PHÓ ") else "CHỦ TỊCH" if committee else position

    def given_or(default: str) -> str:
        return authority if authority != short else default

    if short == "TM.":
        return [given_or(f"TM. {collective}"), position]
    if short == "KT.":  # a deputy signs for the head, on behalf of the committee
        return ([f"TM. {collective}"] if committee else []) + [given_or(f"KT. {head}"), position]
    if short == "Q.":  # acting head
        return ([f"TM. {collective}"] if committee else []) + [given_or(f"Q. {head}")]
    if short in ("TL.", "TUQ."):  # by order / by authorisation of the head
        return [given_or(f"{short} {head}"), position]
    return [authority, position]


def _coordinator(front: FrontMatter) -> str:
    """Who follows the plan up: the commune's Văn phòng - Thống kê, the district's Phòng Nội vụ."""
    locality = fold(locality_of(front.unit) or "")
    if re.match(r"(xa|phuong|thi tran)\b", locality):
        return "công chức Văn phòng - Thống kê"
    if re.match(r"(huyen|quan|thi xa|thanh pho)\b", locality):
        return "Phòng Nội vụ"
    return "bộ phận phụ trách công tác cải cách hành chính"


# -- remediation plan ---------------------------------------------------------------------------------

def _entries(table: Table, all_items: bool) -> list[tuple[int, dict]]:
    """(item index, entry) for each item the plan addresses, in table order."""
    kids = children_lists(table)
    out = []
    for i, item in enumerate(table.items):
        if item.is_group:
            continue
        own_text = any((item.solution, item.target, item.lead, item.deadline.text))
        is_field = item.parent is None and bool(kids[i])
        if (kids[i] or is_field) and not own_text:
            continue  # its children carry the plan
        if not (has_lost(item) or all_items):
            continue
        out.append((i, _entry(item)))
    return out


def _entry(item: Item) -> dict:
    title = bare(item.title)
    kind = item_kind(item)
    code = item.code or ""
    label = f"{kind} {code} “{title}”" if code else f"{kind} “{title}”"
    return {
        "number": "",
        "code": code,
        "kind": kind,
        "title": title,
        "label": label,
        "lost": points(item.lost_points) if has_lost(item) else "",
        "max_points": points(item.max_points),
        "appraised": points(item.appraised_points),
        "target": "\n".join(bullet_lines(item.target)),
        "solutions": bullet_lines(item.solution),
        "reason": "\n".join(bullet_lines(item.reason or item.note)),
        "lead": ", ".join(names_of(item.lead)),
        "partners": ", ".join(names_of(item.partners)),
        "lead_names": names_of(item.lead),
        "partner_names": names_of(item.partners),
        "deadline": bare(item.deadline.text),
    }


def _field_of(table: Table, index: int) -> int:
    while table.items[index].parent is not None:
        index = table.items[index].parent
    return index


def _field_sections(table: Table, entries: list[tuple[int, dict]], front: FrontMatter) -> list[dict]:
    """One section per lĩnh vực (the root above the criteria, or the code's first number)."""
    kids = children_lists(table)
    names = _FIELDS_2022 if (front.eval_year or 0) >= 2022 else _FIELDS_OLD
    order: list[object] = []
    grouped: dict[object, list[dict]] = {}
    titles: dict[object, str] = {}
    lost: dict[object, str] = {}
    for index, entry in entries:
        root = _field_of(table, index)
        if root != index and (table.items[root].is_group or kids[root]):
            key: object = root
            titles[key] = sentence_case(table.items[root].title)
            lost[key] = points(table.items[root].lost_points)
        else:
            first = (table.items[index].code or "").split(".")[0]
            key = ("code", first)
            titles[key] = names.get(first, "Các nội dung khác")
        if key not in grouped:
            order.append(key)
            grouped[key] = []
        grouped[key].append(entry)
    sections = []
    for number, key in enumerate(order, start=1):
        members = grouped[key]
        if key not in lost:
            values = [e["lost"] for e in members if e["lost"]]
            lost[key] = points(sum((Decimal(v.replace(",", ".")) for v in values), Decimal(0))) if values else ""
        for k, entry in enumerate(members, start=1):
            entry["number"] = f"{number}.{k}"
        sections.append({
            "number": str(number),
            "title": titles[key],
            "lost": lost[key],
            "entries": members,
            "leads": _distinct(name for e in members for name in e["lead_names"]),
            "partners": _distinct(name for e in members for name in e["partner_names"]),
            "deadlines": _distinct((e["deadline"] for e in members), sep="; "),
        })
    return sections


def _distinct(names, sep: str = ", ") -> str:
    """Each name once (compared by tone_key, so 'hoá'/'hóa' and case do not count), in order of first appearance."""
    seen: dict[str, str] = {}
    for name in names:
        if name and tone_key(name) not in seen:
            seen[tone_key(name)] = name
    return sep.join(seen.values())


def _lead_sections(entries: list[tuple[int, dict]]) -> list[dict]:
    """One section per lead agency, in order of first appearance; items with several leads under each."""
    order: list[str] = []
    names: dict[str, str] = {}
    grouped: dict[str, list[dict]] = {}
    unassigned = "Chưa phân công cơ quan chủ trì"
    for _, entry in entries:
        leads = entry["lead_names"] or [unassigned]
        for name in leads:
            key = tone_key(name)
            if key not in grouped:
                order.append(key)
                names[key] = name
                grouped[key] = []
            grouped[key].append(dict(entry))
    order.sort(key=lambda key: names[key] == unassigned)
    sections = []
    for number, key in enumerate(order, start=1):
        members = grouped[key]
        for k, entry in enumerate(members, start=1):
            entry["number"] = f"{number}.{k}"
        total = sum((Decimal(e["lost"].replace(",", ".")) for e in members if e["lost"]), Decimal(0))
        sections.append({
            "number": str(number),
            "title": names[key],
            "lost": points(total) if total else "",
            "entries": members,
            "leads": names[key],
            "partners": _distinct(name for e in members for name in e["partner_names"]),
            "deadlines": _distinct((e["deadline"] for e in members), sep="; "),
        })
    return sections


def _score_plan(table: Table, entries: list[tuple[int, dict]], front: FrontMatter) -> dict:
    items = [entry for _, entry in entries]
    return {
        "kind": "scores",
        "total_lost": points(table.totals.lost_points),
        "entry_count": str(sum(1 for e in items if e["lost"])),
        "leads": _distinct(name for e in items for name in e["lead_names"]),
        "coordinator": _coordinator(front),
    }


# -- annual PAR plan (a tasks table) --------------------------------------------------------------------

def _label(index: int) -> str:
    return f"{_LETTERS[index]})" if index < len(_LETTERS) else f"{index + 1})"


def _task(item: Item) -> dict:
    products = [line.rstrip(".") for line in bullet_lines(item.product)]
    return {
        "label": "",
        "code": item.code or "",
        "title": bare(item.title),
        "product": "; ".join(products),
        "lead": ", ".join(names_of(item.lead)),
        "partners": ", ".join(names_of(item.partners)),
        "deadline": bare(item.deadline.text),
        "subtasks": [],
    }


def _task_sections(table: Table) -> list[dict]:
    """One section per group row (I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH …); top tasks lettered, sub-tasks under them."""
    sections: list[dict] = []
    current: dict | None = None
    top: dict[int, dict] = {}
    for i, item in enumerate(table.items):
        if item.is_group:
            current = {"number": str(len(sections) + 1), "title": sentence_case(item.title), "entries": []}
            sections.append(current)
            continue
        parent = item.parent
        while parent is not None and parent not in top and not table.items[parent].is_group:
            parent = table.items[parent].parent
        if parent is not None and parent in top:
            top[parent]["subtasks"].append(_task(item))
            top[i] = top[parent]
            continue
        if current is None:
            current = {"number": str(len(sections) + 1), "title": "Các nhiệm vụ trọng tâm", "entries": []}
            sections.append(current)
        task = _task(item)
        task["label"] = _label(len(current["entries"]))
        current["entries"].append(task)
        top[i] = task
    return _renumber([s for s in sections if s["entries"]])


def _renumber(sections: list[dict]) -> list[dict]:
    for number, section in enumerate(sections, start=1):
        section["number"] = str(number)
    return sections


def _task_plan(table: Table, sections: list[dict], front: FrontMatter) -> dict:
    duties: dict[str, dict] = {}
    for item in table.items:
        if item.is_group:
            continue
        for name in (n for n in (bare(x) for x in item.lead) if n):
            duty = duties.setdefault(tone_key(name), {"name": name, "codes": [], "count": 0})
            duty["count"] += 1
            if item.code:
                duty["codes"].append(item.code)
    lead_duties = [
        {"number": str(n), "name": d["name"], "count": str(d["count"]), "codes": ", ".join(d["codes"])}
        for n, d in enumerate(duties.values(), start=1)
    ]
    return {
        "kind": "tasks",
        "task_count": str(sum(len(section["entries"]) for section in sections)),  # sub-tasks not counted
        "leads": ", ".join(d["name"] for d in duties.values()),
        "lead_duties": lead_duties,
        "coordinator": _coordinator(front),
    }
