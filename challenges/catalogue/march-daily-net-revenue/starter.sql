-- Net revenue per day in March 2026 with a running total.
SELECT
    date(created_at) AS day,
    SUM(amount_cents) AS net_cents,
    SUM(SUM(amount_cents)) OVER (ORDER BY date(created_at)) AS running_net_cents
FROM payments
WHERE status = 'succeeded'
  AND created_at LIKE '2026-03-%'
GROUP BY date(created_at)
ORDER BY day;
