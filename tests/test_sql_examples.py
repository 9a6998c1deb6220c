"""Every example query in sql/examples runs against a real warehouse (so none rots)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.warehouse import Warehouse

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "sql" / "examples").glob("*.sql"))
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_query_runs(sample_run: dict, path: Path) -> None:
    names, rows = Warehouse(sample_run["warehouse"]).query(path.read_text("utf-8"))
    assert names
    assert isinstance(rows, list)


def test_readme_questions_have_answers(sample_run: dict) -> None:
    """The sample corpus holds the facts the README's two example queries show."""
    wh = Warehouse(sample_run["warehouse"])
    _, trade = wh.query((EXAMPLES[0].parent / "trade_between_china_and_iran_by_year.sql")
                        .read_text("utf-8"))
    _, troops = wh.query((EXAMPLES[0].parent / "who_moved_troops_into_iraq.sql")
                         .read_text("utf-8"))
    assert trade, "sample corpus should hold China-Iran trade"
    assert troops, "sample corpus should hold troop movements in Iraq"
