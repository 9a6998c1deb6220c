"""Storage: Parquet datasets and the DuckDB file, behind one small interface.

The flow calls ``stage`` (per batch), then ``publish`` and ``load_duckdb`` (once per run),
and ``record_run``; how files are laid out is this module's business.

Layout under the warehouse folder::

    parquet/<table>/part-<bucket>.parquet   current rows, bucketed by doc_id
    parquet/manifest/part-0000.parquet      every source file the warehouse knows
    parquet/quarantine/part-0000.parquet    files that could not be taken, with reasons
    parquet/runs/run-<started>-<run_id>.parquet   one file per run (append-only log)
    newsfacts.duckdb                        the same tables, plus analyst views
    .staging/<run_id>/...                   a run's batch output before publishing
    .publishing                             present only while a publish is under way

Why buckets: a run rewrites only the buckets holding documents it added, changed or
removed, so its cost follows what changed, not the archive. Every row of a document sits
in the same-numbered file of each table. Each file is written beside its final name and
renamed into place (atomic on POSIX), so readers never see half a file.

Crash safety: ``.publishing`` is written before the first file is replaced and removed
after the manifest is. A run that finds it knows the last publish was cut short, and reads
everything again (a full refresh), so the warehouse always converges to the input. DuckDB
is refreshed in one transaction and remembers which publish it holds; when that is not the
one before this run's, it is rebuilt from the Parquet files instead of patched.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts import __version__
from newsfacts.failpoints import failpoint
from newsfacts.manifest import QUARANTINED, FileRecord
from newsfacts.schema import DOCUMENT_TABLES, TABLES, VIEWS, description, render_ddl

if TYPE_CHECKING:
    import duckdb

# duckdb and pyarrow.compute are imported where they are used: a batch worker only stages
# Parquet files and needs neither (about 20 MB less per worker process).

# Rows are published sorted, so two runs over the same input give identical files.
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sentence_no"],
    "trade_figures": ["doc_id", "char_start", "char_end"],
    "troop_counts": ["doc_id", "char_start", "char_end"],
    "country_mentions": ["doc_id", "char_start", "char_end"],
    "quarantine": ["source_path"],
    "manifest": ["source_path"],
    "runs": ["started_at"],
}
PUBLISH_KEY = b"newsfacts_publish_id"
BUCKETS_KEY = b"newsfacts_buckets"


def lean_allocator() -> None:
    """Allocate Arrow memory with the C library's malloc in this process, not Arrow's
    default mimalloc pool, which keeps freed pages (tens of MB in a batch worker after a
    batch's tables are gone), and cap glibc at 2 malloc arenas: each thread that allocates
    (Arrow's thread pool sorting and writing, Prefect's event loop) otherwise gets its own
    heap, and freed memory strands in each. Arrow is a small part of a batch's cost, so
    speed does not change."""
    global _arenas_capped
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())
    if _mallopt is not None and not _arenas_capped:
        _mallopt(_M_ARENA_MAX, 2)
        _arenas_capped = True


def release_memory() -> None:
    """Give freed memory back to the OS (Arrow's pool and glibc's heap): after a batch, so a
    long-lived worker's resident size stays near its imports, and after each published
    bucket, so the publish peak is one bucket's rows, not the sum of what came before."""
    pa.default_memory_pool().release_unused()
    if _malloc_trim is not None:
        _malloc_trim(0)


def _libc_function(name: str) -> Any:
    try:
        return getattr(ctypes.CDLL(None), name)  # the C library the interpreter runs on
    except (OSError, AttributeError):  # not glibc
        return None


_malloc_trim = _libc_function("malloc_trim")
_mallopt = _libc_function("mallopt")
_M_ARENA_MAX = -8  # glibc's malloc.h
_arenas_capped = False


def bucket_of(doc_id: str, buckets: int) -> int:
    return int(doc_id[:8], 16) % buckets


class Warehouse:
    """One warehouse folder: Parquet datasets plus a DuckDB file built from them."""

    def __init__(
        self,
        root: Path,
        *,
        buckets: int = 16,
        compression: str = "zstd",
        duckdb_file: str = "newsfacts.duckdb",
        storage_version: str = "v1.4.0",
        memory_limit: str = "256MB",
    ) -> None:
        self.root = root
        self.buckets = buckets
        self.compression = None if compression == "none" else compression
        self.duckdb_path = root / duckdb_file
        self.storage_version = storage_version
        self.memory_limit = memory_limit
        self.parquet = root / "parquet"
        self.marker = root / ".publishing"

    # -- state ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(
        self, timeout_s: float, on_wait: Callable[[str], None] | None = None
    ) -> Iterator[None]:
        """Hold the warehouse for one run; a second run waits up to ``timeout_s``, then fails.

        An OS file lock (flock): the kernel drops it when the holder dies, so a crashed
        run never leaves the warehouse locked. Local filesystems only (flock over NFS is
        not reliable): one scheduler per warehouse there.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / ".lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + timeout_s
            told = False
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    holder = _read_holder(fd)
                    if time.monotonic() >= deadline:
                        raise WarehouseBusy(
                            f"warehouse {self.root} is in use by another run ({holder}); "
                            f"waited {timeout_s:.0f} s. Try again when it finishes, or raise "
                            "lock_timeout_s in the config.") from None
                    if on_wait and not told:
                        on_wait(holder)
                        told = True
                    time.sleep(0.2)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since "
                          f"{datetime.now().isoformat(timespec='seconds')}".encode(), 0)
            yield
        finally:
            os.close(fd)  # releases the lock


    def interrupted(self) -> bool:
        """True when the last publish did not finish (its marker is still there)."""
        return self.marker.exists()

    def read_manifest(self) -> tuple[dict[str, FileRecord], str | None, int | None]:
        """The manifest rows by path, the id of the publish that wrote them, and the
        bucket count the data was written with."""
        path = self.parquet / "manifest" / "part-0000.parquet"
        if not path.exists():
            return {}, None, None
        table = pq.read_table(path)
        meta = table.schema.metadata or {}
        publish_id = meta.get(PUBLISH_KEY, b"").decode() or None
        buckets = int(meta[BUCKETS_KEY]) if BUCKETS_KEY in meta else None
        rows = {r["source_path"]: FileRecord(**r) for r in table.to_pylist()}
        return rows, publish_id, buckets

    # -- per batch ------------------------------------------------------------------------
    def staging_dir(self, run_id: str) -> Path:
        return self.root / ".staging" / run_id

    def clear_staging(self) -> None:
        """Remove what crashed or failed runs left in the staging area."""
        shutil.rmtree(self.root / ".staging", ignore_errors=True)

    def stage(self, run_id: str, batch_no: int, tables: dict[str, pa.Table]) -> None:
        """Write one batch's rows into the run's staging area, split by bucket."""
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            for b, part in _split_by_bucket(table, self.buckets):
                target = self.staging_dir(run_id) / name / f"b{b:04d}"
                target.mkdir(parents=True, exist_ok=True)
                pq.write_table(part, target / f"batch-{batch_no:06d}.parquet",
                               compression=self.compression)
                failpoint("stage.write")

    # -- per run ----------------------------------------------------------------------------
    def publish(
        self,
        run_id: str,
        manifest: dict[str, FileRecord],
        remove: set[str],
        take: dict[str, int],
        *,
        full_refresh: bool,
        now: datetime,
    ) -> set[int]:
        """Make the Parquet datasets hold exactly the rows of ``manifest``'s documents.

        ``remove``: doc_ids whose rows go; ``take``: doc_id -> batch whose staged rows come
        in. Only buckets they touch are rewritten (all of them on a full refresh). Returns
        the buckets rewritten.
        """
        import pyarrow.compute as pc

        self.root.mkdir(parents=True, exist_ok=True)
        self.marker.write_text(run_id)
        _fsync_dir(self.root)
        affected = {bucket_of(d, self.buckets) for d in remove | set(take)}
        if full_refresh:
            affected |= set(range(self.buckets))
        replaced = pa.array(sorted(remove | set(take)), pa.string())
        staging = self.staging_dir(run_id)
        for name in DOCUMENT_TABLES:
            out_dir = self.parquet / name
            out_dir.mkdir(parents=True, exist_ok=True)
            for b in sorted(affected):
                final = out_dir / f"part-{b:04d}.parquet"
                parts: list[pa.Table] = []
                if final.exists() and not full_refresh:
                    old = pq.read_table(final)
                    parts.append(old.filter(pc.invert(pc.is_in(old.column("doc_id"), replaced))))
                parts += self._staged_rows(staging / name / f"b{b:04d}", take)
                merged = pa.concat_tables([p.cast(TABLES[name]) for p in parts]) if parts \
                    else TABLES[name].empty_table()
                if merged.num_rows == 0:
                    final.unlink(missing_ok=True)
                    continue
                parts.clear()
                merged = merged.sort_by([(k, "ascending") for k in SORT_KEYS[name]])
                self._write_atomic(merged, final, name)
                del merged
                release_memory()
                failpoint("publish.bucket")
            if full_refresh:  # files of an earlier, larger bucket count
                for stale in out_dir.glob("part-*.parquet"):
                    if int(stale.stem.split("-")[1]) >= self.buckets:
                        stale.unlink()
        quarantined = [r for r in manifest.values() if r.status == QUARANTINED]
        qtable = pa.Table.from_pylist(
            [{"source_path": r.source_path, "reason": r.reason or "error", "detail": r.detail,
              "run_id": r.run_id, "seen_at": now} for r in quarantined],
            schema=TABLES["quarantine"],
        )
        self._replace_single("quarantine", qtable, keep_old_rows_for=manifest)
        # column by column: a dict per row would be ~65 MB more at 100,000 files
        records = list(manifest.values())
        mtable = pa.table({f: [getattr(r, f) for r in records] for f in TABLES["manifest"].names},
                          schema=TABLES["manifest"])
        del records
        self._replace_single("manifest", mtable, publish_id=run_id)
        failpoint("publish.manifest")
        self.marker.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        release_memory()  # before the DuckDB load, which comes next in the same process
        return affected

    def _staged_rows(self, bucket_dir: Path, take: dict[str, int]) -> list[pa.Table]:
        """The staged rows of the documents ``take`` assigns to each batch."""
        if not bucket_dir.is_dir():
            return []
        wanted: dict[int, list[str]] = {}
        for doc_id, batch_no in take.items():
            wanted.setdefault(batch_no, []).append(doc_id)
        import pyarrow.compute as pc

        out: list[pa.Table] = []
        pending: list[pa.Table] = []
        for f in sorted(bucket_dir.glob("batch-*.parquet")):
            ids = wanted.get(int(f.stem.split("-")[1]))
            if not ids:
                continue
            t = pq.read_table(f, use_threads=False)
            pending.append(t.filter(pc.is_in(t.column("doc_id"), pa.array(ids, pa.string()))))
            if len(pending) == 32:  # many small tables hold far more memory than one big one
                out.append(pa.concat_tables(pending).combine_chunks())
                pending.clear()
        if pending:
            out.append(pa.concat_tables(pending).combine_chunks())
        return out

    def _replace_single(
        self,
        name: str,
        table: pa.Table,
        *,
        publish_id: str | None = None,
        keep_old_rows_for: dict[str, FileRecord] | None = None,
    ) -> None:
        """Replace a one-file table. Quarantine rows keep their first ``seen_at`` while the
        file stays quarantined for the same reason, so reruns do not churn it."""
        final = self.parquet / name / "part-0000.parquet"
        final.parent.mkdir(parents=True, exist_ok=True)
        if keep_old_rows_for is not None and final.exists() and table.num_rows:
            old = {(r["source_path"], r["reason"]): r for r in pq.read_table(final).to_pylist()}
            rows = []
            for r in table.to_pylist():
                prev = old.get((r["source_path"], r["reason"]))
                rows.append(prev if prev and prev["detail"] == r["detail"] else r)
            table = pa.Table.from_pylist(rows, schema=TABLES[name])
        if table.num_rows == 0 and name != "manifest":
            final.unlink(missing_ok=True)
            return
        extra = {PUBLISH_KEY: publish_id.encode(), BUCKETS_KEY: str(self.buckets).encode()} \
            if publish_id else {}
        self._write_atomic(table.sort_by([(k, "ascending") for k in SORT_KEYS[name]]), final,
                           name, extra)

    def _write_atomic(
        self, table: pa.Table, final: Path, name: str, extra: dict[bytes, bytes] | None = None
    ) -> None:
        """Write beside the final name, fsync, rename into place."""
        tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
        meta = {b"newsfacts_version": __version__.encode(), b"table": name.encode(),
                **(extra or {})}
        schema = TABLES[name].with_metadata(meta)
        pq.write_table(table.cast(schema), tmp, compression=self.compression)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        _fsync_dir(final.parent)

    def record_run(self, row: dict[str, object]) -> Path:
        """Append the run's row to the run log (one small file per run)."""
        runs = self.parquet / "runs"
        runs.mkdir(parents=True, exist_ok=True)
        started = row["started_at"]
        stamp = started.strftime("%Y%m%dT%H%M%S%f") if isinstance(started, datetime) else "x"
        final = runs / f"run-{stamp}-{row['run_id']}.parquet"
        table = pa.Table.from_pylist([row], schema=TABLES["runs"])
        self._write_atomic(table, final, "runs")
        failpoint("run.recorded")
        return final

    def files(self, table: str) -> list[Path]:
        pattern = "run-*.parquet" if table == "runs" else "part-*.parquet"
        return sorted((self.parquet / table).glob(pattern))

    def count_rows(self, table: str) -> int:
        return sum(pq.ParquetFile(f).metadata.num_rows for f in self.files(table))

    # -- DuckDB -----------------------------------------------------------------------------
    def connect(self, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        """A connection with the warehouse attached as the default database.

        Written with an explicit storage version so that DuckDB 1.4+ clients (and BI
        drivers that bundle them) can open the file; the newest format cannot.
        """
        import duckdb

        # DuckDB would take up to 80% of RAM while loading; a cap keeps a run's memory
        # bounded (it spills to disk instead) at a small cost in load time.
        con = duckdb.connect(config={"memory_limit": self.memory_limit})
        opts = "READ_ONLY" if read_only else f"STORAGE_VERSION '{self.storage_version}'"
        con.execute(f"ATTACH {_sql_literal(str(self.duckdb_path))} AS wh ({opts})")
        con.execute("USE wh")
        return con

    def load_duckdb(
        self,
        publish_id: str,
        previous_publish_id: str | None,
        changed: set[str],
        added: set[str],
        buckets: set[int],
        *,
        full_refresh: bool = False,
    ) -> str:
        """Bring DuckDB to the published Parquet state in one transaction.

        Patches only the changed documents' rows when DuckDB holds the previous publish;
        otherwise (first run, a crash in between, a new schema, a full refresh) reloads
        every table.
        Returns "patched" or "reloaded".
        """
        self.root.mkdir(parents=True, exist_ok=True)
        con = self.connect()
        try:
            state = self._state(con)
            patch = (
                not full_refresh
                and previous_publish_id is not None
                and state.get("publish_id") == previous_publish_id
                and state.get("ddl") == _ddl_id()
            )
            con.execute("BEGIN TRANSACTION")
            if patch:
                self._patch(con, changed, added, buckets)
            else:
                self._reload(con)
            failpoint("duckdb.load")
            con.execute("CREATE TABLE IF NOT EXISTS newsfacts_state (key VARCHAR PRIMARY KEY, "
                        "value VARCHAR)")
            con.execute("INSERT OR REPLACE INTO newsfacts_state VALUES ('publish_id', ?), "
                        "('ddl', ?)", [publish_id, _ddl_id()])
            con.execute("COMMENT ON COLUMN newsfacts_state.key IS 'Internal bookkeeping: "
                        "publish_id (the Parquet publish this file holds) or ddl (schema id).'")
            con.execute("COMMENT ON COLUMN newsfacts_state.value IS 'Value of the key.'")
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
            failpoint("duckdb.done")
            return "patched" if patch else "reloaded"
        except BaseException:
            _rollback(con)
            raise
        finally:
            con.close()

    def sync_duckdb(self, publish_id: str | None) -> str:
        """When nothing changed: make sure DuckDB holds the last publish (a run killed
        between publishing Parquet and committing DuckDB leaves it one publish behind)."""
        if publish_id is None:
            return "unchanged"
        if self.duckdb_path.exists():
            con = self.connect(read_only=True)
            try:
                if self._state(con).get("publish_id") == publish_id:
                    return "unchanged"
            finally:
                con.close()
        return self.load_duckdb(publish_id, None, set(), set(), set())

    def _state(self, con: duckdb.DuckDBPyConnection) -> dict[str, str]:
        exists = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'wh' "
            "AND table_name = 'newsfacts_state'").fetchone()
        if not exists or not exists[0]:
            return {}
        return dict(con.execute("SELECT key, value FROM newsfacts_state").fetchall())

    def _reload(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute(render_ddl(replace=True))
        for name in TABLES:
            self._refresh(con, name)
        for view in VIEWS.values():
            con.execute(view)
        for name, schema in TABLES.items():
            for field in schema:
                con.execute(f"COMMENT ON COLUMN {name}.{field.name} IS "
                            f"{_sql_literal(description(field))}")

    def _patch(
        self, con: duckdb.DuckDBPyConnection, changed: set[str], added: set[str],
        buckets: set[int],
    ) -> None:
        ids = sorted(changed | added)
        for name in DOCUMENT_TABLES:
            if ids:
                con.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT unnest(?))", [ids])
            files = [str(self.parquet / name / f"part-{b:04d}.parquet") for b in sorted(buckets)]
            files = [f for f in files if os.path.exists(f)]
            if added and files:
                cols = ", ".join(TABLES[name].names)
                con.execute(
                    f"INSERT INTO {name} ({cols}) SELECT {cols} FROM read_parquet(?) "
                    "WHERE doc_id IN (SELECT unnest(?))",
                    [files, sorted(added)],
                )
        for name in ("quarantine", "manifest", "runs"):
            self._refresh(con, name)

    def load_runs(self) -> None:
        """Refresh only the run log in DuckDB (after a run's own row was written)."""
        con = self.connect()
        try:
            if "publish_id" not in self._state(con):
                con.execute(render_ddl(replace=False))
            con.execute("BEGIN TRANSACTION")
            self._refresh(con, "runs")
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise
        finally:
            con.close()

    def _refresh(self, con: duckdb.DuckDBPyConnection, name: str) -> None:
        con.execute(f"DELETE FROM {name}")
        files = self.files(name)
        if files:
            cols = ", ".join(TABLES[name].names)
            con.execute(
                f"INSERT INTO {name} ({cols}) SELECT {cols} FROM read_parquet(?)",
                [[str(f) for f in files]],
            )

    def query(
        self, sql: str, params: Iterable[object] | None = None
    ) -> tuple[list[str], list[tuple]]:
        con = self.connect(read_only=True)
        try:
            cur = con.execute(sql, list(params) if params is not None else None)
            names = [d[0] for d in cur.description or []]
            return names, cur.fetchall()
        finally:
            con.close()


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


def _split_by_bucket(table: pa.Table, buckets: int) -> list[tuple[int, pa.Table]]:
    """(bucket, its rows in table order) for every bucket present. A document's rows are
    contiguous, so each bucket is a few slices (no compute kernels needed)."""
    runs: dict[int, list[tuple[int, int]]] = {}
    start, current = 0, None
    for i, doc_id in enumerate(table.column("doc_id").to_pylist()):
        b = bucket_of(doc_id, buckets)
        if b != current:
            if current is not None:
                runs.setdefault(current, []).append((start, i - start))
            start, current = i, b
    if current is not None:
        runs.setdefault(current, []).append((start, table.num_rows - start))
    return [(b, pa.concat_tables([table.slice(o, n) for o, n in runs[b]]).combine_chunks())
            for b in sorted(runs)]


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode(errors="replace") or "unknown holder"
    except OSError:
        return "unknown holder"


def _ddl_id() -> str:
    import hashlib

    return hashlib.sha256(render_ddl().encode()).hexdigest()[:16]


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    import duckdb

    with contextlib.suppress(duckdb.Error):  # no transaction was open
        con.execute("ROLLBACK")


def _fsync_dir(path: Path) -> None:
    """Persist a rename: on POSIX the directory entry needs its own fsync."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sql_literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"
