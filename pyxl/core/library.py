"""The remediation library ('Giải pháp mẫu'): for each criterion topic, what a plan usually proposes.

The built-in library is pyxl/data/giai_phap_mau.csv: UTF-8 with BOM (Excel opens it with its
Vietnamese intact), one row per criterion topic, multi-line cells, the Vietnamese headers of COLUMNS.
An officer or a Phòng Nội vụ extends it in Excel: a workbook's own 'Giải pháp mẫu' sheet with the
same columns adds entries, and a row whose Mã is a built-in entry's replaces only that entry's
non-empty cells (so one cell, say the lead of a post-2025 commune, can be changed for a province).
'Dùng' = 'Không' switches an entry off. In any text, {năm}, {năm trước} and {năm sau} become the
plan year, the year before and the year after.

`Library.suggest` turns an item's title into a `Suggestion` at the unit's level and era: the value
the check, the Excel marks and the plan use.
"""
from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Iterable, Sequence

from pyxl.core import stored
from pyxl.core.agencies import COMMUNE, DISTRICT
from pyxl.core.errors import ParbookError
from pyxl.core.levels import NEW, UnitKind
from pyxl.core.record import Record
from pyxl.core.text import clean, fold
from pyxl.core.topics import Derived, Topic, TopicIndex, derive, field_of

LIBRARY_SHEET = "Giải pháp mẫu"
BUILTIN = "thư viện parbook"
COMMUNE_OLD, COMMUNE_NEW = "commune_old", "commune_new"
OWNER_KINDS = (COMMUNE_OLD, COMMUNE_NEW, DISTRICT)
OWNER_KIND_NAMES = {COMMUNE_OLD: "xã, trước 7/2025", COMMUNE_NEW: "xã, từ 7/2025", DISTRICT: "huyện"}
# (attribute, header) in the order of the CSV and of the sheet.
COLUMNS = (
    ("id", "Mã"), ("field", "Lĩnh vực"), ("topic", "Chủ đề"), ("keys", "Từ khóa nhận biết"),
    ("target", "Mục tiêu"), ("causes", "Nguyên nhân thường gặp"), ("tasks", "Nhiệm vụ, giải pháp"),
    *((f"{role}_{kind}", f"{word} ({OWNER_KIND_NAMES[kind]})")
      for kind in OWNER_KINDS for role, word in (("lead", "Chủ trì"), ("partners", "Phối hợp"))),
    ("deadline", "Thời gian"), ("basis", "Căn cứ"), ("basis_until", "Căn cứ dùng đến năm"), ("active", "Dùng"),
)
HEADERS = tuple(header for _, header in COLUMNS)
_BY_HEADER = {fold(header): name for name, header in COLUMNS}
_HEADER_ROWS = 10
_BULLETS = "-–•*"  # a task typed as a list item starts with some
# Compiled on first use (re keeps them): only a text with a placeholder, a basis citing a document needs them.
_PLACEHOLDER = r"\{([^{}]*)\}"
_MADE_LIMIT = 4096  # suggestions a library keeps ready (a long session asks for many titles)
# The year of a cited document: in its number ('61/2018/NĐ-CP') or its date ('ngày 15/7/2021').
_ISSUED = r"\d+/((?:19|20)\d{2})/|ngày\s*\d{1,2}/\d{1,2}/((?:19|20)\d{2})"
_YES, _NO = {"", "co", "x", "1", "dung", "yes"}, {"khong", "0", "no", "tat"}
_DERIVING = ("library.py", "topics.py", "text.py")  # the code that turns the CSV into entries and index data


class Suggestion(Record):
    """What the library proposes for one item, ready to print: years filled in, owners at the unit's level.

    entry_id     the library entry ('tthc-dung-han'), named in notes and reports so it can be looked up
    topic        the entry's Chủ đề ('Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn')
    field        its lĩnh vực, spelled as in the library
    confidence   0…1: how surely the item's title means this topic (never below topics.MIN_CONFIDENCE)
    target       Mục tiêu, one sentence ('100% hồ sơ TTHC tiếp nhận trong năm 2025 được giải quyết đúng hạn…')
    causes       the usual causes (Nguyên nhân thường gặp), to help word a 'Tồn tại, hạn chế'
    tasks        2–4 tasks, each one sentence without a bullet
    lead         the usual lead at the unit's level and era, catalogue names (may be empty)
    partners     the usual partners, catalogue names (may be empty)
    deadline     'Quý II/2025', 'Thường xuyên', 'Quý I/2025 (kế hoạch); Quý IV/2025 (báo cáo)' —
                 inside the plan year; pyxl.core.deadlines.parse_deadline reads it
    legal_basis  a document to cite, or None: only documents the seeds or refs name, and only for plan
                 years they still apply to
    source       BUILTIN, or "sheet 'Giải pháp mẫu' dòng 7" for the workbook's own entry
    owner_kind   the owners' column used: commune_old · commune_new · district
    year         the plan year its {năm} placeholders were filled with (None: not known)
    """

    FIELDS = ("entry_id", "topic", "field", "confidence", "target", "causes", "tasks", "lead", "partners", "deadline",
              "legal_basis", "source", "owner_kind", "year")
    entry_id: str
    topic: str
    field: str
    confidence: float
    target: str
    causes: tuple[str, ...]
    tasks: tuple[str, ...]
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: str
    legal_basis: str | None
    source: str
    owner_kind: str
    year: int | None

    def __init__(self, entry_id: str, topic: str, field: str, confidence: float, target: str, causes: tuple[str, ...],
                 tasks: tuple[str, ...], lead: tuple[str, ...], partners: tuple[str, ...], deadline: str,
                 legal_basis: str | None, source: str, owner_kind: str, year: int | None = None) -> None:
        self.__dict__.update(entry_id=entry_id, topic=topic, field=field, confidence=confidence, target=target,
                             causes=causes, tasks=tasks, lead=lead, partners=partners, deadline=deadline,
                             legal_basis=legal_basis, source=source, owner_kind=owner_kind, year=year)

    def solution_text(self) -> str:
        """The tasks as an officer types them into a 'Giải pháp' cell: one '- ' line each."""
        return "\n".join(f"- {task}" for task in self.tasks)

    def label(self) -> str:
        """'mẫu «tthc-dung-han» (Tỷ lệ hồ sơ …), độ tin cậy 86%'."""
        return f"mẫu «{self.entry_id}» ({self.topic}), độ tin cậy {round(self.confidence * 100)}%"

    def text(self, code: str = "MISSING_SOLUTION") -> str | None:
        """What a finding of this code proposes, as text; None when the entry has nothing for it."""
        owners = _owners_line(self.lead, self.partners)
        if code == "MISSING_LEAD":
            parts = [owners] if self.lead else []
        elif code == "MISSING_DEADLINE":
            parts = [f"Thời gian: {self.deadline}"] if self.deadline else []
        else:
            parts = [f"Mục tiêu: {self.target}" if self.target else "",
                     "Nhiệm vụ, giải pháp:\n" + self.solution_text() if self.tasks else "",
                     owners, f"Thời gian: {self.deadline}" if self.deadline else "",
                     f"Căn cứ: {self.legal_basis}" if self.legal_basis else ""]
        parts = [p for p in parts if p]
        return "\n".join([f"Theo {self.label()}:", *parts]) if parts else None


def _owners_line(lead: tuple[str, ...], partners: tuple[str, ...]) -> str:
    if not lead:
        return ""
    return f"Chủ trì: {'; '.join(lead)}" + (f"; phối hợp: {'; '.join(partners)}" if partners else "")


def owner_kind(unit: UnitKind) -> str:
    """Which owners' column fits a unit: a district, else a commune of its era (an unknown level counts as a commune)."""
    if unit.level == DISTRICT:
        return DISTRICT
    return COMMUNE_NEW if unit.era == NEW else COMMUNE_OLD


class Entry(Record):
    """One row of the library, parsed; `cells` keeps the raw texts so a sheet row can override some of them."""

    FIELDS = ("id", "field", "topic", "keys", "target", "causes", "tasks", "lead", "partners", "deadline", "basis",
              "basis_until", "active", "source", "cells")
    HIDDEN = frozenset({"cells"})
    id: str
    field: str
    topic: str
    keys: tuple[str, ...]
    target: str
    causes: tuple[str, ...]
    tasks: tuple[str, ...]
    lead: dict[str, tuple[str, ...]]  # owner kind → agency names
    partners: dict[str, tuple[str, ...]]
    deadline: str
    basis: str
    basis_until: int | None
    active: bool
    source: str
    cells: dict[str, str]

    def __init__(self, id: str, field: str, topic: str, keys: tuple[str, ...], target: str,
                 causes: tuple[str, ...], tasks: tuple[str, ...], lead: dict[str, tuple[str, ...]],
                 partners: dict[str, tuple[str, ...]], deadline: str, basis: str, basis_until: int | None,
                 active: bool, source: str = BUILTIN, cells: dict[str, str] | None = None) -> None:
        self.__dict__.update(id=id, field=field, topic=topic, keys=keys, target=target, causes=causes, tasks=tasks,
                             lead=lead, partners=partners, deadline=deadline, basis=basis, basis_until=basis_until,
                             active=active, source=source, cells={} if cells is None else cells)

    def suggestion(self, unit: UnitKind, year: int, confidence: float) -> Suggestion:
        """This entry's proposal for a unit and plan year."""
        kind = owner_kind(unit)
        basis = self.basis if self.basis_applies(year) else None
        return Suggestion(
            self.id, self.topic, self.field, confidence, fill_years(self.target, year),
            tuple(fill_years(c, year) for c in self.causes), tuple(fill_years(t, year) for t in self.tasks),
            self.lead.get(kind, ()), self.partners.get(kind, ()), fill_years(self.deadline, year), basis,
            self.source, kind, year,
        )


    def basis_applies(self, year: int) -> bool:
        """True when the legal basis may be cited in a plan for `year`: not before the cited documents were
        issued (the years in their numbers and dates), not after 'Căn cứ dùng đến năm'."""
        if not self.basis:
            return False
        issued = max((int(a or b) for a, b in re.findall(_ISSUED, self.basis)), default=0) if "/" in self.basis else 0
        return issued <= year and (self.basis_until is None or year <= self.basis_until)


def fill_years(text: str, year: int) -> str:
    """'Quý II/{năm}' → 'Quý II/2025'; {năm trước} and {năm sau} are the years around it."""
    offsets = {"nam": 0, "nam truoc": -1, "nam sau": 1}

    def year_of(match: re.Match[str]) -> str:
        offset = offsets.get(fold(match.group(1)))
        return match.group(0) if offset is None else str(year + offset)

    return re.sub(_PLACEHOLDER, year_of, text) if "{" in text else text


def _lines(text: str, bullets: bool = True) -> tuple[str, ...]:
    lines = (_unbulleted(line).strip() if bullets else line for line in clean(text).split("\n"))
    return tuple(line for line in lines if line)


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip(" .,") for name in clean(text).replace("\n", ";").split(";") if name.strip(" .,"))


def _unbulleted(line: str) -> str:
    r"""The line without the bullets it starts with and the spaces after them (r"^[-–•*]+\s*")."""
    rest = line.lstrip(_BULLETS)
    return rest.lstrip() if rest != line else line


def _builtin_topics(library: Library, source: bytes, depends: str) -> dict[Topic, Derived]:
    """Each built-in topic's index data: as stored beside the library, else worked out again."""
    topics = library.topics()
    kept = stored.load("library-topics", source, depends)
    if isinstance(kept, tuple) and len(kept) == len(topics):
        return dict(zip(topics, kept))
    return {topic: derive(topic) for topic in topics}


class _RowError(ParbookError):
    pass


def _entry(cells: dict[str, str], source: str, where: str) -> Entry:
    """An Entry from a row's cells; where ('Sheet …, dòng 7') goes into the messages."""
    until_text = clean(cells.get("basis_until")).removesuffix(".0")
    if until_text and not (until_text.isdigit() and len(until_text) == 4):
        raise _RowError(f"{where}: ô 'Căn cứ dùng đến năm' ghi '{until_text}', cần một năm như 2025 (hoặc để trống).")
    use = fold(clean(cells.get("active")))
    if use not in _YES | _NO:
        raise _RowError(f"{where}: ô 'Dùng' ghi '{cells.get('active')}', cần 'Có' hoặc 'Không' (để trống là 'Có').")
    return Entry(
        id=clean(cells.get("id")), field=clean(cells.get("field")), topic=clean(cells.get("topic")).replace("\n", " "),
        keys=_lines(cells.get("keys", ""), bullets=False), target=clean(cells.get("target")).replace("\n", " "),
        causes=_lines(cells.get("causes", "")), tasks=_lines(cells.get("tasks", "")),
        lead={k: _names(cells.get(f"lead_{k}", "")) for k in OWNER_KINDS},
        partners={k: _names(cells.get(f"partners_{k}", "")) for k in OWNER_KINDS},
        deadline=clean(cells.get("deadline")).replace("\n", " "), basis=clean(cells.get("basis")).replace("\n", " "),
        basis_until=int(until_text) if until_text else None, active=use in _YES, source=source, cells=dict(cells),
    )


def rows_cells(rows: Sequence[Sequence[object]]) -> list[tuple[int, dict[str, str]]]:
    """(1-based row, cells by attribute) of every filled row under the library header; [] without a header."""
    for r, row in enumerate(rows[:_HEADER_ROWS]):
        columns = {c: _BY_HEADER[key] for c, value in enumerate(row) if (key := fold(clean(value))) in _BY_HEADER}
        if "id" in columns.values() and "keys" in columns.values():
            break
    else:
        return []
    found = []
    for offset, values in enumerate(rows[r + 1:], start=r + 2):
        cells = {name: clean(values[c]) if c < len(values) else "" for c, name in columns.items()}
        if any(cells.values()):
            found.append((offset, cells))
    return found


class Library:
    """The entries, indexed for matching titles."""

    def __init__(self, entries: Iterable[Entry], known: dict[Topic, Derived] | Callable[[], dict[Topic, Derived]]
                 | None = None, index: TopicIndex | None = None):
        """known: topics whose index data is already worked out (the built-in ones), or what gives them when
        first needed; index: this library's index, when already made."""
        self.entries = tuple(entries)
        self._by_id = {fold(e.id): e for e in self.entries}
        self._known = known or {}
        if index is not None:
            self._index = index
        # Suggestions made, by entry, unit, year and confidence: a merge asks for the same ones in every commune.
        self._made: dict[tuple[str, UnitKind, int, float], Suggestion] = {}

    def topics(self) -> list[Topic]:
        """The active entries as the matcher sees them."""
        return [Topic(e.id, field_of(e.field) or e.field, e.keys, e.topic, " ".join((e.target, *e.causes, *e.tasks)))
                for e in self.entries if e.active]

    def _known_topics(self) -> dict[Topic, Derived]:
        if callable(self._known):
            self._known = self._known()
        return self._known

    @functools.cached_property
    def _index(self) -> TopicIndex:
        """Built on the first match: listing or extending a library needs no index."""
        topics, known = self.topics(), self._known_topics()
        return TopicIndex(topics, [known.get(topic) or derive(topic) for topic in topics])

    @classmethod
    @functools.cache
    def builtin(cls) -> Library:
        """The library shipped in pyxl/data/giai_phap_mau.csv, read once; its entries and index are kept on disk
        between runs (pyxl.core.stored), worked out again when the CSV or the code changes. Each topic's own
        index data, which a library extended by a sheet needs, is kept apart and read only then."""
        source, depends = stored.builtin_source("giai_phap_mau.csv", _DERIVING)
        kept = stored.load("library", source, depends)
        if kept is not None:
            try:
                entries, state = kept
                library = cls(Entry(*values) for values in entries)
                index = TopicIndex(library.topics(), state=state)
                return cls(library.entries, lambda: _builtin_topics(library, source, depends), index)
            except (TypeError, ValueError):  # not what this code stores: work it out again
                pass
        rows = list(csv.reader(io.StringIO(source.decode("utf-8-sig"), newline="")))
        library = cls(_entry(cells, BUILTIN, f"giai_phap_mau.csv, dòng {r}") for r, cells in rows_cells(rows))
        topics = library.topics()
        derived = [derive(topic) for topic in topics]
        index = TopicIndex(topics, derived)
        stored.store("library", source, depends,
                     (tuple(tuple(getattr(e, name) for name in Entry.FIELDS) for e in library.entries), index.state()))
        stored.store("library-topics", source, depends, tuple(derived))
        return cls(library.entries, dict(zip(topics, derived)), index)

    def extended(self, rows: Sequence[Sequence[object]], sheet: str = LIBRARY_SHEET) -> Library:
        """This library with a sheet's rows: new Mã add an entry, a known Mã replaces that entry's filled cells."""
        own = rows_cells(rows)
        if not own:
            return self
        entries = dict(self._by_id)
        for r, cells in own:
            where = f"Sheet '{sheet}', dòng {r}"
            key = fold(cells.get("id", ""))
            if not key:
                raise _RowError(f"{where}: dòng có nội dung nhưng chưa có 'Mã'. Hãy đặt một mã ngắn, ví dụ 'rieng-01'.")
            base = entries.get(key)
            merged = {**(base.cells if base else {}), **{k: v for k, v in cells.items() if v}}
            entry = _entry(merged, f"sheet '{sheet}' dòng {r}", where)
            if entry.active and not entry.keys:
                raise _RowError(f"{where}: mẫu '{entry.id}' chưa có 'Từ khóa nhận biết' nên không nhận ra được tiêu "
                                "chí nào. Hãy ghi ít nhất một cụm từ (mỗi dòng một cụm), hoặc ghi 'Không' ở cột 'Dùng'.")
            entries[key] = entry
        return Library(entries.values(), self._known_topics())

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this Mã, or None."""
        return self._by_id.get(fold(entry_id))

    def match(self, title: str, field: str | None = None) -> tuple[Entry, float] | None:
        """The entry a title means and the confidence, or None below topics.MIN_CONFIDENCE."""
        found = self._index.best(title, field_of(field) if field else None)
        return (self._by_id[fold(found.id)], found.confidence) if found else None

    def suggest(self, title: str, unit: UnitKind, year: int, field: str | None = None) -> Suggestion | None:
        """The library's proposal for an item titled so, at the unit's level and era, for the plan year."""
        found = self.match(title, field)
        if not found:
            return None
        key = (found[0].id, unit, year, found[1])
        made = self._made.get(key)
        if made is None:
            if len(self._made) >= _MADE_LIMIT:
                self._made.clear()
            made = self._made[key] = found[0].suggestion(unit, year, found[1])
        return made
