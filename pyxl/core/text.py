"""Vietnamese text helpers: NFC, tone-placement-insensitive keys, accent folding."""
from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache

# Combining tone marks; vowel-shape marks (circumflex, breve, horn) are kept apart from them.
_TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}


def nfc(text: str) -> str:
    """The text in Unicode NFC, as Vietnamese text should be stored and echoed."""
    return unicodedata.normalize("NFC", text)


def clean(value: object) -> str:
    """A cell value as one-line-per-line text: NFC, no stray spaces, '' for blanks."""
    if value.__class__ is str:  # the common case first: a reading cleans each text many times
        return _clean_text(value)
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value:%d/%m/%Y}"  # the way officers write dates
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # readers differ: 2024.0 or 2024
    return _clean_text(str(value))


@lru_cache(maxsize=65536)
def _clean_text(text: str) -> str:
    text = nfc(text).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = (" ".join(line.split()) for line in text.split("\n"))  # str.split() splits on what r"\s" matches
    return "\n".join(line for line in lines if line)


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(_TONES[ch] for ch in decomposed if ch in _TONES)
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", base) + tones


@lru_cache(maxsize=65536)
def tone_key(text: str) -> str:
    """A matching key where old and new tone placement ("hoá"/"hóa") are equal, case-folded."""
    return " ".join(_word_key(w) for w in clean(text).casefold().split())


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent- and case-insensitive form for fuzzy matching of headers: 'Điểm thẩm định' → 'diem tham dinh'."""
    # Word by word: texts repeat few distinct syllables, and a combining mark never joins two words.
    return " ".join(word for word in map(_fold_word, clean(text).casefold().split()) if word)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")


def is_upper_title(text: str) -> bool:
    """True for a line typed in capitals, as lĩnh vực (group) lines are."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper / len(letters) >= 0.8


def is_word_char(text: str, index: int) -> bool:
    r"""True when text[index] exists and is what r'\w' matches: a letter, a digit or '_'."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def first_word(text: str) -> int:
    r"""Where the first letter, digit or '_' of the text is (its length when there is none): where a pattern's
    r'^\W*' stops."""
    for index, ch in enumerate(text):
        if ch.isalnum() or ch == "_":
            return index
    return len(text)


def words_at(text: str, start: int, words: tuple[str, ...], lower: bool = False) -> int:
    r"""Where `words` end when they are at text[start:], one after another with whitespace between (what
    r'word1\s+word2' matches there), else -1. lower: the case of the text does not count (for words in
    lower case without a letter that a case-blind pattern reads differently from str.lower: 'i', 's')."""
    pos = start
    for k, word in enumerate(words):
        if k:
            gap = pos
            while gap < len(text) and text[gap].isspace():
                gap += 1
            if gap == pos:
                return -1
            pos = gap
        piece = text[pos:pos + len(word)]
        if (piece.lower() if lower else piece) != word:
            return -1
        pos += len(word)
    return pos
