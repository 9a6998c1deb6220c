"""The Prefect API a run reports to, and what Prefect loads in worker processes.

Kept apart from the flow so the flow module reads as the pipeline: this is plumbing that
exists because of how Prefect 3.8 behaves on one machine (a temporary server per process,
every installed collection imported in every worker).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import random
import socket
import subprocess
import sys
import time


def skip_dask_collection_in_workers() -> None:
    """In a process-pool worker, load Prefect's collections except ``prefect_dask``.

    A worker hydrating a task's context looks up a block class, which makes Prefect import
    every installed collection; ``prefect_dask`` brings dask and distributed (~15 MB per
    worker) and registers no blocks, and a process-pool worker never runs Dask. The flow
    module calls this when it is imported (a worker imports it to unpickle the task), which
    is before that lookup, so the collections can be loaded here first. Uses Prefect's
    private module: on any surprise it does nothing and Prefect loads everything as before.
    """
    import multiprocessing

    if multiprocessing.parent_process() is None or "prefect_dask" in sys.modules:
        return
    try:
        from importlib.metadata import EntryPoints, entry_points

        from prefect._internal.plugins import collections as plugins

        if plugins._collections is not None:
            return
        eps = [ep for ep in entry_points(group="prefect.collections")
               if ep.value.split(":")[0].split(".")[0] != "prefect_dask"]
        plugins._collections = plugins.safe_load_entrypoints(EntryPoints(eps))
    except Exception:  # an optimisation only: never fail a task over it
        return



def ensure_prefect_api() -> str | None:
    """Give this process and its worker processes one Prefect API; returns its URL.

    With no ``PREFECT_API_URL``, Prefect starts a temporary server per *process*, so every
    process-pool worker would start its own (~5 s each, and its runs land elsewhere).
    Starting it once here and exporting the URL makes the workers report to it. The server
    stops at interpreter exit, after log and event workers have flushed; stopping it
    earlier makes them retry against a dead port for a minute.
    """
    from prefect.settings import get_current_settings

    current = get_current_settings().api.url
    if current:
        return str(current)
    from prefect.context import refresh_global_settings_context

    server = _TemporaryServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    refresh_global_settings_context()
    return server.api_url


def share_prefect_api() -> None:
    """Inside a flow run, make worker processes started from now on report to this run's
    API: a run started from Python (not ``newsfacts run``, which calls
    ``ensure_prefect_api`` first) has Prefect's own temporary server, whose address Prefect
    does not export, so each Dask or process-pool worker would start a server of its own
    (seconds of CPU each) and its task runs would land there, not beside the flow's."""
    if os.environ.get("PREFECT_API_URL"):
        return
    from prefect.client.orchestration import get_client
    from prefect.context import refresh_global_settings_context

    with get_client(sync_client=True) as client:
        url = str(client.api_url).rstrip("/")
    if url.startswith("http"):
        os.environ["PREFECT_API_URL"] = url
        refresh_global_settings_context()


class _TemporaryServer:
    """Prefect's temporary API server (``prefect.server.api.server.SubprocessASGIServer``:
    the same uvicorn command, environment, health wait and stop at exit), started without
    importing ``prefect.server`` here: that import alone costs this process ~80 MB that it
    would hold for the whole run, for code that only runs in the server's own process."""

    _PORTS = range(8000, 9000)

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _free_port(self) -> int:
        for _ in range(10):
            port = random.choice(self._PORTS)
            with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                    return port
                except OSError:
                    time.sleep(random.uniform(0.1, 0.5))
        raise RuntimeError("Unable to find an available port for the temporary Prefect server")

    def _spawn(self) -> subprocess.Popen[bytes]:
        import prefect
        from prefect.settings import get_current_settings

        self.port = self._free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1",
               **get_current_settings().to_environment_variables(exclude_unset=True)}
        return subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent),
             "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env=env,
        )

    def start(self) -> None:
        import httpx
        from prefect.logging import get_logger
        from prefect.settings import get_current_settings

        self.process = self._spawn()
        get_logger().info("Starting temporary server on http://127.0.0.1:%d", self.port)
        atexit.register(self.stop)
        wait = get_current_settings().server.ephemeral.startup_timeout_seconds
        deadline = time.monotonic() + wait
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                if self.process.poll() == 3:  # the port was taken after all: another one
                    self.process = self._spawn()
                    continue
                if self.process.poll() is not None:
                    break
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        code = self.process.poll()
        self.stop()
        raise RuntimeError("Timed out while attempting to connect to the temporary Prefect "
                           "API server" + (f" (it exited with code {code})" if code else ""))

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is None:
            return
        from prefect.logging import get_logger

        get_logger().info("Stopping temporary server on http://127.0.0.1:%d", self.port)
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
