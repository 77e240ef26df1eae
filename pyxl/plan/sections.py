"""Section II of a remediation plan arranged by lĩnh vực or by lead office.

Entries (see pyxl.plan.context) are grouped under their lĩnh vực: the item's group row (Item.group
or the parent chain), else the code's first number named after the index's lĩnh vực; or under each
office that leads them, compared by catalogue name so that one office is one section.
"""
from __future__ import annotations

from decimal import Decimal

from pyxl.core.codes import is_roman
from pyxl.core.model import Table
from pyxl.core.text import tone_key
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.suggest import Phrase, join, office_list
from pyxl.plan.wording import above_fields, children_lists, heading_title, points

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
UNASSIGNED = "Chưa phân công cơ quan chủ trì"
BLANK = "……"


def _root(table: Table, index: int) -> int:
    """The item's top ancestor; below a group above the lĩnh vực, the lĩnh vực item under it."""
    below = index
    while table.items[index].parent is not None:
        below, index = index, table.items[index].parent
    return below if below != index and above_fields(table, index) else index


def _group_row(table: Table, group: str) -> int | None:
    key = tone_key(group)
    for i, item in enumerate(table.items):
        if item.is_group and key in (tone_key(item.code or ""), tone_key(item.title)):
            return i
    return None


def field_sections(table: Table, entries: list[tuple[int, dict]], front: FrontMatter) -> list[dict]:
    """One section per lĩnh vực, in table order, with the leads, partners and deadlines of its entries."""
    kids = children_lists(table)
    names = _FIELDS_2022 if (front.eval_year or 0) >= 2022 else _FIELDS_OLD
    order: list[object] = []
    grouped: dict[object, list[dict]] = {}
    titles: dict[object, str] = {}
    lost: dict[object, str] = {}
    for index, entry in entries:
        item = table.items[index]
        root = _root(table, index)
        row = root if root != index and (table.items[root].is_group or kids[root]) else None
        if row is None and item.group:
            row = _group_row(table, item.group)
        if row is not None:
            key: object = row
            titles[key] = heading_title(table.items[row].title)
            lost[key] = points(table.items[row].lost_points)
        elif item.group:
            key = ("group", tone_key(item.group))
            titles[key] = heading_title(item.group) if not is_roman(item.group) else item.group
        else:
            first = (item.code or "").split(".")[0]
            key = ("code", first)
            titles[key] = names.get(first, "Các nội dung khác")
        if key not in grouped:
            order.append(key)
            grouped[key] = []
        grouped[key].append(entry)
    sections = []
    for number, key in enumerate(order, start=1):
        members = grouped[key]
        for k, entry in enumerate(members, start=1):
            entry["number"] = f"{number}.{k}"
        sections.append(_section(str(number), titles[key], lost.get(key) or _sum(members), members))
    return sections


def lead_sections(entries: list[tuple[int, dict]]) -> list[dict]:
    """One section per lead office, in order of first appearance; an item with several leads under each."""
    order: list[str] = []
    names: dict[str, Phrase] = {}
    grouped: dict[str, list[dict]] = {}
    for _, entry in entries:
        for name in entry["leads"] or [Phrase.of(UNASSIGNED)]:
            key = tone_key(str(name))
            if key not in grouped:
                order.append(key)
                names[key] = name
                grouped[key] = []
            grouped[key].append(dict(entry))
    order.sort(key=lambda key: str(names[key]) == UNASSIGNED)
    sections = []
    for number, key in enumerate(order, start=1):
        members = grouped[key]
        for k, entry in enumerate(members, start=1):
            entry["number"] = f"{number}.{k}"
        section = _section(str(number), str(names[key]), _sum(members), members)
        section["leads"] = section["heading"] = names[key]
        sections.append(section)
    return sections


def _section(number: str, title: str, lost: str, members: list[dict]) -> dict:
    return {
        "number": number,
        "title": title,
        "heading": Phrase.of(title),
        "lost": lost,
        "entries": members,
        "leads": distinct(name for e in members for name in e["leads"]),
        "partners": distinct(name for e in members for name in e["partner_list"]),
        "deadlines": _deadlines(members),
    }


def _deadlines(members: list[dict]) -> Phrase:
    """The section's deadline; when its items differ, each deadline with the items it is for.

    'Quý I/2024 (tiêu chí 1.5.2); Thường xuyên (tiêu chí 1.1.3, 1.6)'; a deadline in stages keeps
    them apart with commas ('Quý I/2024 (kế hoạch), Quý III/2024 (kiểm tra)'); an item without one
    shows as '…… (tiêu chí 3.5)' beside the others, for the officer to fill in.
    """
    by_deadline: dict[str, tuple[Phrase, list[str]]] = {}
    for e in members:
        key = tone_key(str(e["deadline"]))
        by_deadline.setdefault(key, (e["deadline"] or Phrase.of(BLANK), []))[1].append(e["ref"])
    if len(by_deadline) == 1:
        return next(iter(by_deadline.values()))[0] if members[0]["deadline"] else Phrase()
    return join((_staged(deadline) + f" (tiêu chí {', '.join(dict.fromkeys(refs))})"
                 for deadline, refs in by_deadline.values()), "; ")


def _staged(deadline: Phrase) -> Phrase:
    return Phrase((text.replace("; ", ", "), marked) for text, marked in deadline.parts)


def _sum(members: list[dict]) -> str:
    values = [Decimal(e["lost"].replace(",", ".")) for e in members if e["lost"]]
    return points(sum(values, Decimal(0))) if values else ""


def distinct(phrases) -> Phrase:
    """Each office once (compared by tone_key, so 'hoá'/'hóa' and case do not count), in order of first appearance."""
    seen: dict[str, Phrase] = {}
    for phrase in phrases:
        if phrase and tone_key(str(phrase)) not in seen:
            seen[tone_key(str(phrase))] = phrase
    return office_list(seen.values())
