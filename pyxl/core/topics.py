"""What a criterion's title is about: its lĩnh vực, and which remediation-library topic it means.

Titles are compared by meaning, never by code (codes differ between provinces and years): both the
title and the library's key phrases are folded (no accents, lower case, 'hoá' = 'hóa'), common
abbreviations are spelled out ('TTHC', 'TT HC' → 'thủ tục hành chính'), and the phrases are looked
for as runs of syllables. A key phrase may join parts that can stand apart with '+'
('hồ sơ + đúng hạn'). Rare syllables weigh more than common ones (inverse document frequency over
the library), words early in a title more than trailing ones (Vietnamese titles name the subject
first: "Công khai tiến độ … trên Trang thông tin điện tử"), and a topic of the item's own lĩnh vực
is preferred. The confidence falls when a second topic scores nearly as well.
"""
from __future__ import annotations

import math
import re
from collections import Counter, namedtuple
from collections.abc import Iterable, Sequence
from functools import lru_cache

from pyxl.core.text import fold

MIN_CONFIDENCE = 0.5  # below this, no suggestion is made
_SCALE = 5.0  # score at which confidence reaches 1 − 1/e before the ambiguity discount
_FIELD_BONUS = 1.2
_LATE_WORD_DISCOUNT = 0.4  # the last word of a title weighs 40 % less than the first
_RIVAL_DOUBT = 0.35  # a rival scoring as well takes 35 % off the confidence
_OTHER_PHRASES = 0.5  # title words covered by a topic's further phrases
_LOOSE_WORDS = 0.3  # title words the topic knows but no phrase of it covers
_WORD = re.compile(r"[a-z0-9]+")
_WORD_OR_SEPARATOR = re.compile(r"[a-z0-9]+|[+.;,:()]")  # no two-word unit spans a separator
_ABBREVIATIONS = {
    "tthc": "thu tuc hanh chinh", "cchc": "cai cach hanh chinh", "vbqppl": "van ban quy pham phap luat",
    "qppl": "quy pham phap luat", "dvc": "dich vu cong", "dvctt": "dich vu cong truc tuyen",
    "cbccvc": "can bo cong chuc vien chuc", "cbcc": "can bo cong chuc", "ccvc": "cong chuc vien chuc",
    "bcci": "buu chinh cong ich", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
    "cntt": "cong nghe thong tin", "ttdt": "thong tin dien tu", "sncl": "su nghiep cong lap",
    "dvsn": "don vi su nghiep", "ktxh": "kinh te xa hoi", "csdl": "co so du lieu",
    "ttpvhcc": "trung tam phuc vu hanh chinh cong", "pvhcc": "phuc vu hanh chinh cong",
    "sxkd": "san xuat kinh doanh", "ntm": "nong thon moi",
}
_PAIRS = {("tt", "hc"): "thu tuc hanh chinh", ("cc", "hc"): "cai cach hanh chinh"}
_SPELLED_OUT = frozenset(_ABBREVIATIONS) | {first for first, _ in _PAIRS}  # syllables words() may rewrite

# The PAR Index lĩnh vực (par_framework.md §1), each with the wordings sheets use for it; the first
# phrase found in a group title names its lĩnh vực. Order matters: specific wordings first.
FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Điểm thưởng, điểm trừ", ("diem thuong", "diem tru")),
    ("Cải cách thể chế", ("the che", "quy pham phap luat", "van ban phap luat")),
    ("Cải cách thủ tục hành chính", ("cai cach thu tuc hanh chinh", "thu tuc hanh chinh")),
    ("Cải cách tổ chức bộ máy hành chính", ("bo may",)),
    ("Cải cách chế độ công vụ", ("cong vu", "doi ngu", "can bo cong chuc")),
    ("Cải cách tài chính công", ("tai chinh cong",)),
    ("Xây dựng và phát triển chính quyền điện tử, chính quyền số",
     ("chinh quyen dien tu", "chinh quyen so", "chinh phu dien tu", "hien dai hoa hanh chinh", "chuyen doi so")),
    ("Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
     ("tac dong", "hai long", "sipas")),
    ("Công tác chỉ đạo, điều hành cải cách hành chính", ("chi dao", "dieu hanh")),
)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The folded syllables of a text with abbreviations spelled out: 'Công khai TTHC' → ('cong', 'khai', 'thu', …)."""
    return _spelled_out(_WORD.findall(fold(text)))


def _spelled_out(raw: list[str]) -> tuple[str, ...]:
    """Folded syllables with their abbreviations spelled out."""
    if _SPELLED_OUT.isdisjoint(raw):
        return tuple(raw)
    out: list[str] = []
    done = 0  # raw[:done] is in out
    for i in [i for i, word in enumerate(raw) if word in _SPELLED_OUT]:
        if i < done:
            continue  # the second syllable of a pair already spelled out
        pair = _PAIRS.get(tuple(raw[i:i + 2]))
        out += raw[done:i]
        out += (pair or _ABBREVIATIONS.get(raw[i], raw[i])).split()
        done = i + (2 if pair else 1)
    out += raw[done:]
    return tuple(out)


def _find(part: tuple[str, ...], title: tuple[str, ...]) -> int:
    """Index where the run of syllables `part` starts in `title`, or -1."""
    size = len(part)
    for start in range(len(title) - size + 1):
        if title[start:start + size] == part:
            return start
    return -1


_FIELD_PHRASES = tuple((name, tuple(tuple(p.split()) for p in phrases)) for name, phrases in FIELDS)


@lru_cache(maxsize=4096)
def field_of(text: str | None) -> str | None:
    """The PAR lĩnh vực a title or group line names ('CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'Lĩnh vực 7: Hiện đại hóa'), or None."""
    if not text:
        return None
    title = words(text)
    for name, phrases in _FIELD_PHRASES:
        if any(_find(p, title) >= 0 for p in phrases):
            return name
    return None


# Named tuples, not dataclasses, for small values defined at every start: a tenth of the cost to define.
class Topic(namedtuple("Topic", ("id", "field", "phrases", "extra", "corpus"), defaults=("", ""))):
    """One library entry as the matcher sees it: its id, lĩnh vực and key phrases.

    phrases  tuple[str, ...] as written, one per line; '+' joins parts that may stand apart
    extra    more text whose words count loosely (the entry's topic name)
    corpus   all the entry's wording; words found in many entries weigh little
    """

    __slots__ = ()


_Phrase = tuple[tuple[str, ...], ...]  # its parts, each a run of syllables


class Match(namedtuple("Match", ("id", "confidence", "score"))):
    """The best topic for a title and how sure the matcher is (0…1)."""

    __slots__ = ()


# What the index needs of one topic: its phrases with the words each needs, its vocabulary, its features.
Derived = tuple[tuple[tuple[_Phrase, frozenset[str]], ...], frozenset[str], frozenset[str | tuple[str, str]]]


def derive(topic: Topic) -> Derived:
    """A topic's matching data, worked out from its wording (plain values: pyxl.core.stored keeps them)."""
    phrases = tuple((p, frozenset(w for part in p for w in part)) for p in map(_parse, topic.phrases) if p)
    vocab = frozenset(w for _, needs in phrases for w in needs) | frozenset(words(topic.extra))
    return phrases, vocab, frozenset(_features(topic))


# What an index needs to match titles, as plain values (pyxl.core.stored keeps the built-in library's): each
# topic's phrases with the words each needs, each topic's vocabulary, and in how many topics each feature is.
State = tuple[tuple[tuple[tuple[_Phrase, frozenset[str]], ...], ...], tuple[frozenset[str], ...],
              dict[str | tuple[str, str], int]]


class TopicIndex:
    """Scores titles against every topic; built once per library.

    derived: each topic's `derive(topic)`, when already worked out; state: what `state()` gave for the same
    topics (the built-in library's index, stored), in place of derived.
    """

    def __init__(self, topics: Sequence[Topic], derived: Sequence[Derived] | None = None,
                 state: State | None = None):
        self.topics = tuple(topics)
        if state is not None:
            phrases, vocabs, frequency = state
            if len(phrases) != len(self.topics) or len(vocabs) != len(self.topics):
                raise ValueError("an index state of other topics")
            self._phrases, self._vocab, self._frequency = list(phrases), list(vocabs), frequency
        else:
            if derived is None:
                derived = [derive(topic) for topic in self.topics]
            self._phrases = [phrases for phrases, _, _ in derived]  # each with the words it needs
            self._vocab = [vocab for _, vocab, _ in derived]
            counted: Counter[str | tuple[str, str]] = Counter()  # feature → topics whose wording has it
            for _, vocab, features in derived:
                counted.update(vocab | features)
            self._frequency = dict(counted)
        self._count = max(len(self.topics), 1)
        # best(title, field): the same titles come back in every commune's sheet, so answers are kept.
        self.best = lru_cache(maxsize=16384)(self._best)

    def state(self) -> State:
        """The index as plain values, to make it again from the same topics (see __init__)."""
        return tuple(self._phrases), tuple(self._vocab), self._frequency

    def _best(self, title: str, field: str | None = None) -> Match | None:
        """The topic a title means, or None when nothing reaches MIN_CONFIDENCE."""
        ranked = self.ranked(title, field)
        if not ranked or ranked[0][1] <= 0:
            return None
        best, score, anchored = ranked[0]
        # A rival that only shares loose words is half as much of a doubt as one whose key phrase matched.
        runner = max((s if a else s / 2 for _, s, a in ranked[1:]), default=0.0)
        confidence = (1 - math.exp(-score / _SCALE)) * (1 - _RIVAL_DOUBT * (runner / score) ** 2)
        if not anchored:
            confidence *= 0.8  # no key phrase found, only shared words
        if confidence < MIN_CONFIDENCE:
            return None
        return Match(best, round(confidence, 2), round(score, 2))

    def ranked(self, title: str, field: str | None = None) -> list[tuple[str, float, bool]]:
        """(topic id, score, whether a key phrase matched) for every topic that shares a word, best first."""
        tokens = words(title)
        if not tokens:
            return []
        weights = [self._weight(tokens, i) * (1 - _LATE_WORD_DISCOUNT * i / max(len(tokens) - 1, 1))
                   for i in range(len(tokens))]
        present = frozenset(tokens)
        heaviest: dict[str, float] = {}
        for word, weight in zip(tokens, weights):
            heaviest[word] = max(weight, heaviest.get(word, 0.0))
        scored = []
        for topic, phrases, vocab in zip(self.topics, self._phrases, self._vocab):
            shared = vocab & present
            if not shared:
                continue
            found = [p for p, needs in phrases if needs <= present]
            score, anchored = self._score(tokens, weights, found, shared, heaviest)
            if score > 0:
                if field and topic.field == field:
                    score *= _FIELD_BONUS
                scored.append((topic.id, score, anchored))
        scored.sort(key=lambda s: -s[1])
        return scored

    def _weight(self, tokens: tuple[str, ...], i: int) -> float:
        """How telling the word at i is: its own rarity, or that of a known two-word unit it is part of
        ('bộ' is everywhere, 'nội bộ' is not)."""
        pairs = (tokens[j:j + 2] for j in (i - 1, i) if 0 <= j < len(tokens) - 1)
        return max((self._idf(pair) for pair in pairs), default=0.0) or self._idf(tokens[i])

    def _idf(self, feature: str | tuple[str, str]) -> float:
        """Inverse document frequency over the topics' wording; 0 for a feature no topic has."""
        n = self._frequency.get(feature, 0)
        return math.log(1 + self._count / n) if n else 0.0

    @staticmethod
    def _score(tokens: tuple[str, ...], weights: list[float], phrases: list[_Phrase], shared: frozenset[str],
               heaviest: dict[str, float]) -> tuple[float, bool]:
        """The best phrase's weight, half that of the words its other phrases cover, a little for loose words."""
        best, best_at, covered = 0.0, frozenset(), set()
        for phrase in phrases:
            at = _positions(phrase, tokens)
            if at:
                weight = sum(weights[i] for i in at)
                covered |= at
                if weight > best:
                    best, best_at = weight, at
        others = sum(weights[i] for i in covered - best_at)
        loose = shared - {tokens[i] for i in covered}
        return best + _OTHER_PHRASES * others + _LOOSE_WORDS * sum(heaviest[w] for w in loose), bool(covered)


def _features(topic: Topic) -> set[str | tuple[str, str]]:
    """The words and two-word units of all a topic's wording.

    Each separator ('+', '.', ';', ',', ':', '(', ')', a line break) stays in the run as a word of its
    own, so no two-word unit spans one; titles have no such words, so these never weigh anything.
    """
    found: set[str | tuple[str, str]] = set()
    for text in (*topic.phrases, topic.extra, topic.corpus):
        run = _spelled_out(_WORD_OR_SEPARATOR.findall(fold(text.replace("\n", ";"))))
        found.update(run)
        found.update(zip(run, run[1:]))
    return found


def _parse(line: str) -> _Phrase:
    return tuple(part for part in (words(p) for p in line.split("+")) if part)


def _positions(phrase: _Phrase, tokens: tuple[str, ...]) -> frozenset[int]:
    """Title positions a phrase covers when all its parts are present, else empty."""
    found: set[int] = set()
    for part in phrase:
        start = _find(part, tokens)
        if start < 0:
            return frozenset()
        found.update(range(start, start + len(part)))
    return frozenset(found)


def context_field(texts: Iterable[str | None]) -> str | None:
    """The lĩnh vực named by the first of several context texts (group row, ancestors) that names one."""
    for text in texts:
        field = field_of(text)
        if field:
            return field
    return None
