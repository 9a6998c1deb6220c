"""The records that travel between stages.

They are small, immutable and typed so each stage can be read and tested on its own.
Offsets are always character offsets into the *cleaned* document text (``clean.clean_text``),
end-exclusive, so ``text[char_start:char_end]`` is the quote.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from newsfacts.patterns import fold_case


class Sentence(NamedTuple):
    """One sentence: a span of the cleaned text and the paragraph it sits in.

    A NamedTuple rather than a class with behaviour: segmentation makes one per sentence
    and the hot path should not pay for more than a tuple.
    """

    start: int
    end: int
    paragraph_no: int


class SentenceLocator:
    """The sentence a span of the text lies in, by binary search over sentence starts, so a
    whole-document scan can be split by sentence; a span that straddles two sentences (or
    lies between them) lies in none: -1."""

    __slots__ = ("_sentences", "_starts")

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = sentences
        self._starts = [s.start for s in sentences]

    def __call__(self, start: int, end: int) -> int:
        no = bisect_right(self._starts, start) - 1
        return no if no >= 0 and end <= self._sentences[no].end else -1


@dataclass(frozen=True, slots=True)
class CountryMention:
    sentence_no: int
    char_start: int
    char_end: int
    surface: str
    country: str  # ISO 3166-1 alpha-3, or a bloc code (EU, EEC, GCC, NATO, OPEC, OECD, UN, ...)


@dataclass(frozen=True, slots=True)
class TradeFact:
    sentence_no: int
    char_start: int
    char_end: int
    amount: float
    amount_high: float | None
    currency: str
    is_approximate: bool
    per: str | None  # year | month | quarter | None
    flow: str  # trade | exports | imports | surplus | deficit | agreement | arms
    partners: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class TroopFact:
    sentence_no: int
    char_start: int
    char_end: int
    count: int
    count_high: int | None
    is_approximate: bool
    actor: str | None
    location: str | None
    action: str  # deploy | withdraw | present | other


@dataclass(frozen=True, slots=True)
class Extraction:
    trade: list[TradeFact]
    troops: list[TroopFact]
    mentions: list[CountryMention]


@dataclass(frozen=True, slots=True)
class DocContext:
    """What an extractor may look at: the cleaned text, its sentences, country mentions per
    sentence, and whether sentence 0 is the title (partners and locations may come from
    the title or the previous sentence when a sentence only says "the country")."""

    text: str
    sentences: list[Sentence]
    mentions: list[list[CountryMention]]  # mentions[sentence_no], in order of position
    has_title: bool
    # ``patterns.fold_case(text)``: the extractors' hot patterns scan it case-sensitively.
    folded: str = ""
    # Lookups over the whole document, built on first use: asked once per count or amount,
    # a rescan of every mention each time would make a long document quadratic.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.folded) != len(self.text):
            object.__setattr__(self, "folded", fold_case(self.text))

    def named(self) -> frozenset[str]:
        """Every code (state or bloc) the document names anywhere."""
        got = self.memo.get("named")
        if got is None:
            got = self.memo["named"] = frozenset(m.country for ms in self.mentions for m in ms)
        return got
