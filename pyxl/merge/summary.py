"""The `Tổng hợp` workbook of a merge: a row per commune, a chart by lĩnh vực, findings linked to their cells.

Written with XlsxWriter at a fixed creation date, so the same run gives the same bytes, row by row
(`constant_memory`: a province's findings never sit in memory as a workbook), the findings while the
run goes on (`pyxl.merge.summary_file`). Links are Excel
hyperlinks relative to the summary's folder (`..\\district.xlsx`, location `'Tân Lập'!E7`).
Each commune's row links its sheet, its plan and its first finding of each severity. A finding
links the cell or row it is about (one about a whole sheet has its commune's link already); past
the first `_Links.LIMIT` findings the links are formulas that do the same,
`=HYPERLINK("[..\\district.xlsx]'Tân Lập'!E7","E7")`: every native link to another file is a
relationship Excel resolves when it opens the workbook, tens of thousands of them take it long,
while a formula costs nothing until it is clicked.
"""
from __future__ import annotations

import bisect
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Sequence

import xlsxwriter

from pyxl.core.celltext import cell_text, hyperlink, needs_quote_prefix, sheet_ref
from pyxl.core.model import ERROR, INFO, SCORES, WARNING, Finding
from pyxl.merge.fields import FIELDS, OTHER
from pyxl.merge.progress_sheet import write_progress_sheets
from pyxl.merge.sheet_layout import print_setup, relative_link
from pyxl.merge.result import FAILED, KEPT, MISSING, STOPPED, WRITTEN, MergeResult, Outcome

SUMMARY_NAME = "Tổng hợp.xlsx"
PARTIAL = "parbook: lần chạy dừng giữa chừng"  # the keywords of a stopped run's summary, which a re-run replaces
CREATED = datetime(2025, 7, 1)  # fixed: a re-run must give the same bytes
MAIN, FINDINGS, CHART = "Tổng hợp", "Lỗi, cảnh báo", "Biểu đồ"
_STATUS = {WRITTEN: "Đã lập", KEPT: "Đã có, giữ nguyên", FAILED: "Không lập được", MISSING: "Chưa có số liệu",
           STOPPED: "Chưa lập (lần chạy dừng giữa chừng)"}
_SEVERITY = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Lưu ý"}
_HEAD_ROW = 3
_FINDINGS_HEAD = 3
_FIXED_COLUMNS = ("STT", "Đơn vị", "Tình trạng", "Điểm tối đa", "Điểm thẩm định", "Điểm bị mất", "Xếp hạng",
                  "Lỗi", "Cảnh báo", "Lưu ý")


def ranks(outcomes: list[Outcome]) -> dict[int, int]:
    """Rank of each scored commune (index → rank) by lost points, fewest first; ties share a rank (1, 2, 2, 4)."""
    lost = {i: o.totals.lost_points.quantize(Decimal("0.01"))
            for i, o in enumerate(outcomes) if o.totals is not None and o.kind == SCORES}
    ordered = sorted(lost.values())
    return {i: 1 + bisect.bisect_left(ordered, value) for i, value in lost.items()}


class _Links:
    """Hyperlinks on one sheet: native ones up to a limit, HYPERLINK formulas after it."""

    LIMIT = 5_000  # native links on the findings sheet (see the module docstring)
    EXCEL_LIMIT = 65_530  # the most hyperlinks Excel allows on a sheet

    def __init__(self, ws, limit: int | None = None) -> None:
        self.ws, self.count = ws, 0
        self.limit = self.LIMIT if limit is None else limit

    def write(self, row: int, col: int, file: str | None, location: str | None, label: str | int, fmt) -> None:
        """A link to file (relative to the summary; None: this workbook) at location (a sheet and cell)."""
        self.count += 1
        shown = cell_text(label) if isinstance(label, str) else label
        if self.count <= self.limit:
            url = f"external:{file}" + (f"#{location}" if location else "") if file else f"internal:{location}"
            self.ws.write_url(row, col, url, fmt, str(shown))
            if not isinstance(label, str):
                self.ws.write_number(row, col, label, fmt)  # keeps the link; SUM counts the number
            return
        target = (f"[{file}]{location}" if location else file) if file else f"#{location}"
        self.ws.write_formula(row, col, hyperlink(target, shown), fmt, shown)


def is_partial(path: Path) -> bool:
    """Whether the summary at path was written by a run that stopped half-way (so the next run replaces it)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return PARTIAL in archive.read("docProps/core.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


class SummaryWriter:
    """The sheets of Tổng hợp.xlsx in an XlsxWriter workbook: the findings rows as they come
    (`add_findings`), everything else once the run is done (`finish`)."""

    def __init__(self, workbook: xlsxwriter.Workbook, out_dir: Path) -> None:
        self.book, self.out_dir = workbook, out_dir
        self.result: MergeResult | None = None  # the run's, once done (finish)
        self.as_of: date | None = None
        self.outcomes: list[Outcome] = []
        self.fields: list[tuple[str, str]] = []
        self.formats = {
            "title": {"bold": True, "font_size": 14},
            "note": {"italic": True},
            "head": {"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center", "border": 1,
                     "bg_color": "#DDEBF7"},
            "text": {"valign": "top", "text_wrap": True, "border": 1},
            "int": {"valign": "top", "border": 1, "num_format": "0"},
            "points": {"valign": "top", "border": 1, "num_format": "0.00"},
            "link": {"valign": "top", "border": 1, "font_color": "#0563C1", "underline": 1},
            "link_int": {"valign": "top", "border": 1, "font_color": "#0563C1", "underline": 1,
                         "num_format": "0"},
            "bad": {"valign": "top", "text_wrap": True, "border": 1, "font_color": "#C00000", "bold": True},
            "total": {"bold": True, "border": 1, "num_format": "0.00"},
            "total_text": {"bold": True, "border": 1},
        }
        self.f = {name: workbook.add_format(props) for name, props in self.formats.items()}
        self.quoted: dict[str, object] = {}
        self.main = self.book.add_worksheet(MAIN)
        self.findings = self.book.add_worksheet(FINDINGS)
        self.first_finding: dict[int, int] = {}  # outcome index → the row of its first finding
        self.finding_row = self._findings_head(self.findings)
        self.finding_links = _Links(self.findings)

    def _text(self, ws, row: int, col: int, value: str, name: str) -> None:
        """Text written literally: cleaned by cell_text, quote-prefixed when Excel would take it for a formula."""
        ws.write_string(row, col, cell_text(value), self._format(name, value))

    def _format(self, name: str, text: str):
        """The format called name, or its quote-prefixed twin for formula-looking text."""
        if not needs_quote_prefix(text):
            return self.f[name]
        if name not in self.quoted:
            self.quoted[name] = self.book.add_format({**self.formats[name], "quote_prefix": True})
        return self.quoted[name]

    def finish(self, result: MergeResult, as_of: date | None) -> None:
        """Everything but the findings rows, once the run is done."""
        self.result, self.as_of = result, as_of
        self.outcomes = list(result.outcomes)
        used = {key for o in self.outcomes for key in o.lost_by_field}
        self.fields = list(FIELDS) + ([(OTHER, "Khác")] if OTHER in used else [])
        self._findings_tail(self.findings, self.finding_row)
        last_row = self._main(self.main, self.first_finding)
        write_progress_sheets(self.book, result, as_of)
        self._chart(last_row)
        self.main.activate()

    # -- Tổng hợp ------------------------------------------------------------------------------
    def _main(self, ws, first_finding: dict[int, int]) -> int:
        result, f = self.result, self.f
        columns = [*_FIXED_COLUMNS, *(f"{key}. {label}" if key != OTHER else label for key, label in self.fields),
                   "Kế hoạch", "Mục dùng gợi ý", "Ghi chú"]
        ws.write(0, 0, "TỔNG HỢP KẾ HOẠCH KHẮC PHỤC CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ", f["title"])
        self._text(ws, 1, 0, self._counts_line(), "note")
        ws.set_row(_HEAD_ROW, 45)
        ws.write_row(_HEAD_ROW, 0, columns, f["head"])
        ranked = ranks(self.outcomes)
        links = _Links(ws, _Links.EXCEL_LIMIT)
        field_col = len(_FIXED_COLUMNS)
        plan_col = field_col + len(self.fields)
        row = _HEAD_ROW
        for i, outcome in enumerate(self.outcomes):
            row = _HEAD_ROW + 1 + i
            ws.write_number(row, 0, i + 1, f["int"])
            if outcome.source is not None and outcome.sheet:
                links.write(row, 1, relative_link(outcome.source, result.out_dir), sheet_ref(outcome.sheet, "A1"),
                            outcome.name, self._format("link", outcome.name))
            else:
                self._text(ws, row, 1, outcome.name, "text")
            ws.write_string(row, 2, _STATUS[outcome.status], f["bad"] if outcome.status in (FAILED, STOPPED) else f["text"])
            totals = outcome.totals
            for col, value in ((3, totals and totals.max_points), (4, totals and totals.appraised_points),
                               (5, totals and totals.lost_points)):
                self._points(ws, row, col, value)
            if i in ranked:
                ws.write_number(row, 6, ranked[i], f["int"])
            else:
                ws.write_blank(row, 6, None, f["int"])
            for col, severity in ((7, ERROR), (8, WARNING), (9, INFO)):
                self._count(links, row, col, outcome, severity, first_finding.get(i))
            for k, (key, _) in enumerate(self.fields):
                self._points(ws, row, field_col + k, outcome.lost_by_field.get(key) if totals else None)
            if outcome.has_plan and outcome.documents:
                links.write(row, plan_col, outcome.documents[0].name, None, "Mở", f["link"])
            else:
                ws.write_blank(row, plan_col, None, f["text"])
            if outcome.status == WRITTEN:  # a plan kept from an earlier run was not rendered: count unknown
                ws.write_number(row, plan_col + 1, outcome.suggested, f["int"])
            else:
                ws.write_blank(row, plan_col + 1, None, f["int"])
            self._text(ws, row, plan_col + 2, self._notes(outcome), "text")
        last = row
        total_row = last + 1
        ws.write_string(total_row, 1, "Cộng", f["total_text"])
        summed = [3, 4, 5, 7, 8, 9, *range(field_col, plan_col), plan_col + 1]
        for col in summed:
            letter = xlsxwriter.utility.xl_col_to_name(col)
            value = sum((self._value(o, col, field_col, plan_col) for o in self.outcomes), Decimal(0))
            ws.write_formula(total_row, col, f"=SUM({letter}{_HEAD_ROW + 2}:{letter}{last + 1})", f["total"],
                             float(value))
        ws.set_column(0, 0, 5)
        ws.set_column(1, 1, 26)
        ws.set_column(2, 2, 16)
        ws.set_column(3, 9, 9)
        ws.set_column(field_col, plan_col - 1, 11)
        ws.set_column(plan_col, plan_col + 1, 9)
        ws.set_column(plan_col + 2, plan_col + 2, 50)
        ws.freeze_panes(_HEAD_ROW + 1, 2)
        ws.autofilter(_HEAD_ROW, 0, max(last, _HEAD_ROW + 1), plan_col + 2)
        print_setup(ws, _HEAD_ROW)
        return last

    def _value(self, outcome: Outcome, col: int, field_col: int, plan_col: int) -> Decimal:
        if col == plan_col + 1:
            return Decimal(outcome.suggested if outcome.status == WRITTEN else 0)
        totals = outcome.totals
        if totals is None:
            return Decimal(0)
        by_col = {3: totals.max_points, 4: totals.appraised_points, 5: totals.lost_points}
        if col in by_col:
            return by_col[col] or Decimal(0)
        if col in (7, 8, 9):
            return Decimal(outcome.count({7: ERROR, 8: WARNING, 9: INFO}[col]))
        return outcome.lost_by_field.get(self.fields[col - field_col][0], Decimal(0))

    def _points(self, ws, row: int, col: int, value: Decimal | None) -> None:
        if value is None:
            ws.write_blank(row, col, None, self.f["points"])
        else:
            ws.write_number(row, col, float(value), self.f["points"])

    def _count(self, links: _Links, row: int, col: int, outcome: Outcome, severity: str, first: int | None) -> None:
        """How many findings of a severity, linked to the commune's first finding."""
        if outcome.totals is None:
            links.ws.write_blank(row, col, None, self.f["int"])
            return
        count = outcome.count(severity)
        if count and first is not None:
            links.write(row, col, None, sheet_ref(FINDINGS, f"A{first + 1}"), count, self.f["link_int"])
        else:
            links.ws.write_number(row, col, count, self.f["int"])

    def _counts_line(self) -> str:
        result = self.result
        by = {status: len(result.with_status(status)) for status in _STATUS}
        parts = [f"Nguồn: {result.source.name}", f"{len(result.outcomes)} đơn vị",
                 f"{by[WRITTEN] + by[KEPT]} có kế hoạch"]
        if by[FAILED]:
            parts.append(f"{by[FAILED]} không lập được")
        if by[MISSING]:
            parts.append(f"{by[MISSING]} có trong danh sách nhưng chưa có số liệu")
        if by[STOPPED]:
            parts.append(f"{by[STOPPED]} chưa lập vì lần chạy dừng giữa chừng: {result.stopped}")
        if result.roster:
            parts.append(f"danh sách: {result.roster}")
        if self.as_of:
            parts.append(f"đối chiếu thời hạn đến ngày {self.as_of:%d/%m/%Y}")
        return "; ".join(parts) + "."

    def _notes(self, outcome: Outcome) -> str:
        notes = []
        if outcome.message:
            notes.append(outcome.message)
        if outcome.listed is False:
            notes.append("Không có trong Danh sách: văn bản chưa có số, ngày, người ký từ danh sách.")
        if outcome.blanks:
            notes.append("Văn bản còn để trống: " + "; ".join(outcome.blanks) + ".")
        if outcome.status == MISSING:
            notes.append("Có trong Danh sách nhưng không có sheet, tệp hoặc dòng số liệu nào mang tên này.")
        return "\n".join(notes)

    # -- Lỗi, cảnh báo -----------------------------------------------------------------------------
    def _findings_head(self, ws) -> int:
        """The title and header of the findings sheet; returns the header row."""
        f = self.f
        ws.write(0, 0, "CÁC LỖI, CẢNH BÁO VÀ LƯU Ý TRONG BẢNG PHỤ LỤC CỦA CÁC ĐƠN VỊ", f["title"])
        ws.write(1, 0, "Bấm vào địa chỉ ô để mở đúng ô trong tệp nguồn (tệp nguồn cần để đúng chỗ như khi chạy).",
                 f["note"])
        ws.write_row(_FINDINGS_HEAD, 0, ("STT", "Đơn vị", "Mức độ", "Mã", "Mục", "Ô", "Nội dung"), f["head"])
        return _FINDINGS_HEAD

    def add_findings(self, start: int, outcomes: Sequence[Outcome]) -> None:
        """A row per finding of outcomes (the run's outcomes from index start on), noting each one's first row."""
        for i, outcome in enumerate(outcomes, start):
            source = relative_link(outcome.source, self.out_dir) if outcome.source and outcome.sheet else None
            for finding in outcome.findings:
                self.finding_row += 1
                self.first_finding.setdefault(i, self.finding_row)
                self._finding(self.finding_links, self.finding_row, self.finding_row - _FINDINGS_HEAD, outcome,
                              finding, source)

    def _findings_tail(self, ws, row: int) -> None:
        """Column widths, filter and print setup of the findings sheet, whose last row is row."""
        head = _FINDINGS_HEAD
        ws.set_column(0, 0, 6)
        ws.set_column(1, 1, 24)
        ws.set_column(2, 2, 10)
        ws.set_column(3, 3, 20)
        ws.set_column(4, 5, 8)
        ws.set_column(6, 6, 90)
        ws.freeze_panes(head + 1, 0)
        ws.autofilter(head, 0, max(row, head + 1), 6)
        print_setup(ws, head)

    def _finding(self, links: _Links, row: int, number: int, outcome: Outcome, finding: Finding,
                 source: str | None) -> None:
        f, ws = self.f, links.ws
        ws.write_number(row, 0, number, f["int"])
        self._text(ws, row, 1, outcome.name, "text")
        ws.write_string(row, 2, _SEVERITY.get(finding.severity, finding.severity), f["text"])
        self._text(ws, row, 3, finding.code, "text")
        self._text(ws, row, 4, finding.item or "", "text")
        cell = finding.cell or (f"A{finding.row}" if finding.row else None)
        shown = finding.cell or (f"dòng {finding.row}" if finding.row else "sheet")
        if source is not None and cell is not None:
            links.write(row, 5, source, sheet_ref(outcome.sheet, cell), shown, f["link"])
        else:
            ws.write_string(row, 5, shown, f["text"])
        self._text(ws, row, 6, finding.message, "text")

    # -- Biểu đồ -----------------------------------------------------------------------------------
    def _chart(self, last_row: int) -> None:
        charted = [k for k, (key, _) in enumerate(self.fields) if any(o.lost_by_field.get(key) for o in self.outcomes)]
        if not charted:  # no commune with lost points read (all failed, or none lost any): no chart to draw
            return
        chart = self.book.add_chart({"type": "column", "subtype": "stacked"})
        first, last = _HEAD_ROW + 1, last_row
        field_col = len(_FIXED_COLUMNS)
        for k in charted:
            col = field_col + k
            chart.add_series({
                "name": [MAIN, _HEAD_ROW, col],
                "categories": [MAIN, first, 1, last, 1],
                "values": [MAIN, first, col, last, col],
                "gap": 40,
            })
        chart.set_title({"name": "Điểm bị mất theo lĩnh vực của từng đơn vị"})
        chart.set_y_axis({"name": "Điểm bị mất", "num_format": "0.0", "major_gridlines": {"visible": True}})
        chart.set_x_axis({"num_font": {"rotation": -45}})
        chart.set_legend({"position": "bottom"})
        sheet = self.book.add_chartsheet(CHART)
        sheet.set_chart(chart)
        sheet.set_paper(9)
        sheet.set_landscape()
