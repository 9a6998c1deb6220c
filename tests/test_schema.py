"""One source of truth: the pyarrow schemas drive the DDL, the README and DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsfacts.schema import TABLES, VIEWS, description, render_column_reference, render_ddl

REPO = Path(__file__).resolve().parents[1]


def test_committed_ddl_is_generated_from_the_schema() -> None:
    committed = (REPO / "sql" / "schema.sql").read_text("utf-8")
    assert committed == render_ddl(), "run: python -m newsfacts.schema > sql/schema.sql"


def test_readme_column_reference_matches_the_schema() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    assert render_column_reference() in readme, (
        "README's table reference is stale: paste python -c "
        "'from newsfacts.schema import render_column_reference as r; print(r())'"
    )


def test_every_column_is_described() -> None:
    for name, schema in TABLES.items():
        for field in schema:
            assert description(field), f"{name}.{field.name}"


def test_ddl_runs_and_matches_arrow_types() -> None:
    con = duckdb.connect()
    con.execute(render_ddl())
    for name, schema in TABLES.items():
        cols = con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ? "
            "ORDER BY column_index", [name]).fetchall()
        assert [c for c, _ in cols] == schema.names
        assert all(comment for _, comment in cols)
        # An empty Arrow table of the schema loads into the DuckDB table unchanged.
        empty = schema.empty_table()  # noqa: F841  (read by DuckDB's replacement scan)
        con.execute(f"INSERT INTO {name} SELECT * FROM empty")
    assert set(VIEWS) == {"facts", "trade_by_partners", "troop_movements"}
