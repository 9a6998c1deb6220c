"""The `newsfacts` command as a user runs it: summary, exit codes, sql, eval."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, SAMPLE

BIN = Path(sys.executable).parent / "newsfacts"


def newsfacts(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "INFO"}  # as a user sees it
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600, check=False, env=env)


def test_bad_config_fails_fast_naming_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("runner:\n  kind: fibers\nbatch_file: 3\n")
    out = newsfacts("run", "--config", str(bad))
    assert out.returncode == 2
    assert "key 'runner.kind'" in out.stderr
    assert "key 'batch_file'" in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_input_and_unwritable_warehouse(tmp_path: Path) -> None:
    out = newsfacts("run", "--input", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w"))
    assert out.returncode == 2 and "key 'input'" in out.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = newsfacts("run", "--input", str(SAMPLE), "--warehouse", str(blocker / "w"))
    assert out.returncode == 2 and "key 'warehouse'" in out.stderr


def test_sql_without_a_warehouse_says_what_to_do(tmp_path: Path) -> None:
    out = newsfacts("sql", "SELECT 1", "--warehouse", str(tmp_path / "none"))
    assert out.returncode == 2 and "newsfacts run" in out.stderr


@pytest.mark.slow
def test_run_prints_a_summary_then_sql_queries_it(tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    out = newsfacts("run", "--warehouse", str(wh), cwd=tmp_path)  # no config: sample corpus
    assert out.returncode == 0, out.stderr[-3000:]
    assert "Traceback" not in out.stderr and "ERROR" not in out.stderr  # a clean run
    assert "process-batch" in out.stderr or "batch 1/" in out.stderr  # tasks log at INFO
    assert "completed in" in out.stdout
    assert "trade figures" in out.stdout and "quarantined" in out.stdout
    q = newsfacts("sql", "SELECT count(*) AS n FROM documents", "--warehouse", str(wh),
                  cwd=tmp_path)
    assert q.returncode == 0 and "│" in q.stdout
    f = tmp_path / "q.sql"
    f.write_text("SELECT kind, count(*) FROM facts GROUP BY kind ORDER BY kind;")
    q = newsfacts("sql", "-f", str(f), "--warehouse", str(wh), cwd=tmp_path)
    assert q.returncode == 0 and "trade" in q.stdout and "troops" in q.stdout
    bad = newsfacts("sql", "SELECT * FROM nope", "--warehouse", str(wh), cwd=tmp_path)
    assert bad.returncode == 1 and "query failed" in bad.stderr
    # The warehouse is read-only to `sql`: writes are refused.
    w = newsfacts("sql", "DELETE FROM documents", "--warehouse", str(wh), cwd=tmp_path)
    assert w.returncode == 1


def test_eval_on_the_sample_gold(tmp_path: Path) -> None:
    data = REPO / "tests" / "data"
    out = newsfacts("eval", "--gold", str(data / "sample_gold.facts.jsonl"), "--docs",
                    str(data / "sample_gold.docs.jsonl"), "--corpus", str(SAMPLE), "--json",
                    str(tmp_path / "r.json"), "--summary")
    assert out.returncode == 0, out.stderr
    assert "trade" in out.stdout and "F1=" in out.stdout
    assert (tmp_path / "r.json").stat().st_size > 100
    missing = newsfacts("eval", "--gold", str(tmp_path / "x"), "--docs", str(tmp_path / "y"),
                        "--corpus", str(tmp_path))
    assert missing.returncode == 2
