-- Each customer's ordering streak: first and last order day.
SELECT
    customer_id,
    MIN(date(placed_at)) AS streak_start,
    MAX(date(placed_at)) AS streak_end,
    COUNT(DISTINCT date(placed_at)) AS streak_days
FROM orders
WHERE status <> 'cancelled'
GROUP BY customer_id
HAVING COUNT(DISTINCT date(placed_at)) >= 2
ORDER BY customer_id;
