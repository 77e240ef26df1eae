"""The hierarchy and the arithmetic: parents, lost points, totals (definitions in DESIGN.md)."""
from __future__ import annotations

from decimal import Decimal
from collections.abc import Callable

from pyxl.core.codes import is_letter, is_roman, level, segments
from pyxl.core.model import Item, Totals


def hierarchy(items: list[Item]) -> tuple[list[int | None], list[int]]:
    """Each item's parent index and level.

    An item's parent is the nearest item above, within the same group, whose code is a proper
    prefix of its code (a lettered sub-item 'a)': the nearest numbered item above); failing that, the
    group row above it.
    """
    parents: list[int | None] = []
    levels: list[int] = []
    group: int | None = None
    last_seen: dict[tuple[str, ...], int] = {}  # code segments → latest index, within the current group
    numbered: int | None = None  # the latest item with a numeric code, within the current group
    for i, item in enumerate(items):
        if item.is_group:
            group, last_seen, numbered = i, {}, None
            parents.append(None)
            levels.append(0)
            continue
        lettered = is_letter(item.code)
        if lettered:
            parent = numbered if numbered is not None else group
        else:
            parts = segments(item.code) if item.code and not is_roman(item.code) else ()
            prefixes = [last_seen[parts[:n]] for n in range(1, len(parts)) if parts[:n] in last_seen]
            parent = max(prefixes) if prefixes else group
            if parts:
                last_seen[parts] = i
                numbered = i
        parents.append(parent)
        own = 0 if lettered else level(item.code)  # a letter alone says nothing of its depth
        levels.append(own or (levels[parent] + 1 if parent is not None else 1))
    return parents, levels


def score(items: list[Item]) -> list[Item]:
    """Items with parent, level, lost_points and group set."""
    parents, levels = hierarchy(items)
    lost = _rollup(items, parents, own_lost)
    groups = _groups(items, parents)
    return [_evolve(item, parent=p, level=l, lost_points=x, group=g, code=_full_code(items, item, p))
            for item, p, l, x, g in zip(items, parents, levels, lost, groups)]


def _full_code(items: list[Item], item: Item, parent: int | None) -> str | None:
    """A lettered sub-item's code led by its parent's ('3.1.a' for 'a)' under 3.1): one code per item, which
    messages, plans and formulas can name; every other code as read."""
    if not is_letter(item.code) or parent is None or items[parent].is_group or not items[parent].code:
        return item.code
    return f"{items[parent].code}.{item.code}"


def _groups(items: list[Item], parents: list[int | None]) -> list[str | None]:
    """For each item, the code (else the title) of the group row above it in the hierarchy."""
    found: list[str | None] = []
    for i, parent in enumerate(parents):
        if items[i].is_group or parent is None:
            found.append(None)
        elif items[parent].is_group:
            found.append(items[parent].code or items[parent].title)
        else:
            found.append(found[parent])
    return found


def _evolve(item: Item, **changes: object) -> Item:
    # dataclasses.replace re-runs __init__ field by field; on a 2,000-row table that is a third of the
    # whole check. Copying the instance dict gives the same frozen value for a fraction of the cost.
    new = object.__new__(Item)
    new.__dict__.update(item.__dict__, **changes)
    return new


def own_lost(item: Item) -> Decimal | None:
    """max − appraised when both are present, else the stated value with its sign ignored."""
    if item.max_points is not None and item.appraised_points is not None:
        return item.max_points - item.appraised_points
    if item.stated_lost is not None:
        return abs(item.stated_lost)
    return None


def children_of(items: list[Item]) -> list[list[int]]:
    """For each item, the indexes of its children."""
    return _kids([item.parent for item in items])


def _kids(parents: list[int | None]) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in parents]
    for i, parent in enumerate(parents):
        if parent is not None:
            kids[parent].append(i)
    return kids


def _rollup(items: list[Item], parents: list[int | None],
            own: Callable[[Item], Decimal | None]) -> list[Decimal | None]:
    """Each item's own value, or for an item without one the sum over its children."""
    kids = _kids(parents)
    values: list[Decimal | None] = [None] * len(items)
    for i in range(len(items) - 1, -1, -1):  # children always come after their parent
        value = own(items[i])
        if value is None and kids[i]:
            known = [values[k] for k in kids[i] if values[k] is not None]
            value = sum(known, Decimal(0)) if known else None
        values[i] = value
    return values


def totals(items: list[Item]) -> Totals:
    """Sums over the root items only, so a group and its children are never added together."""
    parents = [item.parent for item in items]
    roots = [i for i, parent in enumerate(parents) if parent is None]

    def total(values: list[Decimal | None]) -> Decimal | None:
        known = [values[i] for i in roots if values[i] is not None]
        return sum(known, Decimal(0)) if known else None

    max_points = total(_rollup(items, parents, lambda item: item.max_points))
    appraised = total(_rollup(items, parents, lambda item: item.appraised_points))
    lost = total([item.lost_points for item in items])
    return Totals(max_points, appraised, lost if lost is not None else Decimal(0))
