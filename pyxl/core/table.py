"""One sheet's grid → a scored and checked Table. Pure Python over plain values."""
from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal

from pyxl.core.agencies import Catalogue
from pyxl.core.agency_cells import AgencyCell, AgencyReader
from pyxl.core.checks import Checker
from pyxl.core.deadlines import parse_deadline
from pyxl.core.errors import ParbookError
from pyxl.core.grid import CellError, Grid, a1
from pyxl.core.headers import SCORE_FIELDS, Header, find_header, header_year
from pyxl.core.model import ERROR, INFO, SCORES, TASKS, WARNING, Deadline, Finding, Item, Table
from pyxl.core.numbers import format_points
from pyxl.core.status import TICK_FIELDS, TICKS, read_status
from pyxl.core.rows import RawItem, RawTotal, code_columns, code_source, read_rows, score_value
from pyxl.core.scoring import score, totals
from pyxl.core.text import clean, fold
from pyxl.core.years import plan_year_of

_LOOKED_FOR = (
    "một dòng tiêu đề bảng (trong 30 dòng đầu) có cột 'Lĩnh vực/Tiêu chí' (hoặc 'Nội dung', 'Nhiệm vụ') "
    "cùng các cột điểm 'Điểm chuẩn', 'Điểm thẩm định', 'Điểm bị mất' hoặc các cột 'Cơ quan chủ trì', "
    "'Thời gian thực hiện'"
)


class NoTable(ParbookError):
    """The sheet holds no PHỤ LỤC table."""


def read_table(grid: Grid, year: int | None = None, as_of: date | None = None,
               catalogue: Catalogue | None = None) -> Table:
    """Locate, parse, score and check the table on one sheet. Raises NoTable when there is none."""
    as_of = as_of or date.today()
    header = find_header(grid)
    if header is None:
        raise NoTable(f"Sheet '{grid.name}' không có bảng PHỤ LỤC: parbook tìm {_LOOKED_FOR}.")
    kind = _kind(grid, header)
    source = code_source(grid, header)
    columns = code_columns(header.columns, source)
    raw_items, raw_total = read_rows(grid, header, source)
    title_lines = _title_lines(grid, header)
    plan_year = year or _plan_year(title_lines, header, as_of)
    level = _level(title_lines, grid.name)
    findings: list[Finding] = []
    read = _CellReader(plan_year, as_of, catalogue or Catalogue.builtin(), level)
    raw_items = _drop_empty_groups(raw_items)
    read.learn(raw_items)
    items = [_item(raw, header, grid.name, read, findings) for raw in raw_items]
    items = score(items)
    stated_total = _stated_total(raw_total)
    table_totals = totals(items)
    findings = _uncalculated(grid) + findings
    findings += Checker(grid.name, kind, items, columns, as_of).run(stated_total, table_totals.lost_points)
    return Table(
        sheet=grid.name, kind=kind, items=tuple(items), totals=table_totals, findings=tuple(findings),
        columns=columns, header_rows=tuple(r + 1 for r in header.rows),
        title_lines=tuple(title_lines), year=plan_year,
        stated_total=stated_total[1] if stated_total else None,
    )


def _kind(grid: Grid, header: Header) -> str:
    columns = header.columns
    has = {name for name in SCORE_FIELDS if name in columns}
    where = f"Sheet '{grid.name}', dòng tiêu đề {header.rows[0] + 1}"
    if has - {"self_points"}:
        if "stated_lost" in has or {"max_points", "appraised_points"} <= has:
            return SCORES
        missing = "'Điểm thẩm định'" if "max_points" in has else "'Điểm chuẩn' (hoặc 'Điểm tối đa')"
        raise NoTable(f"{where}: bảng có cột điểm nhưng thiếu cột {missing} hoặc 'Điểm bị mất', nên không "
                      "tính được điểm bị mất. Hãy thêm cột còn thiếu vào tiêu đề bảng.")
    if "lead" in columns or "deadline" in columns:
        return TASKS
    raise NoTable(f"{where}: bảng không có các cột điểm ('Điểm chuẩn', 'Điểm thẩm định', 'Điểm bị mất') "
                  "cũng không có cột 'Cơ quan chủ trì' hay 'Thời gian thực hiện'. Hãy thêm các cột điểm vào "
                  "tiêu đề bảng.")


def _title_lines(grid: Grid, header: Header) -> list[str]:
    lines = []
    for r in range(header.rows[0]):
        texts = list(dict.fromkeys(clean(v) for v in grid.rows[r] if clean(v)))
        lines.extend(texts)
    return lines


def _plan_year(title_lines: list[str], header: Header, as_of: date) -> int:
    """The plan year the title lines name (see core.years), else the appraisal year + 1, else the as-of year."""
    named = plan_year_of(title_lines)
    if named:
        return named
    appraised = header_year(header)
    return appraised + 1 if appraised else as_of.year


def _level(title_lines: list[str], sheet: str) -> str | None:
    text = fold(" ".join(title_lines) + " " + sheet)
    if re.search(r"\b(xa|phuong|thi tran|dac khu)\b", text):
        return "commune"
    if re.search(r"\b(huyen|quan|thi xa)\b", text):
        return "district"
    return None


def _drop_empty_groups(raw_items: list[RawItem]) -> list[RawItem]:
    """Group lines with no figures and nothing under them (e.g. a signature line in capitals)."""
    kept = []
    for i, raw in enumerate(raw_items):
        following = raw_items[i + 1] if i + 1 < len(raw_items) else None
        empty = raw.is_group and not any(v not in (None, "") for v in raw.scores.values())
        if empty and (following is None or following.is_group):
            continue
        kept.append(raw)
    return kept


class _Remembered:
    """A catalogue whose answers for a name at a level are kept: a catalogue never changes, and the same
    names recur in every table of a merge. Everything else is the catalogue's own."""

    _LIMIT = 50_000  # answers kept before starting afresh

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._answers: dict[tuple[str, str, str | None], object] = {}

    def __getattr__(self, name: str) -> object:
        return getattr(self.catalogue, name)

    def _answer(self, question: str, name: str, level: str | None = None) -> object:
        key = (question, name, level)
        if key not in self._answers:
            if len(self._answers) >= self._LIMIT:
                self._answers.clear()
            ask = getattr(self.catalogue, question)
            self._answers[key] = ask(name) if question == "_candidates" else ask(name, level)
        return self._answers[key]

    def is_known(self, name: str, level: str | None = None) -> bool:
        return self._answer("is_known", name, level)  # type: ignore[return-value]

    def canonical(self, name: str, level: str | None = None) -> str:
        return self._answer("canonical", name, level)  # type: ignore[return-value]

    def kind(self, name: str, level: str | None = None) -> str | None:
        return self._answer("kind", name, level)  # type: ignore[return-value]

    def _candidates(self, name: str) -> object:  # what split_agencies asks when joining pieces of a name
        return self._answer("_candidates", name)


_REMEMBERED: dict[int, _Remembered] = {}  # id of a catalogue → its remembered answers (the catalogue kept alive)


def _remembered(catalogue: Catalogue) -> Catalogue:
    found = _REMEMBERED.get(id(catalogue))
    if found is None or found.catalogue is not catalogue:
        if len(_REMEMBERED) >= 8:
            _REMEMBERED.pop(next(iter(_REMEMBERED)))
        found = _REMEMBERED[id(catalogue)] = _Remembered(catalogue)
    return found  # type: ignore[return-value]


class _CellReader:
    """Agency and deadline cells of one table; the same texts repeat down a column, so each is read once."""

    def __init__(self, year: int, as_of: date, catalogue: Catalogue, level: str | None):
        self.year, self.as_of = year, as_of
        self._agencies = AgencyReader(_remembered(catalogue), level)
        self._reported: set[str] = set()

    def learn(self, raw_items: list[RawItem]) -> None:
        """Read the names in every agency cell first, so each unknown name gets one spelling in the table."""
        self._agencies.learn(raw.texts.get(name) for raw in raw_items for name in ("lead", "partners"))

    def agencies(self, text: str | None) -> AgencyCell:
        """Names as written, the offices they mean, evidence notes and unknown office names of a cell."""
        return self._agencies.read(text)

    def first_time(self, name: str) -> bool:
        """True the first time an unknown name is reported in this table."""
        key = self._agencies.read(name).offices[:1] or (name,)
        if key[0] in self._reported:
            return False
        self._reported.add(key[0])
        return True

    def deadline(self, text: str | None) -> Deadline:
        """The parsed deadline cell."""
        return _deadline(text or "", self.year, self.as_of)


@functools.lru_cache(maxsize=8192)  # "Quý II/2026", "Tháng 6/2026": the same wordings in every table of a merge
def _deadline(text: str, year: int, as_of: date) -> Deadline:
    return parse_deadline(text, year, as_of)


def _item(raw: RawItem, header: Header, sheet: str, read: _CellReader, findings: list[Finding]) -> Item:
    scores = {name: _score(raw, name, header, sheet, findings) for name in SCORE_FIELDS}
    scores = _signs(raw, scores, header, sheet, findings)
    texts = raw.texts
    lead, partners = read.agencies(texts.get("lead")), read.agencies(texts.get("partners"))
    _unknown_agencies(raw, header, sheet, read, {"lead": lead, "partners": partners}, findings)
    evidence = [text for text in (lead.evidence, partners.evidence, texts.get("evidence")) if text]
    deadline = read.deadline(texts.get("deadline"))
    typed = texts.get("status") or _ticked(texts, header)
    status = read_status(typed, texts.get("completed"), deadline, texts.get("note"), read.year)
    return Item(
        row=raw.row, code=raw.code, title=raw.title, is_group=raw.is_group,
        max_points=scores["max_points"], self_points=scores["self_points"],
        appraised_points=scores["appraised_points"], stated_lost=scores["stated_lost"],
        target=texts.get("target"), solution=texts.get("solution"), product=texts.get("product"),
        lead=lead.names, partners=partners.names, lead_names=lead.offices, partner_names=partners.offices,
        deadline=deadline, note=texts.get("note"), reason=texts.get("reason"), status=typed,
        done=status.done, completed=texts.get("completed"),
        last_row=raw.last_row, unit=texts.get("unit"), serial=raw.serial, typed_code=raw.typed_code,
        evidence="\n".join(dict.fromkeys(evidence)) or None,
    )


def _ticked(texts: dict[str, str], header: Header) -> str | None:
    """The status a row ticks in 'Hoàn thành | Đang thực hiện | Chưa thực hiện' sub-columns: the sub-column's
    wording ('Đang thực hiện'), with what was typed instead of an x ('Hoàn thành 15/5/2025', 'Đang thực hiện 80%')."""
    for field in TICK_FIELDS.values():
        mark = texts.get(field)
        if mark:
            wording = " ".join(header.texts[header.columns[field]].split(" / ")[-1].split())
            return wording if fold(mark) in TICKS else f"{wording} {mark}"
    return None


_SCORE_NAMES = {"max_points": "Điểm chuẩn", "self_points": "Điểm tự đánh giá", "appraised_points": "Điểm thẩm định"}


def _signs(raw: RawItem, scores: dict[str, Decimal | None], header: Header, sheet: str,
           findings: list[Finding]) -> dict[str, Decimal | None]:
    """Scores with negative points dropped: a negative maximum or appraised value is no score.

    A negative lost value stays a lost value ("-0,3" is 0,3 lost); written "(0,5)" it is flagged.
    """
    checked = dict(scores)
    for name, value in scores.items():
        if value is None or value >= 0:
            continue
        typed = clean(raw.scores[name])
        accounting = typed.startswith("(") and typed.endswith(")")
        cell = a1(raw.row - 1, header.columns[name])
        column = _column_name(header, name)
        if name == "stated_lost":
            if accounting:
                findings.append(Finding(
                    "ACCOUNTING_NEGATIVE", WARNING,
                    f"Ô {cell} ghi '{typed}' (số âm kiểu kế toán); parbook hiểu là mất {format_points(-value)} "
                    f"điểm. Nên ghi {format_points(-value)} hoặc -{format_points(-value)} cho rõ.",
                    sheet, raw.row, raw.code, cell.rstrip("0123456789")))
            continue
        how = " (số trong ngoặc là cách ghi số âm kiểu kế toán)" if accounting else ""
        findings.append(Finding(
            "NEGATIVE_SCORE", ERROR,
            f"Ô {cell} ghi '{typed}': {column} là số âm{how}, nên parbook không dùng số này để tính điểm bị "
            f"mất. Hãy ghi số không âm, ví dụ {format_points(-value)}; nếu đây là số điểm bị trừ, hãy ghi vào "
            "cột 'Điểm bị mất'.",
            sheet, raw.row, raw.code, cell.rstrip("0123456789")))
        checked[name] = None
    return checked


def _column_name(header: Header, name: str) -> str:
    """The column's header as written ('Điểm đạt'), else parbook's name for it."""
    written = " ".join(header.texts.get(header.columns[name], "").split(" / ")[-1].split())  # on one line
    return f"'{written}'" if written else _SCORE_NAMES[name]


def _unknown_agencies(raw: RawItem, header: Header, sheet: str, read: _CellReader,
                      cells: dict[str, AgencyCell], findings: list[Finding]) -> None:
    for name, cell in cells.items():
        for unknown in cell.unknown:
            if not read.first_time(unknown):
                continue
            ref = a1(raw.row - 1, header.columns[name])
            findings.append(Finding(
                "UNKNOWN_AGENCY", INFO,
                f"Ô {ref}: '{unknown}' chưa có trong danh mục cơ quan của parbook, nên có thể được ghi theo "
                "nhiều cách khác nhau. Nếu đúng là tên cơ quan, hãy thêm vào sheet 'Danh mục' (cột 'Cơ quan'; "
                "các cách viết khác ở cột 'Tên gọi khác') để kế hoạch dùng một cách viết.",
                sheet, raw.row, raw.code, ref.rstrip("0123456789")))


def _score(raw: RawItem, name: str, header: Header, sheet: str, findings: list[Finding]) -> Decimal | None:
    if name not in raw.scores:
        return None
    raw_value = raw.scores[name]
    value, ok = score_value(raw_value)
    if not ok:
        cell = a1(raw.row - 1, header.columns[name])
        if isinstance(raw_value, CellError):
            message = (f"Ô {cell} có lỗi Excel {raw_value} ({raw_value.meaning}) nên không có điểm; hãy sửa "
                       "công thức hoặc nhập số trong Excel, lưu lại rồi chạy lại.")
        else:
            message = (f"Ô {cell} ghi '{clean(raw_value)}' không phải là số; hãy nhập số, ví dụ 0,75 "
                       "(bỏ chữ, dấu % và khoảng trắng).")
        findings.append(Finding("NOT_A_NUMBER", ERROR, message, sheet, raw.row, raw.code,
                                cell.rstrip("0123456789")))
    return value  # type: ignore[return-value]


def _stated_total(raw: RawTotal | None) -> tuple[int, Decimal] | None:
    if raw is None or raw.scores.get("stated_lost") in (None, ""):
        return None
    value, ok = score_value(raw.scores["stated_lost"])
    return (raw.row, value) if ok and value is not None else None  # type: ignore[return-value]


def _uncalculated(grid: Grid) -> list[Finding]:
    if not grid.uncalculated:
        return []
    cells = ", ".join(grid.uncalculated[:5]) + (" …" if len(grid.uncalculated) > 5 else "")
    first = grid.uncalculated[0]
    return [Finding(
        "FORMULAS_NOT_CALCULATED", ERROR,
        f"Sheet có {len(grid.uncalculated)} ô công thức chưa được tính ({cells}) nên các ô này được đọc là "
        "trống. Hãy mở tệp bằng Excel, nhấn Ctrl+Alt+F9 để tính lại rồi lưu, sau đó chạy lại.",
        grid.name, int(first.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or 0) or None, None,
        first.rstrip("0123456789") or None,
    )]
