"""Storage: Parquet datasets and the DuckDB file, behind one small interface.

The flow only calls ``stage`` (per batch), ``publish`` and ``load_duckdb`` (once per run)
and ``record_run``; how the files are laid out is this module's business.

Layout under the warehouse folder::

    parquet/<table>/part-<bucket>.parquet   current rows, bucketed by doc_id
    parquet/runs/run-<started>-<run_id>.parquet   one file per run (append-only log)
    parquet/quarantine/part-0.parquet       files the last run could not take
    newsfacts.duckdb                        the same tables, plus analyst views
    .staging/<run_id>/...                   a run's batch output before publishing

Why buckets: a reader (a BI tool, DuckDB) sees whole files only, and each published file is
written beside its final name and renamed into place (``os.replace`` is atomic on POSIX),
so no reader ever sees a half-written file. Bucketing by doc_id keeps every row of a
document in the same-numbered file of each table and lets a later incremental run rewrite
only the buckets it touched.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsfacts import __version__
from newsfacts.schema import DOCUMENT_TABLES, TABLES, VIEWS, description, render_ddl

# Rows are published sorted, so two runs over the same input give identical files.
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sentence_no"],
    "trade_figures": ["doc_id", "char_start", "char_end"],
    "troop_counts": ["doc_id", "char_start", "char_end"],
    "country_mentions": ["doc_id", "char_start"],
    "quarantine": ["source_path"],
    "runs": ["started_at"],
}


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
    ) -> None:
        self.root = root
        self.buckets = buckets
        self.compression = None if compression == "none" else compression
        self.duckdb_path = root / duckdb_file
        self.storage_version = storage_version
        self.parquet = root / "parquet"

    # -- per batch ------------------------------------------------------------------------
    def staging_dir(self, run_id: str) -> Path:
        return self.root / ".staging" / run_id

    def stage(self, run_id: str, batch_no: int, tables: dict[str, pa.Table]) -> None:
        """Write one batch's rows into the run's staging area, split by bucket."""
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            ids = table.column("doc_id").to_pylist()
            bucket_col = pa.array([bucket_of(d, self.buckets) for d in ids], pa.int32())
            for b in sorted(set(bucket_col.to_pylist())):
                part = table.filter(pc.equal(bucket_col, b))
                target = self.staging_dir(run_id) / name / f"b{b:04d}"
                target.mkdir(parents=True, exist_ok=True)
                pq.write_table(part, target / f"batch-{batch_no:06d}.parquet",
                               compression=self.compression)

    # -- per run ----------------------------------------------------------------------------
    def publish(
        self,
        run_id: str,
        quarantine: pa.Table,
        drop: dict[int, set[str]] | None = None,
    ) -> None:
        """Replace every document table with this run's staged rows, bucket by bucket.

        ``drop`` maps a batch number to doc_ids whose rows that batch must not contribute
        (duplicate content already taken from another file).
        """
        drop = drop or {}
        staging = self.staging_dir(run_id)
        for name in DOCUMENT_TABLES:
            out_dir = self.parquet / name
            out_dir.mkdir(parents=True, exist_ok=True)
            written: set[str] = set()
            table_stage = staging / name
            bucket_dirs = sorted(table_stage.iterdir()) if table_stage.is_dir() else []
            for bdir in bucket_dirs:
                parts = [self._read_staged(f, drop) for f in sorted(bdir.glob("batch-*.parquet"))]
                merged = pa.concat_tables(parts) if parts else TABLES[name].empty_table()
                if merged.num_rows == 0:
                    continue
                final = f"part-{int(bdir.name[1:]):04d}.parquet"
                self._write_atomic(merged.sort_by([(k, "ascending") for k in SORT_KEYS[name]]),
                                   out_dir / final, name)
                written.add(final)
            for stale in out_dir.glob("part-*.parquet"):
                if stale.name not in written:
                    stale.unlink()
        qdir = self.parquet / "quarantine"
        qdir.mkdir(parents=True, exist_ok=True)
        if quarantine.num_rows:
            self._write_atomic(quarantine.sort_by([("source_path", "ascending")]),
                               qdir / "part-0000.parquet", "quarantine")
        else:
            (qdir / "part-0000.parquet").unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)

    def _read_staged(self, path: Path, drop: dict[int, set[str]]) -> pa.Table:
        table = pq.read_table(path)
        batch_no = int(path.stem.split("-")[1])
        if batch_no in drop:
            mask = pc.invert(pc.is_in(table.column("doc_id"), pa.array(sorted(drop[batch_no]))))
            table = table.filter(mask)
        return table.cast(TABLES[path.parent.parent.name])

    def _write_atomic(self, table: pa.Table, final: Path, name: str) -> None:
        """Write beside the final name, fsync, rename into place."""
        tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
        schema = TABLES[name].with_metadata({"newsfacts_version": __version__, "table": name})
        pq.write_table(table.cast(schema), tmp, compression=self.compression)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)

    def record_run(self, row: dict[str, object]) -> Path:
        """Append the run's row to the run log (one small file per run)."""
        runs = self.parquet / "runs"
        runs.mkdir(parents=True, exist_ok=True)
        started = row["started_at"]
        stamp = started.strftime("%Y%m%dT%H%M%S%f") if isinstance(started, datetime) else "x"
        final = runs / f"run-{stamp}-{row['run_id']}.parquet"
        table = pa.Table.from_pylist([row], schema=TABLES["runs"])
        self._write_atomic(table, final, "runs")
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
        con = duckdb.connect()
        path = str(self.duckdb_path)
        opts = "READ_ONLY" if read_only else f"STORAGE_VERSION '{self.storage_version}'"
        con.execute(f"ATTACH ? AS wh ({opts})".replace("?", _sql_literal(path)))
        con.execute("USE wh")
        return con

    def load_duckdb(self) -> None:
        """Refresh every table from the Parquet files, in one transaction, then the views."""
        self.root.mkdir(parents=True, exist_ok=True)
        con = self.connect()
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(render_ddl(replace=True))
            for name in TABLES:
                self._refresh(con, name)
            for view in VIEWS.values():
                con.execute(view)
            for name, schema in TABLES.items():
                for field in schema:
                    con.execute(
                        f"COMMENT ON COLUMN {name}.{field.name} IS "
                        f"{_sql_literal(description(field))}"
                    )
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def load_runs(self) -> None:
        """Refresh only the run log in DuckDB (after a run's own row was written)."""
        con = self.connect()
        try:
            con.execute("BEGIN TRANSACTION")
            self._refresh(con, "runs")
            con.execute("COMMIT")
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

    def clear_staging(self) -> None:
        """Remove what crashed or failed runs left in the staging area."""
        shutil.rmtree(self.root / ".staging", ignore_errors=True)

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


def _sql_literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"
