"""Reports of a check: the JSON contract (DESIGN.md) and a readable Vietnamese text."""
from __future__ import annotations

from decimal import Decimal

from pyxl.core.checks import names_units
from pyxl.core.model import ERROR, INFO, WARNING, Finding, Item, Table
from pyxl.core.numbers import format_points
from pyxl.core.text import tone_key

_SEVERITY_TITLES = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Lưu ý"}
_KIND_NAMES = {"scores": "bảng điểm", "tasks": "bảng nhiệm vụ"}


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def item_json(table: Table, item: Item) -> dict:
    """One item as the contract's JSON object."""
    deadline = item.deadline
    return {
        "row": item.row, "code": item.code, "level": item.level, "parent": table.parent_code(item),
        "title": item.title, "is_group": item.is_group,
        "max_points": _number(item.max_points), "self_points": _number(item.self_points),
        "appraised_points": _number(item.appraised_points), "lost_points": _number(item.lost_points),
        "stated_lost": _number(item.stated_lost),
        "target": item.target, "solution": item.solution, "product": item.product,
        "lead": list(item.lead), "partners": list(item.partners),
        "lead_names": list(item.lead_names), "partner_names": list(item.partner_names),
        "deadline": {"text": deadline.text, "due": deadline.due.isoformat() if deadline.due else None,
                     "kind": deadline.kind},
        "note": item.note, "reason": item.reason, "status": item.status, "done": item.done, "completed": item.completed,
        "last_row": item.last_row, "serial": item.serial, "group": item.group, "evidence": item.evidence,
    }


def finding_json(finding: Finding) -> dict:
    """One finding as the contract's JSON object."""
    found = {"code": finding.code, "severity": finding.severity, "row": finding.row, "item": finding.item,
             "column": finding.column, "cell": finding.cell, "message": finding.message}
    if finding.suggestion:
        found["suggestion"] = finding.suggestion
    return found


def table_json(table: Table) -> dict:
    """One sheet's result as the contract's JSON object."""
    totals = table.totals
    return {
        "sheet": table.sheet, "kind": table.kind, "year": table.year,
        "header_rows": list(table.header_rows),
        "totals": {"max_points": _number(totals.max_points),
                   "appraised_points": _number(totals.appraised_points),
                   "lost_points": _number(totals.lost_points)},
        "items": [item_json(table, item) for item in table.items],
        "findings": [finding_json(f) for f in table.findings],
    }


def to_json(file: str, tables: list[Table]) -> str:
    """The `parbook check --format json` document."""
    import json  # only this report needs it

    return json.dumps({"file": file, "sheets": [table_json(t) for t in tables]}, ensure_ascii=False, indent=1)


def to_text(file: str, tables: list[Table]) -> str:
    """A readable Vietnamese report: totals, then findings by severity with Sheet!Cell references."""
    lines = [f"Tệp: {file}"]
    for table in tables:
        lines += ["", _table_heading(table)]
        for severity in (ERROR, WARNING, INFO):
            found = [f for f in table.findings if f.severity == severity]
            if found:
                lines.append(f"  {_SEVERITY_TITLES[severity]} ({len(found)}):")
                for f in found:
                    lines.append(f"    {_where(f)}  {f.message}")
                    if f.suggestion:
                        first, *rest = f.suggestion.split("\n")
                        lines += [f"      Gợi ý: {first}", *(f"        {line}" for line in rest)]
        if not table.findings:
            lines.append("  Không có vấn đề nào.")
    return "\n".join(lines)


def _table_heading(table: Table) -> str:
    totals = table.totals
    heading = f"Sheet '{table.sheet}' — {_KIND_NAMES[table.kind]}, {len(table.items)} mục, năm kế hoạch {table.year}"
    if table.kind == "scores":
        heading += (f"\n  Tổng điểm chuẩn: {format_points(totals.max_points) or '—'} · "
                    f"Điểm thẩm định: {format_points(totals.appraised_points) or '—'} · "
                    f"Điểm bị mất: {format_points(totals.lost_points)}")
        heading += "".join(f"\n    {unit}: bị mất {format_points(lost)} điểm" for unit, lost in _lost_by_unit(table))
    return heading


def _lost_by_unit(table: Table) -> list[tuple[str, Decimal]]:
    """A long table of many communes: each commune's points lost (its root items'), in table order."""
    if not names_units(table.items):
        return []
    lost: dict[str, tuple[str, Decimal]] = {}
    for item in table.items:
        if item.unit and item.parent is None:
            unit, sum_ = lost.get(tone_key(item.unit), (item.unit, Decimal(0)))
            lost[tone_key(item.unit)] = (unit, sum_ + (item.lost_points or 0))
    return list(lost.values())


def _where(finding: Finding) -> str:
    place = finding.cell or (f"dòng {finding.row}" if finding.row else "")
    return f"{finding.sheet}!{place}" if place else finding.sheet
