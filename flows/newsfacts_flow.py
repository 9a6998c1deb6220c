"""The Prefect flow: thin wiring over the newsfacts library.

``newsfacts_run`` reads the configuration and hands the work to ``process_corpus``, a
subflow run with the configured task runner (process pool by default: the work is
CPU-bound pure Python, so threads would share one GIL). Tasks work on *batches* of files
and pass paths and small summaries, never per-document objects: a task run costs about
10 ms of orchestration, a document about as much to process.

Entrypoint for deployments: ``flows/newsfacts_flow.py:newsfacts_run``.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from newsfacts import __version__
from newsfacts.config import Config, check_paths, load_config
from newsfacts.pipeline import process_files
from newsfacts.read import list_files, plan_batches
from newsfacts.schema import TABLES
from newsfacts.warehouse import Warehouse


def ensure_prefect_api() -> str | None:
    """Give this process and its worker processes one Prefect API; returns its URL.

    With no ``PREFECT_API_URL``, Prefect starts a temporary server per *process*, so every
    process-pool worker would start its own (~5 s each, and its runs land elsewhere).
    Starting it once here and exporting the URL makes the workers report to it. The server
    stops at interpreter exit (Prefect registers that), after log and event workers have
    flushed; stopping it earlier makes them retry against a dead port for a minute.
    """
    from prefect.settings import get_current_settings

    current = get_current_settings().api.url
    if current:
        return str(current)
    from prefect.context import refresh_global_settings_context
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    refresh_global_settings_context()
    return server.api_url


def make_warehouse(config: Config) -> Warehouse:
    return Warehouse(
        config.warehouse,
        buckets=config.parquet.buckets,
        compression=config.parquet.compression,
        duckdb_file=config.duckdb.file,
        storage_version=config.duckdb.storage_version,
    )


def make_task_runner(config: Config) -> ProcessPoolTaskRunner | ThreadPoolTaskRunner:
    if config.runner.kind == "threads":
        return ThreadPoolTaskRunner(max_workers=config.runner.workers or 4)
    return ProcessPoolTaskRunner(max_workers=config.runner.workers)


@task(name="process-batch", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def process_batch(
    config_data: dict[str, Any], root: str, rel_paths: list[str], run_id: str, batch_no: int,
    now: datetime,
) -> dict[str, Any]:
    """Process one batch and stage its rows; returns counts and what was quarantined."""
    config = Config.model_validate(config_data)
    result = process_files(Path(root), rel_paths, config, run_id, now)
    make_warehouse(config).stage(run_id, batch_no, result.tables)
    return {
        "batch_no": batch_no,
        "files": result.files,
        "bytes": result.bytes_read,
        "docs": len(result.doc_paths),
        "doc_paths": result.doc_paths,
        "quarantined": [(q.source_path, q.reason, q.detail) for q in result.quarantined],
        "docs_skipped_language": result.docs_skipped_language,
        "seconds": result.seconds,
    }


@task(name="publish-and-load", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish_and_load(
    config_data: dict[str, Any], run_id: str, quarantine: list[tuple[str, str, str | None]],
    drop: dict[int, list[str]], now: datetime,
) -> dict[str, int]:
    """Publish the staged rows as the current Parquet datasets, then refresh DuckDB."""
    config = Config.model_validate(config_data)
    wh = make_warehouse(config)
    qtable = pa.Table.from_pylist(
        [{"source_path": p, "reason": r, "detail": d, "run_id": run_id, "seen_at": now}
         for p, r, d in quarantine],
        schema=TABLES["quarantine"],
    )
    t0 = time.perf_counter()
    wh.publish(run_id, qtable, {k: set(v) for k, v in drop.items()})
    t1 = time.perf_counter()
    wh.load_duckdb()
    return {
        "trade_figures": wh.count_rows("trade_figures"),
        "troop_counts": wh.count_rows("troop_counts"),
        "documents": wh.count_rows("documents"),
        "publish_ms": int((t1 - t0) * 1000),
        "duckdb_ms": int((time.perf_counter() - t1) * 1000),
    }


class _Progress:
    """Files done of total, MB/s and time left: a live line on a terminal, a log line per
    batch otherwise (scheduled runs write logs, not terminals)."""

    def __init__(self, total_files: int, total_bytes: int) -> None:
        self.total_files, self.total_bytes = total_files, total_bytes
        self.files = self.bytes = 0
        self.t0 = time.monotonic()
        self.tty = sys.stderr.isatty()

    def update(self, files: int, nbytes: int, logger: Any, batch_no: int, n_batches: int) -> None:
        self.files += files
        self.bytes += nbytes
        elapsed = max(time.monotonic() - self.t0, 1e-6)
        mbps = self.bytes / elapsed / 1e6
        rate = self.bytes / elapsed
        left = (self.total_bytes - self.bytes) / rate if rate else 0.0
        line = (f"{self.files}/{self.total_files} files, {mbps:.2f} MB/s, "
                f"{left:.0f} s left")
        if self.tty:
            sys.stderr.write(f"\r  {line}   ")
            sys.stderr.flush()
        logger.info("batch %d/%d done: %s", batch_no + 1, n_batches, line)

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


@flow(name="newsfacts-process-corpus")
def process_corpus(config_data: dict[str, Any], run_id: str) -> dict[str, Any]:
    """List, batch, process in parallel, publish, load. Returns the run summary."""
    logger = get_run_logger()
    config = Config.model_validate(config_data)
    started = datetime.now(UTC)
    root = config.input_dir()
    listing = list_files(root, config.glob)
    batches = plan_batches(listing.files, config.batch_files, config.batch_bytes)
    logger.info("run %s: %d files in %d batches from %s", run_id, len(listing.files),
                len(batches), root)
    progress = _Progress(len(listing.files), sum(n for _, n in listing.files))
    futures = [
        process_batch.submit(config_data, str(root), paths, run_id, i, started)
        for i, paths in enumerate(batches)
    ]
    results: list[dict[str, Any]] = []
    for fut in as_completed(futures):
        res = fut.result()
        results.append(res)
        progress.update(res["files"], res["bytes"], logger, res["batch_no"], len(batches))
    progress.close()
    results.sort(key=lambda r: r["batch_no"])

    quarantine = [(p, r, d) for p, r, d in listing.rejected]
    drop: dict[int, list[str]] = {}
    first_path: dict[str, str] = {}
    for res in results:
        quarantine.extend(tuple(q) for q in res["quarantined"])
        for doc_id, path in res["doc_paths"]:
            if doc_id in first_path:
                quarantine.append((path, "duplicate", f"same bytes as {first_path[doc_id]}"))
                drop.setdefault(res["batch_no"], []).append(doc_id)
            else:
                first_path[doc_id] = path
    counts = publish_and_load(config_data, run_id, quarantine, drop, started)

    stage_seconds: dict[str, float] = {}
    for res in results:
        for k, v in res["seconds"].items():
            stage_seconds[k] = stage_seconds.get(k, 0.0) + v
    summary = {
        "run_id": run_id,
        "input": str(root),
        "warehouse": str(config.warehouse.resolve()),
        "files_seen": len(listing.files) + len(listing.rejected),
        "files_processed": len(first_path),
        "files_quarantined": len(quarantine),
        "docs_skipped_language": sum(r["docs_skipped_language"] for r in results),
        "trade_figures": counts["trade_figures"],
        "troop_counts": counts["troop_counts"],
        "documents": counts["documents"],
        "bytes": sum(r["bytes"] for r in results),
        "stage_seconds": {k: round(v, 3) for k, v in sorted(stage_seconds.items())},
        "publish_ms": counts["publish_ms"],
        "duckdb_ms": counts["duckdb_ms"],
        "quarantine_reasons": _count_reasons(quarantine),
    }
    create_table_artifact(
        key="newsfacts-run-summary",
        table=[{"measure": k, "value": str(v)} for k, v in summary.items()],
        description=f"newsfacts run {run_id}: warehouse at {summary['warehouse']}",
    )
    return summary


def _count_reasons(quarantine: list[tuple[str, str, str | None]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, reason, _ in quarantine:
        out[reason] = out.get(reason, 0) + 1
    return out


@flow(name="newsfacts")
def newsfacts_run(
    config_path: str | None = None,
    input_dir: str | None = None,
    warehouse_dir: str | None = None,
) -> dict[str, Any]:
    """One newsfacts run: raw text under the input folder -> Parquet and DuckDB.

    Every run, failed or not, leaves a row in the ``runs`` table.
    """
    config = load_config(
        Path(config_path) if config_path else None,
        {"input": input_dir, "warehouse": warehouse_dir},
    )
    check_paths(config)
    run_id = str(flow_run.get_id() or uuid.uuid4())
    started = datetime.now(UTC)
    row: dict[str, Any] = {
        "run_id": run_id, "started_at": started, "finished_at": None, "status": "failed",
        "files_seen": 0, "files_processed": 0, "files_quarantined": 0,
        "docs_skipped_language": 0, "trade_figures": 0, "troop_counts": 0,
        "config_sha256": config.sha256(), "version": __version__,
    }
    wh = make_warehouse(config)
    wh.clear_staging()
    config_data = config.model_dump(mode="json")
    try:
        inner = process_corpus.with_options(task_runner=make_task_runner(config))
        summary = inner(config_data, run_id)
        row.update({k: summary[k] for k in (
            "files_seen", "files_processed", "files_quarantined", "docs_skipped_language",
            "trade_figures", "troop_counts")})
        row["status"] = "completed"
        return summary
    finally:
        row["finished_at"] = datetime.now(UTC)
        wh.record_run(row)
        if row["status"] == "completed":
            # The runs table lives in DuckDB too; add this run's row to it.
            wh.load_runs()
