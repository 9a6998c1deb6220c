"""Named points where a test can kill the process, to prove crash safety.

``NEWSFACTS_FAILPOINT=publish.bucket:3`` makes the third pass through
``failpoint("publish.bucket")`` send SIGKILL to the whole process group (the run, its
worker processes, its temporary Prefect server): the same as an operator's ``kill -9`` or a
power cut at that moment. Unset (always, outside the crash tests), a failpoint is one
dictionary lookup.
"""

from __future__ import annotations

import os
import signal

_ENV = "NEWSFACTS_FAILPOINT"
_counts: dict[str, int] = {}

# Every failpoint in the code, for the crash test to choose from.
POINTS = (
    "read.file",        # a batch task read one file
    "extract.doc",      # a document was extracted
    "stage.write",      # a batch wrote one staging file
    "publish.bucket",   # one Parquet bucket file was replaced
    "publish.manifest",  # the manifest was replaced (publish done)
    "duckdb.load",      # DuckDB rows changed, before COMMIT
    "duckdb.done",      # DuckDB committed
    "run.recorded",     # the runs row was written
)


def failpoint(name: str) -> None:
    spec = os.environ.get(_ENV)
    if not spec:
        return
    target, _, nth = spec.partition(":")
    if target != name:
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] >= int(nth or 1):
        os.killpg(os.getpgid(0), signal.SIGKILL)
