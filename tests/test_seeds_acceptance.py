"""Acceptance: the two seed articles the product was designed from, exactly.

Runs the pipeline's batch function (read -> clean -> segment -> detect -> extract) on the
seed files, as a run would, and compares every fact field by field.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from newsfacts.config import Config
from newsfacts.pipeline import process_files

from .conftest import shared_or_skip

TRADE = {
    ("hundreds of billions of dollars", 2e11, None, "USD", True, None, "arms", ("USA", "GCC")),
    ("Billions of dollars", 2e9, None, "USD", True, None, "arms", ("SAU", "USA")),
    ("$20 billion", 2e10, None, "USD", False, "year", "trade", ("IRQ", "IRN")),
    ("$30 billion", 3e10, None, "USD", True, "year", "trade", ("CHN", "IRQ")),
    ("$600 billion", 6e11, None, "USD", False, None, "agreement", ("CHN", "IRN")),
}
TROOPS = {("some 500 troops", 500, None, True, "CAN", "IRQ", "withdraw")}


@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    root = shared_or_skip("seeds")
    names = sorted(p.name for p in root.glob("*.txt"))
    result = process_files(root, [(n, None) for n in names], Config(), "test",
                           datetime.now(UTC))
    assert [r.status for r in result.records] == ["document"] * len(names)
    docs = result.tables["documents"].to_pylist()
    out = {}
    for d in docs:
        key = d["source_path"][:3]
        out[key] = {
            "doc": d,
            "trade": [r for r in result.tables["trade_figures"].to_pylist()
                      if r["doc_id"] == d["doc_id"]],
            "troops": [r for r in result.tables["troop_counts"].to_pylist()
                       if r["doc_id"] == d["doc_id"]],
        }
    return out


def test_seed_000_has_no_facts_and_its_date(seeds: dict[str, dict]) -> None:
    s = seeds["000"]
    assert s["trade"] == []
    assert s["troops"] == []
    assert s["doc"]["published_on"] == date(2020, 8, 31)
    assert s["doc"]["language"] == "en"
    assert s["doc"]["title"].startswith("U.S.-Iraq Strategic Dialogue")


def test_seed_004_trade_exactly(seeds: dict[str, dict]) -> None:
    got = {
        (r["quote"], r["amount"], r["amount_high"], r["currency"], r["is_approximate"], r["per"],
         r["flow"], tuple(r["partners"]))
        for r in seeds["004"]["trade"]
    }
    assert got == TRADE
    assert len(seeds["004"]["trade"]) == len(TRADE)


def test_seed_004_troops_exactly(seeds: dict[str, dict]) -> None:
    got = {
        (r["quote"], r["count"], r["count_high"], r["is_approximate"], r["actor"], r["location"],
         r["action"])
        for r in seeds["004"]["troops"]
    }
    assert got == TROOPS
    assert len(seeds["004"]["troops"]) == 1


def test_seed_quotes_are_at_their_offsets(seeds: dict[str, dict]) -> None:
    for s in seeds.values():
        text = s["doc"]["text"]
        for r in s["trade"] + s["troops"]:
            assert text[r["char_start"] : r["char_end"]] == r["quote"]


def test_eval_on_the_seed_gold_is_exact(tmp_path) -> None:
    """`newsfacts eval` on the seed documents of the development gold: every fact matched,
    nothing extra, every field right."""
    import json

    from newsfacts.evaluate import evaluate

    eval_dir = shared_or_skip("eval")
    corpus = shared_or_skip("corpus")
    docs = [line for line in (eval_dir / "dev.docs.jsonl").read_text().splitlines()
            if json.loads(line)["doc"].startswith("seeds/")]
    facts = [line for line in (eval_dir / "dev.facts.jsonl").read_text().splitlines()
             if json.loads(line)["doc"].startswith("seeds/")]
    assert len(docs) == 2 and len(facts) == 6
    (tmp_path / "d.jsonl").write_text("\n".join(docs) + "\n")
    (tmp_path / "f.jsonl").write_text("\n".join(facts) + "\n")
    report = evaluate(tmp_path / "f.jsonl", tmp_path / "d.jsonl", corpus)
    assert not report["unlocated_gold"]
    for kind in ("trade", "troops"):
        r = report["kinds"][kind]
        assert (r["precision"], r["recall"], r["value_accuracy"]) == (1.0, 1.0, 1.0), kind
        assert all(v == 1.0 for v in r["attributes"].values()), (kind, r["attributes"])
