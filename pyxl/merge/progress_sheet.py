"""The progress sheets of `Tổng hợp.xlsx`: every commune ranked by the share of its plan done, and its late items.

'Tiến độ' has a row per commune (items followed, done, in progress, not started, no result yet,
overdue, due soon, share done, rank), best first; its overdue count links to the commune's first
row in 'Việc quá hạn', where each late item links to its cell in the commune's source workbook.
Ranks: larger share done first, then fewer overdue; ties share a rank (pyxl.core.progress_report.ranks).
"""
from __future__ import annotations

import bisect
from datetime import date, datetime

from pyxl.core.celltext import cell_text, hyperlink, needs_quote_prefix, sheet_ref
from pyxl.core.progress import DONE, IN_PROGRESS, NOT_STARTED, STATE_NAMES, UNKNOWN, LateItem, ProgressSummary
from pyxl.core.progress_report import NO_LEAD, share
from pyxl.merge.sheet_layout import print_setup, relative_link
from pyxl.merge.result import MergeResult, Outcome

PROGRESS, LATE = "Tiến độ", "Việc quá hạn"
_HEAD = 3
_COLUMNS = ("STT", "Đơn vị", "Số nhiệm vụ theo dõi", "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện",
            "Chưa rõ kết quả", "Quá hạn", "Sắp đến hạn (30 ngày)", "Tỷ lệ hoàn thành", "Xếp hạng", "Ghi chú")
_LATE_COLUMNS = ("STT", "Đơn vị", "Mục", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện", "Hạn",
                 "Kết quả thực hiện", "Ghi chú", "Ô")
_STATES = (DONE, IN_PROGRESS, NOT_STARTED, UNKNOWN)
_LINK_LIMIT = 65_530  # Excel's hyperlinks per sheet; past it, HYPERLINK formulas do the same


def write_progress_sheets(workbook, result: MergeResult, as_of: date | None = None) -> None:
    """Add 'Tiến độ' and 'Việc quá hạn' to an XlsxWriter workbook; nothing when no commune's table was read."""
    followed = [o for o in result.outcomes if o.progress is not None]
    if not followed:
        return
    _Sheets(workbook, result, as_of or followed[0].progress.as_of).write()  # type: ignore[union-attr]


class _Sheets:
    def __init__(self, workbook, result: MergeResult, as_of: date) -> None:
        self.book, self.result, self.as_of = workbook, result, as_of
        base = {"valign": "top", "border": 1}
        self.f = {name: workbook.add_format({**base, **props}) for name, props in {
            "text": {"text_wrap": True}, "int": {"num_format": "0"}, "share": {"num_format": "0.0%"},
            "date": {"num_format": "dd/mm/yyyy"}, "link": {"font_color": "#0563C1", "underline": 1},
            "head": {"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center", "bg_color": "#DDEBF7"},
            "late": {"font_color": "#C00000", "bold": True, "underline": 1, "num_format": "0"},
            "total": {"bold": True, "num_format": "0"}, "total_share": {"bold": True, "num_format": "0.0%"},
        }.items()}
        self.f["title"] = workbook.add_format({"bold": True, "font_size": 14})
        self.f["note"] = workbook.add_format({"italic": True})
        self.quoted = workbook.add_format({**base, "text_wrap": True, "quote_prefix": True})
        self.links = 0

    def write(self) -> None:
        ranking = self.book.add_worksheet(PROGRESS)
        late = self.book.add_worksheet(LATE)
        first_late = self._late(late)
        self._ranking(ranking, first_late)

    # -- Tiến độ ------------------------------------------------------------------------------------
    def _ranking(self, ws, first_late: dict[int, int]) -> None:
        f = self.f
        ws.write(0, 0, "TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH KHẮC PHỤC CỦA CÁC ĐƠN VỊ", f["title"])
        ws.write_string(1, 0, f"Đối chiếu đến ngày {self.as_of:%d/%m/%Y}. Xếp hạng theo tỷ lệ nhiệm vụ đã hoàn "
                              "thành (cao trước; bằng nhau thì ít việc quá hạn hơn xếp trên). Bấm vào số việc quá "
                              f"hạn để xem danh sách ở sheet '{LATE}'.", f["note"])
        ws.write_row(_HEAD, 0, _COLUMNS, f["head"])
        ws.set_row(_HEAD, 45)
        outcomes = list(self.result.outcomes)
        ranked = rank_communes([o.progress for o in outcomes])
        order = sorted(ranked, key=lambda i: (ranked[i], i)) + [i for i in range(len(outcomes)) if i not in ranked]
        row = _HEAD
        for number, i in enumerate(order, start=1):
            row = _HEAD + number
            self._commune(ws, row, number, outcomes[i], ranked.get(i), first_late.get(i))
        total = row + 1
        ws.write_string(total, 1, "Cộng", f["total"])
        sums = [sum(column) for column in zip(*(_figures(o.progress) for o in outcomes))]
        for col, value in zip(range(2, 9), sums):
            letter = chr(ord("A") + col)
            ws.write_formula(total, col, f"=SUM({letter}{_HEAD + 2}:{letter}{total})", f["total"], value)
        items, done = sums[0], sums[1]
        if items:
            ws.write_number(total, 9, done / items, f["total_share"])
        for col, width in enumerate((5, 26, 10, 10, 10, 10, 10, 9, 10, 10, 8, 50)):
            ws.set_column(col, col, width)
        ws.freeze_panes(_HEAD + 1, 2)
        ws.autofilter(_HEAD, 0, max(row, _HEAD + 1), len(_COLUMNS) - 1)
        print_setup(ws, _HEAD)

    def _commune(self, ws, row: int, number: int, outcome: Outcome, rank: int | None, late_row: int | None) -> None:
        f, progress = self.f, outcome.progress
        ws.write_number(row, 0, number, f["int"])
        self._text(ws, row, 1, outcome.name)
        if progress is None:
            for col in range(2, 11):
                ws.write_blank(row, col, None, f["int"])
            self._text(ws, row, 11, outcome.message or "Chưa đọc được bảng của đơn vị này.")
            return
        figures = _figures(progress)
        for col, value in zip(range(2, 9), figures):
            if col == 7 and value and late_row is not None:
                self._link(ws, row, col, None, sheet_ref(LATE, f"A{late_row + 1}"), value, f["late"])
            else:
                ws.write_number(row, col, value, f["int"])
        if progress.items:
            ws.write_number(row, 9, figures[1] / len(progress.items), f["share"])
            ws.write_number(row, 10, rank, f["int"])  # type: ignore[arg-type]
        else:
            ws.write_blank(row, 9, None, f["share"])
            ws.write_blank(row, 10, None, f["int"])
        self._text(ws, row, 11, "" if progress.items else "Bảng không có mục nào cần theo dõi.")

    # -- Việc quá hạn ---------------------------------------------------------------------------------
    def _late(self, ws) -> dict[int, int]:
        """Every overdue item, commune by commune; returns each commune's first row."""
        f = self.f
        ws.write(0, 0, "CÁC NHIỆM VỤ ĐÃ QUÁ HẠN MÀ CHƯA HOÀN THÀNH", f["title"])
        ws.write_string(1, 0, f"Đối chiếu đến ngày {self.as_of:%d/%m/%Y}. Bấm vào địa chỉ ô để mở đúng ô trong tệp "
                              "nguồn (tệp nguồn cần để đúng chỗ như khi chạy).", f["note"])
        ws.write_row(_HEAD, 0, _LATE_COLUMNS, f["head"])
        first: dict[int, int] = {}
        row = _HEAD
        for i, outcome in enumerate(self.result.outcomes):
            progress = outcome.progress
            for p in progress.late if progress is not None else []:
                row += 1
                first.setdefault(i, row)
                self._late_row(ws, row, row - _HEAD, outcome, progress, p)  # type: ignore[arg-type]
        for col, width in enumerate((6, 22, 8, 45, 26, 18, 11, 24, 30, 8)):
            ws.set_column(col, col, width)
        ws.freeze_panes(_HEAD + 1, 0)
        ws.autofilter(_HEAD, 0, max(row, _HEAD + 1), len(_LATE_COLUMNS) - 1)
        print_setup(ws, _HEAD)
        return first

    def _late_row(self, ws, row: int, number: int, outcome: Outcome, progress: ProgressSummary, p: LateItem) -> None:
        f = self.f
        ws.write_number(row, 0, number, f["int"])
        self._text(ws, row, 1, outcome.name)
        self._text(ws, row, 2, p.code or "")
        self._text(ws, row, 3, p.title)
        self._text(ws, row, 4, ", ".join(p.offices) or NO_LEAD)
        self._text(ws, row, 5, p.deadline or "")
        ws.write_datetime(row, 6, datetime.combine(p.due, datetime.min.time()), f["date"])
        self._text(ws, row, 7, p.status_text or STATE_NAMES[p.state])
        self._text(ws, row, 8, p.note or "")
        cell = p.cell or f"A{p.row}"
        if outcome.source is not None:
            self._link(ws, row, 9, relative_link(outcome.source, self.result.out_dir), sheet_ref(progress.sheet, cell),
                       cell, f["link"])
        else:
            self._text(ws, row, 9, cell)

    # -- cells ----------------------------------------------------------------------------------------
    def _text(self, ws, row: int, col: int, value: str) -> None:
        text = cell_text(value)
        ws.write_string(row, col, text, self.quoted if needs_quote_prefix(text) else self.f["text"])

    def _link(self, ws, row: int, col: int, file: str | None, location: str, label: str | int, fmt) -> None:
        """A link to location in file (relative to the summary; None: this workbook)."""
        self.links += 1
        shown = cell_text(label) if isinstance(label, str) else label
        if self.links > _LINK_LIMIT:
            target = f"[{file}]{location}" if file else f"#{location}"
            ws.write_formula(row, col, hyperlink(target, shown), fmt, shown)
            return
        url = f"external:{file}#{location}" if file else f"internal:{location}"
        ws.write_url(row, col, url, fmt, str(shown))
        if not isinstance(shown, str):
            ws.write_number(row, col, shown, fmt)  # keeps the link; SUM counts the number


def rank_communes(progresses: list[ProgressSummary | None]) -> dict[int, int]:
    """Rank of each commune with items followed (index → rank), by the rule of `pyxl.core.progress_report.ranks`
    (larger share done first, then fewer overdue; ties share a rank), sorted once for a province's thousands."""
    keys = {i: (-share(p.counts()[DONE], len(p.items)), p.overdue)
            for i, p in enumerate(progresses) if p is not None and p.items}
    ordered = sorted(keys.values())
    return {i: 1 + bisect.bisect_left(ordered, key) for i, key in keys.items()}


def _figures(progress: ProgressSummary | None) -> tuple[int, ...]:
    """Items followed, done, in progress, not started, no result yet, overdue, due soon (zeros when not read)."""
    if progress is None:
        return (0,) * 7
    counts = progress.counts()
    return (len(progress.items), *(counts[state] for state in _STATES), counts["overdue"], counts["due_soon"])
