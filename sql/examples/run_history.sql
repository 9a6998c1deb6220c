-- What each run did.
SELECT started_at, status, files_seen, files_processed, files_quarantined,
       docs_skipped_language, trade_figures, troop_counts,
       date_diff('millisecond', started_at, finished_at) / 1000.0 AS seconds
FROM runs
ORDER BY started_at;
