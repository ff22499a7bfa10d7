WITH RECURSIVE days(day) AS (
    SELECT '2026-03-01'
    UNION ALL
    SELECT date(day, '+1 day') FROM days WHERE day < '2026-03-31'
),
movements AS (
    SELECT date(created_at) AS day, amount_cents AS cents
    FROM payments
    UNION ALL
    SELECT date(refunded_at), -amount_cents
    FROM payments
    WHERE status = 'refunded'
),
daily AS (
    SELECT d.day, COALESCE(SUM(m.cents), 0) AS net_cents
    FROM days AS d
    LEFT JOIN movements AS m ON m.day = d.day
    GROUP BY d.day
)
SELECT
    day,
    net_cents,
    SUM(net_cents) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        AS running_net_cents
FROM daily
ORDER BY day;
