"""Which kind of unit a table or plan belongs to: a commune before or after the 7/2025 reform, or a district.

Since 1/7/2025 there are no districts and communes have new offices (Văn phòng HĐND và UBND, Phòng
Kinh tế, Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính công; par_framework.md §4), so who
leads, who follows the plan up and whom it reports to depend on both the level and the era.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from collections import namedtuple

from pyxl.core.agencies import COMMUNE, DISTRICT, Catalogue
from pyxl.core.text import fold

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
if TYPE_CHECKING:
    from pyxl.core.model import Item

OLD, NEW = "old", "new"
# The first plan year run wholly by the two-tier communes: plans for the 2025 index, written in 2026.
FIRST_NEW_PLAN_YEAR = 2026
_COMMUNE_WORDS = re.compile(r"\b(xa|phuong|thi tran|dac khu)\b")
_DISTRICT_WORDS = re.compile(r"\b(huyen|quan|thi xa)\b")


# Named tuples, not dataclasses, for small values defined at every start: a tenth of the cost to define.
class UnitKind(namedtuple("UnitKind", ("level", "era"))):
    """level: commune · district · None (unknown); era: old (before 7/2025) · new."""

    __slots__ = ()

    @property
    def new_commune(self) -> bool:
        """True for a commune of the two-tier local government (from 7/2025)."""
        return self.level == COMMUNE and self.era == NEW


def level_of(texts: Iterable[str]) -> str | None:
    """commune or district from the first text naming one ('UBND xã Ia Mrơn', 'huyện Ia Pa'), else None."""
    for text in texts:
        folded = fold(text or "")
        if _COMMUNE_WORDS.search(folded):
            return COMMUNE
        if _DISTRICT_WORDS.search(folded):
            return DISTRICT
    return None


def offices_named(items: Iterable[Item]) -> list[str]:
    """Every office the items' lead and partner cells name (the reader's normalised names where it made them)."""
    return [name for item in items
            for name in (*(item.lead_names or item.lead), *(item.partner_names or item.partners))]


def unit_kind(texts: Iterable[str], plan_year: int | None, agency_names: Iterable[str] = (),
              catalogue: Catalogue | None = None) -> UnitKind:
    """The unit's level from texts naming it (unit name first, then title lines, sheet name), and its era.

    The era is new when the plan year is 2026 or later, or when the table names an office that only
    the new communes have; a district is always of the old era. No text naming the unit: the level of
    the offices the table names, when they all belong to one.
    """
    catalogue = catalogue or Catalogue.builtin()
    agency_names = tuple(agency_names)
    level = level_of(texts) or _level_of_offices(agency_names, catalogue)
    if level == DISTRICT:
        return UnitKind(DISTRICT, OLD)
    if (plan_year or 0) >= FIRST_NEW_PLAN_YEAR:
        return UnitKind(level, NEW)
    new_offices = {a.name for a in catalogue.agencies if a.level == COMMUNE and a.era == NEW}
    named_new = any(catalogue.canonical(name, COMMUNE) in new_offices for name in agency_names)
    return UnitKind(level, NEW if named_new else OLD)


def _level_of_offices(names: Iterable[str], catalogue: Catalogue) -> str | None:
    """The one level of the offices named that belong to a level ('Công chức Tư pháp - Hộ tịch': a commune's,
    'Phòng Nội vụ': a district's); None when none does or they disagree."""
    levels = {catalogue.level_of(name) for name in dict.fromkeys(names)} - {None}
    return levels.pop() if len(levels) == 1 else None
