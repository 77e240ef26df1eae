"""The suggestions stage: the remediation library's proposal for each item a plan must cover.

Runs after the checks, over the checked table: every item that needs a plan gets its `Suggestion`
(in `Table.suggestions`, keyed by item index), and the MISSING_SOLUTION, MISSING_LEAD and
MISSING_DEADLINE findings on it carry the suggestion's text. A score table with no solution column at
all (a deduction table such as Vĩnh Linh's Phụ lục 1) gets one MISSING_SOLUTION note per lost item,
so the officer sees, item by item, what the library proposes.
"""
from __future__ import annotations

from datetime import date

from pyxl.core.checks import item_label, names_units
from pyxl.core.codes import numbering_restarts
from pyxl.core.deadlines import parse_deadline
from pyxl.core.levels import UnitKind
from pyxl.core.model import INFO, SCORES, Finding, Item, Table
from pyxl.core.numbers import format_points
from pyxl.core.scoring import children_of

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers take it as True)
if TYPE_CHECKING:  # the library and its matcher are imported when an item needs a suggestion
    from pyxl.core.library import Library, Suggestion

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
    from pyxl.core.topics import context_field

    return context_field(texts)


def with_suggestions(table: Table, library: Library | None, unit: UnitKind, year: int | None = None,
                     every_item: bool = True) -> Table:
    """The table with the library's suggestions for its plan items, on `suggestions` and on the plan findings.

    library: None for the built-in one, read only when an item needs a suggestion.
    year: the plan year the suggestions' deadlines fall in (default: the table's, else this year).
    every_item=False: only the items whose findings print a suggestion (all that a check report shows).
    """
    year = year or table.year or date.today().year
    items = plan_items(table) if every_item else _shown_items(table)
    if items and library is None:
        from pyxl.core.library import Library

        library = Library.builtin()
    suggestions: dict[int, Suggestion] = {}
    for i in items:
        item = table.items[i]
        found = library.suggest(item.title, unit, year, item_field(table, item))
        if found:
            suggestions[i] = found
    by_row = {table.items[i].row: s for i, s in suggestions.items()}
    findings = [_with_text(f, by_row.get(f.row)) for f in table.findings]
    findings += _no_solution_column(table, suggestions, findings)
    return table.replace(findings=tuple(findings), suggestions=suggestions)


def _shown_items(table: Table) -> list[int]:
    """The plan items a finding prints a suggestion for: a plan finding without a suggestion of its own, or
    (a score table without a solution column) the note `_no_solution_column` adds."""
    asked = {f.row for f in table.findings if f.code in PLAN_CODES and not f.suggestion}
    noted = {f.row for f in table.findings if f.code == "MISSING_SOLUTION"}
    no_column = table.kind == SCORES and "solution" not in table.columns
    return [i for i in plan_items(table) if (item := table.items[i]).row in asked
            or (no_column and item.row not in noted and not item.solution)]


def _with_text(finding: Finding, suggestion: Suggestion | None) -> Finding:
    if suggestion is None or finding.code not in PLAN_CODES or finding.suggestion:
        return finding
    return finding.replace(suggestion=suggestion.text(finding.code))


def _no_solution_column(table: Table, suggestions: dict[int, Suggestion], findings: list[Finding]) -> list[Finding]:
    """One MISSING_SOLUTION note per lost item of a score table that has no solution column."""
    if table.kind != SCORES or "solution" in table.columns:
        return []
    noted = {f.row for f in findings if f.code == "MISSING_SOLUTION"}
    restarts, units = numbering_restarts(table.items), names_units(table.items)
    added = []
    for i in plan_items(table):
        item = table.items[i]
        if item.row in noted or item.solution:
            continue
        who = item_label(item, restarts, units)
        suggestion = suggestions.get(i)
        added.append(Finding(
            "MISSING_SOLUTION", INFO,
            f"{who} mất {format_points(item.lost_points)} điểm; bảng không có cột 'Giải pháp' nên chưa có giải "
            "pháp khắc phục.", table.sheet, item.row, item.code, None,
            suggestion.text("MISSING_SOLUTION") if suggestion else None,
        ))
    return added


def _filled(item: Item) -> list[str]:
    return [name for name, value in (("giải pháp", item.solution), ("chủ trì", item.lead),
                                     ("thời gian", item.deadline.text)) if value]


def report_text(file: str, tables: list[Table]) -> str:
    """`parbook suggest`: per item a plan must cover, the entry matched, its confidence and what it proposes."""
    from pyxl.core.library import BUILTIN

    source_words = {BUILTIN: "thư viện có sẵn"}
    lines = [f"Tệp: {file}"]
    for table in tables:
        items = plan_items(table)
        lines += ["", f"Sheet '{table.sheet}' — năm kế hoạch {table.year}: {len(items)} mục cần khắc phục, "
                      f"{len(table.suggestions)} mục có mẫu gợi ý."]
        for i in items:
            item, s = table.items[i], table.suggestions.get(i)
            lost = f" (mất {format_points(item.lost_points)} điểm)" if item.lost_points else ""
            lines.append(f"  {item.code or '–'}  {item.title}{lost}")
            if s is None:
                lines.append("    Chưa có mẫu phù hợp: hãy tự viết giải pháp, hoặc thêm một dòng vào sheet "
                             "'Giải pháp mẫu'.")
                continue
            lines.append(f"    Mẫu: {s.entry_id} — {s.topic} (độ tin cậy {round(s.confidence * 100)}%; "
                         f"{source_words.get(s.source, s.source)})")
            lines += [f"    Mục tiêu: {s.target}"] if s.target else []
            lines += ["    Nhiệm vụ, giải pháp:", *(f"      - {t}" for t in s.tasks)] if s.tasks else []
            lines += [f"    Chủ trì: {'; '.join(s.lead)}"] if s.lead else []
            lines += [f"    Phối hợp: {'; '.join(s.partners)}"] if s.partners else []
            lines += [f"    Thời gian: {s.deadline}"] if s.deadline else []
            lines += [f"    Căn cứ: {s.legal_basis}"] if s.legal_basis else []
            if _filled(item):
                lines.append(f"    (Bảng đã có {', '.join(_filled(item))}: gợi ý chỉ để đối chiếu.)")
    return "\n".join(lines)


def report_json(file: str, tables: list[Table]) -> str:
    """`parbook suggest --format json`: the same, as data (see Suggestion for the fields)."""
    import json

    sheets = []
    for table in tables:
        entries = []
        for i in plan_items(table):
            item, s = table.items[i], table.suggestions.get(i)
            found = None
            if s:
                due = parse_deadline(s.deadline, table.year or date.today().year).due
                found = {**{name: getattr(s, name) for name in s.FIELDS}, "tasks": list(s.tasks), "causes": list(s.causes), "lead": list(s.lead),
                         "partners": list(s.partners), "due": due.isoformat() if due else None}
            entries.append({"row": item.row, "code": item.code, "title": item.title,
                            "lost_points": float(item.lost_points) if item.lost_points is not None else None,
                            "filled": {"solution": bool(item.solution), "lead": bool(item.lead),
                                       "deadline": bool(item.deadline.text)},
                            "suggestion": found})
        sheets.append({"sheet": table.sheet, "year": table.year, "items": entries})
    return json.dumps({"file": file, "sheets": sheets}, ensure_ascii=False, indent=1)
