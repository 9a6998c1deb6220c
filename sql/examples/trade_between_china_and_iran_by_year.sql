-- How much trade between China and Iran, by year (any flow, per currency).
SELECT year, flow, currency, sum(n_figures) AS figures, sum(total_amount) AS total
FROM trade_by_partners
WHERE list_has_all(partners, ['CHN', 'IRN'])
GROUP BY ALL
ORDER BY year, flow;
