"""Benchmark the newsfacts pipeline on a synthetic corpus (a script, not a test).

    python -m bench.run --docs 100000 [--workers W] [--runner processes|dask] [--out DIR]
                        [--skip-floor] [--skip-scaling] [--json results.json]

Measures, in one process that starts one temporary Prefect API server:

* full run: ``newsfacts_run`` on the corpus into a fresh warehouse with the chosen runner;
  wall time, documents/s, MB/s, the flow's ``stage_seconds`` (per-stage seconds summed over
  workers; the product times them with ``perf_counter``, so on a busy machine they include
  waiting for a CPU), the peak RSS of this process and all its descendants (workers, the
  Prefect server) and their CPU seconds, sampled from /proc every 0.2 s (no psutil needed);
* no-op re-run: the same flow again on the unchanged files, against a trivial flow's wall
  time (the fixed cost of a Prefect flow run);
* scaling: the batch phase with a local Dask cluster of 1 and of 2 workers. The batch phase
  is timed from the flow's own log records: from "N files listed" (after the task runner has
  started and the listing is done) to the last "batch i/n done" (before publish and DuckDB);
* floor: single process, per document CPU time of reading + decoding a file plus langdetect
  on the same capped sample the pipeline uses (the cleaned text), against ``process_files``
  on the same files (``time.process_time``), the extraction stage split by extractor, and
  a cProfile of ``process_files`` (listing written to ``OUT/profile.txt``).

Results go to stdout (a table) and, with ``--json``, to a file rewritten after each part.

Run heavy benchmarks niced: ``nice -n 10 python -m bench.run ...``.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import logging
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.corpus import MAX_FILE_BYTES, STAMP, CorpusInfo, generate

GIB = 1024**3
TARGETS = {
    "peak_rss_gib": 1.0,  # <= for 100,000 documents
    "cpu_ratio_to_floor": 1.5,  # pipeline CPU/doc <= 1.5 x floor CPU/doc
    "speedup_2_workers": 1.8,  # >= with 2 Dask workers over 1
    "noop_added_seconds": 5.0,  # <= over a trivial flow
}
PROCESS_STAGES = ("read", "clean_segment", "language", "extract", "arrow")


# ------------------------------------------------------------------------ process tree RSS


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _tree(root: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """utime + stime of one process (its own, not its waited-for children's)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(b")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def _runqueue_wait_seconds(pid: int) -> float:
    """Time the process's threads spent runnable but waiting for a CPU (schedstat of every
    thread: a Dask worker runs tasks in a thread, not in its main thread)."""
    total = 0.0
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0.0
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as fh:
                total += int(fh.read().split()[1]) / 1e9
        except (OSError, ValueError, IndexError):
            continue
    return total


def loadavg() -> float:
    with open("/proc/loadavg") as fh:
        return float(fh.read().split()[0])


def _status_kib(pid: int, key: bytes, path: str = "status") -> int:
    try:
        with open(f"/proc/{pid}/{path}", "rb") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _role(pid: int, root: int | None = None) -> str:
    if pid == (root or os.getpid()):
        return "main (flow)"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "gone"
    if "uvicorn" in cmd or "prefect.server" in cmd or "server start" in cmd:
        return "prefect server"
    if "multiprocessing" in cmd or "spawn_main" in cmd:
        return "worker"
    return cmd[:60] or "?"


@dataclass
class RssReport:
    peak_tree_rss_mib: float = 0.0
    peak_tree_pss_mib: float = 0.0
    peak_processes: int = 0
    at_peak: dict[str, float] = field(default_factory=dict)  # role -> MiB at the RSS peak
    peak_by_role: dict[str, float] = field(default_factory=dict)  # role -> own peak MiB
    cpu_s_by_role: dict[str, float] = field(default_factory=dict)  # CPU used while sampled
    cpu_s_total: float = 0.0
    runqueue_wait_s_by_role: dict[str, float] = field(default_factory=dict)  # starved of CPU
    # the sampler's own CPU (a thread of the main process): taken out of "main (flow)" and
    # reported as "bench sampler", since it is the benchmark's cost, not the product's
    sampler_cpu_s: float = 0.0
    load_avg_1m: list[float] = field(default_factory=list)  # at start and end
    samples: int = 0
    # per phase of the run (from the flow's log records): peak tree RSS, the roles at that
    # sample, and each role's own peak (a role with several processes, e.g. "worker", is
    # the sum at_peak and the largest single process in peak_by_role)
    phases: dict[str, dict[str, Any]] = field(default_factory=dict)


class TreeSampler:
    """Sum VmRSS over this process and its descendants every ``interval`` seconds, and the
    proportional set size (which does not count shared pages twice) every ``pss_interval``.

    PSS is read from ``smaps_rollup``, which makes the kernel walk every mapping: read once a
    second it took most of the sampler's CPU, which on two cores is taken from the workers
    being measured. RSS (the target) is still read every ``interval``."""

    def __init__(self, interval: float = 0.2, root: int | None = None,
                 pss_interval: float = 5.0) -> None:
        self.interval = interval
        self.pss_every = max(1, round(pss_interval / interval))
        self.root = root or os.getpid()
        self.report = RssReport()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)
        self._cpu0: dict[int, float] = {}  # CPU seconds when first seen
        self._cpu: dict[int, tuple[str, float]] = {}  # pid -> (role, CPU seconds last seen)
        self._wait0: dict[int, float] = {}
        self._wait: dict[int, float] = {}  # pid -> run-queue wait seconds last seen
        # (time, tree MiB, role -> summed MiB, role -> largest single process MiB)
        self.timeline: list[tuple[float, float, dict[str, float], dict[str, float]]] = []

    def _sample(self, with_pss: bool) -> None:
        rep = self.report
        per: dict[str, float] = {}
        single: dict[str, float] = {}
        total = 0
        now = time.time()
        pids = _tree(self.root)
        for pid in pids:
            kib = _status_kib(pid, b"VmRSS:")
            # re-read each time: a child sampled between fork and exec shows our cmdline
            role = _role(pid, self.root)
            if role in ("?", "gone") and pid in self._cpu:  # exited (zombie): keep its role
                role = self._cpu[pid][0]
            cpu = _cpu_seconds(pid)
            self._cpu0.setdefault(pid, cpu if rep.samples == 0 else 0.0)
            self._cpu[pid] = (role, cpu)
            wait = _runqueue_wait_seconds(pid)
            self._wait0.setdefault(pid, wait if rep.samples == 0 else 0.0)
            self._wait[pid] = wait
            per[role] = per.get(role, 0.0) + kib / 1024
            single[role] = max(single.get(role, 0.0), kib / 1024)
            rep.peak_by_role[role] = max(rep.peak_by_role.get(role, 0.0), kib / 1024)
            total += kib
        if total / 1024 > rep.peak_tree_rss_mib:
            rep.peak_tree_rss_mib = round(total / 1024, 1)
            rep.at_peak = {k: round(v, 1) for k, v in sorted(per.items())}
            rep.peak_processes = len(pids)
        if with_pss:
            pss = sum(_status_kib(pid, b"Pss:", "smaps_rollup") for pid in pids) / 1024
            rep.peak_tree_pss_mib = round(max(rep.peak_tree_pss_mib, pss), 1)
        rep.samples += 1
        self.timeline.append((now, total / 1024, per, single))

    def split(self, bounds: list[tuple[str, float | None, float | None]]) -> None:
        """Per-phase peaks into ``report.phases``; ``bounds`` are (name, start, end) times
        (None: open)."""
        for name, start, end in bounds:
            rows = [r for r in self.timeline
                    if (start is None or r[0] >= start) and (end is None or r[0] <= end)]
            if not rows:
                continue
            top = max(rows, key=lambda r: r[1])
            own: dict[str, float] = {}
            for _, _, _, single in rows:
                for role, mib in single.items():
                    own[role] = max(own.get(role, 0.0), mib)
            self.report.phases[name] = {
                "seconds": round(rows[-1][0] - rows[0][0], 1),
                "peak_tree_rss_mib": round(top[1], 1),
                "at_peak": {k: round(v, 1) for k, v in sorted(top[2].items())},
                "peak_by_role": {k: round(v, 1) for k, v in sorted(own.items())},
            }

    def _loop(self) -> None:
        n = 0
        cpu0 = time.thread_time()
        while not self._stop.is_set():
            self._sample(with_pss=n % self.pss_every == 0)
            n += 1
            self.report.sampler_cpu_s = time.thread_time() - cpu0
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeSampler:
        self.report.load_avg_1m.append(loadavg())
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(with_pss=False)
        self.report.load_avg_1m.append(loadavg())
        by_role: dict[str, float] = {}
        for pid, (role, cpu) in self._cpu.items():
            by_role[role] = by_role.get(role, 0.0) + cpu - self._cpu0.get(pid, 0.0)
        self.report.cpu_s_total = round(sum(by_role.values()), 1)
        if self.root == os.getpid() and "main (flow)" in by_role:
            by_role["main (flow)"] -= self.report.sampler_cpu_s
            by_role["bench sampler"] = self.report.sampler_cpu_s
        self.report.sampler_cpu_s = round(self.report.sampler_cpu_s, 2)
        self.report.cpu_s_by_role = {k: round(v, 1) for k, v in sorted(by_role.items())}
        waits: dict[str, float] = {}
        for pid, wait in self._wait.items():
            role = self._cpu[pid][0]
            waits[role] = waits.get(role, 0.0) + wait - self._wait0.get(pid, 0.0)
        self.report.runqueue_wait_s_by_role = {k: round(v, 1) for k, v in sorted(waits.items())}
        self.report.peak_by_role = {k: round(v, 1) for k, v in
                                    sorted(self.report.peak_by_role.items())}


# ----------------------------------------------------------------------------- flow logs


class FlowLogTimes(logging.Handler):
    """Timestamps of the flow's own log lines: listing done, each batch done."""

    LISTED = re.compile(r"files listed")
    BATCH = re.compile(r"batch (\d+)/(\d+) done")
    PUBLISHED = re.compile(r"^published ")
    LOADED = re.compile(r"^DuckDB (reloaded|patched)")

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.listed: float | None = None
        self.batches: list[float] = []
        self.published: float | None = None  # the publish task's last log line
        self.loaded: float | None = None  # the load-duckdb task's last log line

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if self.LISTED.search(msg):
            self.listed = record.created
        elif self.BATCH.search(msg):
            self.batches.append(record.created)
        elif self.PUBLISHED.search(msg):
            self.published = record.created
        elif self.LOADED.search(msg):
            self.loaded = record.created

    @contextlib.contextmanager
    def attached(self) -> Iterator[FlowLogTimes]:
        # The timings come from INFO records: make sure they are made even when
        # PREFECT_LOGGING_LEVEL asks for less (the bench then shows them on the console too).
        loggers = [logging.getLogger("prefect.flow_runs"), logging.getLogger("prefect.task_runs")]
        levels = [logger.level for logger in loggers]
        for logger in loggers:
            logger.addHandler(self)
            if logger.getEffectiveLevel() > logging.INFO:
                logger.setLevel(logging.INFO)
        try:
            yield self
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.removeHandler(self)
                logger.setLevel(level)

    def batch_phase(self) -> float | None:
        if self.listed is None or not self.batches:
            return None
        return max(self.batches) - self.listed


# --------------------------------------------------------------------------- flow runs


@dataclass
class FlowRun:
    label: str
    wall_s: float
    summary: dict[str, Any]
    batch_phase_s: float | None
    batches: int
    rss: RssReport | None = None
    listed_after_s: float | None = None  # from the call to the "files listed" log line
    first_batch_s: float | None = None  # from "files listed" to the first "batch done"

    def docs(self) -> int:
        return int(self.summary.get("files_processed", 0))

    def cpu_s(self) -> float:
        st = self.summary.get("stage_seconds", {})
        return sum(float(st.get(k, 0.0)) for k in PROCESS_STAGES)


def write_config(path: Path, corpus: Path, warehouse: Path, runner: str,
                 workers: int | None) -> Path:
    lines = [f"input: {json.dumps(str(corpus))}", f"warehouse: {json.dumps(str(warehouse))}",
             f"max_file_bytes: {MAX_FILE_BYTES}", "runner:", f"  kind: {runner}",
             f"  workers: {'null' if workers is None else workers}"]
    path.write_text("\n".join(lines) + "\n")
    return path


def run_flow(label: str, config: Path, *, fresh: Path | None = None,
             sample_rss: bool = False) -> FlowRun:
    from flows.newsfacts_flow import newsfacts_run

    if fresh is not None:
        shutil.rmtree(fresh, ignore_errors=True)
    times = FlowLogTimes()
    sampler = TreeSampler() if sample_rss else None
    print(f"[bench] {label}: running ...", flush=True)
    with times.attached(), sampler or contextlib.nullcontext():
        started = time.time()
        t0 = time.perf_counter()
        summary = newsfacts_run(config_path=str(config))
        wall = time.perf_counter() - t0
    if sampler is not None and times.batches and times.published and times.loaded:
        last = max(times.batches)
        sampler.split([("start+listing", None, times.listed),
                       ("batches", times.listed, last),
                       ("after batches (collect, pool exit, publish)", last, times.published),
                       ("DuckDB load", times.published, times.loaded),
                       ("finish (counts, artifact, runs row)", times.loaded, None)])
    run = FlowRun(label, round(wall, 2), summary, _round(times.batch_phase()),
                  len(times.batches), sampler.report if sampler else None,
                  _round(times.listed - started if times.listed else None),
                  _round(min(times.batches) - times.listed
                         if times.listed and times.batches else None))
    print(f"[bench] {label}: {run.wall_s:.1f} s wall, {run.docs()} documents, "
          f"batch phase {run.batch_phase_s} s", flush=True)
    return run


def trivial_flow_seconds(repeats: int = 3) -> list[float]:
    from prefect import flow

    @flow(name="bench-trivial")
    def trivial() -> int:
        return 1

    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        trivial()
        out.append(round(time.perf_counter() - t0, 3))
    return out


# ---------------------------------------------------------------------- single process


def sample_files(corpus: Path, n: int) -> list[str]:
    """``n`` files spread evenly over the sorted listing (every k-th)."""
    from newsfacts.read import list_files

    files = [p for p, _, _ in list_files(corpus, "**/*.txt").files]
    step = max(1, len(files) // n)
    return files[::step][:n]


def floor_and_pipeline(corpus: Path, files: list[str]) -> dict[str, Any]:
    """CPU per document: read + decode + langdetect (the floor) vs ``process_files``."""
    from newsfacts.clean import clean_text
    from newsfacts.config import Config
    from newsfacts.language import detect_language
    from newsfacts.pipeline import process_files
    from newsfacts.read import decode

    config = Config(input=corpus, max_file_bytes=MAX_FILE_BYTES)
    n_chars = config.language_sample_chars
    now = datetime.now(UTC)
    # warm up: langdetect profiles, compiled regexes, imports
    process_files(corpus, [(p, None) for p in files[:20]], config, "warmup", now)

    read_s = lang_s = 0.0
    docs = 0
    for rel in files:
        t0 = time.process_time()
        path = corpus / rel
        if path.stat().st_size > config.max_file_bytes:
            read_s += time.process_time() - t0
            continue
        decoded = decode(path.read_bytes())
        read_s += time.process_time() - t0
        if decoded.text is None:
            continue
        cleaned = clean_text(decoded.text)  # not timed: only to detect on the same sample
        t1 = time.process_time()
        detect_language(cleaned, n_chars)
        lang_s += time.process_time() - t1
        docs += 1

    stages: dict[str, float] = {}
    staged = 0
    t0 = time.process_time()
    w0 = time.perf_counter()
    for i in range(0, len(files), config.batch_files):
        chunk = files[i : i + config.batch_files]
        res = process_files(corpus, [(p, None) for p in chunk], config, "bench", now)
        staged += len(res.staged)
        for k, v in res.seconds.items():
            stages[k] = stages.get(k, 0.0) + v
    pipe_cpu = time.process_time() - t0
    pipe_wall = time.perf_counter() - w0
    floor_ms = (read_s + lang_s) / docs * 1000
    pipe_ms = pipe_cpu / staged * 1000
    return {
        "files": len(files), "documents_floor": docs, "documents_pipeline": staged,
        "floor_read_ms_per_doc": round(read_s / docs * 1000, 3),
        "floor_language_ms_per_doc": round(lang_s / docs * 1000, 3),
        "floor_cpu_ms_per_doc": round(floor_ms, 3),
        "pipeline_cpu_ms_per_doc": round(pipe_ms, 3),
        "pipeline_wall_s": round(pipe_wall, 2),
        "pipeline_stage_ms_per_doc": {k: round(v / staged * 1000, 3)
                                      for k, v in sorted(stages.items())},
        "ratio": round(pipe_ms / floor_ms, 2),
        # langdetect between extractions, as in the pipeline (CPU caches cold)
        "language_interleaved_ms_per_doc": round(_interleaved_language_ms(corpus, files[:1000],
                                                                          n_chars), 3),
    }


def _decoded_texts(corpus: Path, files: list[str]) -> Iterator[str]:
    """The text of each file the benchmark's pipeline would read (not timed)."""
    from newsfacts.read import decode

    for rel in files:
        path = corpus / rel
        if path.stat().st_size > MAX_FILE_BYTES:
            continue
        text = decode(path.read_bytes()).text
        if text is not None:
            yield text


def _interleaved_language_ms(corpus: Path, files: list[str], n_chars: int) -> float:
    """CPU ms of langdetect per document when extraction runs between the calls."""
    from newsfacts.analyze import analyze_text
    from newsfacts.language import detect_language

    spent, docs = 0.0, 0
    for text in _decoded_texts(corpus, files):
        a = analyze_text(text)  # clean, segment and extract: not timed
        t0 = time.process_time()
        detect_language(a.text, n_chars)
        spent += time.process_time() - t0
        docs += 1
    return spent / max(docs, 1) * 1000


def extract_breakdown(corpus: Path, files: list[str]) -> dict[str, Any]:
    """CPU ms per document of each part of the extraction stage, timed without a profiler
    (``time.process_time`` around each call; the same calls ``newsfacts.extract`` makes)."""
    from newsfacts.analyze import analyze_text
    from newsfacts.extract import country_mentions
    from newsfacts.metadata import find_published_date
    from newsfacts.model import DocContext
    from newsfacts.trade import extract_trade
    from newsfacts.troops import extract_troops

    parts = dict.fromkeys(("country_mentions", "extract_trade", "extract_troops",
                           "find_published_date"), 0.0)
    docs = sentences = 0
    for text in _decoded_texts(corpus, files):
        a = analyze_text(text, extract_facts=False)
        t0 = time.process_time()
        mentions = country_mentions(a.text, a.sentences)
        t1 = time.process_time()
        doc = DocContext(text=a.text, sentences=a.sentences, mentions=mentions,
                         has_title=a.title is not None)
        extract_trade(doc)
        t2 = time.process_time()
        extract_troops(doc)
        t3 = time.process_time()
        find_published_date(a.text)
        t4 = time.process_time()
        for k, dt in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            parts[k] += dt
        docs += 1
        sentences += len(a.sentences)
    return {"documents": docs, "sentences_per_doc": round(sentences / docs, 1),
            "ms_per_doc": {k: round(v / docs * 1000, 3) for k, v in parts.items()}}


def profile_pipeline(corpus: Path, files: list[str], out: Path, top: int = 30) -> dict[str, Any]:
    """cProfile of ``process_files`` over ``files``; writes the full listing to ``out``."""
    from newsfacts.config import Config
    from newsfacts.pipeline import process_files

    config = Config(input=corpus, max_file_bytes=MAX_FILE_BYTES)
    now = datetime.now(UTC)
    process_files(corpus, [(p, None) for p in files[:20]], config, "warmup", now)
    prof = cProfile.Profile()
    prof.enable()
    res = process_files(corpus, [(p, None) for p in files], config, "profile", now)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(40)
    stats.print_callers(r"method '(search|match|finditer|fullmatch|sub)' of 're.Pattern'")
    out.write_text(buf.getvalue())
    rows = []
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        rows.append({"function": f"{_short(filename)}:{line}({func})", "calls": ncalls,
                     "tottime_s": round(tottime, 3), "cumtime_s": round(cumtime, 3)})
    total = sum(r["tottime_s"] for r in rows)
    return {
        "documents": len(res.staged), "profiled_total_s": round(total, 2),
        "stage_seconds": {k: round(v, 3) for k, v in res.seconds.items()},
        "top_cumulative": sorted(rows, key=lambda r: -r["cumtime_s"])[:top],
        "top_tottime": sorted(rows, key=lambda r: -r["tottime_s"])[:top],
        "listing": str(out),
    }


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/work/main/", "lib/python3.11/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# ------------------------------------------------------------------------------ report


def machine_info() -> dict[str, Any]:
    model = "?"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with contextlib.suppress(OSError), open("/proc/meminfo") as fh:
        mem_kib = int(fh.readline().split()[1])
    versions = {}
    for pkg in ("newsfacts", "prefect", "prefect-dask", "dask", "distributed", "pyarrow",
                "duckdb", "langdetect", "pydantic", "pycountry"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[pkg] = metadata.version(pkg)
    git: dict[str, Any] = {}
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        root = Path(__file__).resolve().parent.parent
        git["commit"] = subprocess.check_output(["git", "-C", str(root), "rev-parse", "HEAD"],
                                                text=True).strip()
        git["dirty"] = subprocess.check_output(
            ["git", "-C", str(root), "status", "--porcelain", "--", "newsfacts", "flows"],
            text=True).splitlines()
    return {"nproc": os.cpu_count(), "cpu_model": model, "ram_gib": round(mem_kib / 1024**2, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "packages": versions, "git": git}


def _round(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(x, nd)


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def build_table(res: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    full = res.get("full_run")
    if full:
        rss = full["rss"]["peak_tree_rss_mib"] / 1024
        rows.append(("peak RSS, process tree (full run)", f"{rss:.2f} GiB "
                     f"(PSS {full['rss']['peak_tree_pss_mib'] / 1024:.2f} GiB)",
                     f"<= {TARGETS['peak_rss_gib']} GiB",
                     _verdict(rss <= TARGETS["peak_rss_gib"])))
    floor = res.get("floor")
    if floor:
        rows.append(("pipeline CPU/doc vs floor", f"{floor['pipeline_cpu_ms_per_doc']:.2f} ms vs "
                     f"{floor['floor_cpu_ms_per_doc']:.2f} ms = {floor['ratio']:.2f}x",
                     f"<= {TARGETS['cpu_ratio_to_floor']}x",
                     _verdict(floor["ratio"] <= TARGETS["cpu_ratio_to_floor"])))
    sc = res.get("scaling")
    if sc and sc.get("speedup") is not None:
        rows.append(("batch phase, 2 vs 1 Dask worker", f"{sc['speedup']:.2f}x "
                     f"({sc['docs_per_s'][0]:.0f} -> {sc['docs_per_s'][1]:.0f} docs/s)",
                     f">= {TARGETS['speedup_2_workers']}x",
                     _verdict(sc["speedup"] >= TARGETS["speedup_2_workers"])))
    noop = res.get("noop")
    if noop:
        rows.append(("no-op re-run, added over trivial flow",
                     f"{noop['added_s']:.2f} s ({noop['wall_s']:.2f} - "
                     f"{noop['trivial_flow_s']:.2f})",
                     f"<= {TARGETS['noop_added_seconds']} s",
                     _verdict(noop["added_s"] <= TARGETS["noop_added_seconds"])))
    return rows


def print_report(res: dict[str, Any]) -> None:
    full = res.get("full_run")
    if full:
        print(f"\nfull run ({full['runner']}, workers={full['workers']}): "
              f"{full['documents']} documents in {full['wall_s']:.1f} s = "
              f"{full['docs_per_s']:.0f} docs/s, {full['mb_per_s']:.2f} MB/s; "
              f"batch phase {full['batch_phase_s']} s")
        print("  stage seconds:", json.dumps(full["stage_seconds"]))
        print("  RSS MiB at peak by role:", json.dumps(full["rss"]["at_peak"]))
        for name, ph in full["rss"].get("phases", {}).items():
            print(f"  {name}: peak {ph['peak_tree_rss_mib']:.0f} MiB "
                  f"{json.dumps(ph['at_peak'])}; own peaks {json.dumps(ph['peak_by_role'])}")
    floor = res.get("floor")
    if floor:
        print("  single-process stage ms/doc:", json.dumps(floor["pipeline_stage_ms_per_doc"]))
    rows = [("target", "measured", "goal", "verdict"), *build_table(res)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    print()
    for n, row in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


# --------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the corpus")
    ap.add_argument("--workers", type=int, default=None, help="runner.workers (default: cores)")
    ap.add_argument("--runner", choices=["processes", "dask"], default="processes")
    ap.add_argument("--out", type=Path, default=Path("/tmp/newsfacts-bench"),
                    help="corpus cache, warehouses, Prefect home, profile listing")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", type=Path, default=None,
                    help="use this existing corpus (made by bench.corpus, with its stamp) "
                         "instead of OUT/corpus-DOCS-sSEED; never (re)generated")
    ap.add_argument("--skip-floor", action="store_true", help="no floor / profile")
    ap.add_argument("--skip-scaling", action="store_true", help="no 1-vs-2 Dask workers runs")
    ap.add_argument("--skip-full", action="store_true",
                    help="no full run (the no-op re-run still runs if its warehouse exists)")
    ap.add_argument("--scaling-docs", type=int, default=20_000)
    ap.add_argument("--floor-docs", type=int, default=5_000)
    ap.add_argument("--profile-docs", type=int, default=1_000)
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    return ap.parse_args(argv)


def corpus_for(out: Path, n: int, seed: int) -> CorpusInfo:
    path = out / f"corpus-{n}-s{seed}"
    print(f"[bench] corpus: {path} ({n} documents)", flush=True)
    info = generate(path, n, seed)
    print(f"[bench] corpus {'cached' if info.cached else 'generated'}: {info.files} files, "
          f"{info.bytes / 1e6:.1f} MB" + ("" if info.cached else
                                          f" in {info.generated_seconds:.1f} s"), flush=True)
    return info


def existing_corpus(path: Path) -> CorpusInfo:
    """A corpus written earlier, read from its stamp only (so a shared corpus is never
    rewritten or deleted)."""
    stamp = path / STAMP
    if not stamp.is_file():
        raise SystemExit(f"--corpus {path}: no {STAMP} stamp (not made by bench.corpus)")
    info = CorpusInfo(**{**json.loads(stamp.read_text())["info"], "cached": True})
    print(f"[bench] corpus: {path} (existing, {info.files} files)", flush=True)
    return info


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    prefect_home = out / "prefect-home"
    shutil.rmtree(prefect_home, ignore_errors=True)
    os.environ["PREFECT_HOME"] = str(prefect_home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    # the default 20 s is too short for a fresh PREFECT_HOME on a loaded 2-core machine
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.pop("PREFECT_API_URL", None)

    results: dict[str, Any] = {"date": datetime.now(UTC).isoformat(timespec="seconds"),
                               "argv": sys.argv, "machine": machine_info(),
                               "targets": TARGETS}

    def save() -> None:  # after every section, so an interrupted run keeps what it measured
        if args.json:
            args.json.write_text(json.dumps(results, indent=1, default=str))

    if args.corpus is not None:
        corpus = existing_corpus(args.corpus.resolve())
    else:
        corpus = corpus_for(out, args.docs, args.seed)
    results["corpus"] = asdict(corpus)
    cpath = Path(corpus.path)

    from flows.newsfacts_flow import ensure_prefect_api

    t0 = time.perf_counter()
    results["prefect_api"] = ensure_prefect_api()
    results["prefect_server_start_s"] = round(time.perf_counter() - t0, 2)
    results["trivial_flow_s_cold"] = trivial_flow_seconds(1)

    wh = out / f"warehouse-full-{args.docs}"
    cfg = write_config(out / "config-full.yaml", cpath, wh, args.runner, args.workers)
    if not args.skip_full:
        full = run_flow("full run", cfg, fresh=wh, sample_rss=True)
        st = full.summary["stage_seconds"]
        results["full_run"] = {
            "runner": args.runner, "workers": args.workers or os.cpu_count(),
            "wall_s": full.wall_s, "documents": full.docs(),
            "docs_per_s": round(full.docs() / full.wall_s, 1),
            "mb_per_s": round(full.summary["bytes"] / 1e6 / full.wall_s, 2),
            "batch_phase_s": full.batch_phase_s, "batches": full.batches,
            "processing_cpu_s": round(full.cpu_s(), 1),
            "cpu_ms_per_doc": round(full.cpu_s() / max(full.docs(), 1) * 1000, 3),
            "stage_seconds": st, "rss": asdict(full.rss or RssReport()),
            "summary": {k: v for k, v in full.summary.items() if k != "stage_seconds"},
        }
        save()
    if (wh / "parquet" / "manifest" / "part-0000.parquet").exists():
        # also with --skip-full: re-run on the warehouse an earlier full run left
        noops = [run_flow(f"no-op re-run {i + 1}", cfg, sample_rss=True) for i in range(2)]
        trivial = trivial_flow_seconds(3)
        best = min(r.wall_s for r in noops)
        results["noop"] = {
            "wall_s": best, "walls_s": [r.wall_s for r in noops],
            "trivial_flow_s": statistics.median(trivial), "trivial_walls_s": trivial,
            "added_s": round(best - statistics.median(trivial), 2),
            "list_s": noops[0].summary["stage_seconds"].get("list"),
            "listed_after_s": [r.listed_after_s for r in noops],
            "files_unchanged": noops[0].summary.get("files_unchanged"),
            "peak_rss_mib": (noops[0].rss or RssReport()).peak_tree_rss_mib,
            "summary": {k: v for k, v in noops[0].summary.items()},
            "cpu_s_by_role": (noops[0].rss or RssReport()).cpu_s_by_role,
        }
        save()

    if not args.skip_scaling:
        small = corpus_for(out, args.scaling_docs, args.seed)
        runs = []
        for workers in (1, 2):
            wh = out / f"warehouse-scaling-{workers}"
            cfg = write_config(out / f"config-scaling-{workers}.yaml", Path(small.path), wh,
                               "dask", workers)
            runs.append(run_flow(f"scaling, dask workers={workers}", cfg, fresh=wh,
                                 sample_rss=True))
        phases = [r.batch_phase_s for r in runs]
        rates = [r.docs() / p if p else 0.0 for r, p in zip(runs, phases, strict=True)]
        results["scaling"] = {
            "documents": runs[0].docs(), "runner": "dask", "batch_phase_s": phases,
            "wall_s": [r.wall_s for r in runs], "docs_per_s": [round(x, 1) for x in rates],
            "batches": [r.batches for r in runs],
            # the local cluster starts at the first submit and each worker's first batch pays
            # its imports: compare with the time of a later batch (phase / batches x workers)
            "first_batch_done_s": [r.first_batch_s for r in runs],
            "speedup": round(rates[1] / rates[0], 2) if rates[0] else None,
            "wall_minus_list_publish_duckdb_s": [
                round(r.wall_s - sum(r.summary["stage_seconds"].get(k, 0.0)
                                     for k in ("list", "publish", "duckdb")), 2) for r in runs],
            "stage_seconds": [r.summary["stage_seconds"] for r in runs],
            "cpu_s_by_role": [(r.rss or RssReport()).cpu_s_by_role for r in runs],
            "runqueue_wait_s_by_role": [(r.rss or RssReport()).runqueue_wait_s_by_role
                                        for r in runs],
            "load_avg_1m": [(r.rss or RssReport()).load_avg_1m for r in runs],
            # worker CPU / (batch phase x workers): < 1 when workers wait (for the CPU, the
            # scheduler or the API), whatever the cause
            "worker_utilisation": [
                round((r.rss or RssReport()).cpu_s_by_role.get("worker", 0.0) / (p * w), 2)
                if p else None for r, p, w in zip(runs, phases, (1, 2), strict=True)],
            "method": "batch phase = time of the last 'batch i/n done' log record minus the "
                      "'files listed' record: excludes listing, publish and DuckDB; includes "
                      "the local cluster's start (prefect-dask starts it at the first submit) "
                      "and each worker's first-batch imports",
        }
        save()

    if not args.skip_floor:
        files = sample_files(cpath, args.floor_docs)
        print(f"[bench] floor and single-process pipeline on {len(files)} files ...", flush=True)
        load0 = loadavg()
        results["floor"] = floor_and_pipeline(cpath, files)
        results["floor"]["load_avg_1m"] = [load0, loadavg()]
        results["extract_breakdown"] = extract_breakdown(cpath, files[: args.profile_docs])
        pfiles = sample_files(cpath, args.profile_docs)
        print(f"[bench] cProfile of process_files on {len(pfiles)} files ...", flush=True)
        results["profile"] = profile_pipeline(cpath, pfiles, out / "profile.txt")
        save()

    results["table"] = [list(r) for r in build_table(results)]
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
        print(f"\n[bench] results written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
