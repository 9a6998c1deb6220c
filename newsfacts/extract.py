"""Extraction stage: country mentions, trade figures and troop counts for one document."""

from __future__ import annotations

from newsfacts.gazetteer import find_mentions
from newsfacts.model import CountryMention, DocContext, Extraction, Sentence, SentenceLocator
from newsfacts.trade import extract_trade
from newsfacts.troops import extract_troops


def country_mentions(text: str, sentences: list[Sentence]) -> list[list[CountryMention]]:
    """Mentions grouped by sentence, so extractors can look at one sentence and its
    neighbours without rescanning the text. One scan of the whole text: a mention counts
    for the sentence it lies in, and one that straddles two sentences for neither."""
    out: list[list[CountryMention]] = [[] for _ in sentences]
    if not sentences:
        return out
    locate = SentenceLocator(sentences)
    for m in find_mentions(text, sentences[0].start, sentences[-1].end):
        no = locate(m.start, m.end)
        if no >= 0:
            out[no].append(CountryMention(no, m.start, m.end, m.surface, m.code))
    return out


def extract(text: str, sentences: list[Sentence], has_title: bool) -> Extraction:
    mentions = country_mentions(text, sentences)
    doc = DocContext(text=text, sentences=sentences, mentions=mentions, has_title=has_title)
    return Extraction(
        trade=extract_trade(doc),
        troops=extract_troops(doc),
        mentions=[m for per_sentence in mentions for m in per_sentence],
    )
