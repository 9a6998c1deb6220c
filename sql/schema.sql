-- Generated from newsfacts/schema.py by `python -m newsfacts.schema`; do not edit.
-- A test fails when this file and the pyarrow schemas disagree.

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    title VARCHAR,
    published_on DATE,
    language VARCHAR NOT NULL,
    language_prob DOUBLE,
    encoding VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    n_chars INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    extracted BOOLEAN NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL,
    run_id VARCHAR NOT NULL
);
COMMENT ON COLUMN documents.doc_id IS 'Hex SHA-256 of the file''s raw bytes.';
COMMENT ON COLUMN documents.source_path IS 'Path relative to the input folder, ''/''-separated.';
COMMENT ON COLUMN documents.title IS 'First line when it reads as a headline, else null.';
COMMENT ON COLUMN documents.published_on IS 'Publication date stated in the text, else null.';
COMMENT ON COLUMN documents.language IS 'ISO 639-1 code from langdetect, or ''und''.';
COMMENT ON COLUMN documents.language_prob IS 'langdetect''s probability for that language.';
COMMENT ON COLUMN documents.encoding IS 'How the bytes were decoded: utf-8, utf-8-sig, utf-16, cp1252.';
COMMENT ON COLUMN documents.text IS 'Cleaned text; every offset in the warehouse points into it.';
COMMENT ON COLUMN documents.n_chars IS 'Length of text in characters.';
COMMENT ON COLUMN documents.n_sentences IS 'Number of sentences.';
COMMENT ON COLUMN documents.extracted IS 'False when the language is not configured for extraction.';
COMMENT ON COLUMN documents.ingested_at IS 'When this run processed the file (UTC).';
COMMENT ON COLUMN documents.run_id IS 'Run that wrote this row (runs.run_id).';

CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    paragraph_no INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text VARCHAR NOT NULL
);
COMMENT ON COLUMN sentences.doc_id IS 'Document (documents.doc_id).';
COMMENT ON COLUMN sentences.sentence_no IS '0-based position of the sentence in the document.';
COMMENT ON COLUMN sentences.paragraph_no IS '0-based paragraph the sentence belongs to.';
COMMENT ON COLUMN sentences.char_start IS 'Start offset in documents.text.';
COMMENT ON COLUMN sentences.char_end IS 'End offset (exclusive) in documents.text.';
COMMENT ON COLUMN sentences.text IS 'The sentence: documents.text[char_start:char_end].';

CREATE TABLE IF NOT EXISTS trade_figures (
    fact_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    quote VARCHAR NOT NULL,
    amount DOUBLE NOT NULL,
    amount_high DOUBLE,
    currency VARCHAR NOT NULL,
    is_approximate BOOLEAN NOT NULL,
    per VARCHAR,
    flow VARCHAR NOT NULL,
    partners VARCHAR[] NOT NULL
);
COMMENT ON COLUMN trade_figures.fact_id IS 'Stable id: first 32 hex digits of SHA-256 of doc_id, kind and character span.';
COMMENT ON COLUMN trade_figures.doc_id IS 'Document the fact comes from (documents.doc_id).';
COMMENT ON COLUMN trade_figures.sentence_no IS 'Sentence holding the quote (sentences.sentence_no).';
COMMENT ON COLUMN trade_figures.char_start IS 'Start offset of the quote in documents.text (0-based).';
COMMENT ON COLUMN trade_figures.char_end IS 'End offset (exclusive): text[char_start:char_end] == quote.';
COMMENT ON COLUMN trade_figures.quote IS 'The exact words that state the figure.';
COMMENT ON COLUMN trade_figures.amount IS 'Amount fully expanded ($20 billion -> 2.0e10); for vague amounts the least they can mean; for a range its low end.';
COMMENT ON COLUMN trade_figures.amount_high IS 'High end of a range, else null.';
COMMENT ON COLUMN trade_figures.currency IS 'ISO 4217 currency code.';
COMMENT ON COLUMN trade_figures.is_approximate IS 'Hedged or vague (some, about, more than, hundreds of, exceeds).';
COMMENT ON COLUMN trade_figures.per IS 'year, month or quarter when stated as a rate; null for totals.';
COMMENT ON COLUMN trade_figures.flow IS 'trade, exports, imports, surplus, deficit, agreement or arms.';
COMMENT ON COLUMN trade_figures.partners IS 'Economies in order of mention: ISO 3166-1 alpha-3, or EU, EEC, GCC, OPEC, OECD, NATO.';

CREATE TABLE IF NOT EXISTS troop_counts (
    fact_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    quote VARCHAR NOT NULL,
    count BIGINT NOT NULL,
    count_high BIGINT,
    is_approximate BOOLEAN NOT NULL,
    actor VARCHAR,
    location VARCHAR,
    action VARCHAR NOT NULL
);
COMMENT ON COLUMN troop_counts.fact_id IS 'Stable id: first 32 hex digits of SHA-256 of doc_id, kind and character span.';
COMMENT ON COLUMN troop_counts.doc_id IS 'Document the fact comes from (documents.doc_id).';
COMMENT ON COLUMN troop_counts.sentence_no IS 'Sentence holding the quote (sentences.sentence_no).';
COMMENT ON COLUMN troop_counts.char_start IS 'Start offset of the quote in documents.text (0-based).';
COMMENT ON COLUMN troop_counts.char_end IS 'End offset (exclusive): text[char_start:char_end] == quote.';
COMMENT ON COLUMN troop_counts.quote IS 'The exact words that state the figure.';
COMMENT ON COLUMN troop_counts.count IS 'Head count; for vague counts the least they can mean; for a range its low end.';
COMMENT ON COLUMN troop_counts.count_high IS 'High end of a range, else null.';
COMMENT ON COLUMN troop_counts.is_approximate IS 'Hedged or vague (some, about, more than, thousands of).';
COMMENT ON COLUMN troop_counts.actor IS 'Whose troops: ISO 3166-1 alpha-3, NATO, UN, AU, GCC, COALITION, or null.';
COMMENT ON COLUMN troop_counts.location IS 'Where they are, go to or leave: ISO 3166-1 alpha-3, or null.';
COMMENT ON COLUMN troop_counts.action IS 'deploy, withdraw, present or other.';

CREATE TABLE IF NOT EXISTS country_mentions (
    doc_id VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    surface VARCHAR NOT NULL,
    country VARCHAR NOT NULL
);
COMMENT ON COLUMN country_mentions.doc_id IS 'Document (documents.doc_id).';
COMMENT ON COLUMN country_mentions.sentence_no IS 'Sentence holding the mention.';
COMMENT ON COLUMN country_mentions.char_start IS 'Start offset in documents.text.';
COMMENT ON COLUMN country_mentions.char_end IS 'End offset (exclusive) in documents.text.';
COMMENT ON COLUMN country_mentions.surface IS 'The words as written (Iraqi, Washington, U.S.).';
COMMENT ON COLUMN country_mentions.country IS 'ISO 3166-1 alpha-3 code, or a bloc code (EU, GCC, NATO, UN...).';

CREATE TABLE IF NOT EXISTS quarantine (
    source_path VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    run_id VARCHAR NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN quarantine.source_path IS 'Path relative to the input folder.';
COMMENT ON COLUMN quarantine.reason IS 'empty, binary, undecodable, too_large, unreadable, outside_root, duplicate or error.';
COMMENT ON COLUMN quarantine.detail IS 'Human-readable specifics (byte offset, size, error message).';
COMMENT ON COLUMN quarantine.run_id IS 'Run that quarantined the file.';
COMMENT ON COLUMN quarantine.seen_at IS 'When the run looked at the file (UTC).';

CREATE TABLE IF NOT EXISTS manifest (
    source_path VARCHAR NOT NULL,
    size BIGINT NOT NULL,
    mtime_ns BIGINT NOT NULL,
    sha256 VARCHAR,
    doc_id VARCHAR,
    status VARCHAR NOT NULL,
    reason VARCHAR,
    detail VARCHAR,
    run_id VARCHAR NOT NULL
);
COMMENT ON COLUMN manifest.source_path IS 'Path relative to the input folder, ''/''-separated.';
COMMENT ON COLUMN manifest.size IS 'File size in bytes when last read.';
COMMENT ON COLUMN manifest.mtime_ns IS 'Modification time (ns since the epoch) when last read.';
COMMENT ON COLUMN manifest.sha256 IS 'Hex SHA-256 of the bytes; null when they could not be read.';
COMMENT ON COLUMN manifest.doc_id IS 'The document it holds (documents.doc_id); null when quarantined unread or undecodable.';
COMMENT ON COLUMN manifest.status IS 'document (its rows are in the tables) or quarantined.';
COMMENT ON COLUMN manifest.reason IS 'Why it is quarantined (see quarantine.reason), else null.';
COMMENT ON COLUMN manifest.detail IS 'Specifics of the reason, else null.';
COMMENT ON COLUMN manifest.run_id IS 'Run that last read the file.';

CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR NOT NULL,
    full_refresh BOOLEAN NOT NULL,
    files_seen BIGINT NOT NULL,
    files_new BIGINT NOT NULL,
    files_changed BIGINT NOT NULL,
    files_deleted BIGINT NOT NULL,
    files_unchanged BIGINT NOT NULL,
    files_processed BIGINT NOT NULL,
    files_quarantined BIGINT NOT NULL,
    docs_skipped_language BIGINT NOT NULL,
    trade_figures BIGINT NOT NULL,
    troop_counts BIGINT NOT NULL,
    config_sha256 VARCHAR NOT NULL,
    version VARCHAR NOT NULL
);
COMMENT ON COLUMN runs.run_id IS 'Unique id of the run (the Prefect flow run id when run by Prefect).';
COMMENT ON COLUMN runs.started_at IS 'Start time (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'End time (UTC).';
COMMENT ON COLUMN runs.status IS 'completed or failed.';
COMMENT ON COLUMN runs.full_refresh IS 'True when every file was read again (asked for, or after an interrupted publish).';
COMMENT ON COLUMN runs.files_seen IS 'Files matching the glob under the input folder.';
COMMENT ON COLUMN runs.files_new IS 'Files not seen by earlier runs.';
COMMENT ON COLUMN runs.files_changed IS 'Files whose bytes changed since the last run.';
COMMENT ON COLUMN runs.files_deleted IS 'Files gone since the last run.';
COMMENT ON COLUMN runs.files_unchanged IS 'Files skipped after a stat: same size and mtime.';
COMMENT ON COLUMN runs.files_processed IS 'Files read this run and turned into documents.';
COMMENT ON COLUMN runs.files_quarantined IS 'Files in quarantine after the run.';
COMMENT ON COLUMN runs.docs_skipped_language IS 'Documents stored but not extracted (language not configured).';
COMMENT ON COLUMN runs.trade_figures IS 'Trade figures in the warehouse after the run.';
COMMENT ON COLUMN runs.troop_counts IS 'Troop counts in the warehouse after the run.';
COMMENT ON COLUMN runs.config_sha256 IS 'SHA-256 of the effective configuration.';
COMMENT ON COLUMN runs.version IS 'newsfacts version that ran.';

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
LEFT JOIN sentences s USING (doc_id, sentence_no);

CREATE OR REPLACE VIEW trade_by_partners AS
SELECT list_sort(t.partners) AS partners, t.flow, t.currency,
       year(d.published_on) AS year,
       count(*) AS n_figures, sum(t.amount) AS total_amount
FROM trade_figures t
JOIN documents d USING (doc_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW troop_movements AS
SELECT c.actor, c.location, c.action, d.published_on AS date,
       c.count, c.count_high, c.is_approximate, c.quote, d.title, d.source_path,
       c.doc_id, c.fact_id
FROM troop_counts c
JOIN documents d USING (doc_id);
