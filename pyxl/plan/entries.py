"""Section II's items: what the plan says for each lost item, the sheet's text first, else the library's.

Each item's paragraph has its shortcoming (the sheet's reason or note, else the facts: "Điểm thẩm
định đạt 0,5/1 điểm"), a target, tasks, lead and partners named at the unit's level, and a deadline.
Where the sheet leaves one of these blank, the table's suggestion (`Table.suggestions`, filled by
pyxl.core.suggest) gives it, marked in Word unless the plan is clean; `ItemTexts.took` remembers
which items took one, so that every door can say how many to review before signing.
"""
from __future__ import annotations

import functools
from datetime import date
from typing import Mapping, Sequence

from pyxl.core.levels import UnitKind, offices_named, unit_kind
from pyxl.core.library import Library, Suggestion, owner_kind
from pyxl.core.model import TASKS, Item, Table
from pyxl.core.suggest import with_suggestions
from pyxl.core.text import tone_key
from pyxl.plan.annual import task_sections
from pyxl.plan.derive import complete_front
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.organise import is_office, office_name
from pyxl.plan.suggest import Phrase, office_list
from pyxl.plan.wording import (
    bare, bullet_lines, children_lists, has_lost, item_kind, item_ref, names_of, one_line, points, sentence,
    shortcomings,
)


def plan_unit(table: Table, front: FrontMatter) -> UnitKind:
    """The unit's level and era, from its name, the table's title lines and offices, and the plan year."""
    offices = offices_named(table.items)
    return unit_kind([front.unit or "", *table.title_lines, table.sheet], front.plan_year, offices)


def suggested_for(table: Table, front: FrontMatter | None, library: Library | None = None) -> Table:
    """The table with the library's suggestions for the unit the plan is written for, in its plan year.

    The reader suggests for the unit and year its workbook names; the plan may name another unit
    (`--unit`, a merge's Danh sách) or plan year (a deduction table titled with the year assessed),
    and then the suggestions are made again from library (the workbook's; default: the built-in one).
    A table without suggestions (read with `read_table` alone) gets them.
    """
    completed, _ = complete_front(front, table)
    unit, year = plan_unit(table, completed), _plan_year(table, completed)
    if table.suggestions and _fits(table, unit, year):
        return table
    return with_suggestions(table, library or Library.builtin(), unit, year)


def _plan_year(table: Table, front: FrontMatter) -> int:
    return front.plan_year or table.year or date.today().year


def _fits(table: Table, unit: UnitKind, year: int) -> bool:
    """True when every suggestion names owners of the unit's level and era and falls in the plan year."""
    kind = owner_kind(unit)
    return all(s.owner_kind == kind and s.year in (None, year) for s in table.suggestions.values())


def fitted(table: Table, front: FrontMatter, unit: UnitKind) -> Table:
    """table, or (when its suggestions were made for another unit or year) suggested again from the built-in library.

    The doors suggest from the workbook's own library first (`suggested_for`); this keeps a plan
    written from any table from naming another level's offices or another year's deadlines.
    """
    return table if _fits(table, unit, _plan_year(table, front)) else suggested_for(table, front)


class ItemTexts:
    """An item's offices and plan texts: the sheet's, else its suggestion's (marked unless clean)."""

    def __init__(self, kind: UnitKind, suggestions: Mapping[int, Suggestion], clean: bool) -> None:
        self.kind, self.suggestions, self.clean = kind, suggestions, clean
        self.took: set[int] = set()  # indexes of the items that printed some suggested text

    def pick(self, index: int, sheet: Sequence[str], offered: Sequence[str]) -> list[Phrase]:
        """The sheet's texts when it has any, else the offered ones (marked unless clean)."""
        own = [text for text in sheet if text]
        if own:
            return [Phrase.of(text) for text in own]
        found = [text for text in offered if text]
        if found:
            self.took.add(index)
        return [Phrase.of(text, not self.clean) for text in found]

    def _offices(self, names: Sequence[str]) -> list[str]:
        return list(_office_names(tuple(names), self.kind))

    def owners(self, item: Item, index: int) -> tuple[list[Phrase], list[Phrase]]:
        """(leads, partners): the sheet's, else the suggestion's; a suggested partner that leads is left out."""
        offer = self.suggestions.get(index)
        leads = self.pick(index, self._offices(item.lead_names or item.lead),
                          self._offices(offer.lead) if offer else [])
        leading = {tone_key(str(name)) for name in leads}
        offered = [name for name in self._offices(offer.partners) if tone_key(name) not in leading] if offer else []
        return leads, self.pick(index, self._offices(item.partner_names or item.partners), offered)

    def target(self, item: Item, index: int) -> Phrase:
        offer = self.suggestions.get(index)
        found = self.pick(index, [one_line("\n".join(bullet_lines(item.target)))],
                          [sentence(one_line(offer.target))] if offer else [])
        return found[0] if found else Phrase()

    def tasks(self, item: Item, index: int) -> list[Phrase]:
        offer = self.suggestions.get(index)
        return self.pick(index, bullet_lines(item.solution), bullet_lines("\n".join(offer.tasks)) if offer else [])

    def deadline(self, item: Item, index: int) -> Phrase:
        offer = self.suggestions.get(index)
        found = self.pick(index, [bare(item.deadline.text)], [bare(offer.deadline)] if offer else [])
        return found[0] if found else Phrase()

    def task(self, index: int, item: Item) -> tuple[list[Phrase], list[Phrase], Phrase]:
        """A task of an annual plan: its leads, partners and deadline."""
        return (*self.owners(item, index), self.deadline(item, index))


@functools.lru_cache(maxsize=4096)  # the same cells of offices recur in every commune's table
def _office_names(names: tuple[str, ...], kind: UnitKind) -> tuple[str, ...]:
    """Each office of names once, as the plan names it at the unit's level."""
    return tuple(dict.fromkeys(office_name(name, kind) for name in names_of(names) if is_office(name)))


def addressed(table: Table, all_items: bool) -> list[int]:
    """Indexes of the items the plan addresses, in table order."""
    kids = children_lists(table)
    out = []
    for i, item in enumerate(table.items):
        if item.is_group:
            continue
        own_text = any((item.solution, item.target, item.lead, item.deadline.text))
        is_field = item.parent is None and bool(kids[i])
        if (kids[i] or is_field) and not own_text:
            continue  # its children carry the plan
        if has_lost(item) or all_items:
            out.append(i)
    return out


def shortcoming(item: Item) -> str:
    """'Tồn tại, hạn chế': the sheet's reason (else its note), else the facts of the score; '' for nothing lost."""
    lines = shortcomings(item)
    if lines:
        return "\n".join(lines)
    if not has_lost(item):
        return ""
    if item.max_points is not None and item.appraised_points is not None:
        return f"Điểm thẩm định đạt {points(item.appraised_points)}/{points(item.max_points)} điểm."
    return f"Bị trừ {points(item.lost_points)} điểm" + (f"/{points(item.max_points)} điểm tối đa." if item.max_points
                                                         is not None else ".")


def entry(table: Table, index: int, texts: ItemTexts, restarts: bool = False) -> dict:
    """One item's paragraph for the templates (restarts: `numbering_restarts(table.items)`, for its reference)."""
    item = table.items[index]
    title = bare(item.title)
    kind = item_kind(table, index)
    code = item.code or ""
    leads, partners = texts.owners(item, index)
    return {
        "number": "",
        "code": code,
        "ref": item_ref(item, title, restarts),
        "kind": kind,
        "title": title,
        "label": f"{kind} {code} “{title}”" if code else f"{kind} “{title}”",
        "lost": points(item.lost_points) if has_lost(item) else "",
        "max_points": points(item.max_points),
        "appraised": points(item.appraised_points),
        "target": texts.target(item, index),
        "solutions": texts.tasks(item, index),
        "reason": shortcoming(item),
        "leads": leads,
        "partner_list": partners,
        "lead": office_list(leads),
        "partners": office_list(partners),
        "deadline": texts.deadline(item, index),
    }


def suggested_count(table: Table, front: FrontMatter | None = None, all_items: bool = False) -> int:
    """How many items of the plan written from table take some text from the library (to review before signing)."""
    completed, _ = complete_front(front, table)
    unit = plan_unit(table, completed)
    table = fitted(table, completed, unit)
    texts = ItemTexts(unit, table.suggestions, clean=False)
    if table.kind == TASKS:
        task_sections(table, texts.task)
    else:
        for index in addressed(table, all_items):
            entry(table, index, texts)
    return len(texts.took)
