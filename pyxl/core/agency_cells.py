"""What a 'Cơ quan chủ trì / phối hợp' cell holds besides agency names, and one spelling per office.

Officers write more than names in these cells: an evidence note ("Tài liệu kiểm chứng: Báo cáo số
665/BC-UBND…"), a document reference, the communes of a district one by one ("UBND xã Vĩnh Khê, TT
Cửa Tùng, Vĩnh Long…"), a phrase meaning everyone concerned ("Cơ quan, đơn vị"). Only offices become
agencies a plan is arranged by; the rest stays text.
"""
from __future__ import annotations

import re
from collections import namedtuple

from pyxl.core.agencies import GENERIC, Catalogue, agency_key, normalize_name, split_agencies
from pyxl.core.text import clean, fold, is_upper_title, words_at

# Patterns kept as text are compiled on first use (re keeps them), behind a test that a match needs: few
# cells hold an evidence note or a document number. The rest is read with string operations.
_EVIDENCE = r"(?i)(?:tài\s+liệu\s+(?:kiểm|minh)\s+chứng|minh\s+chứng|TLKC)\s*[:：-]?\s*"
_EVIDENCE_WORDS = ("chứng", "tlkc")  # a note's label has one (the text in lower case)
_DOCUMENT_TYPES = (
    "bao cao", "quyet dinh", "ke hoach", "cong van", "van ban", "thong bao", "nghi quyet", "to trinh",
    "chi thi", "huong dan", "thong tu", "nghi dinh", "bien ban", "theo ke hoach", "theo quyet dinh",
    "theo van ban", "theo cong van", "kem theo",
)
_DOCUMENT_NUMBER = r"(?i)\d+\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ]{1,6}\s*-"  # "665/BC-", "12/2024/QĐ-"
# The words of a place's type, as typed, one after another with spaces between.
_PLACE_TYPES = tuple(tuple(words.split()) for words in (
    "xã", "phường", "thị trấn", "TT", "thôn", "bản", "làng", "ấp", "buôn", "plei", "khu phố", "KP", "tổ dân phố",
    "TDP", "khối"))
_PLACE_NAMES = {"tt": "thị trấn", "kp": "khu phố", "tdp": "tổ dân phố"}
_MAX_PLACE_WORDS = 4
# Words that start the name of an office ("Phòng …", "Ban …", "Công an …"), folded.
_OFFICE_START = (
    "phong", "van phong", "vp", "ban", "trung tam", "tt", "so", "ubnd", "hdnd", "uy ban", "hoi dong", "cong an",
    "quan su", "chi huy", "hoi", "doan", "mat tran", "mttq", "chi cuc", "cuc", "kho bac", "thanh tra", "bo phan",
    "cong chuc", "doi", "truong", "tram", "benh vien", "ngan hang", "hat", "dai", "lien doan", "chi nhanh", "vien",
    "cong ty", "bql", "buu dien", "dien luc", "dang uy", "chi bo", "huyen uy", "thuong truc", "lanh dao", "chu tich",
    "pho chu tich", "viettel", "vnpt", "to",
)
# A phrase meaning "whoever is concerned": no office of its own. It starts ("các" first allowed) with one of:
_GENERIC_HEADS = ("co quan", "don vi", "phong ban", "phong, ban", "ban nganh", "ban, nganh", "nganh",
                  "phong chuyen mon", "so, ban, nganh", "so, nganh", "to chuc", "ca nhan")
_TAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")
_GENERIC_TAIL = frozenset(
    "cac co quan don vi phong ban nganh chuyen mon lien quan co tthc thuoc ubnd xa huyen tinh thi tran "
    "phuong uy tren dia va to chuc ca nhan thuc hien giai quyet tham gia".split()
)


# Named tuples, not dataclasses, for small values defined at every start: a tenth of the cost to define.
class AgencyCell(namedtuple("AgencyCell", ("names", "offices", "evidence", "unknown"), defaults=((), (), None, ()))):
    """An agency cell read: names as written, the offices they mean, and the text that is no agency.

    names    tuple[str, ...]: responsible parties as written (place lists kept with their body)
    offices  tuple[str, ...]: one spelling per office or named group; no generic phrase, no bare place
    evidence str | None: evidence notes and document references found in the cell
    unknown  tuple[str, ...]: names as written that look like an office the catalogue does not know
    """

    __slots__ = ()


def _starts_office(folded: str) -> bool:
    """True when a folded name starts with an office word, as a whole word (no pattern: a long one costs more
    to compile than this takes)."""
    for word in _OFFICE_START:
        after = folded[len(word):len(word) + 1]
        if folded.startswith(word) and not (after.isalnum() or after == "_"):  # what \b means after a letter
            return True
    return False


def is_document(name: str) -> bool:
    """A document reference ("Báo cáo số 665/BC-UBND", "Theo Kế hoạch số 12/KH-UBND"), not an agency."""
    folded = fold(name)
    return folded.startswith(_DOCUMENT_TYPES) or ("/" in name and "-" in name and
                                                   re.search(_DOCUMENT_NUMBER, name) is not None)


def is_place(name: str) -> bool:
    """A bare place name ("Vĩnh Long", "TT Cửa Tùng", "thôn 3"): capitalised words and no office."""
    text = clean(name)
    place = _place_name(text)
    if place is None or _starts_office(fold(place)):
        return False
    words = place.split()
    typed = place != text
    if any(w.isupper() and len(w) > 1 for w in words):
        return False  # an abbreviation ("TT PVHCC"), not a place
    return all(w[:1].isupper() or (typed and w.isdigit()) for w in words)


def is_generic(name: str) -> bool:
    """A phrase naming no office: "Cơ quan, đơn vị", "Các phòng ban, đơn vị liên quan", "Cơ quan có TTHC"."""
    folded = fold(name)
    end = _generic_head_end(folded)
    if end < 0:
        return False
    tail = "".join(ch if ch in _TAIL_CHARS else " " for ch in folded[end:]).split()
    return all(word in _GENERIC_TAIL for word in tail)


def _generic_head_end(folded: str) -> int:
    r"""Where a generic head ends in a folded name ('cac co quan' in 'cac co quan, don vi'), else -1: what
    r'^(?:cac\s+)?(?:co quan|…|ca nhan)(?=$|[ ,/&])' matches."""
    after_cac = words_at(folded, 0, ("cac", ""))
    for start in ([after_cac] if after_cac > 0 else []) + [0]:
        for head in _GENERIC_HEADS:
            end = start + len(head)
            if folded.startswith(head, start) and (end == len(folded) or folded[end] in " ,/&"):
                return end
    return -1


def looks_like_office(name: str) -> bool:
    """A single office by its wording ("Phòng …", "Ban …", "Công an …"), not a group ("Các …") or a place."""
    folded = fold(name)
    return not folded.startswith("cac ") and _starts_office(folded) and not is_place(name)


class AgencyReader:
    """Reads the agency cells of one table; variants of one unknown name get the first spelling seen."""

    def __init__(self, catalogue: Catalogue, level: str | None):
        self.catalogue, self.level = catalogue, level
        self._cells: dict[str, AgencyCell] = {}
        self._spellings: dict[tuple[str, str | None], str] = {}

    def learn(self, texts) -> None:
        """See every cell of the table first, so that the spelling chosen for a name is the same in all."""
        for text in dict.fromkeys(t for t in texts if t):  # in sheet order: the choice is repeatable
            for name in split_agencies(_split_evidence(clean(text))[0], self.catalogue):
                if not self.catalogue.is_known(name, self.level):
                    self._learn(name)

    def read(self, text: str | None) -> AgencyCell:
        """The cell's names, offices, evidence and unknown office names."""
        key = text or ""
        if key not in self._cells:
            self._cells[key] = self._read(key)
        return self._cells[key]

    def _read(self, text: str) -> AgencyCell:
        rest, evidence = _split_evidence(clean(text))
        names: list[str] = []
        places: list[list[str]] = []  # per name, the bare places written after it
        for name in split_agencies(rest, self.catalogue):
            if is_document(name):
                evidence.append(name)
            elif is_place(name) and names and (places[-1] or _place_body(names[-1])):
                places[-1].append(name)
            else:
                names.append(name)
                places.append([])
        offices: list[str] = []
        unknown: list[str] = []
        for name, more in zip(names, places):
            office = self._office(name, more)
            if office and office not in offices:
                offices.append(office)
            if office and not more and not self.catalogue.is_known(name, self.level) and looks_like_office(name) \
                    and not _place_body(name):
                unknown.append(name)
        written = tuple(", ".join([name, *more]) for name, more in zip(names, places))
        return AgencyCell(written, tuple(offices), "\n".join(evidence) or None, tuple(unknown))

    def _office(self, name: str, places: list[str]) -> str | None:
        if places:  # "UBND xã Vĩnh Khê, TT Cửa Tùng, Vĩnh Long": the body of several places
            body = _place_body(name)
            head = body[0] if body else name
            kind = _PLACE_NAMES.get(body[1].casefold(), body[1]) if body else "xã"
            if fold(head) == "ubnd":
                kind = "xã"  # the People's Committees of communes and towns: the catalogue's group
            return self.catalogue.canonical(f"{head} các {kind}", self.level)
        if is_place(name) or self.catalogue.kind(name, self.level) == GENERIC or \
                (not self.catalogue.is_known(name, self.level) and is_generic(name)):
            return None
        if self.catalogue.is_known(name, self.level):
            return self.catalogue.canonical(name, self.level)
        return self._spelling(name)

    def _learn(self, name: str) -> None:
        """Keep one spelling per unknown name: the first typed in lower case, else the first seen."""
        slot = self._slot(name)
        spelled = normalize_name(name)
        known = self._spellings.get(slot)
        if known is None or (is_upper_title(known) and not is_upper_title(spelled)):
            self._spellings[slot] = spelled

    def _spelling(self, name: str) -> str:
        """The spelling kept for the variants of an unknown name (case, dashes, '&', a level word at the end)."""
        if self._slot(name) not in self._spellings:
            self._learn(name)
        return self._spellings[self._slot(name)]

    def _slot(self, name: str) -> tuple[str, str | None]:
        key, hint = agency_key(name)
        return key, hint or self.level


def _place_name(text: str) -> str | None:
    r"""The place a cleaned text names ('Vĩnh Long', 'Cửa Tùng' of 'TT Cửa Tùng'): one to four words after an
    optional type, else None (what r'^(?:TYPE\s+)?(?P<name>\S+(?:\s+\S+){0,3})$' matches, as group 'name')."""
    for words in _PLACE_TYPES:
        end = words_at(text, 0, words)
        if end < 0:
            continue
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
        if start > end and 1 <= len(text[start:].split()) <= _MAX_PLACE_WORDS:
            return text[start:]
    return text if text and not text[0].isspace() and 1 <= len(text.split()) <= _MAX_PLACE_WORDS else None


def _place_body(name: str) -> tuple[str, str] | None:
    r"""(head, type) of a body of one named place ('UBND', 'xã' of 'UBND xã Vĩnh Khê'), else None: what
    r'^(?P<head>.*?\S)\s+(?P<type>TYPE)\s+(?P<name>\S+(?:\s+\S+){0,3})$' matches, the shortest head first."""
    text = clean(name)
    for start in range(1, len(text)):
        if not (text[start - 1].isspace() and not text[start].isspace()):
            continue  # a type starts a word, after a space
        head = text[:start].rstrip()
        if not head or "\n" in head:
            continue  # the head is on one line ('.' stops at a line break)
        for words in _PLACE_TYPES:
            end = words_at(text, start, words)
            if end < 0:
                continue
            place = end
            while place < len(text) and text[place].isspace():
                place += 1
            rest = text[place:]
            if place > end and 1 <= len(rest.split()) <= _MAX_PLACE_WORDS:
                if is_place(f"{text[start:end]} {rest}"):
                    return head, text[start:end]
                return None
    return None


def _split_evidence(text: str) -> tuple[str, list[str]]:
    """(the text without its evidence notes, the notes) — a note runs from its label to the end of its line."""
    kept, notes = [], []
    for line in text.split("\n"):
        low = line.lower()
        match = re.search(_EVIDENCE, line) if any(word in low for word in _EVIDENCE_WORDS) else None
        if match:
            notes.append(line[match.start():].strip())
            line = line[:match.start()]
        kept.append(line)
    return "\n".join(kept), notes

