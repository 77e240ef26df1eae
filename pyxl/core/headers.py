"""Find the table's header row(s) and map columns to fields by what the header means."""
from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from pyxl.core.deadlines import UNDATED_KINDS, parse_deadline
from pyxl.core.grid import Grid
from pyxl.core.status import TICK_FIELDS, TICKS, status_state
from pyxl.core.text import clean, fold

SCAN_ROWS = 30
_STATUS_SAMPLE = 200  # data rows looked at to tell a 'Tiến độ' of statuses from one of deadlines
SCORE_FIELDS = ("max_points", "self_points", "appraised_points", "stated_lost")
TASK_FIELDS = ("lead", "partners", "deadline")

# Header wordings seen in officers' tables, folded (no accents, lower case).
PATTERNS: dict[str, tuple[str, ...]] = {
    "serial": ("stt", "tt", "so tt", "so thu tu"),
    "code": ("ma so", "ma", "ma tieu chi", "ma chi tieu", "ma so tieu chi", "ky hieu"),
    "title": (
        "linh vuc/tieu chi/tieu chi thanh phan", "linh vuc, tieu chi", "linh vuc", "tieu chi",
        "tieu chi thanh phan", "noi dung", "ten tieu chi", "nhiem vu", "chi tieu", "noi dung cong viec",
        "cong viec", "noi dung nhiem vu", "ten nhiem vu",
    ),
    "max_points": (
        "diem chuan", "diem toi da", "thang diem", "diem quy dinh", "so diem toi da", "diem chuan toi da",
        "diem so toi da",
    ),
    "self_points": ("diem tu danh gia", "diem tu cham", "tu danh gia", "tu cham diem", "tu cham", "diem tdg", "tdg"),
    "appraised_points": (
        "diem tham dinh", "diem dat", "diem danh gia", "ket qua tham dinh", "diem hoi dong tham dinh",
        "diem duoc cham", "diem thuc te", "diem phuc tra", "diem sau phuc tra", "diem sau tham dinh",
        "diem chinh thuc", "ket qua dat duoc", "diem td",
    ),
    "stated_lost": ("diem bi mat", "diem bi tru", "diem tru", "so diem bi tru", "diem mat", "diem bi giam",
                    "diem khong dat"),
    # self-assessed minus appraised: never the points lost, nor (through "tự chấm") the self-assessment
    "difference": ("chenh lech", "diem chenh lech", "so diem chenh lech"),
    "target": ("muc tieu", "muc tieu, yeu cau", "chi tieu phan dau", "muc tieu can dat"),
    "solution": (
        "giai phap", "nhiem vu, giai phap", "nhiem vu giai phap", "giai phap khac phuc", "bien phap",
        "bien phap khac phuc", "giai phap thuc hien", "nhiem vu khac phuc", "noi dung khac phuc",
        "phuong an khac phuc", "huong khac phuc", "bien phap thuc hien", "giai phap de xuat", "de xuat giai phap",
    ),
    "product": ("hoat dong/san pham", "san pham", "ket qua dau ra", "hinh thuc san pham"),
    "lead": (
        "co quan chu tri", "chu tri", "don vi chu tri", "trach nhiem don vi phu trach", "don vi phu trach",
        "co quan chu tri thuc hien", "don vi theo doi, huong dan thuc hien", "co quan thuc hien",
        "nguoi phu trach", "bo phan chu tri", "trach nhiem thuc hien", "can bo phu trach",
        "nguoi chiu trach nhiem", "co quan tham muu", "bo phan tham muu", "cong chuc tham muu",
    ),
    "partners": (
        "co quan phoi hop", "phoi hop", "don vi phoi hop", "co quan co lien quan", "don vi thuc hien",
        "co quan lien quan", "bo phan phoi hop", "bo phan thuc hien", "nguoi thuc hien", "can bo thuc hien",
        "cong chuc thuc hien",
    ),
    "deadline": (
        "thoi gian thuc hien", "thoi gian hoan thanh", "thoi han", "thoi han hoan thanh", "tien do",
        "thoi gian", "thoi gian thuc hien/hoan thanh", "thoi gian khac phuc", "thoi han khac phuc",
    ),
    "note": ("ghi chu",),
    "evidence": ("tai lieu kiem chung", "minh chung", "tai lieu minh chung"),
    "reason": (
        "ly do tru diem", "li do tru diem", "ly do", "li do", "nguyen nhan", "ton tai, han che",
        "noi dung tru diem", "ly do bi tru diem", "nguyen nhan bi tru diem",
    ),
    "status": ("tinh trang", "ket qua thuc hien", "trang thai", "tien do thuc hien", "tinh hinh thuc hien",
               "ket qua thuc hien nhiem vu", "ket qua khac phuc"),
    "completed": ("ngay hoan thanh", "ngay hoan thanh thuc te", "ngay thuc te hoan thanh",
                  "thoi gian hoan thanh thuc te", "ngay thuc hien xong"),
    "unit": ("don vi", "xa", "phuong", "xa/phuong", "ten don vi", "ten xa", "xa, phuong, thi tran", "dia phuong"),
}
# Every wording with its field, longest first (a tie goes to the field listed first).
_WORDINGS = sorted(((wording, field) for field, wordings in PATTERNS.items() for wording in wordings),
                   key=lambda pair: -len(pair[0]))
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_TOKEN = re.compile(r"[a-z0-9]+")  # what _has_words counts as a word
# The indexes in _WORDINGS of the wordings that start with each word: a header text can only match a
# wording whose first word is one of its own (so a text is tried against a few wordings, not all).
_STARTING_WITH: dict[str, list[int]] = {}
for _i, (_wording, _) in enumerate(_WORDINGS):
    _STARTING_WITH.setdefault(_TOKEN.match(_wording).group(), []).append(_i)
# The words of each wording: a wording is found in a text only where the text has every one of them.
_WORDS_OF = [frozenset(_TOKEN.findall(wording)) for wording, _ in _WORDINGS]
_FIRST_WORDS = frozenset(_STARTING_WITH)
# Compiled on first use (re keeps it): only a header naming a year needs it.
_YEAR = r"\b(19|20)\d{2}\b"
_PUNCT = re.compile(r"[^a-z0-9/]+")
_FINAL_WORDS = ("phuc tra", "chinh thuc")


# Named tuples, not dataclasses, for small values defined at every start: a tenth of the cost to define.
class Header(namedtuple("Header", ("rows", "columns", "texts"))):
    """Where the header is (0-based rows) and which column holds which field.

    rows: tuple[int, ...]; columns: dict[str, int]; texts: dict[int, str], column → header text as written
    (sub-header joined to its parent).
    """

    __slots__ = ()

    @property
    def last_row(self) -> int:
        """0-based index of the header's last row."""
        return self.rows[-1]


@lru_cache(maxsize=4096)
def match_field(text: str) -> tuple[str | None, int]:
    """The field a header text means, with a score (length of the wording matched); (None, 0) if none."""
    folded = fold(text)
    bare = _PUNCT.sub(" ", folded).strip()
    for i in sorted({i for word in _TOKEN.findall(folded) for i in _STARTING_WITH.get(word, ())}):
        wording, field = _WORDINGS[i]
        # Very short wordings ("tt", "xa") must be the whole header, not a word inside it.
        if bare == wording if len(wording) <= 3 else wording in folded and _has_words(folded, wording):
            return field, len(wording)
    return None, 0


def _has_words(text: str, wording: str) -> bool:
    """True when the wording is in the text with no letter or digit right before or after it."""
    start = text.find(wording)
    while start >= 0:
        end = start + len(wording)
        if (start == 0 or text[start - 1] not in _ALNUM) and (end == len(text) or text[end] not in _ALNUM):
            return True
        start = text.find(wording, start + 1)
    return False


Cleaned = tuple[dict[int, dict[int, str]], list[tuple[int, int, int, int, str]]]  # texts by row, merges with text


def _cleaned(grid: Grid, height: int) -> Cleaned:
    """The cleaned texts of the first height rows by column, and the merged ranges starting there with their text."""
    rows = {r: {c: text for c, value in enumerate(grid.rows[r]) if value is not None and (text := clean(value))}
            for r in range(min(height, grid.height))}
    merges = [(r1, c1, r2, c2, text) for r1, c1, r2, c2 in grid.merges
              if r1 < height and (text := clean(grid.value(r1, c1)))]
    return rows, merges


def _filled(grid: Grid, rows: range, cleaned: Cleaned | None = None) -> dict[tuple[int, int], str]:
    """Header cell texts with merged ranges spread over every cell they cover (cleaned: `_cleaned` of enough rows)."""
    if cleaned is None or rows[-1] not in cleaned[0]:
        cleaned = _cleaned(grid, rows[-1] + 1)
    texts, merges = cleaned
    cells: dict[tuple[int, int], str] = {(r, c): text for r in rows for c, text in texts.get(r, {}).items()}
    for r1, c1, r2, c2, text in merges:
        if r1 not in rows:
            continue
        for r in range(r1, min(r2, rows[-1]) + 1):
            for c in range(c1, c2 + 1):
                cells[(r, c)] = text
    return cells


def _map(grid: Grid, rows: range, cleaned: Cleaned | None = None) -> tuple[dict[str, int], dict[int, str], int]:
    top = rows[0]
    filled = tuple(((r - top, c), text) for (r, c), text in _filled(grid, rows, cleaned).items())
    columns, texts, score = _mapped(filled, grid.width, len(rows))
    return dict(columns), dict(texts), score


@lru_cache(maxsize=512)  # the communes of a merge share their header rows (kept: used by every commune)
def _mapped(filled: tuple[tuple[tuple[int, int], str], ...], width: int,
            height: int) -> tuple[dict[str, int], dict[int, str], int]:
    """The field of each column of a header from its filled cells (rows counted from the header's first)."""
    cells = dict(filled)
    columns: dict[str, int] = {}
    texts: dict[int, str] = {}
    score = 0
    for c in range(width):
        parts = list(dict.fromkeys(cells[(r, c)] for r in range(height) if (r, c) in cells))
        if not parts:
            continue
        field, size = match_field(parts[-1])
        if len(parts) > 1:  # the sub-header alone, else with the headers above it
            joined = match_field(" ".join(parts))
            if joined[1] > size:
                field, size = joined
        if field and field not in columns:
            columns[field] = c
            texts[c] = " / ".join(parts)
            score += 1
        elif field == "appraised_points" and _is_final(parts) and not _is_final(texts[columns[field]].split(" / ")):
            del texts[columns[field]]  # 'Điểm thẩm định' then 'Điểm phúc tra': the re-check's score stands
            columns[field] = c
            texts[c] = " / ".join(parts)
    if "lead" not in columns and "partners" in columns and not _names_partners(texts[columns["partners"]]):
        columns["lead"] = columns.pop("partners")
    return columns, texts, score


def _is_final(parts: list[str]) -> bool:
    """An appraised-points header naming the score that stands after a re-check ('Điểm phúc tra')."""
    return any(word in fold(part) for part in parts for word in _FINAL_WORDS)


def _names_partners(text: str) -> bool:
    """'Đơn vị (bộ phận, người) thực hiện' is the partners beside a lead column ('Đơn vị theo dõi, hướng dẫn
    thực hiện'), but the lead when it is the only agency column; 'phối hợp', 'liên quan' always name partners."""
    folded = fold(text)
    return "phoi hop" in folded or "lien quan" in folded


def _two_row_plausible(grid: Grid, r: int, cleaned: Cleaned) -> bool:
    if any(r1 == r and (r2 > r1 or c2 > c1) for r1, c1, r2, c2 in grid.merges):
        return True
    sub_hits = sum(1 for text in cleaned[0].get(r + 1, {}).values() if match_field(text)[0])
    return sub_hits >= 2


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    """The words (as match_field counts them) of a header text."""
    return frozenset(_TOKEN.findall(fold(text)))


def _may_head(words: frozenset[str]) -> bool:
    """Whether texts with these words can name a title and two more fields, as a header must.

    A wording (alone or across a sub-header joined to its parent) is found only where all its words
    are; rows that cannot pass are skipped before their columns are mapped (most scan rows are data).
    """
    fields = set()
    for word in words & _FIRST_WORDS:
        for i in _STARTING_WITH[word]:
            if _WORDS_OF[i] <= words:
                fields.add(_WORDINGS[i][1])
    return "title" in fields and len(fields) >= 3


def find_header(grid: Grid) -> Header | None:
    """The best header in the first 30 rows, or None when no row looks like a PHỤ LỤC header."""
    best: tuple[tuple[int, int], Header] | None = None
    cleaned = _cleaned(grid, SCAN_ROWS + 2)  # once: every row is looked at alone and with the next one or two
    # The words of each row's own texts (a merged range's text is its first cell's).
    words = {r: frozenset().union(*map(_words, texts.values())) for r, texts in cleaned[0].items()}
    nothing: frozenset[str] = frozenset()
    for r in range(min(SCAN_ROWS, grid.height)):
        spans = []
        # One row: each column's field is its text's (a merged range's text is its first cell's).
        named = {match_field(text)[0] for text in cleaned[0].get(r, {}).values()}
        if "title" in named and len(named - {None}) >= 3:
            spans.append(range(r, r + 1))
        pair = words.get(r, nothing) | words.get(r + 1, nothing)
        if (r + 1 < grid.height and _may_head(pair | words.get(r + 2, nothing))
                and _two_row_plausible(grid, r, cleaned)):
            if _may_head(pair):
                spans.append(range(r, r + 2))
            # "Kết quả năm 2025" over "Điểm" over "Tối đa | Đạt | Bị trừ": three rows
            if r + 2 < grid.height and _two_row_plausible(grid, r + 1, cleaned):
                spans.append(range(r, r + 3))
        for rows in spans:
            columns, texts, score = _map(grid, rows, cleaned)
            if "title" not in columns or score < 3:
                continue
            # Ties go to the earlier, shorter header (a title line is not part of it).
            rank = (score, -len(rows))
            if best is None or rank > best[0]:
                best = (rank, Header(tuple(rows), columns, texts))
    return _progress_columns(grid, best[1], cleaned) if best else None


def _progress_columns(grid: Grid, header: Header, cleaned: Cleaned | None = None) -> Header:
    """'Tiến độ' heads the deadline in some plans and the status in plans being followed up; 'Ngày hoàn
    thành' a completion date beside a deadline column, else the deadline itself. Decided from the table:
    beside another deadline column 'Tiến độ' is the status; alone, it is the status when its cells read
    as statuses ('Đã hoàn thành', '80%') more often than as deadlines ('Quý II')."""
    columns, texts = dict(header.columns), dict(header.texts)
    rows = range(header.rows[0], header.rows[-1] + 1)
    cells = _filled(grid, rows, cleaned)
    written = {c: " / ".join(dict.fromkeys(cells[(r, c)] for r in rows if (r, c) in cells)) for c in range(grid.width)}
    progress = [c for c in written if _PUNCT.sub(" ", fold(written[c].split(" / ")[-1])).strip() == "tien do"]
    placed = set(columns.values())
    others = [c for c in written if c not in placed and c not in progress and match_field(written[c])[0] == "deadline"]
    deadline = columns.get("deadline")
    status = None
    if deadline in progress and others:
        columns["deadline"], status = others[0], deadline
    elif deadline is not None and deadline not in progress:
        status = next((c for c in progress if c not in placed), None)
    elif deadline in progress and "status" not in columns and _reads_as_status(grid, header, deadline):
        del columns["deadline"]
        status = deadline
    if status is not None and "status" not in columns:
        columns["status"] = status
    if "completed" in columns and "deadline" not in columns:
        columns["deadline"] = columns.pop("completed")
    rows = _tick_columns(grid, header.rows, columns)
    if rows != header.rows:
        cells = _filled(grid, range(rows[0], rows[-1] + 1), cleaned)
        written = {c: " / ".join(dict.fromkeys(cells[(r, c)] for r in rows if (r, c) in cells)) for c in written}
    for c in columns.values():
        texts.setdefault(c, written[c])
    for c in (columns[f] for f in TICK_FIELDS.values() if f in columns):
        texts[c] = written[c]
    return Header(rows, columns, {c: texts[c] for c in columns.values()})


def _tick_columns(grid: Grid, rows: tuple[int, ...], columns: dict[str, int]) -> tuple[int, ...]:
    """'Kết quả thực hiện' over sub-columns 'Hoàn thành' | 'Đang thực hiện' | 'Chưa thực hiện' that the officer
    ticks with an x: a field per state (pyxl.core.progress.TICK_FIELDS) in place of one status column.
    Returns the header rows, with the sub-columns' row when the header found stopped above it."""
    status = columns.get("status")
    if status is None:
        return rows
    top, last = next(((r1, c2) for r1, c1, r2, c2 in grid.merges if c1 == status and r1 in rows and c2 > c1),
                     (None, status))
    top = rows[0] if top is None else top
    below = next((r for r in range(top + 1, top + 3) if any(clean(grid.value(r, c)) for c in range(status, last + 1))),
                 top + 1)
    if "title" in columns and clean(grid.value(below, columns["title"])):
        return rows  # a data row: an item's title, not a row of sub-headers
    if last == status:  # not merged (a CSV, a live book without merge information): the blanks beside it
        while last + 1 < grid.width and not clean(grid.value(top, last + 1)) and clean(grid.value(below, last + 1)):
            last += 1
    ticks: dict[str, int] = {}
    for c in range(status, last + 1):
        words = clean(grid.value(below, c))
        state = status_state(words) if len(words) >= 4 and fold(words) not in TICKS else None
        if state in TICK_FIELDS:
            ticks.setdefault(TICK_FIELDS[state], c)
    if len(ticks) < 2:
        return rows
    del columns["status"]
    columns.update(ticks)
    return tuple(range(rows[0], max(rows[-1], below) + 1))


def _reads_as_status(grid: Grid, header: Header, col: int) -> bool:
    statuses = deadlines = 0
    for r in range(header.last_row + 1, min(grid.height, header.last_row + 1 + _STATUS_SAMPLE)):
        value = grid.value(r, col)
        if not clean(value):
            continue
        kind = parse_deadline(value, 2000).kind
        if kind not in UNDATED_KINDS:
            deadlines += 1
        elif status_state(value) is not None:
            statuses += 1
    return statuses > deadlines


def header_year(header: Header) -> int | None:
    """A year written in the appraised-points header ('Điểm thẩm định 2018'), if any."""
    column = header.columns.get("appraised_points")
    match = re.search(_YEAR, header.texts.get(column, "")) if column is not None else None
    return int(match.group()) if match else None
