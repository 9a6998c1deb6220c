"""The library never imports Prefect: its tests and users need no orchestrator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_library_imports_without_prefect() -> None:
    root = REPO / "newsfacts"
    modules = sorted(".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
                     for p in root.rglob("*.py") if p.stem != "__main__")
    assert "trade.scan" in modules  # subpackages are imported too
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module('newsfacts.' + m)\n"
        "bad = [m for m in sys.modules if m == 'prefect' or m.startswith('prefect.')]\n"
        "assert not bad, bad[:5]\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=False)
    assert out.returncode == 0, out.stderr
