"""The shipped sample corpus and its gold labels: label integrity, then an extractor score.

The gold (``tests/data/sample_gold.*.jsonl``) follows the annotation guidelines in
``shared/eval/GUIDELINES.md``; ``doc`` paths are relative to ``newsfacts/sample_corpus``.
Nothing here needs Prefect or the ``shared`` folder.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsfacts.evaluate import evaluate, format_report
from newsfacts.language import detect_language
from newsfacts.read import decode

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "newsfacts" / "sample_corpus"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "sample_gold.facts.jsonl"
DOCS = DATA / "sample_gold.docs.jsonl"

# Minimum F1 per kind on the sample corpus. Kept at 0.0 while trade.py / troops.py are being
# written (they may still return []); the lead raises it when the extractors land.
SAMPLE_F1_FLOOR = 0.0

BLOCS = {"EU", "EEC", "OPEC", "OECD", "GCC"}
FORCES = {"NATO", "UN", "AU", "GCC", "COALITION"}
ISO3 = re.compile(r"[A-Z]{3}\Z")
TRADE_FLOWS = {"trade", "exports", "imports", "surplus", "deficit", "agreement", "arms"}
PERS = {None, "year", "month", "quarter"}
ACTIONS = {"deploy", "withdraw", "present", "other"}
COMMON = ("doc", "kind", "quote", "occurrence", "value", "high", "approx", "sentence")
TRADE_KEYS = {*COMMON, "currency", "per", "flow", "partners"}
TROOP_KEYS = {*COMMON, "actor", "location", "action"}
# Files under odd/ that must stay out of the gold: not English, or not a document at all.
NOT_LABELLED = {"odd/fr_article.txt", "odd/empty.txt", "odd/binary.txt"}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _text(doc: str) -> str:
    decoded = decode((SAMPLE / doc).read_bytes())
    assert decoded.text is not None, f"{doc}: {decoded.reason}"
    return decoded.text


def _starts(text: str, quote: str) -> list[int]:
    """Every start of ``quote`` in ``text``, overlapping matches included (as the
    guidelines count occurrences)."""
    out, pos = [], text.find(quote)
    while pos >= 0:
        out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


facts = _jsonl(GOLD)
docs = _jsonl(DOCS)


def test_docs_list_is_complete_and_consistent() -> None:
    listed = [d["doc"] for d in docs]
    assert len(listed) == len(set(listed)), "a document is listed twice"
    on_disk = {p.relative_to(SAMPLE).as_posix() for p in SAMPLE.rglob("*.txt")}
    assert set(listed) == on_disk - NOT_LABELLED
    per_doc = Counter(f["doc"] for f in facts)
    assert set(per_doc) <= set(listed), "facts for a document missing from docs.jsonl"
    for d in docs:
        assert d["why"] in {"trade", "troops", "negative"}, d
        assert d["n_facts"] == per_doc.get(d["doc"], 0), d
        assert (d["why"] == "negative") == (d["n_facts"] == 0), d
    assert sum(d["why"] == "negative" for d in docs) >= 2


@pytest.mark.parametrize(
    "fact", facts, ids=[f"{f['doc']}:{f['quote'][:30]}#{f['occurrence']}" for f in facts]
)
def test_gold_fact_is_well_formed(fact: dict) -> None:
    text = _text(fact["doc"])
    quote, sentence = fact["quote"], fact["sentence"]
    assert set(fact) == (TRADE_KEYS if fact["kind"] == "trade" else TROOP_KEYS)
    # the quote is in the file, and its occurrence number points at a real match
    starts = _starts(text, quote)
    assert starts, f"quote {quote!r} not in {fact['doc']}"
    assert 1 <= fact["occurrence"] <= len(starts)
    start = starts[fact["occurrence"] - 1]
    end = start + len(quote)
    assert quote == quote.strip()
    assert not (start > 0 and text[start - 1].isdigit()), "quote starts mid-number"
    assert not (end < len(text) and text[end].isdigit()), "quote ends mid-number"
    # the sentence is copied exactly and holds this occurrence of the quote
    s_starts = _starts(text, sentence)
    assert s_starts, f"sentence not copied exactly: {sentence[:80]!r}"
    assert any(s <= start and end <= s + len(sentence) for s in s_starts)
    # numbers
    assert isinstance(fact["value"], int | float) and fact["value"] > 0
    if fact["high"] is not None:
        assert fact["high"] > fact["value"]
    assert isinstance(fact["approx"], bool)
    if fact["kind"] == "trade":
        assert ISO3.match(fact["currency"]), fact["currency"]
        assert fact["per"] in PERS
        assert fact["flow"] in TRADE_FLOWS
        assert isinstance(fact["partners"], list)
        assert len(fact["partners"]) == len(set(fact["partners"]))
        for code in fact["partners"]:
            assert ISO3.match(code) or code in BLOCS, code
    else:
        assert fact["kind"] == "troops"
        assert float(fact["value"]).is_integer()
        for code in (fact["actor"], fact["location"]):
            assert code is None or ISO3.match(code) or code in FORCES, code
        assert fact["location"] not in FORCES
        assert fact["action"] in ACTIONS


def test_odd_files_show_quarantine_and_fallbacks() -> None:
    assert decode((SAMPLE / "odd/empty.txt").read_bytes()).reason == "empty"
    assert decode((SAMPLE / "odd/binary.txt").read_bytes()).reason == "binary"
    raw = (SAMPLE / "odd/cp1252_cafe.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    cafe = decode(raw)
    assert cafe.encoding == "cp1252" and "café" in cafe.text and "£1.4bn" in cafe.text
    french = decode((SAMPLE / "odd/fr_article.txt").read_bytes())
    assert french.encoding == "utf-8"
    assert detect_language(french.text)[0] == "fr"
    for d in docs:
        assert detect_language(_text(d["doc"]))[0] == "en", d["doc"]


def test_extractors_on_sample_corpus() -> None:
    report = evaluate(GOLD, DOCS, SAMPLE)
    print(format_report(report))
    assert report["documents"] == len(docs)
    assert not report["missing_documents"]
    assert not report["unlocated_gold"], "gold quotes the cleaner made unfindable"
    for kind in ("trade", "troops"):
        assert report["kinds"][kind]["gold"] > 0
        assert report["kinds"][kind]["f1"] >= SAMPLE_F1_FLOOR, kind
