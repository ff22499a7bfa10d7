WITH movements AS (
    SELECT date(created_at) AS day, amount_cents AS cents
    FROM payments
    WHERE status IN ('succeeded', 'refunded')
    UNION ALL
    SELECT date(refunded_at), -amount_cents
    FROM payments
    WHERE status = 'refunded'
),
daily AS (
    SELECT day, SUM(cents) AS net_cents
    FROM movements
    WHERE day BETWEEN '2026-03-01' AND '2026-03-31'
    GROUP BY day
)
SELECT day, net_cents, SUM(net_cents) OVER (ORDER BY day) AS running_net_cents
FROM daily
ORDER BY day;
