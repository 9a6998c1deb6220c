"""Shared fixtures. Prefect gets a throw-away home and no telemetry before it is imported."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="newsfacts-prefect-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "newsfacts" / "sample_corpus"


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the shared folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def prefect_api() -> str | None:
    from flows.newsfacts_flow import ensure_prefect_api

    return ensure_prefect_api()


@pytest.fixture(scope="session")
def sample_run(prefect_api: str | None, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One real flow run (default process-pool runner) over the shipped sample corpus."""
    from flows.newsfacts_flow import newsfacts_run

    warehouse = tmp_path_factory.mktemp("sample-warehouse")
    summary = newsfacts_run(input_dir=str(SAMPLE), warehouse_dir=str(warehouse))
    return {"summary": summary, "warehouse": warehouse}
