"""The progress report's template context: period, results by item and by office, what is late, what comes next.

"BÁO CÁO Kết quả thực hiện Kế hoạch … quý I năm 2025" (or 6 tháng đầu năm, quý III, 9 tháng, năm):
the period follows the as-of date unless named. Every figure and sentence part is written here; the
template only loops and tests. The report's own number is left "Số:      /BC-UBND" and its date
"ngày    tháng    năm …" for the officer, as drafts leave them; nothing is invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pyxl.core.codes import numbering_restarts
from pyxl.core.errors import ParbookError
from pyxl.core.levels import UnitKind
from pyxl.core.model import TASKS, Table
from pyxl.core.progress import (
    DONE, IN_PROGRESS, NOT_STARTED, STATE_NAMES, TICKS, UNKNOWN, ItemProgress, TableProgress, completion_day,
)
from pyxl.core.progress_report import format_share, share
from pyxl.core.text import clean, fold
from pyxl.plan.context import BLANK, front_context, plan_unit
from pyxl.plan.derive import complete_front
from pyxl.plan.frontmatter import FrontMatter
from pyxl.plan.organise import frame, office_name
from pyxl.plan.wording import bare, format_date, item_kind, item_ref, one_line, sentence

_POINTS = "abcdđeghiklmnopqrstuvxy"  # ND 30: điểm a), b), c), d), đ), e), g)…
_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PERIOD_WORDS = [  # folded wording → (kind, last month)
    (re.compile(r"\b(?:quy\s*(?:iv|4)|q4)\b"), ("q4", 12)),
    (re.compile(r"\b(?:quy\s*(?:iii|3)|q3)\b"), ("q3", 9)),
    (re.compile(r"\b(?:quy\s*(?:ii|2)|q2)\b"), ("q2", 6)),
    (re.compile(r"\b(?:quy\s*(?:i|1)|q1)\b"), ("q1", 3)),
    (re.compile(r"\b0?9\s*thang\b"), ("9m", 9)),
    (re.compile(r"\b0?6\s*thang\b|\bnua nam\b|\bgiua nam\b"), ("6m", 6)),
    (re.compile(r"\b(?:ca |cuoi |hang )?nam\b"), ("year", 12)),
]
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_BARE = re.compile(r"^[\d\s.,/%-]+$")  # a share, a number or a date with no words
PERIOD_HELP = "'quý I', '6 tháng', 'quý III', '9 tháng' hoặc 'năm' (có thể kèm năm: 'quý I/2025')"


@dataclass(frozen=True)
class Period:
    """A reporting period: its kind (q1 q2 q3 q4 6m 9m year), year and last day."""

    kind: str
    year: int

    @property
    def end(self) -> date:
        """The period's last day."""
        month = {"q1": 3, "q2": 6, "6m": 6, "q3": 9, "9m": 9}.get(self.kind, 12)
        return date(self.year, month, 30 if month in (6, 9) else 31)

    @property
    def name(self) -> str:
        """'quý I năm 2025', '6 tháng đầu năm 2025', '9 tháng năm 2025', 'năm 2025', '6 tháng cuối năm 2025'."""
        if self.kind.startswith("q"):
            return f"quý {_QUARTERS[int(self.kind[1])]} năm {self.year}"
        return {"6m": f"6 tháng đầu năm {self.year}", "9m": f"9 tháng năm {self.year}",
                "h2": f"6 tháng cuối năm {self.year}"}.get(self.kind, f"năm {self.year}")

    def following(self) -> "Period":
        """The period the report's tasks are for: the next quarter, the second half, or the next year."""
        return {"q1": Period("q2", self.year), "q2": Period("q3", self.year), "6m": Period("h2", self.year),
                "q3": Period("q4", self.year), "9m": Period("q4", self.year), "q4": Period("q1", self.year + 1),
                }.get(self.kind, Period("year", self.year + 1))


def report_period(as_of: date, plan_year: int | None, named: str | None = None) -> Period:
    """The period a report at as_of covers: the quarter of as_of (Q2 reports 6 months, Q4 the year); a
    date after the plan year reports that whole year. `named` ('quý I/2025', '9 tháng') overrides."""
    year = plan_year if plan_year and as_of.year > plan_year else as_of.year
    if named is not None:
        folded = fold(clean(named))
        kind = next((found for pattern, found in _PERIOD_WORDS if pattern.search(folded)), None)
        if kind is None:
            raise ParbookError(f"Kỳ báo cáo '{clean(named)}' không rõ; hãy ghi {PERIOD_HELP}.")
        given = _YEAR.search(folded)
        return Period(kind[0], int(given.group()) if given else year)
    if plan_year and as_of.year > plan_year:
        return Period("year", plan_year)
    quarter = (as_of.month - 1) // 3 + 1
    return Period({1: "q1", 2: "6m", 3: "q3", 4: "year"}[quarter], year)


def report_context(table: Table, progress: TableProgress, front: FrontMatter | None, period: Period) -> dict:
    """front (header, signature, Nơi nhận), report (the body's figures and lists) and appendices."""
    completed, _ = complete_front(front, table)
    kind = plan_unit(table, completed)
    where = frame(kind, completed)
    year = str(progress.as_of.year)
    header = front_context(completed, [], ["Như trên", "Lưu: VT"])
    header.update(number=f"     /{_report_symbol(completed.symbol)}", date=f"ngày    tháng    năm {year}",
                  place_date=f"{completed.place or BLANK}, ngày    tháng    năm {year}")
    restarts = numbering_restarts(table.items)
    entries = [_entry(table, p, kind, restarts) for p in progress.items]
    upper = where.report_to if (kind.level or completed.report_to) else BLANK
    about = _plan_about(table, completed)
    report = {
        "period": period.name, "period_upper": period.name.upper(), "as_of": format_date(progress.as_of),
        "subject": _subject(table, period), "plan_about": about, "plan_name": f"Kế hoạch {about}",
        "plan_ref": _plan_ref(completed),
        "addressee": f"{upper[:1].upper()}{upper[1:]}." if upper != BLANK else BLANK, "coordinator": where.coordinator,
        "report_to": upper, "report_when": where.report_when,
        **_results(progress, entries), "offices": _offices(progress, kind),
        "late": [e for e in entries if e["overdue"]],
        "next_period": period.following().name, "next_upper": period.following().name.upper(),
        "next_steps": _next_steps(entries, period, where.coordinator, where.report_when, upper),
    }
    title = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH " + period.name.upper()
    appendix = {"label": "Phụ lục", "title": title, "rows": _rows(table, progress, entries),
                "headers": {"title": "Nhiệm vụ" if table.kind == TASKS else "Tiêu chí, tiêu chí thành phần"}}
    return {"front": header, "report": report, "appendices": [appendix]}


def _report_symbol(plan_symbol: str | None) -> str:
    """The report's ký hiệu beside the plan's: 'KH-UBND' → 'BC-UBND' (ND 30, Phụ lục III: BC = Báo cáo)."""
    if plan_symbol and fold(plan_symbol).startswith("kh-"):
        return "BC-" + plan_symbol[3:]
    return "BC-UBND"


def _plan_about(table: Table, front: FrontMatter) -> str:
    """What the plan is about, as its trích yếu says it: 'khắc phục tồn tại, hạn chế … năm 2021'."""
    plan_year = str(front.plan_year) if front.plan_year else BLANK
    if table.kind == TASKS:
        return f"cải cách hành chính năm {plan_year}"
    eval_year = str(front.eval_year) if front.eval_year else BLANK
    return (f"khắc phục tồn tại, hạn chế trong công tác cải cách hành chính năm {eval_year} và nâng cao "
            f"Chỉ số cải cách hành chính năm {plan_year}")


def _subject(table: Table, period: Period) -> str:
    """The report's trích yếu: 'Kết quả thực hiện Kế hoạch khắc phục tồn tại, hạn chế … quý I năm 2025'."""
    if table.kind == TASKS:
        return f"Kết quả thực hiện Kế hoạch cải cách hành chính {period.name}"
    return ("Kết quả thực hiện Kế hoạch khắc phục tồn tại, hạn chế và nâng cao Chỉ số cải cách hành chính "
            f"{period.name}")


def _plan_ref(front: FrontMatter) -> str:
    """'Kế hoạch số 18/KH-UBND ngày 19 tháng 3 năm 2021 của UBND xã Sơn Giang', blanks marked '…'."""
    number = f"{front.number or '…'}/{front.symbol or 'KH-UBND'}"
    issued = format_date(front.issued) if front.issued else "ngày …"
    return f"Kế hoạch số {number} {issued} của {front.unit or BLANK}"


def _entry(table: Table, p: ItemProgress, kind: UnitKind, restarts: bool) -> dict:
    item = p.item
    title = bare(item.title)
    noun = "Nhiệm vụ" if table.kind == TASKS else item_kind(table, p.index)
    code = item.code or ""
    leads = [office_name(name, kind) for name in dict.fromkeys(p.offices)]
    state = STATE_NAMES[p.status.state]
    shown = _shown(p, state)
    return {
        "ref": item_ref(item, title, restarts), "code": item.serial or code, "title": title,
        "label": f"{noun} {code} “{title}”" if code else f"{noun} “{title}”",
        "lead": ", ".join(leads) or BLANK, "leads": leads, "deadline": bare(item.deadline.text) or BLANK,
        "due": f"{p.due.day:02d}/{p.due.month:02d}/{p.due.year}" if p.due else "", "due_date": p.due,
        "state": state, "status": p.status.state, "shown": shown, "shown_lower": _lower_first(shown),
        "note": one_line(item.note), "why": sentence(bare(item.note)) if bare(item.note) else BLANK,
        "label_short": p.label,
        "overdue": p.overdue, "due_soon": p.due_soon, "kind": table.kind,
    }


def _shown(p: ItemProgress, state: str) -> str:
    """The result as the report prints it: the officer's wording when it says more than a tick, a share or a
    date ('Hoàn thành ngày 15/5/2025'), else the state with what was typed ('Đang thực hiện (80%)')."""
    typed = one_line(p.status.text)
    folded = fold(typed)
    if not typed or folded in TICKS or p.status.source == "note":
        shown = state
    elif _BARE.match(folded):
        shown = state if completion_day(typed) else f"{state} ({typed})"
    else:
        shown = typed
    day = p.status.completed
    if day and completion_day(shown) is None:
        shown += f" ngày {day.day:02d}/{day.month:02d}/{day.year}"
    return shown


def _lower_first(text: str) -> str:
    """'Đang thực hiện' → 'đang thực hiện' inside a sentence; an acronym ('UBND …') is kept."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def _refs(entries: list[dict]) -> str:
    """'tiêu chí, tiêu chí thành phần 1.2, 1.6' or 'nhiệm vụ số 1, 3' (titles in quotes when there is no code)."""
    if not entries:
        return ""
    noun = "nhiệm vụ số" if entries[0]["kind"] == TASKS else "tiêu chí, tiêu chí thành phần"
    return f"{noun} " + ", ".join(e["ref"] for e in entries)


def _results(progress: TableProgress, entries: list[dict]) -> dict:
    found = progress.counts()
    total = len(entries)
    lines, letter = [], iter(_POINTS)
    for state, words in ((DONE, "Đã hoàn thành"), (IN_PROGRESS, "Đang thực hiện"), (NOT_STARTED, "Chưa thực hiện"),
                         (UNKNOWN, "Chưa báo cáo kết quả")):
        chosen = [e for e in entries if e["status"] == state]
        if chosen:
            lines.append(f"{next(letter)}) {words} {len(chosen)} nhiệm vụ: {_refs(chosen)}.")
    return {
        "total": str(total), "done": str(found[DONE]), "in_progress": str(found[IN_PROGRESS]),
        "not_started": str(found[NOT_STARTED]), "unknown": str(found[UNKNOWN]) if found[UNKNOWN] else "",
        "overdue": str(found["overdue"]), "due_soon": str(found["due_soon"]),
        "share": format_share(share(found[DONE], total)) or "0%", "state_lines": lines,
        "office_count": str(len({name for e in entries for name in e["leads"]})),
    }


def _offices(progress: TableProgress, kind: UnitKind) -> list[dict]:
    """One line per responsible office: what it leads, how much is done, what is late."""
    lines = []
    for office in progress.by_office():
        found = office.counts()
        parts = [f"đã hoàn thành {found[DONE]}"]
        parts += [f"{STATE_NAMES[s].lower()} {found[s]}" for s in (IN_PROGRESS, NOT_STARTED) if found[s]]
        if found[UNKNOWN]:
            parts.append(f"chưa báo cáo kết quả {found[UNKNOWN]}")
        late = [p for p in office.items if p.overdue]
        text = f"chủ trì {len(office.items)} nhiệm vụ, " + ", ".join(parts)
        if late:
            text += f"; quá hạn {len(late)} ({', '.join(p.item.code or '“' + bare(p.item.title) + '”' for p in late)})"
        name = office_name(office.office, kind) if office.office else "Nhiệm vụ chưa ghi cơ quan chủ trì"
        lines.append({"name": name, "summary": text})
    return lines


def _next_steps(entries: list[dict], period: Period, coordinator: str, when: str, upper: str) -> list[dict]:
    """III. numbered paragraphs: finish what is late, do what falls due next, go on with the rest, report."""
    end = period.following().end
    open_ = [e for e in entries if e["status"] != DONE]
    late = [e for e in open_ if e["overdue"]]
    coming = [e for e in open_ if not e["overdue"] and e["due_date"] and e["due_date"] <= end]
    later = [e for e in open_ if e not in late and e not in coming]
    steps: list[dict] = []
    if late:
        steps.append({"text": f"Khẩn trương hoàn thành các nhiệm vụ đã quá hạn: {_refs(late)}.", "lines": []})
    if coming:
        steps.append({"text": f"Tập trung thực hiện các nhiệm vụ đến hạn trong {period.following().name}:",
                      "lines": [f"{e['label']} (chủ trì: {e['lead']}; thời gian: {e['deadline']})." for e in coming]})
    if later:
        steps.append({"text": f"Tiếp tục triển khai các nhiệm vụ còn lại theo Kế hoạch: {_refs(later)}.", "lines": []})
    steps.append({"text": f"Các cơ quan, bộ phận chủ trì báo cáo kết quả thực hiện về {coordinator} {when} để tổng "
                          f"hợp, báo cáo {upper} theo quy định.", "lines": []})
    for number, step in enumerate(steps, start=1):
        step["text"] = f"{number}. {step['text']}"
    return steps


def _rows(table: Table, progress: TableProgress, entries: list[dict]) -> list[dict]:
    """The Phụ lục rows: each followed item, under the lĩnh vực group row it belongs to (bold)."""
    rows, group = [], None
    for p, entry in zip(progress.items, entries):
        above = _group_of(table, p.index)
        if above is not None and above != group:
            item = table.items[above]
            rows.append({"code": item.code or "", "title": bare(item.title), "lead": "", "deadline": "",
                         "result": "", "state": "", "note": "", "bold": True})
        group = above
        rows.append({"code": entry["code"], "title": entry["title"], "lead": entry["lead"] if entry["leads"] else "",
                     "deadline": entry["deadline"] if entry["deadline"] != BLANK else "", "result": entry["shown"],
                     "state": entry["label_short"], "note": entry["note"], "bold": False})
    return rows


def _group_of(table: Table, index: int) -> int | None:
    parent = table.items[index].parent
    while parent is not None and not table.items[parent].is_group:
        parent = table.items[parent].parent
    return parent
