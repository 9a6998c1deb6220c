"""One batch of files -> Arrow tables for every document table, plus what went wrong.

This is the unit of work a Prefect task runs: plain Python over many documents, so the
orchestration cost (~10 ms a task) is paid per batch, not per document. Rows are gathered
column-wise and turned into Arrow tables once per batch.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsfacts.analyze import analyze_text
from newsfacts.config import Config
from newsfacts.extract import extract
from newsfacts.language import detect_language
from newsfacts.metadata import find_published_date
from newsfacts.read import decode
from newsfacts.schema import DOCUMENT_TABLES, TABLES


@dataclass
class QuarantineItem:
    source_path: str
    reason: str
    detail: str | None


@dataclass
class BatchResult:
    tables: dict[str, pa.Table]
    quarantined: list[QuarantineItem]
    doc_paths: list[tuple[str, str]]  # (doc_id, source_path) of every document in the batch
    files: int = 0
    bytes_read: int = 0
    docs_skipped_language: int = 0
    trade_figures: int = 0
    troop_counts: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def fact_id(doc_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{doc_id}:{kind}:{start}:{end}".encode()).hexdigest()[:32]


class _Columns:
    """Column-wise row buffers for one table, turned into Arrow once."""

    def __init__(self, table: str) -> None:
        self.schema = TABLES[table]
        self.cols: dict[str, list[Any]] = {name: [] for name in self.schema.names}

    def add(self, **row: Any) -> None:
        for name, values in self.cols.items():
            values.append(row[name])

    def table(self) -> pa.Table:
        return pa.table(self.cols, schema=self.schema)


def _read(root: Path, rel: str, max_bytes: int) -> tuple[bytes | None, QuarantineItem | None]:
    path = root / rel
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, QuarantineItem(
                rel, "too_large", f"{size} bytes > max_file_bytes {max_bytes}"
            )
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1), None
    except OSError as exc:
        return None, QuarantineItem(rel, "unreadable", f"{type(exc).__name__}: {exc.strerror}")


def process_files(
    root: Path, rel_paths: list[str], config: Config, run_id: str, now: datetime
) -> BatchResult:
    """Read, decode, clean, segment, detect and extract every file of one batch.

    Never raises for a bad file: it is quarantined with a reason. An unexpected error in
    one document quarantines that document (reason ``error``) and the batch goes on.
    """
    out = {name: _Columns(name) for name in DOCUMENT_TABLES}
    result = BatchResult(tables={}, quarantined=[], doc_paths=[])
    secs: dict[str, float] = defaultdict(float)
    seen: dict[str, str] = {}
    languages = set(config.languages)
    for rel in rel_paths:
        t0 = time.perf_counter()
        raw, problem = _read(root, rel, config.max_file_bytes)
        result.files += 1
        if problem is None and raw is not None and len(raw) > config.max_file_bytes:
            problem = QuarantineItem(rel, "too_large", "file grew past max_file_bytes while read")
        if problem is not None or raw is None:
            result.quarantined.append(problem or QuarantineItem(rel, "unreadable", None))
            continue
        result.bytes_read += len(raw)
        decoded = decode(raw)
        doc_id = hashlib.sha256(raw).hexdigest()
        secs["read"] += time.perf_counter() - t0
        if decoded.reason or decoded.text is None:
            result.quarantined.append(QuarantineItem(rel, decoded.reason or "undecodable",
                                                     decoded.detail))
            continue
        if doc_id in seen:
            result.quarantined.append(
                QuarantineItem(rel, "duplicate", f"same bytes as {seen[doc_id]}")
            )
            continue
        try:
            _process_one(out, result, secs, rel, doc_id, decoded.text, decoded.encoding or "",
                         config, languages, run_id, now)
        except Exception as exc:  # a bug must cost one document, not the run
            result.quarantined.append(QuarantineItem(rel, "error", f"{type(exc).__name__}: {exc}"))
            continue
        seen[doc_id] = rel
        result.doc_paths.append((doc_id, rel))
    t0 = time.perf_counter()
    result.tables = {name: cols.table() for name, cols in out.items()}
    secs["arrow"] += time.perf_counter() - t0
    result.seconds = dict(secs)
    return result


def _process_one(
    out: dict[str, _Columns],
    result: BatchResult,
    secs: dict[str, float],
    rel: str,
    doc_id: str,
    raw_text: str,
    encoding: str,
    config: Config,
    languages: set[str],
    run_id: str,
    now: datetime,
) -> None:
    t0 = time.perf_counter()
    first = analyze_text(raw_text, extract_facts=False)
    t1 = time.perf_counter()
    lang, prob = detect_language(first.text, config.language_sample_chars)
    t2 = time.perf_counter()
    secs["clean_segment"] += t1 - t0
    secs["language"] += t2 - t1
    extracted = lang in languages
    if extracted:
        extraction = extract(first.text, first.sentences, has_title=first.title is not None)
    else:
        result.docs_skipped_language += 1
        extraction = first.extraction
    secs["extract"] += time.perf_counter() - t2
    text = first.text
    # A document whose rows would be incomplete must not be half-written: build its rows
    # into locals first, then append them all.
    sentences = [
        dict(doc_id=doc_id, sentence_no=i, paragraph_no=s.paragraph_no, char_start=s.start,
             char_end=s.end, text=text[s.start : s.end])
        for i, s in enumerate(first.sentences)
    ]
    trade = [
        dict(fact_id=fact_id(doc_id, "trade", f.char_start, f.char_end), doc_id=doc_id,
             sentence_no=f.sentence_no, char_start=f.char_start, char_end=f.char_end,
             quote=text[f.char_start : f.char_end], amount=f.amount, amount_high=f.amount_high,
             currency=f.currency, is_approximate=f.is_approximate, per=f.per, flow=f.flow,
             partners=list(f.partners))
        for f in extraction.trade
    ]
    troops = [
        dict(fact_id=fact_id(doc_id, "troops", f.char_start, f.char_end), doc_id=doc_id,
             sentence_no=f.sentence_no, char_start=f.char_start, char_end=f.char_end,
             quote=text[f.char_start : f.char_end], count=f.count, count_high=f.count_high,
             is_approximate=f.is_approximate, actor=f.actor, location=f.location,
             action=f.action)
        for f in extraction.troops
    ]
    mentions = [
        dict(doc_id=doc_id, sentence_no=m.sentence_no, char_start=m.char_start,
             char_end=m.char_end, surface=m.surface, country=m.country)
        for m in extraction.mentions
    ]
    out["documents"].add(
        doc_id=doc_id, source_path=rel, title=first.title,
        published_on=find_published_date(text), language=lang, language_prob=prob,
        encoding=encoding, text=text, n_chars=len(text), n_sentences=len(first.sentences),
        extracted=extracted, ingested_at=now, run_id=run_id,
    )
    for table, rows in (("sentences", sentences), ("trade_figures", trade),
                        ("troop_counts", troops), ("country_mentions", mentions)):
        for row in rows:
            out[table].add(**row)
    result.trade_figures += len(trade)
    result.troop_counts += len(troops)
