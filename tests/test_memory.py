"""Memory-related behaviour: lean imports for batch workers, chunked row buffers, staging
split without compute kernels, and a resolve that does not copy every manifest row."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from newsfacts import pipeline
from newsfacts.config import Config
from newsfacts.manifest import DOCUMENT, FileRecord, plan, resolve
from newsfacts.schema import DOCUMENT_TABLES, TABLES
from newsfacts.warehouse import _split_by_bucket, bucket_of, lean_allocator, release_memory

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "newsfacts" / "sample_corpus"


def test_worker_import_path_is_lean() -> None:
    """What a process-pool worker imports to unpickle a batch task: no DuckDB, no
    pyarrow.compute, no Prefect server."""
    code = ("import sys, flows.newsfacts_flow\n"
            "print(sorted(m for m in ('duckdb', 'pyarrow.compute', 'prefect.server.api.server',"
            " 'prefect_dask', 'distributed') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == "[]"


def test_split_by_bucket_equals_filter() -> None:
    rng = random.Random(7)
    ids = [f"{rng.getrandbits(128):032x}" for _ in range(40)]
    # rows of a document together (as a batch makes them), plus a shuffled table
    rows = [d for d in ids for _ in range(rng.randint(1, 4))]
    for doc_ids in (rows, rng.sample(rows, len(rows))):
        table = pa.table({"doc_id": doc_ids, "n": list(range(len(doc_ids)))})
        got = dict(_split_by_bucket(table, 16))
        buckets = pa.array([bucket_of(d, 16) for d in doc_ids], pa.int32())
        want = {b: table.filter(pc.equal(buckets, b)) for b in sorted(set(buckets.to_pylist()))}
        assert list(got) == list(want)
        for b, part in want.items():
            assert got[b].equals(part)


def test_split_by_bucket_empty() -> None:
    assert _split_by_bucket(TABLES["sentences"].empty_table(), 16) == []


def test_chunked_row_buffers_give_the_same_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(str(p.relative_to(SAMPLE)) for p in SAMPLE.rglob("*.txt"))[:30]
    config = Config(input=SAMPLE)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    items = [(p, None) for p in files]
    monkeypatch.setattr(pipeline, "FLUSH_DOCS", 10**9)
    whole = pipeline.process_files(SAMPLE, items, config, "r", now)
    monkeypatch.setattr(pipeline, "FLUSH_DOCS", 3)
    chunked = pipeline.process_files(SAMPLE, items, config, "r", now)
    assert len(whole.staged) > 6
    for name in DOCUMENT_TABLES:
        assert chunked.tables[name].schema == whole.tables[name].schema == TABLES[name]
        assert chunked.tables[name].equals(whole.tables[name])
        assert chunked.tables[name].column(0).num_chunks <= 1


def test_allocator_helpers_are_safe_to_call() -> None:
    lean_allocator()
    lean_allocator()
    assert pa.default_memory_pool().backend_name == "system"
    release_memory()


def test_resolve_keeps_unchanged_records() -> None:
    recs = {f"f{i}.txt": FileRecord(f"f{i}.txt", 1, 1, f"{i:064x}", f"{i:064x}", DOCUMENT,
                                    None, None, "r") for i in range(5)}
    work = plan([(p, 1, 1) for p in recs], {}, full_refresh=False, on_delete="remove")
    res = resolve(work, dict(recs), {p: 0 for p in recs}, {})
    assert all(res.manifest[p] is recs[p] for p in recs)
    # a byte-identical copy is still quarantined as a duplicate of the first path
    dup = FileRecord("g.txt", 1, 1, f"{0:064x}", f"{0:064x}", DOCUMENT, None, None, "r")
    work = plan([(p, 1, 1) for p in [*recs, "g.txt"]], {}, full_refresh=False,
                on_delete="remove")
    res = resolve(work, {**recs, "g.txt": dup}, {p: 0 for p in recs}, {})
    assert res.manifest["g.txt"].reason == "duplicate"
    assert res.manifest["g.txt"].detail == "same bytes as f0.txt"
    assert len(res.take) == 5
