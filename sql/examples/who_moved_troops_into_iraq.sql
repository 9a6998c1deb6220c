-- Who moved troops into (or out of) Iraq, and when.
SELECT actor, action, date, count, count_high, is_approximate, quote
FROM troop_movements
WHERE location = 'IRQ' AND action IN ('deploy', 'withdraw')
ORDER BY date NULLS LAST, actor;
