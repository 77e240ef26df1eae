"""A workbook's tables → the plans they make: a scores table and its tasks table are one plan.

Real plans come as several sheets: PL1 (the points lost) and PL2 (the remediation tasks for them),
or an annual plan's targets (Phụ lục 1) and tasks (Phụ lục 2). Tables whose codes or titles match
are one plan: the tasks give each lost item its solution, owners and deadline where the scores
table has none, and both tables are printed as Phụ lục I and II. Tables that do not belong
together are several plans; `one_plan` says which ones, briefly, and how to choose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pyxl.core.codes import level
from pyxl.core.errors import ParbookError
from pyxl.core.model import SCORES, TASKS, Deadline, Item, Table
from pyxl.core.progress import UNKNOWN, item_status
from pyxl.core.text import tone_key
from pyxl.plan.annual import is_targets
from pyxl.plan.derive import derive_front, locality_of

_SHOWN = 5  # sheet names a message lists before "và … bảng khác"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PlanSource:
    """The tables of one plan: main (the plan is written from it, tasks merged in) and the tables
    printed as its appendices, as read, in workbook order."""

    main: Table
    tables: tuple[Table, ...]

    @property
    def sheets(self) -> list[str]:
        """The sheets it is made from."""
        return [table.sheet for table in self.tables]


def plan_sources(tables: list[Table]) -> list[PlanSource]:
    """The plans a workbook's tables make, in workbook order (each table in exactly one)."""
    scores = [t for t in tables if t.kind == SCORES]
    tasks = [t for t in tables if t.kind == TASKS]
    joined: dict[int, list[Table]] = {id(t): [t] for t in scores}
    alone = []
    for task in tasks:
        match = max(scores, key=lambda s: _overlap(s, task), default=None)
        if match is not None and _overlap(match, task) >= 0.5:
            joined[id(match)].append(task)
        else:
            alone.append(task)
    sources = [_scores_source(tables, s, joined[id(s)]) for s in scores]
    targets = [t for t in alone if is_targets(t)]
    lists = [t for t in alone if not is_targets(t)]
    for task in lists:
        partner = next((t for t in targets if _same_unit(t, task)), None)
        if partner is not None:
            targets.remove(partner)
        members = [partner, task] if partner is not None else [task]
        sources.append(PlanSource(task, _in_order(tables, members)))
    sources += [PlanSource(t, (t,)) for t in targets]
    position = {id(t): i for i, t in enumerate(tables)}
    return sorted(sources, key=lambda s: position[id(s.tables[0])])


def one_plan(tables: list[Table], source: str) -> PlanSource:
    """The one plan the tables make; a ParbookError naming the tables (briefly) when they make several."""
    sources = plan_sources(tables)
    if len(sources) == 1:
        return sources[0]
    names = [f"'{s.sheets[0]}'" + (f" (cùng {', '.join(repr(n) for n in s.sheets[1:])})" if len(s.sheets) > 1 else "")
             for s in sources]
    shown = ", ".join(names[:_SHOWN]) + (f" và {len(names) - _SHOWN} bảng khác" if len(names) > _SHOWN else "")
    first = sources[0].sheets[0]
    raise ParbookError(
        f"Tệp '{source}' có {len(sources)} bảng không thuộc cùng một kế hoạch: {shown}. Hãy chọn một bảng, ví dụ "
        f"--sheet \"{first}\"; nếu mỗi sheet là một xã, phường, dùng lệnh 'parbook merge' để lập kế hoạch cho từng đơn vị."
    )


def _in_order(tables: list[Table], members: list[Table]) -> tuple[Table, ...]:
    position = {id(t): i for i, t in enumerate(tables)}
    return tuple(sorted(members, key=lambda t: position[id(t)]))


def _scores_source(tables: list[Table], scores: Table, members: list[Table]) -> PlanSource:
    main = scores
    for task in members[1:]:
        main = with_tasks(main, task)
    return PlanSource(main, _in_order(tables, members))


# -- matching -----------------------------------------------------------------------------------------

def _words(text: str) -> set[str]:
    return set(_WORD.findall(tone_key(text)))


def _similar(a: str, b: str) -> bool:
    """Titles that name the same criterion: one contains the other, or most of their words are shared."""
    x, y = " ".join(tone_key(a).split()), " ".join(tone_key(b).split())
    if min(len(x), len(y)) >= 12 and (x in y or y in x):
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.6


def _matches(item: Item, task: Item) -> bool:
    if item.is_group or task.is_group:
        return False
    if item.code and task.code and item.code == task.code:
        # a running number 1, 2, 3 may equal a lĩnh vực code by chance: one-number codes need the title too
        return level(item.code) > 1 or _similar(item.title, task.title)
    return _similar(item.title, task.title)


def _overlap(scores: Table, tasks: Table) -> float:
    """The share of the tasks table's rows that match an item of the scores table."""
    rows = [t for t in tasks.items if not t.is_group]
    if not rows:
        return 0.0
    hits = sum(1 for t in rows if any(_matches(item, t) for item in scores.items))
    return hits / len(rows)


def _same_unit(a: Table, b: Table) -> bool:
    """Two tables of one unit and year: their title lines do not name different units or plan years."""
    fa, fb = derive_front(a), derive_front(b)
    ua, ub = locality_of(fa.unit), locality_of(fb.unit)
    if ua and ub and tone_key(ua) != tone_key(ub):
        return False
    return not (fa.plan_year and fb.plan_year and fa.plan_year != fb.plan_year)


def with_tasks(scores: Table, tasks: Table) -> Table:
    """The scores table with each item's blank solution, lead, partners, deadline and status from its task rows."""
    items = list(scores.items)
    for i, item in enumerate(items):
        rows = [t for t in tasks.items if _matches(item, t)]
        if rows:
            items[i] = _filled(item, rows)
    return scores.replace(items=tuple(items))


def _filled(item: Item, rows: list[Item]) -> Item:
    changes: dict[str, object] = {}
    if not item.solution:
        lines = []
        for row in rows:
            text = row.solution or (row.title if not _similar(row.title, item.title) else None)
            if text:
                lines.append(text)
            if row.product:
                lines.append(f"Sản phẩm: {row.product}")
        if lines:
            changes["solution"] = "\n".join(dict.fromkeys(lines))
    if not item.target:
        found = [row.target for row in rows if row.target]
        if found:
            changes["target"] = "\n".join(dict.fromkeys(found))
    for names, spelled in (("lead", "lead_names"), ("partners", "partner_names")):
        if not getattr(item, names):
            changes[names] = tuple(dict.fromkeys(n for row in rows for n in getattr(row, names)))
            changes[spelled] = tuple(dict.fromkeys(n for row in rows for n in getattr(row, spelled)))
    if not item.deadline.text:
        texts = list(dict.fromkeys(row.deadline.text for row in rows if row.deadline.text))
        if len(texts) == 1:
            changes["deadline"] = next(row.deadline for row in rows if row.deadline.text)
        elif texts:
            dues = [row.deadline.due for row in rows if row.deadline.due]
            changes["deadline"] = Deadline("; ".join(texts), max(dues) if dues else None, "staged")
    if not (item.status or item.completed):  # followed up in the tasks sheet: done when all its tasks are
        states = [item_status(row) for row in rows]
        if all(state.state != UNKNOWN for state in states):
            chosen = next((state for state in states if not state.done), states[-1])
            changes.update(status=chosen.text, done=chosen.done)
    return item.replace(**changes)
