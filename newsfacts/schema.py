"""The one definition of every warehouse table.

Each table is a pyarrow schema whose fields carry their description. The Parquet files
embed them as field metadata, the DuckDB DDL in ``sql/schema.sql`` is generated from them
(``render_ddl``; a test checks the committed file matches), and the README's column
reference is checked against them too. Change a column here and nowhere else.
"""

from __future__ import annotations

import pyarrow as pa

_DESC = b"description"


def _f(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={_DESC: description.encode()})


_FACT_COMMON = [
    _f("fact_id", pa.string(), "Stable id: first 32 hex digits of SHA-256 of doc_id, kind and character span.", False),
    _f("doc_id", pa.string(), "Document the fact comes from (documents.doc_id).", False),
    _f("sentence_no", pa.int32(), "Sentence holding the quote (sentences.sentence_no).", False),
    _f("char_start", pa.int32(), "Start offset of the quote in documents.text (0-based).", False),
    _f("char_end", pa.int32(), "End offset (exclusive): text[char_start:char_end] == quote.", False),
    _f("quote", pa.string(), "The exact words that state the figure.", False),
]

TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([
        _f("doc_id", pa.string(), "Hex SHA-256 of the file's raw bytes.", False),
        _f("source_path", pa.string(), "Path relative to the input folder, '/'-separated.", False),
        _f("title", pa.string(), "First line when it reads as a headline, else null."),
        _f("published_on", pa.date32(), "Publication date stated in the text, else null."),
        _f("language", pa.string(), "ISO 639-1 code from langdetect, or 'und'.", False),
        _f("language_prob", pa.float64(), "langdetect's probability for that language."),
        _f("encoding", pa.string(), "How the bytes were decoded: utf-8, utf-8-sig, utf-16, cp1252.", False),
        _f("text", pa.string(), "Cleaned text; every offset in the warehouse points into it.", False),
        _f("n_chars", pa.int32(), "Length of text in characters.", False),
        _f("n_sentences", pa.int32(), "Number of sentences.", False),
        _f("extracted", pa.bool_(), "False when the language is not configured for extraction.", False),
        _f("ingested_at", pa.timestamp("us", tz="UTC"), "When this run processed the file (UTC).", False),
        _f("run_id", pa.string(), "Run that wrote this row (runs.run_id).", False),
    ]),
    "sentences": pa.schema([
        _f("doc_id", pa.string(), "Document (documents.doc_id).", False),
        _f("sentence_no", pa.int32(), "0-based position of the sentence in the document.", False),
        _f("paragraph_no", pa.int32(), "0-based paragraph the sentence belongs to.", False),
        _f("char_start", pa.int32(), "Start offset in documents.text.", False),
        _f("char_end", pa.int32(), "End offset (exclusive) in documents.text.", False),
        _f("text", pa.string(), "The sentence: documents.text[char_start:char_end].", False),
    ]),
    "trade_figures": pa.schema([
        *_FACT_COMMON,
        _f("amount", pa.float64(), "Amount fully expanded ($20 billion -> 2.0e10); for vague amounts the least they can mean; for a range its low end.", False),
        _f("amount_high", pa.float64(), "High end of a range, else null."),
        _f("currency", pa.string(), "ISO 4217 currency code.", False),
        _f("is_approximate", pa.bool_(), "Hedged or vague (some, about, more than, hundreds of, exceeds).", False),
        _f("per", pa.string(), "year, month or quarter when stated as a rate; null for totals."),
        _f("flow", pa.string(), "trade, exports, imports, surplus, deficit, agreement or arms.", False),
        _f("partners", pa.list_(pa.string()), "Economies in order of mention: ISO 3166-1 alpha-3, or EU, EEC, GCC, OPEC, OECD, NATO.", False),
    ]),
    "troop_counts": pa.schema([
        *_FACT_COMMON,
        _f("count", pa.int64(), "Head count; for vague counts the least they can mean; for a range its low end.", False),
        _f("count_high", pa.int64(), "High end of a range, else null."),
        _f("is_approximate", pa.bool_(), "Hedged or vague (some, about, more than, thousands of).", False),
        _f("actor", pa.string(), "Whose troops: ISO 3166-1 alpha-3, NATO, UN, AU, GCC, COALITION, or null."),
        _f("location", pa.string(), "Where they are, go to or leave: ISO 3166-1 alpha-3, or null."),
        _f("action", pa.string(), "deploy, withdraw, present or other.", False),
    ]),
    "country_mentions": pa.schema([
        _f("doc_id", pa.string(), "Document (documents.doc_id).", False),
        _f("sentence_no", pa.int32(), "Sentence holding the mention.", False),
        _f("char_start", pa.int32(), "Start offset in documents.text.", False),
        _f("char_end", pa.int32(), "End offset (exclusive) in documents.text.", False),
        _f("surface", pa.string(), "The words as written (Iraqi, Washington, U.S.).", False),
        _f("country", pa.string(), "ISO 3166-1 alpha-3 code, or a bloc code (EU, GCC, NATO, UN...).", False),
    ]),
    "quarantine": pa.schema([
        _f("source_path", pa.string(), "Path relative to the input folder.", False),
        _f("reason", pa.string(), "empty, binary, undecodable, too_large, unreadable, outside_root, duplicate or error.", False),
        _f("detail", pa.string(), "Human-readable specifics (byte offset, size, error message)."),
        _f("run_id", pa.string(), "Run that quarantined the file.", False),
        _f("seen_at", pa.timestamp("us", tz="UTC"), "When the run looked at the file (UTC).", False),
    ]),
    "manifest": pa.schema([
        _f("source_path", pa.string(), "Path relative to the input folder, '/'-separated.", False),
        _f("size", pa.int64(), "File size in bytes when last read.", False),
        _f("mtime_ns", pa.int64(), "Modification time (ns since the epoch) when last read.", False),
        _f("sha256", pa.string(), "Hex SHA-256 of the bytes; null when they could not be read."),
        _f("doc_id", pa.string(), "The document it holds (documents.doc_id); null when quarantined unread or undecodable."),
        _f("status", pa.string(), "document (its rows are in the tables) or quarantined.", False),
        _f("reason", pa.string(), "Why it is quarantined (see quarantine.reason), else null."),
        _f("detail", pa.string(), "Specifics of the reason, else null."),
        _f("run_id", pa.string(), "Run that last read the file.", False),
    ]),
    "runs": pa.schema([
        _f("run_id", pa.string(), "Unique id of the run (the Prefect flow run id when run by Prefect).", False),
        _f("started_at", pa.timestamp("us", tz="UTC"), "Start time (UTC).", False),
        _f("finished_at", pa.timestamp("us", tz="UTC"), "End time (UTC)."),
        _f("status", pa.string(), "completed or failed.", False),
        _f("full_refresh", pa.bool_(), "True when every file was read again (asked for, or after an interrupted publish).", False),
        _f("files_seen", pa.int64(), "Files matching the glob under the input folder.", False),
        _f("files_new", pa.int64(), "Files not seen by earlier runs.", False),
        _f("files_changed", pa.int64(), "Files whose bytes changed since the last run.", False),
        _f("files_deleted", pa.int64(), "Files gone since the last run.", False),
        _f("files_unchanged", pa.int64(), "Files skipped after a stat: same size and mtime.", False),
        _f("files_processed", pa.int64(), "Files read this run and turned into documents.", False),
        _f("files_quarantined", pa.int64(), "Files in quarantine after the run.", False),
        _f("docs_skipped_language", pa.int64(), "Documents stored but not extracted (language not configured).", False),
        _f("trade_figures", pa.int64(), "Trade figures in the warehouse after the run.", False),
        _f("troop_counts", pa.int64(), "Troop counts in the warehouse after the run.", False),
        _f("config_sha256", pa.string(), "SHA-256 of the effective configuration.", False),
        _f("version", pa.string(), "newsfacts version that ran.", False),
    ]),
}

# Tables rebuilt from the documents of a run (bucketed by doc_id) vs. the run log.
DOCUMENT_TABLES = ("documents", "sentences", "trade_figures", "troop_counts", "country_mentions")


# Analyst views, created in DuckDB after every load. Each answers a common question in one
# short query (README: "Querying").
VIEWS: dict[str, str] = {
    "facts": """
CREATE OR REPLACE VIEW facts AS
SELECT 'trade' AS kind, t.fact_id, t.doc_id, t.sentence_no, t.char_start, t.char_end, t.quote,
       t.amount AS value, t.amount_high AS value_high, t.is_approximate,
       t.currency, t.per, t.flow, t.partners,
       NULL::VARCHAR AS actor, NULL::VARCHAR AS location, NULL::VARCHAR AS action,
       d.title, d.published_on, d.source_path, s.text AS sentence
FROM trade_figures t
JOIN documents d USING (doc_id)
LEFT JOIN sentences s USING (doc_id, sentence_no)
UNION ALL
SELECT 'troops', c.fact_id, c.doc_id, c.sentence_no, c.char_start, c.char_end, c.quote,
       c.count::DOUBLE, c.count_high::DOUBLE, c.is_approximate,
       NULL, NULL, NULL, NULL::VARCHAR[],
       c.actor, c.location, c.action,
       d.title, d.published_on, d.source_path, s.text
FROM troop_counts c
JOIN documents d USING (doc_id)
LEFT JOIN sentences s USING (doc_id, sentence_no)""",
    "trade_by_partners": """
CREATE OR REPLACE VIEW trade_by_partners AS
SELECT list_sort(t.partners) AS partners, t.flow, t.currency,
       year(d.published_on) AS year,
       count(*) AS n_figures, sum(t.amount) AS total_amount
FROM trade_figures t
JOIN documents d USING (doc_id)
GROUP BY ALL""",
    "troop_movements": """
CREATE OR REPLACE VIEW troop_movements AS
SELECT c.actor, c.location, c.action, d.published_on AS date,
       c.count, c.count_high, c.is_approximate, c.quote, d.title, d.source_path,
       c.doc_id, c.fact_id
FROM troop_counts c
JOIN documents d USING (doc_id)""",
}

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    pa.list_(pa.string()): "VARCHAR[]",
}


def description(field: pa.Field) -> str:
    return (field.metadata or {}).get(_DESC, b"").decode()


def duck_type(type_: pa.DataType) -> str:
    return _DUCK_TYPES[type_]


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def render_ddl(replace: bool = False) -> str:
    """DuckDB DDL for every table, with COMMENT ON for each column, and the views.

    ``replace`` drops and recreates the tables (the loader refills them from Parquet, so a
    schema change between versions never meets an old table).
    """
    create = "CREATE OR REPLACE TABLE" if replace else "CREATE TABLE IF NOT EXISTS"
    out = [
        "-- Generated from newsfacts/schema.py by `python -m newsfacts.schema`; do not edit.",
        "-- A test fails when this file and the pyarrow schemas disagree.",
        "",
    ]
    for name, schema in TABLES.items():
        cols = ",\n".join(
            f"    {f.name} {duck_type(f.type)}{'' if f.nullable else ' NOT NULL'}" for f in schema
        )
        out.append(f"{create} {name} (\n{cols}\n);")
        for f in schema:
            out.append(f"COMMENT ON COLUMN {name}.{f.name} IS {_sql_str(description(f))};")
        out.append("")
    for view in VIEWS.values():
        out.append(view.strip() + ";")
        out.append("")
    return "\n".join(out)


def render_column_reference() -> str:
    """The README's table reference, generated so it cannot drift from the schema."""
    out = []
    for name, schema in TABLES.items():
        out.append(f"#### `{name}`\n\n| column | type | description |\n|---|---|---|")
        out += [f"| `{f.name}` | {duck_type(f.type)} | {description(f)} |" for f in schema]
        out.append("")
    return "\n".join(out)


def update_readme(path: str = "README.md") -> None:
    """Rewrite the README's generated column reference in place."""
    import re
    from pathlib import Path

    readme = Path(path)
    text = readme.read_text("utf-8")
    pattern = re.compile(r"(<!-- columns:begin[^>]*-->\n).*?(<!-- columns:end -->)", re.DOTALL)
    readme.write_text(pattern.sub(lambda m: m.group(1) + render_column_reference()
                                  + m.group(2), text), "utf-8")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--readme"]:
        update_readme()
    else:
        print(render_ddl(), end="")
