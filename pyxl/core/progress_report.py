"""Reports of `parbook progress`: the JSON document (counts equal the items listed) and a Vietnamese text."""
from __future__ import annotations

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from pyxl.core.model import Table
from pyxl.core.progress import (
    DONE, IN_PROGRESS, NOT_STARTED, STATE_NAMES, STATES, UNKNOWN, ItemProgress, OfficeProgress, TableProgress, counts,
    table_progress,
)

NO_LEAD = "Chưa ghi cơ quan chủ trì"
_TITLE_WIDTH = 60


def progress_document(file: str, tables: list[Table], as_of: date, format: str = "text") -> str:
    """`parbook progress` for the tables at as_of: the JSON document when format is 'json', else the text."""
    progresses = [table_progress(table, as_of) for table in tables]
    return (progress_json if format == "json" else progress_text)(file, progresses, as_of)


def share(done: int, total: int) -> Decimal | None:
    """done / total as a Decimal fraction, None for no items."""
    return Decimal(done) / Decimal(total) if total else None


def format_share(value: Decimal | None) -> str:
    """'41,7%' (one decimal place, dropped when zero), '' for None."""
    if value is None:
        return ""
    text = str((value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).replace(".", ",")
    return text.removesuffix(",0") + "%"


def ranks(progresses: list[TableProgress]) -> dict[int, int]:
    """Rank of each table with items (index → rank): larger share done first, then fewer overdue; ties share a rank."""
    keys = {i: (share(p.counts()[DONE], len(p.items)), p.counts()["overdue"]) for i, p in enumerate(progresses)
            if p.items}
    return {i: 1 + sum(1 for other in keys.values() if other[0] > key[0] or (other[0] == key[0] and other[1] < key[1]))
            for i, key in keys.items()}


def item_json(p: ItemProgress) -> dict:
    """One followed item: the keys the contract names, then the cell, wording and label."""
    item = p.item
    return {
        "row": item.row, "code": item.code, "status": p.status.state, "status_text": p.status.text,
        "due": p.due.isoformat() if p.due else None, "overdue": p.overdue, "due_soon": p.due_soon,
        "lead": list(p.offices),
        "title": item.title, "cell": p.cell, "label": p.label, "deadline": item.deadline.text,
        "completed": p.status.completed.isoformat() if p.status.completed else None,
        "status_source": p.status.source, "note": item.note,
    }


def office_json(office: OfficeProgress) -> dict:
    """One responsible office: its counts and its overdue and due-soon items."""
    return {
        "office": office.office, "counts": office.counts(),
        "overdue": [_ref(p) for p in office.items if p.overdue],
        "due_soon": [_ref(p) for p in office.items if p.due_soon],
    }


def _ref(p: ItemProgress) -> dict:
    return {"row": p.item.row, "code": p.item.code, "cell": p.cell}


def sheet_json(progress: TableProgress) -> dict:
    """One sheet's progress."""
    found = progress.counts()
    return {
        "sheet": progress.sheet, "kind": progress.kind, "year": progress.year, "counts": found,
        "share_done": _number(share(found[DONE], len(progress.items))),
        "items": [item_json(p) for p in progress.items],
        "offices": [office_json(o) for o in progress.by_office()],
    }


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 4))


def progress_json(file: str, progresses: list[TableProgress], as_of: date) -> str:
    """The `parbook progress --format json` document."""
    every = [p for progress in progresses for p in progress.items]
    document = {"file": file, "as_of": as_of.isoformat(), "counts": counts(every),
                "sheets": [sheet_json(p) for p in progresses]}
    return json.dumps(document, ensure_ascii=False, indent=1)


# -- text -----------------------------------------------------------------------------------------

def progress_text(file: str, progresses: list[TableProgress], as_of: date) -> str:
    """A readable Vietnamese report: per sheet the counts, what is late and due soon, and each office's share."""
    lines = [f"Tệp: {file} — đối chiếu đến ngày {as_of:%d/%m/%Y}"]
    for progress in progresses:
        lines += ["", *_sheet_text(progress)]
    if len(progresses) > 1:
        lines += ["", "Xếp hạng theo tỷ lệ nhiệm vụ đã hoàn thành:"]
        ranked = ranks(progresses)
        for i in sorted(ranked, key=lambda i: (ranked[i], i)):
            found = progresses[i].counts()
            lines.append(f"  {ranked[i]}. {progresses[i].sheet}: {_done_share(found, len(progresses[i].items))}, "
                         f"quá hạn {found['overdue']}")
        lines += [f"  –  {p.sheet}: không có mục nào để theo dõi" for p in progresses if not p.items]
    return "\n".join(lines)


def _sheet_text(progress: TableProgress) -> list[str]:
    year = f" (năm {progress.year})" if progress.year else ""
    if not progress.items:
        return [f"Sheet '{progress.sheet}'{year}: không có mục nào cần theo dõi (mục bị mất điểm hoặc nhiệm vụ)."]
    found = progress.counts()
    lines = [f"Sheet '{progress.sheet}'{year}: {len(progress.items)} mục theo dõi; {state_counts(found)}."]
    late, soon = progress.late, [p for p in progress.items if p.due_soon]
    lines.append(f"  Quá hạn ({len(late)}):" if late else "  Không có mục nào quá hạn.")
    lines += [f"    {_line(progress.sheet, p)}" for p in late]
    if soon:
        lines.append(f"  Sắp đến hạn trong 30 ngày ({len(soon)}):")
        lines += [f"    {_line(progress.sheet, p)}" for p in sorted(soon, key=lambda p: (p.due, p.item.row))]
    lines.append("  Theo cơ quan chủ trì:")
    for office in progress.by_office():
        own = office.counts()
        late_refs = ", ".join(_who(p) for p in office.items if p.overdue)
        lines.append(f"    {office.office or NO_LEAD}: {len(office.items)} mục — {state_counts(own)}"
                     + (f"; quá hạn {own['overdue']} ({late_refs})" if own["overdue"] else ""))
    return lines


def state_counts(found: dict[str, int]) -> str:
    """'đã hoàn thành 5 (41,7%), đang thực hiện 3, chưa thực hiện 2, chưa rõ kết quả 2' (zero states left out)."""
    total = sum(found[s] for s in STATES)
    parts = [_done_share(found, total)]
    parts += [f"{STATE_NAMES[s].lower()} {found[s]}" for s in (IN_PROGRESS, NOT_STARTED, UNKNOWN) if found[s]]
    return ", ".join(parts)


def _done_share(found: dict[str, int], total: int) -> str:
    return f"đã hoàn thành {found[DONE]}/{total} ({format_share(share(found[DONE], total))})"


def _who(p: ItemProgress) -> str:
    if p.item.code:
        return p.item.code
    title = p.item.title
    return f"«{title if len(title) <= 30 else title[:29] + '…'}»"


def _line(sheet: str, p: ItemProgress) -> str:
    title = p.item.title.replace("\n", " ")
    title = title if len(title) <= _TITLE_WIDTH else title[: _TITLE_WIDTH - 1] + "…"
    where = f"{sheet}!{p.cell}" if p.cell else f"{sheet}, dòng {p.item.row}"
    code = f"Mục {p.item.code} " if p.item.code else "Mục "
    lead = ", ".join(p.offices) or NO_LEAD.lower()
    state = p.status.text.replace("\n", " ") if p.status.text else STATE_NAMES[p.status.state].lower()
    return f"{where}  {code}«{title}» — hạn {p.due:%d/%m/%Y}; chủ trì: {lead}; tình trạng: {state}"
