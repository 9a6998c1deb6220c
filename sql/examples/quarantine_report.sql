-- Files the last run could not take, and why.
SELECT reason, count(*) AS files, list(source_path ORDER BY source_path) AS paths
FROM quarantine
GROUP BY reason
ORDER BY files DESC;
