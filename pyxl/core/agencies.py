"""Agency names in 'Cơ quan chủ trì/phối hợp' cells: splitting, spelling normalisation, the catalogue.

The built-in catalogue is pyxl/data/agencies.csv, one row per body:
  name     the name lists and outputs use
  level    commune · district · province, or empty for a body or group found at any level
  era      old (before 2025) · 2025 (district names of 3-6/2025) · new (two-level local government
           from 7/2025), or empty when the name spans eras
  aliases  other spellings, separated by "|" (abbreviations, short forms, older wordings)
  kind     empty for one office · group (several bodies that take duties together: "UBND các xã,
           thị trấn") · generic (whoever is concerned: "Các cơ quan, đơn vị liên quan"; no office)
Old and new names both stay valid: plans for earlier index years keep using the old ones.
"""
from __future__ import annotations

import csv
import functools
import io
import re
from collections import namedtuple
from collections.abc import Callable, Iterable

from pyxl.core import stored
from pyxl.core.record import Record
from pyxl.core.text import clean, fold, tone_key, words_at

_DERIVING = ("agencies.py", "text.py")  # the code that turns the CSV into the index
COMMUNE, DISTRICT, PROVINCE = "commune", "district", "province"
LEVELS = (COMMUNE, DISTRICT, PROVINCE)
GROUP, GENERIC = "group", "generic"
KINDS = ("", GROUP, GENERIC)

# --- spelling ---------------------------------------------------------------------------------
# Names are read with string operations where they do what a pattern would; the patterns kept are
# compiled on first use (re keeps them), behind a test that a match needs: most cells need few of them,
# and compiling them all costs more than reading a sheet. A normalised name has single spaces only.
_LONG_FORMS = (  # (what a match needs, of the text and the text in lower case; pattern; replacement)
    (lambda text, low: "ban nh" in low, r"(?i)(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân", "UBND"),
    (lambda text, low: "ng nh" in low, r"(?i)Hội\s+đồng\s+nhân\s+dân", "HĐND"),
    (lambda text, low: "HDND" in text, r"(?<!\w)HDND(?!\w)", "HĐND"),
    # One office, written "HĐND-UBND", "HĐND- UBND", "HĐND&UBND": the dash here is no separator.
    # (Two classes: one mixing ASCII with other characters takes several times longer to compile.)
    (lambda text, low: "HĐND" in text and "UBND" in text, r"(?<!\w)HĐND\s*(?:[-&+/]|[–—]|và)\s*UBND(?!\w)",
     "HĐND và UBND"),
)
_COMPOUND_PARTS = (
    (("LĐ", "TB", "XH"), "Lao động - Thương binh và Xã hội"),
    (("NN", "PTNT"), "Nông nghiệp và Phát triển nông thôn"),
    (("GD", "ĐT"), "Giáo dục và Đào tạo"),
    (("TN", "MT"), "Tài nguyên và Môi trường"),
    (("TC", "KH"), "Tài chính - Kế hoạch"),
    (("TC", "KT"), "Tài chính - Kế toán"),
    (("VH", "TT"), "Văn hóa và Thông tin"),
    (("VH", "XH"), "Văn hóa - Xã hội"),
    (("TP", "HT"), "Tư pháp - Hộ tịch"),
    (("ĐC", "XD"), "Địa chính - Xây dựng"),
    (("VP", "TK"), "Văn phòng - Thống kê"),
)
_SINGLE_PARTS = {
    "VP": "Văn phòng", "XH": "Xã hội", "XD": "Xây dựng", "TTPVHCC": "Trung tâm Phục vụ hành chính công",
}
# Parts may be joined by "-", "–", "&" or nothing ("LĐTB&XH"); a part glued to a further part
# ("VH-TT&DL", another body) is left alone. One pattern finds every compound (no part of one starts
# another, so no two overlap) and its letters name it; the single abbreviations are spelled out after.
# It looks at the text with every dash as "-": a class of ASCII and other characters, here repeated
# for each compound, takes several times longer to compile than the rest of the pattern.
_JOINER = r"\s*[-&]?\s*"
_COMPOUNDS = r"(?<![\w&-])(?:" + "|".join(_JOINER.join(parts) for parts, _ in _COMPOUND_PARTS) + r")(?!\w|[-&]\w)"
_COMPOUND_NAMES = {"".join(parts): expansion for parts, expansion in _COMPOUND_PARTS}
_ONE_DASH = str.maketrans("–—", "--")
_SINGLES = r"(?<!\w)(?:" + "|".join(_SINGLE_PARTS) + r")(?!\w)"
_DASH = r"(?<=\S)\s*[-–—]+\s*(?=\S)"
_DASHES = ("-", "–", "—")
_EDGE = " ,;.:"
# Kept as abbreviations in names; in a cell they also mark the start of a new name after a comma.
_KEPT = frozenset({"UBND", "HĐND", "HDND", "TTHC", "CCHC"})

# --- matching keys ----------------------------------------------------------------------------
_LEVEL_WORDS = {
    "huyện": DISTRICT, "quận": DISTRICT, "thị xã": DISTRICT, "thành phố": DISTRICT, "tp": DISTRICT,
    "tỉnh": PROVINCE, "xã": COMMUNE, "phường": COMMUNE, "thị trấn": COMMUNE, "đặc khu": COMMUNE,
}
_ROLES = (("công", "chức"), ("bộ", "phận"))  # "Công chức …", "Các bộ phận …": the office is what follows
_AND = r"(?i)(?<!\w)và(?!\w)"

# --- splitting --------------------------------------------------------------------------------
_BULLETS = "-–—+•*"
_LABEL = (  # only a chunk with a ':' can start with one
    r"(?i)^(?:(?:các\s+)?công\s+chức|(?:cơ\s+quan\s+)?(?:chủ\s+trì|phối\s+hợp|có\s+liên\s+quan)"
    r"(?:\s*/\s*thực\s+hiện)?|thực\s+hiện)\s*:\s*"
)
# Words that start a name after a comma, as typed (lower case): "…, các cơ quan", "…, phòng Nội vụ".
_NAME_STARTS = (("các",), ("phòng",), ("văn", "phòng"), ("công", "chức"), ("bộ", "phận"), ("trung", "tâm"))
_MAX_MERGED = 4  # pieces a catalogue name may span ("Trung tâm Văn hóa, Thông tin và Thể thao")
Span = tuple[int, int]



def normalize_name(name: str) -> str:
    """One spelling of dashes, '&', spaces and abbreviations: 'VP HĐND&UBND' → 'Văn phòng HĐND và UBND'."""
    text = clean(name).replace("\n", " ")
    for needed, pattern, replacement in _LONG_FORMS:
        if needed(text, text.lower()):
            text = re.sub(pattern, replacement, text)
    text = _spell_compounds(text)
    if any(part in text for part in _SINGLE_PARTS):
        text = re.sub(_SINGLES, lambda match: _SINGLE_PARTS[match.group()], text)
    if "&" in text:  # what r"\s*&\s*" → " và " gives in a text of single spaces
        text = " và ".join(part.strip(" ") for part in text.split("&"))
    if any(dash in text for dash in _DASHES):
        text = re.sub(_DASH, " - ", text)
    text = " ".join(text.split()).strip(_EDGE)
    return text[:1].upper() + text[1:]


def _spell_compounds(text: str) -> str:
    """'Phòng LĐTB&XH', 'TC – KH' with the compounds spelled out; the rest of the text as it was."""
    if not any(all(part in text for part in parts) for parts, _ in _COMPOUND_PARTS):
        return text  # a compound needs every one of its parts
    pieces, done = [], 0
    for match in re.finditer(_COMPOUNDS, text.translate(_ONE_DASH)):  # the same length: its spans are the text's
        letters = "".join(ch for ch in match.group() if ch.isalpha())  # the parts, without their joiners
        pieces += [text[done:match.start()], _COMPOUND_NAMES[letters]]
        done = match.end()
    return "".join(pieces) + text[done:]


def _key(name: str) -> tuple[str, str | None]:
    """Matching key of a normalised name, and the level its last word names ('huyện' → district)."""
    hint = None
    word = _level_word(name)
    if word is not None:
        name, hint = name[:word].rstrip(), _LEVEL_WORDS[name[word:].casefold()]
    name = name[_role_end(name):]
    # "-", ",", "&", "/" and "và" join the same parts in different plans ("Tài nguyên - Môi trường"): each
    # is a space to the key, which keeps the words and not the spaces between them.
    for joiner in "-,&/":
        name = name.replace(joiner, " ")
    if "và" in name.lower():
        name = re.sub(_AND, " ", name)
    return tone_key(name), hint


def _level_word(name: str) -> int | None:
    r"""Where the level word that ends the name starts ('Công an huyện' → 'huyện'; the longest when several
    do), else None: what r'^(.*?\S)\s+(thị xã|…|đặc khu)$', case-blind, matches in a name of one line."""
    found = None
    for word in _LEVEL_WORDS:
        start = len(name) - len(word)
        if start > 0 and (found is None or start < found) and name[start - 1].isspace() \
                and name[start:].lower() == word and name[:start].strip():
            found = start
    return found


def _role_end(name: str) -> int:
    r"""Where the office starts after a leading 'công chức' or 'bộ phận' ('các' before it allowed) and a word
    follows them (what r'^(?:các\s+)?(?:công\s+chức|bộ\s+phận)\s+(?=\S)', case-blind, matches); else 0."""
    after_cac = words_at(name, 0, ("các", ""), lower=True)  # "các" and the spaces after it
    for start in ([after_cac] if after_cac > 0 else []) + [0]:
        for role in _ROLES:
            end = words_at(name, start, role, lower=True)
            if end < 0:
                continue
            gap = end
            while gap < len(name) and name[gap].isspace():
                gap += 1
            if end < gap < len(name):
                return gap
    return 0


def agency_key(name: str) -> tuple[str, str | None]:
    """The key two spellings of one body share (case, tone marks, dashes, '&', abbreviations aside),
    and the level a last word names ('Bưu điện huyện' → district), or None."""
    return _key(normalize_name(name))


# A named tuple, not a dataclass: it is defined at every start, at a tenth of the cost.
class Agency(namedtuple("Agency", ("name", "level", "era", "aliases", "own", "kind"), defaults=((), False, ""))):
    """One body of the catalogue with the other spellings officers use for it.

    level: "" when found at any level; aliases: tuple[str, ...]; own: from the workbook's own list;
    kind: "" (one office), GROUP or GENERIC.
    """

    __slots__ = ()


Candidate = tuple[Agency, str | None]  # the agency and the level named by the matched spelling


def _fits(candidate: Candidate, hint: str | None) -> bool:
    """False when the text names another level ('Công an huyện' is not 'Công an xã')."""
    agency, spelled = candidate
    return hint is None or spelled == hint or (spelled is None and agency.level in (hint, ""))


def _narrow(found: list[Candidate], keep: Callable[[Candidate], bool]) -> list[Candidate]:
    """Only the candidates kept, while several names compete and some are kept."""
    if len({agency.name for agency, _ in found}) <= 1:
        return found
    return [candidate for candidate in found if keep(candidate)] or found


class Catalogue(Record):
    """Known agencies, matched by spelling-insensitive keys."""

    FIELDS = ("agencies",)
    agencies: tuple[Agency, ...]
    _index: dict[str, list[Candidate]]  # worked out from the agencies: no field

    def __init__(self, agencies: tuple[Agency, ...], _index: dict[str, list[Candidate]] | None = None) -> None:
        """_index: the index of exactly these agencies, when already worked out (the built-in one, stored)."""
        index: dict[str, list[Candidate]] = {} if _index is None else _index
        for agency in agencies if _index is None else ():
            for spelling in (agency.name, *agency.aliases):
                key, hint = _key(normalize_name(spelling))
                candidates = index.setdefault(key, [])
                if (agency, hint) not in candidates:
                    candidates.append((agency, hint))
        self.__dict__.update(agencies=agencies, _index=index)

    @classmethod
    @functools.cache
    def builtin(cls) -> Catalogue:
        """The catalogue shipped in pyxl/data/agencies.csv, read once; its index is kept on disk between runs
        (pyxl.core.stored) and worked out again when the CSV or the code changes."""
        source, depends = stored.builtin_source("agencies.csv", _DERIVING)
        kept = stored.load("agencies", source, depends)
        if kept is not None:
            try:
                rows, index = kept
                agencies = tuple(Agency(*row) for row in rows)
                return cls(agencies, {key: [(agencies[i], hint) for i, hint in found] for key, found in index.items()})
            except (TypeError, ValueError, IndexError):  # not what this code stores: work it out again
                pass
        # Read as text files are read: any line ending is a "\n".
        catalogue = cls(_read_csv(source.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")))
        position = {id(agency): i for i, agency in enumerate(catalogue.agencies)}
        stored.store("agencies", source, depends, (
            tuple(tuple(agency) for agency in catalogue.agencies),
            {key: tuple((position[id(agency)], hint) for agency, hint in found)
             for key, found in catalogue._index.items()},
        ))
        return catalogue

    def extended(self, entries: Iterable[tuple[str, Iterable[str]]]) -> Catalogue:
        """This catalogue with a workbook's own (name, aliases) entries, which win over built-ins."""
        own = []
        for name, aliases in entries:
            if one_line(name):
                spellings = tuple(filter(None, map(one_line, aliases)))
                own.append(Agency(one_line(name), "", "", spellings, own=True))
        return Catalogue((*own, *self.agencies))

    def _candidates(self, name: str) -> tuple[list[Candidate], str | None]:
        key, hint = _key(normalize_name(name))
        return [c for c in self._index.get(key, ()) if _fits(c, hint)], hint

    def _resolve(self, name: str, level: str | None) -> Agency | None:
        """The one agency the name means, or None when unknown or still ambiguous."""
        found, hint = self._candidates(name)
        # Several bodies share short names ("Văn phòng", "Tư pháp", "TTPVHCC"): prefer the
        # workbook's own list, then the plan's level, then a spelling naming the same level as
        # the text (no level word: the body whose own name has none, the commune's TTPVHCC).
        found = _narrow(found, lambda c: c[0].own)
        if level:
            found = _narrow(found, lambda c: c[0].level in (level, ""))
        found = _narrow(found, lambda c: c[1] == hint)
        return found[0][0] if len({agency.name for agency, _ in found}) == 1 else None

    def canonical(self, name: str, level: str | None = None) -> str:
        """The catalogue's name for this spelling; the normalised spelling when unknown or ambiguous."""
        agency = self._resolve(name, level)
        return agency.name if agency else normalize_name(name)

    def kind(self, name: str, level: str | None = None) -> str | None:
        """'' for a known office, GROUP or GENERIC for a known group or phrase, None when unknown."""
        agency = self._resolve(name, level)
        return agency.kind if agency else None

    def level_of(self, name: str) -> str | None:
        """The level of the one agency the name means, when it belongs to one ('Phòng Nội vụ': district)."""
        agency = self._resolve(name, None)
        return agency.level or None if agency else None

    def is_known(self, name: str, level: str | None = None) -> bool:
        """True when the name means exactly one catalogue agency at this plan level."""
        return self._resolve(name, level) is not None

    def names(self, level: str | None = None) -> list[str]:
        """Distinct names valid at a level (all when None), the workbook's own first: validation lists."""
        seen: set[str] = set()
        result = []
        for agency in self.agencies:
            key = tone_key(agency.name)
            if key not in seen and (not level or agency.level in (level, "")):
                seen.add(key)
                result.append(agency.name)
        return result


def one_line(value: object) -> str:
    """A cell's text on one line."""
    return clean(value).replace("\n", " ")


def _read_csv(text: str) -> tuple[Agency, ...]:
    agencies = []
    for row in csv.DictReader(io.StringIO(text)):
        name, level = one_line(row["name"]), (row["level"] or "").strip()
        if level and level not in LEVELS:
            raise ValueError(f"agencies.csv: unknown level {level!r} for {name!r}")
        aliases = tuple(filter(None, map(one_line, (row["aliases"] or "").split("|"))))
        kind = (row.get("kind") or "").strip()
        if kind not in KINDS:
            raise ValueError(f"agencies.csv: unknown kind {kind!r} for {name!r}")
        agencies.append(Agency(name, level, (row["era"] or "").strip(), aliases, kind=kind))
    return tuple(agencies)


# Splitting heuristic. ";", line breaks and "- " bullets always separate names. A comma also
# separates lists of names ("Phòng Nội vụ, Phòng Tư pháp") but sits inside many names
# ("Cơ quan, đơn vị liên quan", "UBND các xã, thị trấn"), so it splits only before a word that
# starts a name: a capital letter, an abbreviation such as "ubnd", or a lower-case "các",
# "phòng", "công chức"... ("…, các cơ quan, đơn vị"); never inside "cán bộ, công chức". A
# capital after a comma can still belong to one catalogue name ("Phòng Kinh tế, Hạ tầng và Đô
# thị"), so neighbours that together form a known name are joined again. "và" never splits:
# "Văn phòng HĐND và UBND" is one body.
def split_agencies(value: object, catalogue: Catalogue | None = None) -> list[str]:
    """Names in a 'Cơ quan chủ trì/phối hợp' cell, as written (cleaned, trailing ',;.' stripped)."""
    catalogue = catalogue or Catalogue.builtin()
    names = []
    for chunk in clean(value).replace("\n", ";").split(";"):
        chunk = _unbulleted(chunk.strip())
        if ":" in chunk:
            chunk = re.sub(_LABEL, "", chunk, count=1)
        for start, end in _join_known(chunk, _comma_groups(chunk), catalogue):
            name = chunk[start:end].strip(_EDGE)
            if any(ch.isalnum() for ch in name):
                names.append(name)
    return names


def _comma_groups(chunk: str) -> list[Span]:
    """Spans of the chunk between the commas that start a new name."""
    groups: list[Span] = []
    start = 0
    for cut in [*(i for i, ch in enumerate(chunk) if ch == ","), len(chunk)]:
        piece = chunk[start:cut]
        if groups and not _starts_name(chunk[groups[-1][0]:start - 1], piece):
            groups[-1] = (groups[-1][0], cut)
        else:
            groups.append((start, cut))
        start = cut + 1
    return groups


def _starts_name(before: str, piece: str) -> bool:
    words = piece.split()
    if not words:
        return True
    if _ends_with_staff(before.strip()) and fold(piece).startswith("cong chuc"):
        return False
    first = words[0]
    if first[:1].isupper() or first.upper().strip(_EDGE) in _KEPT:
        return True
    text = piece.lstrip()
    for start in _NAME_STARTS:
        end = words_at(text, 0, start)
        if end >= 0 and text[end:end + 1].isspace():
            return True
    return False


def _unbulleted(chunk: str) -> str:
    r"""The chunk without the bullets it starts with and the spaces after them (r"^[-–—+•*]+\s*")."""
    rest = chunk.lstrip(_BULLETS)
    return rest.lstrip() if rest != chunk else chunk


def _ends_with_staff(text: str) -> bool:
    r"""True for a text ending with 'cán bộ', in any case (what r'cán\s+bộ$', case-blind, finds in one line)."""
    if text[-2:].lower() != "bộ":
        return False
    before = text[:-2]
    return before[-1:].isspace() and before.rstrip()[-3:].lower() == "cán"


def _join_known(chunk: str, groups: list[Span], catalogue: Catalogue) -> list[Span]:
    """Neighbouring spans joined where together they spell one catalogue name."""
    joined = []
    i = 0
    while i < len(groups):
        j = next(
            (j for j in range(min(len(groups), i + _MAX_MERGED), i + 1, -1)
             if catalogue._candidates(chunk[groups[i][0]:groups[j - 1][1]])[0]),
            i + 1,
        )
        joined.append((groups[i][0], groups[j - 1][1]))
        i = j
    return joined
