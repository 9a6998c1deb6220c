"""Peak RSS of a full DuckDB reload, with and without a memory limit.

    python -m bench.duckdb_probe WAREHOUSE [LIMIT ...]     e.g. LIMIT = 512MB

Copies ``WAREHOUSE/parquet`` to a scratch folder beside it, runs
``Warehouse.load_duckdb(full_refresh=True)`` there and samples this process's VmRSS every
0.1 s. With a LIMIT, ``SET memory_limit`` is issued right after ``Warehouse.connect()`` (the
product code is not changed; the method is wrapped for the probe). Each setting runs in its
own subprocess so that one does not inherit the other's heap.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb


def _rss_mib() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def probe(warehouse: Path, limit: str | None) -> str:
    from newsfacts.warehouse import Warehouse

    scratch = warehouse.parent / f"duckdb-probe-{limit or 'default'}"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(warehouse / "parquet", scratch / "parquet")
    if limit:
        original = Warehouse.connect

        def connect(self: Warehouse, read_only: bool = False) -> duckdb.DuckDBPyConnection:
            con = original(self, read_only)
            con.execute(f"SET memory_limit='{limit}'")
            return con

        Warehouse.connect = connect  # type: ignore[method-assign]
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _rss_mib())
            time.sleep(0.1)

    before = _rss_mib()
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    t0 = time.perf_counter()
    try:
        Warehouse(scratch).load_duckdb("probe", None, set(), set(), set(), full_refresh=True)
    finally:
        seconds = time.perf_counter() - t0
        stop.set()
        thread.join()
        shutil.rmtree(scratch, ignore_errors=True)
    return (f"memory_limit={limit or 'default'}: load {seconds:.1f} s, RSS before {before} MiB, "
            f"peak {peak[0]} MiB, after {_rss_mib()} MiB")


def main(argv: list[str]) -> int:
    warehouse = Path(argv[0])
    if len(argv) > 1 and argv[1] == "--one":
        print(probe(warehouse, argv[2] if len(argv) > 2 else None), flush=True)
        return 0
    for limit in [None, *argv[1:]]:
        cmd = [sys.executable, "-m", "bench.duckdb_probe", str(warehouse), "--one"]
        subprocess.run([*cmd, *([limit] if limit else [])], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
