"""The template context: plain dicts of strings, already written the Vietnamese way.

Templates only loop and test; every figure ("1,05"), date ("ngày 05 tháng 3 năm 2024"), list of
agencies and heading number is made here. Keys avoid the names of dict methods ("items", "values",
"keys"…), which the sandboxed Jinja would resolve to the method. An item's target, tasks, lead,
partners and deadline are `Phrase`s (pyxl.plan.suggest), printed with `{{r … }}`: the sheet's text,
or the table's suggestion marked in Word (pyxl.plan.entries).
"""
from __future__ import annotations

import re
from typing import Sequence

from pyxl.core.codes import numbering_restarts
from pyxl.core.errors import ParbookError
from pyxl.core.model import TASKS, Table
from pyxl.core.text import fold
from pyxl.plan.annual import is_targets, targets, task_sections
from pyxl.plan.appendix import appendix_context, appendix_labels
from pyxl.plan.derive import complete_front, is_people_committee, locality_of
from pyxl.plan.entries import ItemTexts, addressed, entry, fitted, plan_unit
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.opening import bases, lost_total, standing
from pyxl.plan.organise import duties, frame, recipients
from pyxl.plan.sections import distinct, field_sections, lead_sections
from pyxl.plan.wording import bare, format_date, one_line, points

ARRANGEMENTS = ("criterion", "field", "lead")
BLANK = "……"
_BLANK_NUMBER = "     "  # "Số:      /KH-UBND", as drafts leave it
_BULLET = re.compile(r"^\s*[-+•*–—]\s*")


def build_context(table: Table, front: FrontMatter | None = None, by: str = "criterion", all_items: bool = False,
                  *, appendices: Sequence[Table] | None = None, clean: bool = False) -> dict:
    """The context for a plan template: front, plan, sections (per `by`), appendices.

    appendices: the tables printed as Phụ lục, in order (default: table alone; with two or more they
    are numbered I, II…). Where the sheet leaves an item's target, tasks, owners or deadline blank,
    table.suggestions gives them, highlighted unless clean; plan.suggested counts the items that
    took any. Items without lost points are left out of the sections unless all_items; an appendix
    lists every item of its table.
    """
    if by not in ARRANGEMENTS:
        raise ParbookError(
            f"Cách trình bày '{by}' không có; chọn một trong: criterion (theo tiêu chí), "
            "field (theo lĩnh vực), lead (theo cơ quan chủ trì)."
        )
    front, _ = complete_front(front, table)
    kind = plan_unit(table, front)
    table = fitted(table, front, kind)
    printed = list(appendices) if appendices else [table]
    own = next((i for i, other in enumerate(printed) if other.sheet == table.sheet), None)
    if own is None:
        printed.insert(0, table)
        own = 0
    labels = appendix_labels(len(printed))
    where = frame(kind, front)
    texts = ItemTexts(kind, table.suggestions, clean)
    context: dict = {"appendices": [appendix_context(t, front, label) for t, label in zip(printed, labels)]}
    context["appendix"] = context["appendices"][own]
    reference = context["appendix"]["reference"]
    if table.kind == TASKS:
        sections = task_sections(table, texts.task)
        refs = [{"ref": t["ref"], "leads": t["leads"], "partners": t["partner_list"]}
                for s in sections for top in s["entries"] for t in (top, *top["subtasks"])]
        context["plan"] = _annual_plan(table, sections, printed, reference)
    else:
        restarts = numbering_restarts(table.items)
        entries = [(i, entry(table, i, texts, restarts)) for i in addressed(table, all_items)]
        sections = lead_sections(entries) if by == "lead" else field_sections(table, entries, front)
        refs = [{"ref": e["ref"], "leads": e["leads"], "partners": e["partner_list"]} for _, e in entries]
        context["plan"] = _score_plan(table, [e for _, e in entries], front, reference)
    context["plan"]["suggested"] = len(texts.took)
    organised = duties(refs, where, front.unit or BLANK)
    context["plan"]["organise"] = organised
    context["plan"]["coordinator"] = where.coordinator
    context["plan"]["next_number"] = str(len(sections) + 1)
    offices = [str(d["name"]) for d in organised["duties"]]
    context["front"] = front_context(front, bases(front, kind, table.kind), recipients(front, where, offices))
    context["sections"] = sections
    return context


# -- front matter -------------------------------------------------------------------------------------

def front_context(front: FrontMatter, base_lines: list[str] | None = None,
                  recipient_lines: Sequence[str] | None = None) -> dict:
    """Header, title, legal frame, signature and recipient strings for the template."""
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
        "bases": base_lines if base_lines is not None else _bases(front.bases),
        "sign_lines": _sign_lines(front),
        "signer": one_line(front.signer),
        "recipients": _recipients(recipient_lines if recipient_lines is not None else front.recipients),
    }


def _bases(lines: tuple[str, ...]) -> list[str]:
    kept = [bare(line) for line in lines if bare(line)]
    return [line + (";" if i < len(kept) - 1 else ".") for i, line in enumerate(kept)]


def _recipients(lines: Sequence[str]) -> list[str]:
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


def _score_plan(table: Table, entries: list[dict], front: FrontMatter, reference: str) -> dict:
    return {
        "kind": "scores",
        "total_lost": points(lost_total(table, front)),
        "entry_count": str(sum(1 for e in entries if e["lost"])),
        "standing": standing(table, front),
        "appendix_ref": reference,
        "leads": distinct(name for e in entries for name in e["leads"]),
    }


def _annual_plan(table: Table, sections: list[dict], printed: list[Table], reference: str) -> dict:
    goals = targets(printed)
    goals_ref = next((a for t, a in zip(printed, appendix_labels(len(printed))) if is_targets(t)), "")
    numerals = ["I", "II", "III", "IV", "V", "VI"]
    start = 2 if goals else 1
    return {
        "kind": "tasks",
        "task_count": str(sum(len(section["entries"]) for section in sections)),  # sub-tasks not counted
        "appendix_ref": reference,
        "targets": goals,
        "targets_ref": goals_ref,
        "muc": {"targets": "II", "tasks": numerals[start], "funding": numerals[start + 1],
                "organise": numerals[start + 2]},
    }
