"""The per-document path from decoded text to facts: clean -> segment -> title -> extract.

This is the one code path the pipeline, the evaluation and the tests share, so what the
evaluation measures is what the warehouse gets.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.clean import clean_text
from newsfacts.extract import extract
from newsfacts.metadata import find_title
from newsfacts.model import Extraction, Sentence
from newsfacts.segment import segment


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str  # cleaned; every offset points into it
    sentences: list[Sentence]
    title: str | None
    extraction: Extraction


def analyze_text(raw_text: str, *, extract_facts: bool = True) -> Analysis:
    """Clean, segment and (unless told not to, e.g. for a language we do not extract)
    extract facts from one decoded document."""
    text = clean_text(raw_text)
    sentences = segment(text)
    title = find_title(text, sentences)
    if extract_facts:
        extraction = extract(text, sentences, has_title=title is not None)
    else:
        extraction = Extraction(trade=[], troops=[], mentions=[])
    return Analysis(text=text, sentences=sentences, title=title, extraction=extraction)
