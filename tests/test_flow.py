"""The real Prefect flow over real files: Parquet and DuckDB agree, reruns add nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsfacts.schema import DOCUMENT_TABLES, TABLES
from newsfacts.warehouse import Warehouse

from .conftest import SAMPLE

pytestmark = pytest.mark.slow


def parquet_rows(warehouse: Path, table: str) -> list[dict]:
    files = sorted((warehouse / "parquet" / table).glob("*.parquet"))
    if not files:
        return []
    return ds.dataset([str(f) for f in files], format="parquet").to_table().to_pylist()


def duck_rows(warehouse: Path, table: str) -> list[dict]:
    con = Warehouse(warehouse).connect(read_only=True)
    try:
        cur = con.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def _key(row: dict) -> tuple:
    return tuple(str(row[k]) for k in sorted(row) if k not in ("ingested_at", "seen_at"))


def test_sample_run_summary(sample_run: dict) -> None:
    s = sample_run["summary"]
    assert s["files_processed"] >= 10
    assert s["trade_figures"] > 0 and s["troop_counts"] > 0
    assert s["quarantine_reasons"].get("empty") == 1
    assert s["quarantine_reasons"].get("binary") == 1
    assert s["docs_skipped_language"] >= 1


@pytest.mark.parametrize("table", [*DOCUMENT_TABLES, "quarantine"])
def test_parquet_and_duckdb_agree(sample_run: dict, table: str) -> None:
    wh = sample_run["warehouse"]
    pq_rows = parquet_rows(wh, table)
    db_rows = duck_rows(wh, table)
    assert len(pq_rows) == len(db_rows)
    assert sorted(map(_key, pq_rows)) == sorted(map(_key, db_rows))


def test_every_quote_is_its_text(sample_run: dict) -> None:
    wh = sample_run["warehouse"]
    texts = {d["doc_id"]: d["text"] for d in parquet_rows(wh, "documents")}
    sentences = {(s["doc_id"], s["sentence_no"]): s for s in parquet_rows(wh, "sentences")}
    for table in ("trade_figures", "troop_counts", "country_mentions"):
        for row in parquet_rows(wh, table):
            text = texts[row["doc_id"]]
            quote = row.get("quote", row.get("surface"))
            assert text[row["char_start"] : row["char_end"]] == quote
            sent = sentences[(row["doc_id"], row["sentence_no"])]
            assert sent["char_start"] <= row["char_start"] < row["char_end"] <= sent["char_end"]


def test_parquet_carries_column_descriptions(sample_run: dict) -> None:
    import pyarrow.parquet as pq

    f = next((sample_run["warehouse"] / "parquet" / "trade_figures").glob("*.parquet"))
    schema = pq.read_schema(f)
    for field in TABLES["trade_figures"]:
        assert schema.field(field.name).metadata[b"description"]


def test_duckdb_has_comments_and_views(sample_run: dict) -> None:
    con = Warehouse(sample_run["warehouse"]).connect(read_only=True)
    try:
        missing = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = 'wh' AND table_name IN "
            "(SELECT table_name FROM duckdb_tables() WHERE database_name = 'wh') "
            "AND (comment IS NULL OR comment = '')"
        ).fetchall()
        assert missing == []
        views = {r[0] for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = 'wh'").fetchall()}
        assert {"facts", "trade_by_partners", "troop_movements"} <= views
        n_facts = con.execute("SELECT count(*) FROM facts").fetchone()[0]
        n = con.execute(
            "SELECT (SELECT count(*) FROM trade_figures) + (SELECT count(*) FROM troop_counts)"
        ).fetchone()[0]
        assert n_facts == n
    finally:
        con.close()


def test_rerun_on_unchanged_input_adds_no_rows(prefect_api: str | None, tmp_path: Path) -> None:
    from flows.newsfacts_flow import newsfacts_run

    corpus = tmp_path / "in"
    shutil.copytree(SAMPLE, corpus)
    wh = tmp_path / "wh"

    def snapshot() -> dict[str, list[tuple]]:
        return {
            t: sorted(_key({k: v for k, v in r.items() if k != "run_id"})
                      for r in duck_rows(wh, t))
            for t in (*DOCUMENT_TABLES, "quarantine")
        }

    newsfacts_run(input_dir=str(corpus), warehouse_dir=str(wh))
    first = snapshot()
    newsfacts_run(input_dir=str(corpus), warehouse_dir=str(wh))
    assert snapshot() == first
    runs = duck_rows(wh, "runs")
    assert len(runs) == 2
    assert all(r["status"] == "completed" for r in runs)


def test_threads_runner_gives_same_rows(prefect_api: str | None, sample_run: dict,
                                        tmp_path: Path) -> None:
    from flows.newsfacts_flow import newsfacts_run

    cfg = tmp_path / "config.yaml"
    cfg.write_text("runner:\n  kind: threads\n  workers: 2\nbatch_files: 3\n")
    wh = tmp_path / "wh"
    newsfacts_run(config_path=str(cfg), input_dir=str(SAMPLE), warehouse_dir=str(wh))
    for table in ("trade_figures", "troop_counts", "sentences"):
        assert sorted(map(_key, parquet_rows(wh, table))) == sorted(
            map(_key, parquet_rows(sample_run["warehouse"], table)))


def test_failed_config_is_recorded_before_work(tmp_path: Path) -> None:
    from flows.newsfacts_flow import newsfacts_run
    from newsfacts.config import ConfigError

    with pytest.raises(ConfigError, match="key 'input'"):
        newsfacts_run.fn(input_dir=str(tmp_path / "missing"), warehouse_dir=str(tmp_path / "w"))


def test_duckdb_file_opens_in_duckdb_1_4(sample_run: dict) -> None:
    """BI drivers bundle older DuckDB: the file must open in 1.4 LTS. CI installs duckdb
    1.4 into a side folder (NEWSFACTS_DUCKDB_1_4, see .ci/run); without it the test skips."""
    side = os.environ.get("NEWSFACTS_DUCKDB_1_4")
    if not side or not Path(side).is_dir():
        pytest.skip("set NEWSFACTS_DUCKDB_1_4 to a folder holding duckdb 1.4 (pip --target)")
    db = sample_run["warehouse"] / "newsfacts.duckdb"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import duckdb; "
        "assert duckdb.__version__.startswith('1.4'), duckdb.__version__; "
        "c = duckdb.connect(sys.argv[2], read_only=True); "
        "print(c.execute('SELECT count(*) FROM trade_figures').fetchone()[0])"
    )
    out = subprocess.run([sys.executable, "-c", code, side, str(db)], capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) == sample_run["summary"]["trade_figures"]


def test_dask_local_cluster_gives_same_warehouse(prefect_api: str | None, sample_run: dict,
                                                 tmp_path: Path) -> None:
    """prefect-dask's DaskTaskRunner on a local cluster of 2 worker processes."""
    from flows.newsfacts_flow import newsfacts_run

    cfg = tmp_path / "config.yaml"
    cfg.write_text("runner:\n  kind: dask\n  workers: 2\nbatch_files: 3\n")
    wh = tmp_path / "wh"
    summary = newsfacts_run(config_path=str(cfg), input_dir=str(SAMPLE), warehouse_dir=str(wh))
    assert summary["documents"] == sample_run["summary"]["documents"]
    volatile = {"run_id", "ingested_at", "seen_at", "mtime_ns"}
    for table in (*DOCUMENT_TABLES, "quarantine", "manifest"):
        def rows(w: Path, t: str = table) -> list[tuple]:
            return sorted(tuple((k, str(v)) for k, v in sorted(r.items()) if k not in volatile)
                          for r in parquet_rows(w, t))
        assert rows(wh) == rows(sample_run["warehouse"]), table


def test_flow_loads_from_its_prefect_entrypoint(prefect_api: str | None, tmp_path: Path) -> None:
    """`prefect deploy` and workers load the flow by entrypoint path, not by import."""
    from prefect.flows import load_flow_from_entrypoint

    from .conftest import REPO

    flow = load_flow_from_entrypoint(str(REPO / "flows" / "newsfacts_flow.py") + ":newsfacts_run")
    assert flow.name == "newsfacts"
    assert set(flow.parameters.properties) == {"config_path", "input_dir", "warehouse_dir",
                                               "full_refresh"}
    cfg = tmp_path / "c.yaml"
    cfg.write_text("runner:\n  kind: threads\n")
    summary = flow(config_path=str(cfg), input_dir=str(SAMPLE), warehouse_dir=str(tmp_path / "w"))
    assert summary["documents"] > 10


def test_flow_called_from_python_shares_one_prefect_server(tmp_path: Path) -> None:
    """Without PREFECT_API_URL, Prefect starts a temporary server for the flow; the worker
    processes must report to it rather than each start a server of their own."""
    from .conftest import REPO

    cfg = tmp_path / "config.yaml"
    cfg.write_text("runner:\n  kind: processes\n  workers: 2\nbatch_files: 2\n")
    code = (
        "import sys\n"
        "from flows.newsfacts_flow import newsfacts_run\n"
        "if __name__ == '__main__':\n"
        "    s = newsfacts_run(config_path=sys.argv[1], input_dir=sys.argv[2],\n"
        "                      warehouse_dir=sys.argv[3])\n"
        "    print('documents', s['documents'])\n"
    )
    script = tmp_path / "run.py"
    script.write_text(code)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PYTHONPATH=str(REPO),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="INFO")
    out = subprocess.run([sys.executable, str(script), str(cfg), str(SAMPLE), str(tmp_path / "w")],
                         capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "documents " in out.stdout
    log = out.stdout + out.stderr
    assert log.count("Starting temporary server") == 1, log[-3000:]


def test_local_dask_cluster_runs_without_interactive_timers() -> None:
    """The local cluster a run starts turns off what serves a dashboard user and takes CPU
    from the batches (worker profiler, 20 ms health ticks); a user's own cluster is theirs."""
    import dask
    from prefect_dask import DaskTaskRunner

    from flows.newsfacts_flow import make_task_runner
    from newsfacts.config import Config

    with dask.config.set({"distributed.worker.profile.enabled": True}):
        remote = make_task_runner(Config.model_validate(
            {"runner": {"kind": "dask", "address": "tcp://127.0.0.1:1"}}))
        assert isinstance(remote, DaskTaskRunner)
        assert dask.config.get("distributed.worker.profile.enabled") is True
        local = make_task_runner(Config.model_validate({"runner": {"kind": "dask", "workers": 2}}))
        assert isinstance(local, DaskTaskRunner)
        assert dask.config.get("distributed.worker.profile.enabled") is False
        assert dask.config.get("distributed.admin.tick.interval") == "500ms"
