"""The hierarchy and the arithmetic: parents, lost points, totals (definitions in DESIGN.md)."""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Callable

from .codes import is_parent_code, level
from .model import Item, Totals


def link_parents(items: list[Item]) -> list[Item]:
    """Items with parent and level set.

    An item's parent is the nearest item above, within the same group, whose code is a proper
    prefix of its code; failing that, the group row above it.
    """
    linked: list[Item] = []
    group: int | None = None
    for i, item in enumerate(items):
        if item.is_group:
            group = i
            linked.append(dataclasses.replace(item, parent=None, level=0))
            continue
        parent = _prefix_parent(linked, item.code, start=0 if group is None else group + 1)
        if parent is None:
            parent = group
        depth = level(item.code) or (linked[parent].level + 1 if parent is not None else 1)
        linked.append(dataclasses.replace(item, parent=parent, level=depth))
    return linked


def _prefix_parent(items: list[Item], code: str | None, start: int) -> int | None:
    if not code:
        return None
    for j in range(len(items) - 1, start - 1, -1):
        other = items[j].code
        if other and is_parent_code(other, code):
            return j
    return None


def own_lost(item: Item) -> Decimal | None:
    """max − appraised when both are present, else the stated value with its sign ignored."""
    if item.max_points is not None and item.appraised_points is not None:
        return item.max_points - item.appraised_points
    if item.stated_lost is not None:
        return abs(item.stated_lost)
    return None


def children_of(items: list[Item]) -> list[list[int]]:
    """For each item, the indexes of its children."""
    kids: list[list[int]] = [[] for _ in items]
    for i, item in enumerate(items):
        if item.parent is not None:
            kids[item.parent].append(i)
    return kids


def _rollup(items: list[Item], own: Callable[[Item], Decimal | None]) -> list[Decimal | None]:
    """Each item's own value, or for an item without one the sum over its children."""
    kids = children_of(items)
    values: list[Decimal | None] = [None] * len(items)
    for i in range(len(items) - 1, -1, -1):  # children always come after their parent
        value = own(items[i])
        if value is None and kids[i]:
            known = [values[k] for k in kids[i] if values[k] is not None]
            value = sum(known, Decimal(0)) if known else None
        values[i] = value
    return values


def compute_lost(items: list[Item]) -> list[Item]:
    """Items with lost_points set; an item with no figures takes the sum over its children."""
    lost = _rollup(items, own_lost)
    return [dataclasses.replace(item, lost_points=value) for item, value in zip(items, lost)]


def totals(items: list[Item]) -> Totals:
    """Sums over the root items only, so a group and its children are never added together."""
    roots = [i for i, item in enumerate(items) if item.parent is None]

    def total(values: list[Decimal | None]) -> Decimal | None:
        known = [values[i] for i in roots if values[i] is not None]
        return sum(known, Decimal(0)) if known else None

    max_points = total(_rollup(items, lambda item: item.max_points))
    appraised = total(_rollup(items, lambda item: item.appraised_points))
    lost = total([item.lost_points for item in items])
    return Totals(max_points, appraised, lost if lost is not None else Decimal(0))
