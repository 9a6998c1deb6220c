"""Extraction stage: country mentions, trade figures and troop counts for one document."""

from __future__ import annotations

from newsfacts.gazetteer import as_of_former_states, mention_tuples
from newsfacts.model import CountryMention, DocContext, Extraction, Sentence
from newsfacts.trade import extract_trade
from newsfacts.troops import extract_troops


def country_mentions(text: str, sentences: list[Sentence]) -> list[list[CountryMention]]:
    """Mentions grouped by sentence, so extractors can look at one sentence and its
    neighbours without rescanning the text. One scan of the whole text: a mention counts
    for the sentence it lies in, and one that straddles two sentences for neither. A
    capital that stood for a dissolved state takes its code in a document about that state
    (``gazetteer.as_of_former_states``)."""
    out: list[list[CountryMention]] = [[] for _ in sentences]
    if not sentences:
        return out
    # Mentions come left to right, so the sentence a mention starts in is found by walking
    # the sentence starts along with them (what ``SentenceLocator`` finds by bisection).
    starts = [s.start for s in sentences]
    last = len(sentences) - 1
    no = -1
    found = as_of_former_states(list(mention_tuples(text, sentences[0].start,
                                                   sentences[-1].end)))
    for start, end, surface, code in found:
        while no < last and starts[no + 1] <= start:
            no += 1
        if no >= 0 and end <= sentences[no].end:
            out[no].append(CountryMention(no, start, end, surface, code))
    return out


def extract(text: str, sentences: list[Sentence], has_title: bool) -> Extraction:
    mentions = country_mentions(text, sentences)
    doc = DocContext(text=text, sentences=sentences, mentions=mentions, has_title=has_title)
    return Extraction(
        trade=extract_trade(doc),
        troops=extract_troops(doc),
        mentions=[m for per_sentence in mentions for m in per_sentence],
    )
