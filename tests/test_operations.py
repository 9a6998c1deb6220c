"""Operations: a real Prefect server, a served deployment, the run lock, and SIGKILL at
many points followed by a recovery run that must equal a clean full run.

Runs go through the installed CLI in subprocesses (their own process group, so a failpoint's
SIGKILL takes down the run and nothing else), all talking to one real `prefect server`.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsfacts.failpoints import POINTS
from newsfacts.schema import DOCUMENT_TABLES
from newsfacts.warehouse import Warehouse

from .conftest import SAMPLE
from .test_flow import duck_rows, parquet_rows

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
VOLATILE = {"run_id", "ingested_at", "seen_at", "mtime_ns"}
COMPARED = (*DOCUMENT_TABLES, "quarantine", "manifest")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(api: str, method: str, path: str, **kw) -> dict:
    """One REST call, retried on 5xx/429 as Prefect's own client does (the server's SQLite
    answers 'database is locked' under load)."""
    for attempt in range(10):
        r = httpx.request(method, f"{api}{path}", timeout=30, **kw)
        if r.status_code < 500 and r.status_code != 429:
            assert r.is_success, (r.status_code, r.text[:2000])
            return r.json()
        time.sleep(0.5 * (attempt + 1))
    raise AssertionError((r.status_code, r.text[:2000]))


def _wait(predicate, deadline_s: float, what: str, interval: float = 0.25):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {deadline_s:.0f} s waiting for {what}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A real `prefect server start` on a free loopback port with its own PREFECT_HOME."""
    home = tmp_path_factory.mktemp("prefect-server-home")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    log = (home / "server.log").open("wb")
    proc = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port),
         "--no-ui"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        if proc.poll() is not None:
            raise AssertionError((home / "server.log").read_text()[-3000:])
        try:
            return httpx.get(f"{api}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        _wait(healthy, 180, "prefect server health")
        client_env = {**env, "PREFECT_API_URL": api}
        yield {"api": api, "env": client_env, "home": home}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def cli(env: dict, *args: str, extra_env: dict | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "newsfacts"), *args], env={**env, **(extra_env or {})},
        capture_output=True, text=True, timeout=timeout, start_new_session=True, check=False,
    )


def snapshot(wh: Path, reader) -> dict[str, list[tuple]]:
    return {
        t: sorted(tuple((k, str(v)) for k, v in sorted(r.items()) if k not in VOLATILE)
                  for r in reader(wh, t))
        for t in COMPARED
    }


# -- scheduling on a real server ------------------------------------------------------------

def test_serve_registers_a_deployment_and_runs_it(server: dict, tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    config = tmp_path / "config.yaml"
    config.write_text("runner:\n  kind: threads\nschedule:\n  cron: '0 3 * * *'\n"
                      "  deployment_name: test-serve\n")
    serve = subprocess.Popen(
        [str(BIN / "newsfacts"), "serve", "--config", str(config), "--input", str(SAMPLE),
         "--warehouse", str(wh)],
        env=server["env"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    api = server["api"]
    try:
        def deployment() -> dict | None:
            if serve.poll() is not None:
                raise AssertionError(serve.stdout.read().decode()[-3000:])
            found = _api(api, "post", "/deployments/filter", json={
                "deployments": {"name": {"any_": ["test-serve"]}}})
            return found[0] if found else None

        dep = _wait(deployment, 120, "the served deployment")
        schedules = _api(api, "get", f"/deployments/{dep['id']}/schedules")
        assert [s["schedule"]["cron"] for s in schedules] == ["0 3 * * *"]
        run = _api(api, "post", f"/deployments/{dep['id']}/create_flow_run", json={})

        def finished() -> str | None:
            state = _api(api, "get", f"/flow_runs/{run['id']}")["state"]
            return state["type"] if state["type"] in ("COMPLETED", "FAILED", "CRASHED") \
                else None

        assert _wait(finished, 240, "the triggered flow run", interval=0.5) == "COMPLETED"
        artifacts = _api(api, "post", "/artifacts/filter", json={
            "artifacts": {"key": {"any_": ["newsfacts-run-summary"]}}})
        assert artifacts and artifacts[0]["type"] == "table"
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
    _, rows = Warehouse(wh).query("SELECT count(*) FROM documents")
    assert rows[0][0] > 10
    _, runs = Warehouse(wh).query("SELECT status FROM runs")
    assert [r[0] for r in runs] == ["completed"]


# -- one writer at a time -------------------------------------------------------------------

def test_second_run_fails_clearly_while_warehouse_is_locked(server: dict, tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    config = tmp_path / "config.yaml"
    config.write_text("runner:\n  kind: threads\nlock_timeout_s: 1\n")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from newsfacts.warehouse import Warehouse\n"
         "with Warehouse(Path(sys.argv[1])).lock(5):\n"
         "    print('locked', flush=True); time.sleep(120)\n", str(wh)],
        stdout=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        busy = cli(server["env"], "run", "--config", str(config), "--input", str(SAMPLE),
                   "--warehouse", str(wh))
        assert busy.returncode == 1
        assert "in use by another run" in busy.stderr
        assert f"pid {holder.pid}" in busy.stderr
    finally:
        os.killpg(holder.pid, signal.SIGKILL)  # a crashed holder: the kernel drops the lock
        holder.wait()
    ok = cli(server["env"], "run", "--config", str(config), "--input", str(SAMPLE),
             "--warehouse", str(wh))
    assert ok.returncode == 0, ok.stderr[-3000:]


# -- crash safety ---------------------------------------------------------------------------

def _mutate(corpus: Path, rng: random.Random, step: int) -> None:
    """A seeded change to the input: add, change, delete or rename a file."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.stat().st_size > 0)
    choice = rng.choice(["add", "change", "delete", "rename"])
    victim = rng.choice(files)
    if choice == "add":
        (corpus / f"added-{step}.txt").write_text(
            f"Troops story {step}\n\nOfficials said some {1000 + step} British troops would "
            f"be sent to Kosovo, and exports to Germany rose to {step + 2} billion dlrs.\n")
    elif choice == "change":
        victim.write_text(victim.read_text(errors="replace") +
                          f"\nImports from Japan fell to {step + 1}.5 billion dlrs.\n")
    elif choice == "delete":
        victim.unlink()
    else:
        victim.rename(corpus / f"renamed-{step}.txt")


def test_sigkill_at_many_points_then_rerun_equals_clean_full_run(
    server: dict, prefect_api: str | None, tmp_path: Path
) -> None:
    """24 seeded cases: change the input, kill the run at a failpoint (reading, extraction,
    staging, publishing, DuckDB loading, recording), run again, compare with a clean full
    run of the same input in a fresh warehouse."""
    from flows.newsfacts_flow import newsfacts_run

    corpus = tmp_path / "in"
    shutil.copytree(SAMPLE, corpus)
    wh = tmp_path / "wh"
    config = tmp_path / "config.yaml"
    config.write_text("runner:\n  kind: threads\n  workers: 2\nbatch_files: 3\n"
                      "parquet:\n  buckets: 4\n")
    args = ("run", "--config", str(config), "--input", str(corpus), "--warehouse", str(wh))
    first = cli(server["env"], *args)
    assert first.returncode == 0, first.stderr[-3000:]

    killed = 0
    cases = 24
    for seed in range(cases):
        rng = random.Random(seed)
        _mutate(corpus, rng, seed)
        point = POINTS[seed % len(POINTS)]
        full = seed % 4 == 0  # a full refresh reads every file: deep read/extract kills
        nth = rng.randint(1, 8) if full and point in ("read.file", "extract.doc") else \
            rng.randint(1, 3) if point in ("stage.write", "publish.bucket") else 1
        crashed = cli(server["env"], *args, *(["--full-refresh"] if full else []),
                      extra_env={"NEWSFACTS_FAILPOINT": f"{point}:{nth}"})
        killed += crashed.returncode == -signal.SIGKILL
        assert crashed.returncode in (0, -signal.SIGKILL), crashed.stderr[-3000:]

        again = cli(server["env"], *args)
        assert again.returncode == 0, (point, nth, again.stderr[-3000:])

        ref = tmp_path / f"ref-{seed}"
        newsfacts_run(config_path=str(config), input_dir=str(corpus), warehouse_dir=str(ref))
        want = snapshot(ref, duck_rows)
        for reader in (parquet_rows, duck_rows):  # duck_rows: the file opens, too
            got = snapshot(wh, reader)
            for table in COMPARED:
                extra = sorted(set(got[table]) - set(want[table]))[:2]
                missing = sorted(set(want[table]) - set(got[table]))[:2]
                assert got[table] == want[table], (seed, point, nth, reader.__name__, table,
                                                   extra, missing)
    assert killed >= 20, f"only {killed} of {cases} runs were killed"
