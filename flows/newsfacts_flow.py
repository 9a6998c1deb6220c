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
from dataclasses import astuple, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.prefect_api import (
    ensure_prefect_api,
    share_prefect_api,
    skip_dask_collection_in_workers,
)
from newsfacts import __version__
from newsfacts.config import Config, check_paths, load_config
from newsfacts.manifest import QUARANTINED, FileRecord, plan, resolve
from newsfacts.pipeline import process_files
from newsfacts.read import list_files, plan_batches
from newsfacts.warehouse import Warehouse, lean_allocator, release_memory

__all__ = ["ensure_prefect_api", "newsfacts_run"]

skip_dask_collection_in_workers()


def make_warehouse(config: Config) -> Warehouse:
    return Warehouse(
        config.warehouse,
        buckets=config.parquet.buckets,
        compression=config.parquet.compression,
        duckdb_file=config.duckdb.file,
        storage_version=config.duckdb.storage_version,
        memory_limit=config.duckdb.memory_limit,
    )


# For the local cluster a run starts (not a user's own cluster): Dask's defaults serve an
# interactive dashboard, and on a busy machine its timers take CPU from the batches. Each
# worker's statistical profiler walks the compute thread's stack every 10 ms; the event
# loop health check ticks every 20 ms and each nanny checks its worker's memory every
# 100 ms, in the flow process, which shares the cores with the workers.
LOCAL_DASK_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def make_task_runner(config: Config) -> TaskRunner[Any]:
    """The configured runner. Batches are CPU-bound pure Python, so parallelism comes from
    processes: a process pool on one machine, or Dask workers on one or many."""
    runner = config.runner
    if runner.kind == "threads":
        return ThreadPoolTaskRunner(max_workers=runner.workers or 4)
    if runner.kind == "dask":
        from prefect_dask import DaskTaskRunner

        if runner.address:
            return DaskTaskRunner(address=runner.address)
        import dask

        dask.config.set(LOCAL_DASK_CONFIG)
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={"n_workers": runner.workers or os.cpu_count() or 1,
                            "threads_per_worker": 1, "processes": True,
                            "dashboard_address": ":0"},
        )
    return ProcessPoolTaskRunner(max_workers=runner.workers)


class _Bulk:
    """Per-file data handed between flows and tasks, kept opaque to Prefect: Prefect walks a
    flow's return value and a task's parameters and return value looking for futures,
    rebuilding every dict, list and dataclass it meets. For a manifest of 100,000
    FileRecords that is about 1.1 million visits (~3 s of a no-op run) and, briefly, a
    second copy of the manifest at the memory peak of a full run; for a batch's file list
    it is paid in the flow process on every submit, where it competes with the workers.
    It pickles like any object, so it also travels to process and Dask workers."""

    __slots__ = ("data",)

    def __init__(self, data: Any) -> None:
        self.data = data


@task(name="process-batch", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def process_batch(
    config_data: dict[str, Any], root: str, items: _Bulk, run_id: str, batch_no: int,
    now: datetime,
) -> _Bulk:
    """Process one batch of files and stage its rows; returns what the run needs to know.
    ``items`` holds (path, expected SHA-256) per file; both ways the per-file lists travel
    as ``_Bulk``: Prefect would otherwise walk (and, to resolve futures, rebuild) them on
    every submit, in the flow process, once per batch."""
    config = Config.model_validate(config_data)
    lean_allocator()
    result = process_files(Path(root), items.data, config, run_id, now)
    make_warehouse(config).stage(run_id, batch_no, result.tables)
    result.tables.clear()
    quarantined = sum(r.status == QUARANTINED for r in result.records)
    get_run_logger().info(
        "batch %d: %d files, %d documents, %d quarantined, %d same bytes; %d trade figures, "
        "%d troop counts", batch_no, result.files, len(result.staged), quarantined,
        len(result.touched), result.trade_figures, result.troop_counts)
    out = {
        "batch_no": batch_no,
        "files": result.files,
        "bytes": result.bytes_read,
        "records": [astuple(r) for r in result.records],
        "staged": result.staged,
        "touched": result.touched,
        "docs_skipped_language": result.docs_skipped_language,
        "seconds": result.seconds,
    }
    del result
    release_memory()
    return _Bulk(out)


@task(name="publish", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish(
    config_data: dict[str, Any], run_id: str, changes: _Bulk, full_refresh: bool,
    now: datetime,
) -> list[int]:
    """Make the staged rows the current Parquet datasets (only the buckets touched).
    ``changes`` holds (manifest by path, doc_ids to remove, doc_id -> batch to take)."""
    manifest, remove, take = changes.data
    wh = make_warehouse(Config.model_validate(config_data))
    buckets = sorted(wh.publish(run_id, manifest, set(remove), take, full_refresh=full_refresh,
                                now=now))
    get_run_logger().info("published %d documents added, %d removed, %d bucket files rewritten",
                          len(take), len(remove), len(buckets))
    return buckets


@task(name="load-duckdb", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_duckdb(
    config_data: dict[str, Any], run_id: str, previous: str | None, ids: _Bulk,
    buckets: list[int], full_refresh: bool,
) -> str:
    """Bring DuckDB to the published state in one transaction. ``ids`` holds (doc_ids
    removed or replaced, doc_ids added)."""
    remove, added = ids.data
    wh = make_warehouse(Config.model_validate(config_data))
    mode = wh.load_duckdb(run_id, previous, set(remove), set(added), set(buckets),
                          full_refresh=full_refresh)
    get_run_logger().info("DuckDB %s at %s", mode, wh.duckdb_path)
    return mode


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
        rate = self.bytes / elapsed
        left = (self.total_bytes - self.bytes) / rate if rate else 0.0
        line = f"{self.files}/{self.total_files} files, {rate / 1e6:.2f} MB/s, {left:.0f} s left"
        if self.tty:
            sys.stderr.write(f"\r  {line}   ")
            sys.stderr.flush()
        logger.info("batch %d/%d done: %s", batch_no + 1, n_batches, line)

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


def _run_batches(
    config: Config, config_data: dict[str, Any], root: Path,
    items: list[tuple[str, int, str | None]], run_id: str, now: datetime, first_batch: int,
    logger: Any, into: _Collected,
) -> list[dict[str, Any]]:
    batches = plan_batches([(p, n) for p, n, _ in items], config.batch_files, config.batch_bytes)
    expected = {p: sha for p, _, sha in items}
    progress = _Progress(len(items), sum(n for _, n, _ in items))
    futures = [
        process_batch.submit(config_data, str(root), _Bulk([(p, expected[p]) for p in paths]),
                             run_id, first_batch + i, now)
        for i, paths in enumerate(batches)
    ]
    del batches, expected
    results = []
    for fut in as_completed(futures):
        res = fut.result().data
        into.add(res)  # the per-file records become FileRecords now, not after the last batch
        results.append(res)
        progress.update(res["files"], res["bytes"], logger, res["batch_no"] - first_batch,
                        len(futures))
    progress.close()
    return sorted(results, key=lambda r: r["batch_no"])


@flow(name="newsfacts-process-corpus")
def process_corpus(config_data: dict[str, Any], run_id: str, full_refresh: bool) -> dict[str, Any]:
    """List, compare with the manifest, process what changed (in parallel), and say what
    the warehouse must become; the parent flow publishes it."""
    logger = get_run_logger()
    config = Config.model_validate(config_data)
    wh = make_warehouse(config)
    started = datetime.now(UTC)
    if wh.interrupted():
        logger.warning("the last publish was interrupted: reading everything again")
        full_refresh = True
    old, previous, old_buckets = wh.read_manifest()
    if old_buckets not in (None, config.parquet.buckets):
        logger.warning("parquet.buckets changed (%s -> %s): rebuilding", old_buckets,
                       config.parquet.buckets)
        full_refresh = True
    root = config.input_dir()
    t0 = time.perf_counter()
    listing = list_files(root, config.glob)
    rejected = {
        p: FileRecord(p, 0, 0, None, None, QUARANTINED, reason, detail, run_id)
        for p, reason, detail in listing.rejected
    }
    work = plan(listing.files, old, full_refresh=full_refresh, on_delete=config.on_delete,
                present=rejected)
    rejected_changed = any(old.get(p) is None or (old[p].reason, old[p].detail)
                           != (r.reason, r.detail) for p, r in rejected.items())
    list_s = time.perf_counter() - t0
    n_listed, n_rejected = len(listing.files), len(listing.rejected)
    del listing  # the plan holds what the run needs; the listing is another tuple per file
    files_new = sum(p not in old for p, _, _ in work.to_process)
    logger.info(
        "run %s: %d files listed (%d to read, %d unchanged, %d gone, %d rejected) in %.1f s",
        run_id, n_listed, len(work.to_process), len(work.unchanged),
        len(work.deleted), n_rejected, list_s,
    )
    summary: dict[str, Any] = {
        "run_id": run_id, "input": str(root), "warehouse": str(config.warehouse.resolve()),
        "full_refresh": full_refresh,
        "files_seen": n_listed + n_rejected,
        "files_new": files_new,
        "files_changed": 0, "files_deleted": len(work.deleted),
        "files_unchanged": len(work.unchanged), "files_processed": 0,
        "docs_skipped_language": 0, "bytes": 0, "duckdb": "unchanged",
        "stage_seconds": {"list": round(list_s, 3)},
    }
    if work.is_noop and not rejected_changed:
        logger.info("nothing changed since the last run")
        return {"summary": summary, "previous": previous, "bulk": _Bulk((old, None))}

    collected = _Collected(old)
    results = _run_batches(config, config_data, root, work.to_process, run_id, started, 0,
                           logger, collected)
    processed, staged, touched = collected.processed, collected.staged, collected.touched
    processed.update(rejected)
    res = resolve(work, processed, staged, old)
    if res.reprocess:  # duplicates whose original went away: read them again
        logger.info("re-reading %d duplicates whose original changed or went away",
                    len(res.reprocess))
        # sizes as listed: processed files were in the plan, the others unchanged
        sizes = {p: r.size for p, r in work.unchanged.items()}
        sizes.update((p, n) for p, n, _ in work.to_process)
        again = _Collected(old)
        more = _run_batches(config, config_data, root, [(p, sizes[p], None)
                            for p in res.reprocess], run_id, started, len(results), logger,
                            again)
        processed.update(again.processed)
        staged.update(again.staged)
        results += more
        res = resolve(work, processed, staged, old)
    changed = {p for p, r in processed.items() if p in old and p not in rejected
               and p not in touched and r.sha256 != old[p].sha256}

    stage_seconds = summary["stage_seconds"]
    for r in results:
        for k, v in r["seconds"].items():
            stage_seconds[k] = round(stage_seconds.get(k, 0.0) + v, 3)
    summary.update({
        "files_changed": len(changed),
        "files_processed": sum(len(r["staged"]) for r in results),
        "docs_skipped_language": sum(r["docs_skipped_language"] for r in results),
        "bytes": sum(r["bytes"] for r in results),
    })
    # Publishing happens in the parent flow, after this subflow's worker pool has shut down,
    # so idle workers do not sit in memory while the main process merges and loads.
    todo = {"remove": sorted(res.remove_doc_ids), "take": res.take}
    return {"summary": summary, "previous": previous, "bulk": _Bulk((res.manifest, todo))}


class _Collected:
    """What the batches found, folded in as each batch returns: a FileRecord per file read,
    the batch that staged each document's rows, and the files whose bytes had not changed.
    A batch's per-file records are dropped from its result once folded in, so the main
    process holds them once (as FileRecords), not also as the batches' tuples."""

    def __init__(self, old: dict[str, FileRecord]) -> None:
        self.old = old
        self.processed: dict[str, FileRecord] = {}
        self.staged: dict[str, int] = {}
        self.touched: set[str] = set()

    def add(self, r: dict[str, Any]) -> None:
        for rec in r.pop("records"):
            self.processed[rec[0]] = FileRecord(*rec)
        for path in r["staged"]:
            self.staged[path] = r["batch_no"]
        for path, size, mtime in r.pop("touched"):
            self.processed[path] = replace(self.old[path], size=size, mtime_ns=mtime)
            self.touched.add(path)


def _publish_and_load(
    config_data: dict[str, Any], wh: Warehouse, run_id: str, work: dict[str, Any], logger: Any
) -> dict[str, Any]:
    summary = work["summary"]
    manifest, todo = work.pop("bulk").data
    if todo is None:  # nothing changed; DuckDB may still be a publish behind after a crash
        summary["duckdb"] = wh.sync_duckdb(work["previous"])
        return _finish(summary, wh, manifest, logger)
    t0 = time.perf_counter()
    buckets = publish(config_data, run_id, _Bulk((manifest, todo["remove"], todo["take"])),
                      summary["full_refresh"], datetime.now(UTC))
    t1 = time.perf_counter()
    summary["duckdb"] = load_duckdb(config_data, run_id, work["previous"],
                                    _Bulk((todo["remove"], sorted(todo["take"]))), buckets,
                                    summary["full_refresh"])
    summary["stage_seconds"]["publish"] = round(t1 - t0, 3)
    summary["stage_seconds"]["duckdb"] = round(time.perf_counter() - t1, 3)
    return _finish(summary, wh, manifest, logger)


def _finish(
    summary: dict[str, Any], wh: Warehouse, manifest: dict[str, FileRecord], logger: Any
) -> dict[str, Any]:
    quarantined = [r for r in manifest.values() if r.status == QUARANTINED]
    reasons: dict[str, int] = {}
    for r in quarantined:
        reasons[r.reason or "error"] = reasons.get(r.reason or "error", 0) + 1
    summary.update({
        "files_quarantined": len(quarantined),
        "quarantine_reasons": dict(sorted(reasons.items())),
        "documents": wh.count_rows("documents"),
        "trade_figures": wh.count_rows("trade_figures"),
        "troop_counts": wh.count_rows("troop_counts"),
    })
    create_table_artifact(
        key="newsfacts-run-summary",
        table=[{"measure": k, "value": str(v)} for k, v in summary.items()],
        description=f"newsfacts run {summary['run_id']}: warehouse at {summary['warehouse']}",
    )
    logger.info("run %s: %d documents, %d trade figures, %d troop counts, %d quarantined",
                summary["run_id"], summary["documents"], summary["trade_figures"],
                summary["troop_counts"], summary["files_quarantined"])
    return summary


RUN_COUNTS = ("files_seen", "files_new", "files_changed", "files_deleted", "files_unchanged",
              "files_processed", "files_quarantined", "docs_skipped_language", "trade_figures",
              "troop_counts")


@flow(name="newsfacts")
def newsfacts_run(
    config_path: str | None = None,
    input_dir: str | None = None,
    warehouse_dir: str | None = None,
    full_refresh: bool = False,
) -> dict[str, Any]:
    """One newsfacts run: raw text under the input folder -> Parquet and DuckDB.

    Incremental: only new and changed files are read (``full_refresh`` reads everything).
    Every run, failed or not, leaves a row in the ``runs`` table.
    """
    config = load_config(
        Path(config_path) if config_path else None,
        {"input": input_dir, "warehouse": warehouse_dir},
    )
    check_paths(config)
    share_prefect_api()  # before any worker process starts
    run_id = str(flow_run.get_id() or uuid.uuid4())
    started = datetime.now(UTC)
    row: dict[str, Any] = {
        "run_id": run_id, "started_at": started, "finished_at": None, "status": "failed",
        "full_refresh": full_refresh, **dict.fromkeys(RUN_COUNTS, 0),
        "config_sha256": config.sha256(), "version": __version__,
    }
    wh = make_warehouse(config)
    lean_allocator()  # this process merges and writes the Parquet files (and runs threads)
    logger = get_run_logger()
    with wh.lock(config.lock_timeout_s,
                 on_wait=lambda holder: logger.warning("waiting for the warehouse: %s", holder)):
        wh.clear_staging()
        config_data = config.model_dump(mode="json")
        try:
            inner = process_corpus.with_options(task_runner=make_task_runner(config))
            work = inner(config_data, run_id, full_refresh)
            summary = _publish_and_load(config_data, wh, run_id, work, logger)
            row.update({k: summary[k] for k in RUN_COUNTS})
            row["full_refresh"] = summary["full_refresh"]
            row["status"] = "completed"
            return summary
        finally:
            row["finished_at"] = datetime.now(UTC)
            wh.record_run(row)
            wh.load_runs()
