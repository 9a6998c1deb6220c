"""Scoring the extractors against gold labels (``newsfacts eval``).

It runs the pipeline's own per-document path (``read.decode`` then ``analyze.analyze_text``)
so the numbers describe what the warehouse would hold. A prediction matches a gold fact of
the same document and kind when their character spans overlap (one-to-one, largest overlap
first); values match within 0.5 %, range ends included.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.analyze import Analysis, analyze_text
from newsfacts.clean import clean_text
from newsfacts.read import decode

TRADE_FIELDS = ("currency", "approx", "per", "flow", "partners")
TROOP_FIELDS = ("approx", "actor", "location", "action")
KINDS = ("trade", "troops")


@dataclass
class Item:
    """One fact, gold or predicted, in a comparable shape."""

    doc: str
    kind: str
    start: int
    end: int
    quote: str
    sentence: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class KindReport:
    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_ok: int = 0
    quote_exact: int = 0
    attr_ok: dict[str, int] = field(default_factory=dict)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    false_negatives: list[dict[str, Any]] = field(default_factory=list)
    attr_errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        n = self.tp or 1
        return {
            "kind": self.kind,
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "value_accuracy": round(self.value_ok / n, 4),
            "quote_exact": round(self.quote_exact / n, 4),
            "attributes": {k: round(v / n, 4) for k, v in self.attr_ok.items()},
        }


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _nth_occurrence(text: str, quote: str, n: int) -> int:
    """Start of the n-th (1-based) occurrence, counting overlapping matches as the
    guidelines do; -1 when there are fewer."""
    pos = -1
    for _ in range(max(n, 1)):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return -1
    return pos


def locate_gold(text: str, quote: str, occurrence: int) -> tuple[int, int] | None:
    """Where a gold quote (written against the raw file) sits in the cleaned text."""
    cleaned = clean_text(quote).strip()
    if not cleaned:
        return None
    pos = _nth_occurrence(text, cleaned, occurrence)
    if pos < 0:
        pos = _nth_occurrence(text, cleaned, 1)
    if pos >= 0:
        return pos, pos + len(cleaned)
    # Cleaning a fragment can differ from cleaning it in place (e.g. a hyphen at a line
    # wrap); fall back to a whitespace-insensitive search.
    pattern = r"\s*".join(re.escape(ch) for ch in re.sub(r"\s+", "", cleaned))
    found = list(re.finditer(pattern, text))
    if not found:
        return None
    m = found[min(occurrence, len(found)) - 1]
    return m.start(), m.end()


def _sentence_of(analysis: Analysis, start: int) -> str:
    for s in analysis.sentences:
        if s.start <= start < s.end:
            return analysis.text[s.start : s.end]
    return ""


def predicted_items(doc: str, analysis: Analysis) -> list[Item]:
    text = analysis.text
    items = []
    for f in analysis.extraction.trade:
        items.append(
            Item(doc, "trade", f.char_start, f.char_end, text[f.char_start : f.char_end],
                 _sentence_of(analysis, f.char_start),
                 {"value": f.amount, "high": f.amount_high, "currency": f.currency,
                  "approx": f.is_approximate, "per": f.per, "flow": f.flow,
                  "partners": list(f.partners)})
        )
    for t in analysis.extraction.troops:
        items.append(
            Item(doc, "troops", t.char_start, t.char_end, text[t.char_start : t.char_end],
                 _sentence_of(analysis, t.char_start),
                 {"value": float(t.count),
                  "high": None if t.count_high is None else float(t.count_high),
                  "approx": t.is_approximate, "actor": t.actor, "location": t.location,
                  "action": t.action})
        )
    return items


def gold_items(
    doc: str, analysis: Analysis, facts: list[dict[str, Any]]
) -> tuple[list[Item], list[dict[str, Any]]]:
    items, lost = [], []
    for g in facts:
        span = locate_gold(analysis.text, g["quote"], g.get("occurrence", 1))
        if span is None:
            lost.append(g)
            continue
        attrs = {k: g.get(k) for k in ("value", "high", *TRADE_FIELDS, *TROOP_FIELDS)}
        items.append(Item(doc, g["kind"], span[0], span[1], analysis.text[span[0] : span[1]],
                          g.get("sentence", ""), attrs))
    return items, lost


def score(gold: list[Item], predicted: list[Item], reports: dict[str, KindReport]) -> None:
    """Match one document's facts and add the outcome to the per-kind reports."""
    for kind in KINDS:
        rep = reports[kind]
        golds = [g for g in gold if g.kind == kind]
        preds = [p for p in predicted if p.kind == kind]
        pairs = sorted(
            (
                (min(g.end, p.end) - max(g.start, p.start), gi, pi)
                for gi, g in enumerate(golds)
                for pi, p in enumerate(preds)
                if min(g.end, p.end) > max(g.start, p.start)
            ),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        fields = TRADE_FIELDS if kind == "trade" else TROOP_FIELDS
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = golds[gi], preds[pi]
            rep.tp += 1
            rep.quote_exact += g.quote == p.quote
            value_ok = _close(g.attrs["value"], p.attrs["value"]) and _close(
                g.attrs["high"], p.attrs["high"]
            )
            rep.value_ok += value_ok
            wrong = {} if value_ok else {"value": (g.attrs["value"], g.attrs["high"],
                                                   p.attrs["value"], p.attrs["high"])}
            for f in fields:
                ok = g.attrs.get(f) == p.attrs.get(f)
                rep.attr_ok[f] = rep.attr_ok.get(f, 0) + ok
                if not ok:
                    wrong[f] = (g.attrs.get(f), p.attrs.get(f))
            if wrong:
                rep.attr_errors.append({"doc": g.doc, "gold_quote": g.quote,
                                        "pred_quote": p.quote, "wrong": wrong,
                                        "sentence": g.sentence})
        for gi, g in enumerate(golds):
            if gi not in used_g:
                rep.fn += 1
                rep.false_negatives.append({"doc": g.doc, "quote": g.quote, **g.attrs,
                                            "sentence": g.sentence})
        for pi, p in enumerate(preds):
            if pi not in used_p:
                rep.fp += 1
                rep.false_positives.append({"doc": p.doc, "quote": p.quote, **p.attrs,
                                            "sentence": p.sentence})


def evaluate(gold_path: Path, docs_path: Path, corpus: Path) -> dict[str, Any]:
    """Score every listed document; returns the full report as plain data."""
    docs = [json.loads(line) for line in docs_path.read_text("utf-8").splitlines() if line]
    facts_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in gold_path.read_text("utf-8").splitlines():
        if line.strip():
            fact = json.loads(line)
            facts_by_doc[fact["doc"]].append(fact)
    reports = {k: KindReport(k) for k in KINDS}
    unlocated: list[dict[str, Any]] = []
    missing_docs: list[str] = []
    for entry in docs:
        path = corpus / entry["doc"]
        if not path.is_file():
            missing_docs.append(entry["doc"])
            continue
        decoded = decode(path.read_bytes())
        analysis = analyze_text(decoded.text or "")
        gold, lost = gold_items(entry["doc"], analysis, facts_by_doc.get(entry["doc"], []))
        unlocated.extend(lost)
        score(gold, predicted_items(entry["doc"], analysis), reports)
    return {
        "documents": len(docs) - len(missing_docs),
        "missing_documents": missing_docs,
        "unlocated_gold": unlocated,
        "kinds": {k: {**r.summary(), "false_positives": r.false_positives,
                      "false_negatives": r.false_negatives, "attribute_errors": r.attr_errors}
                  for k, r in reports.items()},
    }


def format_report(report: dict[str, Any], *, details: bool = True, kind: str | None = None) -> str:
    lines = [f"documents: {report['documents']}"]
    if report["missing_documents"]:
        lines.append(f"missing documents: {len(report['missing_documents'])}")
    if report["unlocated_gold"]:
        lines.append(f"gold quotes not found in cleaned text: {len(report['unlocated_gold'])}")
        lines += [f"  {g['doc']}: {g['quote']!r}" for g in report["unlocated_gold"]]
    for k, r in report["kinds"].items():
        if kind and k != kind:
            continue
        attrs = "  ".join(f"{a}={v:.3f}" for a, v in r["attributes"].items())
        lines.append(
            f"{k:7s} gold={r['gold']} pred={r['predicted']} P={r['precision']:.3f} "
            f"R={r['recall']:.3f} F1={r['f1']:.3f} value={r['value_accuracy']:.3f} "
            f"quote_exact={r['quote_exact']:.3f}\n        {attrs}"
        )
        if not details:
            continue
        for fp in r["false_positives"]:
            lines.append(f"  FP {fp['doc']}: {fp['quote']!r}  | {fp['sentence'][:220]}")
        for fn in r["false_negatives"]:
            lines.append(f"  FN {fn['doc']}: {fn['quote']!r}  | {fn['sentence'][:220]}")
        for e in r["attribute_errors"]:
            lines.append(f"  ATTR {e['doc']}: {e['gold_quote']!r} {e['wrong']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsfacts eval", description=__doc__)
    ap.add_argument("--gold", type=Path, required=True, help="facts JSONL")
    ap.add_argument("--docs", type=Path, required=True, help="documents JSONL")
    ap.add_argument("--corpus", type=Path, required=True, help="folder the doc paths are under")
    ap.add_argument("--json", type=Path, help="also write the full report here")
    ap.add_argument("--kind", choices=KINDS, help="only print this kind")
    ap.add_argument("--summary", action="store_true", help="no per-error listing")
    args = ap.parse_args(argv)
    for p in (args.gold, args.docs, args.corpus):
        if not p.exists():
            print(f"error: {p} does not exist", file=sys.stderr)
            return 2
    report = evaluate(args.gold, args.docs, args.corpus)
    print(format_report(report, details=not args.summary, kind=args.kind))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
