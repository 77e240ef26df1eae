"""Suggested text in a plan: what the remediation library proposes where the sheet is thin, marked in Word.

An item's target, tasks, lead, partners and deadline each come from the sheet when it has them and
otherwise from the table's `pyxl.core.library.Suggestion` (see pyxl.plan.entries); a suggested part
prints highlighted (Word's yellow highlight, which the officer sees, checks and removes with Home ›
Text Highlight Color › No Color), or plain when the plan is written clean. Templates print these
fields with docxtpl's run tag, `{{r e.lead }}`.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from markupsafe import escape

HIGHLIGHT = "yellow"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Phrase:
    """Text for a `{{r … }}` field: parts that are either the sheet's or suggested (highlighted unless clean)."""

    __slots__ = ("parts",)

    def __init__(self, parts: Iterable[tuple[str, bool]] = ()) -> None:
        self.parts = tuple((text, suggested) for text, suggested in parts if text)

    @classmethod
    def of(cls, text: str | None, suggested: bool = False) -> "Phrase":
        """One part: the sheet's text, or a suggestion."""
        return cls([(text or "", suggested)])

    @property
    def suggested(self) -> bool:
        """True when any part is a suggestion."""
        return any(flag for _, flag in self.parts)

    def plain(self) -> "Phrase":
        """The same text with no part marked (a clean plan)."""
        return Phrase((text, False) for text, _ in self.parts)

    def __add__(self, other: "Phrase | str") -> "Phrase":
        extra = other.parts if isinstance(other, Phrase) else ((other, False),)
        return Phrase(self.parts + tuple(extra))

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __str__(self) -> str:
        return "".join(text for text, _ in self.parts)

    def __repr__(self) -> str:
        return f"Phrase({self.parts!r})"

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other) if isinstance(other, (Phrase, str)) else NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    def __html__(self) -> str:
        """WordprocessingML runs: line breaks and tabs as Word's, characters XML forbids dropped."""
        return _runs(self.parts)


@functools.lru_cache(maxsize=8192)  # offices and suggested texts recur in every plan of a merge
def _runs(parts: tuple[tuple[str, bool], ...]) -> str:
    runs = []
    for text, suggested in parts:
        props = f'<w:rPr><w:highlight w:val="{HIGHLIGHT}"/></w:rPr>' if suggested else ""
        body = str(escape(_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))))
        body = body.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
        body = body.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
        runs.append(f'<w:r>{props}<w:t xml:space="preserve">{body}</w:t></w:r>')
    return "".join(runs)


def join(phrases: Iterable[Phrase], sep: str = ", ") -> Phrase:
    """The phrases one after another with sep between them (the separator never marked)."""
    parts: list[tuple[str, bool]] = []
    for phrase in phrases:
        if phrase:
            if parts:
                parts.append((sep, False))
            parts.extend(phrase.parts)
    return Phrase(parts)


def office_list(names: Iterable[Phrase]) -> Phrase:
    """Offices one after another: ', ' between them, '; ' when one has a comma of its own ('UBND các xã, thị
    trấn'); a generic 'Các cơ quan, đơn vị liên quan' after the named ones, in lower case."""
    names = sorted((name for name in names if name), key=lambda name: str(name).startswith("Các "))
    sep = "; " if any("," in str(name) for name in names) else ", "
    return join((name if i == 0 else _lower_generic(name) for i, name in enumerate(names)), sep)


def _lower_generic(name: Phrase) -> Phrase:
    (first, marked), *rest = name.parts
    if not first.startswith("Các "):
        return name
    return Phrase([("c" + first[1:], marked), *rest])


def suggestion_note(count: int, clean: bool = False) -> str | None:
    """The line the plan's doors print: how many items took the library's text, to review before signing."""
    if not count:
        return None
    marked = "in như văn bản thường" if clean else "tô vàng"
    return f"{count} mục dùng gợi ý của thư viện ({marked}): hãy xem lại trước khi trình ký."
