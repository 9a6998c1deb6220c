"""The benchmark script end to end on a tiny corpus: it must keep working, since
BENCHMARKS.md is only as good as the script that wrote it (its numbers are not asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow


def test_bench_runs_every_section(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    env.pop("PREFECT_API_URL", None)  # the bench starts its own server, as it does for users
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--docs", "40", "--out", str(tmp_path / "b"),
         "--floor-docs", "20", "--scaling-docs", "40", "--json", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    res = json.loads(out.read_text())
    corpus = res["corpus"]
    docs = res["full_run"]["documents"]
    assert 0 < docs <= 40
    assert res["full_run"]["rss"]["peak_tree_rss_mib"] > 0
    # the sampler's own CPU is reported apart from the flow process's
    rss = res["full_run"]["rss"]
    assert rss["sampler_cpu_s"] > 0
    assert abs(rss["cpu_s_by_role"]["bench sampler"] - rss["sampler_cpu_s"]) <= 0.06
    assert rss["cpu_s_by_role"]["main (flow)"] > 0
    assert res["noop"]["summary"]["files_processed"] == 0  # nothing changed: nothing read
    assert res["noop"]["files_unchanged"] + res["noop"]["summary"]["files_quarantined"] == 40
    assert res["scaling"]["documents"] == docs and len(res["scaling"]["batch_phase_s"]) == 2
    assert res["floor"]["documents_floor"] > 0 and res["floor"]["ratio"] > 1
    assert [row[0] for row in res["table"]] == [
        "peak RSS, process tree (full run)", "pipeline CPU/doc vs floor",
        "batch phase, 2 vs 1 Dask worker", "no-op re-run, added over trivial flow"]
    assert corpus["files"] == 40
