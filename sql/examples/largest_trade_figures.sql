-- The ten largest US-dollar trade figures and who they are between.
SELECT quote, amount, flow, partners, per, d.source_path
FROM trade_figures t JOIN documents d USING (doc_id)
WHERE currency = 'USD'
ORDER BY amount DESC
LIMIT 10;
