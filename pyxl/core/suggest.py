"""The suggestions stage: the remediation library's proposal for each item a plan must cover.

Runs after the checks, over the checked table: every item that needs a plan gets its `Suggestion`
(in `Table.suggestions`, keyed by item index), and the MISSING_SOLUTION, MISSING_LEAD and
MISSING_DEADLINE findings on it carry the suggestion's text. A score table with no solution column at
all (a deduction table such as Vĩnh Linh's Phụ lục 1) gets one MISSING_SOLUTION note per lost item,
so the officer sees, item by item, what the library proposes.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from pyxl.core.levels import UnitKind
from pyxl.core.library import Library, Suggestion
from pyxl.core.model import INFO, SCORES, Finding, Item, Table
from pyxl.core.numbers import format_points
from pyxl.core.scoring import children_of
from pyxl.core.topics import context_field

PLAN_CODES = frozenset({"MISSING_SOLUTION", "MISSING_LEAD", "MISSING_DEADLINE"})


def plan_items(table: Table) -> list[int]:
    """Indexes of the items a plan must cover: leaves that lost points, or the tasks of a task table.

    The same rule as the check's (pyxl.core.checks.Checker.needs_plan), over the finished table.
    """
    kids = children_of(list(table.items))
    found = []
    for i, item in enumerate(table.items):
        if kids[i]:
            continue
        if table.kind == SCORES:
            needed = item.lost_points is not None and item.lost_points > 0
        else:
            needed = not item.is_group
        if needed:
            found.append(i)
    return found


def item_field(table: Table, item: Item) -> str | None:
    """The lĩnh vực an item sits in: its group row's, else its top-level ancestor's title."""
    texts: list[str | None] = []
    if item.group:
        group = next((g for g in table.items if g.is_group and g.code == item.group), None)
        texts.append(group.title if group else item.group)
    root = item
    while root.parent is not None:
        root = table.items[root.parent]
    if root is not item:
        texts.append(root.title)
    return context_field(texts)


def with_suggestions(table: Table, library: Library, unit: UnitKind) -> Table:
    """The table with the library's suggestions for its plan items, on `suggestions` and on the plan findings."""
    year = table.year or date.today().year
    suggestions: dict[int, Suggestion] = {}
    for i in plan_items(table):
        item = table.items[i]
        found = library.suggest(item.title, unit, year, item_field(table, item))
        if found:
            suggestions[i] = found
    by_row = {table.items[i].row: s for i, s in suggestions.items()}
    findings = [_with_text(f, by_row.get(f.row)) for f in table.findings]
    findings += _no_solution_column(table, suggestions, findings)
    return replace(table, findings=tuple(findings), suggestions=suggestions)


def _with_text(finding: Finding, suggestion: Suggestion | None) -> Finding:
    if suggestion is None or finding.code not in PLAN_CODES or finding.suggestion:
        return finding
    return replace(finding, suggestion=suggestion.text(finding.code))


def _no_solution_column(table: Table, suggestions: dict[int, Suggestion], findings: list[Finding]) -> list[Finding]:
    """One MISSING_SOLUTION note per lost item of a score table that has no solution column."""
    if table.kind != SCORES or "solution" in table.columns:
        return []
    noted = {f.row for f in findings if f.code == "MISSING_SOLUTION"}
    added = []
    for i in plan_items(table):
        item = table.items[i]
        if item.row in noted or item.solution:
            continue
        who = f"Mục {item.code}" if item.code else f"Mục '{item.title[:37]}…'" if len(item.title) > 40 else f"Mục '{item.title}'"
        suggestion = suggestions.get(i)
        added.append(Finding(
            "MISSING_SOLUTION", INFO,
            f"{who} mất {format_points(item.lost_points)} điểm; bảng không có cột 'Giải pháp' nên chưa có giải "
            "pháp khắc phục.", table.sheet, item.row, item.code, None,
            suggestion.text("MISSING_SOLUTION") if suggestion else None,
        ))
    return added
