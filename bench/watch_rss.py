"""Sample the RSS and CPU of another process tree: ``python -m bench.watch_rss PID OUT.json``.

Writes the running report (peak tree RSS, per-role breakdown, CPU by role) to OUT.json every
few seconds with a timestamp, until PID exits; useful to watch a ``newsfacts run`` started
elsewhere with the same sampler ``bench.run`` uses.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict

from bench.run import TreeSampler


def main(argv: list[str]) -> int:
    pid, out = int(argv[0]), argv[1]
    every = float(argv[2]) if len(argv) > 2 else 5.0
    with TreeSampler(root=pid) as sampler:
        while os.path.exists(f"/proc/{pid}"):
            time.sleep(every)
            snap = {"time": time.strftime("%H:%M:%S"), **asdict(sampler.report)}
            with open(out, "a") as fh:
                fh.write(json.dumps(snap) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
