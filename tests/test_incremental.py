"""Incremental runs: after adds, changes, deletes, renames and duplicates, the warehouse
equals a full rebuild of the same input, row for row, in Parquet and in DuckDB."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsfacts.schema import DOCUMENT_TABLES
from newsfacts.warehouse import Warehouse

from .conftest import SAMPLE
from .test_flow import duck_rows, parquet_rows

pytestmark = pytest.mark.slow
VOLATILE = {"run_id", "ingested_at", "seen_at", "mtime_ns"}
TABLES = (*DOCUMENT_TABLES, "quarantine", "manifest")


def state(wh: Path, reader) -> dict[str, list[tuple]]:
    return {
        t: sorted(tuple((k, str(v)) for k, v in sorted(r.items()) if k not in VOLATILE)
                  for r in reader(wh, t))
        for t in TABLES
    }


def run(corpus: Path, wh: Path, config: Path, **kw) -> dict:
    from flows.newsfacts_flow import newsfacts_run

    return newsfacts_run(config_path=str(config), input_dir=str(corpus),
                         warehouse_dir=str(wh), **kw)


def assert_equals_full_rebuild(corpus: Path, wh: Path, config: Path, tmp: Path) -> None:
    fresh = tmp / f"fresh-{len(list(tmp.iterdir()))}"
    run(corpus, fresh, config)
    want = state(fresh, duck_rows)
    for reader in (parquet_rows, duck_rows):
        got = state(wh, reader)
        for table in TABLES:
            extra = sorted(set(got[table]) - set(want[table]))[:3]
            missing = sorted(set(want[table]) - set(got[table]))[:3]
            assert got[table] == want[table], (reader.__name__, table, extra, missing)


def test_changes_across_runs_equal_a_full_rebuild(prefect_api: str | None, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("runner:\n  kind: threads\n  workers: 2\nbatch_files: 4\n"
                      "parquet:\n  buckets: 4\n")
    corpus = tmp_path / "in"
    shutil.copytree(SAMPLE, corpus)
    wh = tmp_path / "wh"
    first = run(corpus, wh, config)
    assert first["files_new"] == first["files_seen"] - 0

    # No change: nothing is read, nothing rewritten.
    parts = {p: p.stat().st_mtime_ns for p in (wh / "parquet").rglob("part-*.parquet")}
    again = run(corpus, wh, config)
    assert again["files_unchanged"] == first["files_seen"]
    assert again["files_processed"] == 0
    assert {p: p.stat().st_mtime_ns for p in (wh / "parquet").rglob("part-*.parquet")} == parts

    # Add, change, delete, rename, duplicate.
    articles = sorted(p for p in corpus.rglob("*.txt") if "odd" not in p.parts)
    (corpus / "new").mkdir()
    (corpus / "new" / "added.txt").write_text(
        "Kenya sends troops\n\nNAIROBI - Kenya will send some 1,500 troops to Somalia, "
        "the defence ministry said.\n")
    changed = articles[0]
    changed.write_text(changed.read_text() + "\nSome 2,000 French troops arrived in Chad.\n")
    articles[1].unlink()
    articles[2].rename(corpus / "renamed.txt")
    shutil.copy(articles[3], corpus / "copy_of_article.txt")
    touched = articles[4]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    second = run(corpus, wh, config)
    assert second["files_new"] == 3  # added, renamed, copy
    assert second["files_changed"] == 1
    assert second["files_deleted"] == 2  # deleted, renamed away
    assert second["quarantine_reasons"].get("duplicate") == 1
    assert_equals_full_rebuild(corpus, wh, config, tmp_path)

    # The original of the duplicate goes away: the copy must take its place.
    articles[3].unlink()
    third = run(corpus, wh, config)
    assert third["quarantine_reasons"].get("duplicate") is None
    assert_equals_full_rebuild(corpus, wh, config, tmp_path)

    # A bad file turns good, a good one turns bad.
    (corpus / "odd" / "empty.txt").write_text("Late text\n\nNothing to see here at all.\n")
    (corpus / "renamed.txt").write_bytes(b"\x00\x01binary now")
    run(corpus, wh, config)
    assert_equals_full_rebuild(corpus, wh, config, tmp_path)

    # on_delete: keep leaves a deleted file's rows in place.
    keep = tmp_path / "keep.yaml"
    keep.write_text(config.read_text() + "on_delete: keep\n")
    before = state(wh, duck_rows)["documents"]
    (corpus / "new" / "added.txt").unlink()
    kept = run(corpus, wh, keep)
    assert kept["files_deleted"] == 0
    assert state(wh, duck_rows)["documents"] == before

    # --full-refresh reads everything and converges to the same rows.
    full = run(corpus, wh, config, full_refresh=True)
    assert full["files_unchanged"] == 0
    assert_equals_full_rebuild(corpus, wh, config, tmp_path)


def test_interrupted_publish_forces_full_refresh(prefect_api: str | None, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("runner:\n  kind: threads\n")
    corpus = tmp_path / "in"
    shutil.copytree(SAMPLE, corpus)
    wh = tmp_path / "wh"
    run(corpus, wh, config)
    (wh / ".publishing").write_text("crashed-run")
    # Simulate the half-done publish: one bucket lost.
    victim = next((wh / "parquet" / "trade_figures").glob("part-*.parquet"))
    victim.unlink()
    summary = run(corpus, wh, config)
    assert summary["full_refresh"] is True
    assert not Warehouse(wh).interrupted()
    assert_equals_full_rebuild(corpus, wh, config, tmp_path)


def test_rejected_files_do_not_make_reruns_work(prefect_api: str | None, tmp_path: Path) -> None:
    """A file the listing rejects (a symlink out of the root, a FIFO) is quarantined once;
    a rerun treats it as unchanged, not as deleted and re-added."""
    config = tmp_path / "config.yaml"
    config.write_text("runner:\n  kind: threads\n")
    corpus = tmp_path / "in"
    shutil.copytree(SAMPLE, corpus)
    (tmp_path / "secret.txt").write_text("outside")
    (corpus / "escape.txt").symlink_to(tmp_path / "secret.txt")
    os.mkfifo(corpus / "pipe.txt")
    wh = tmp_path / "wh"
    first = run(corpus, wh, config)
    assert first["quarantine_reasons"]["outside_root"] == 1
    again = run(corpus, wh, config)
    assert (again["files_deleted"], again["files_new"], again["files_processed"]) == (0, 0, 0)
    assert again["quarantine_reasons"] == first["quarantine_reasons"]
    (corpus / "escape.txt").unlink()
    gone = run(corpus, wh, config)
    assert gone["files_deleted"] == 1 and "outside_root" not in gone["quarantine_reasons"]
