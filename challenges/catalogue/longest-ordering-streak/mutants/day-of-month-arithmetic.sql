WITH order_days AS (
    SELECT DISTINCT customer_id, date(placed_at) AS day
    FROM orders
    WHERE status <> 'cancelled'
),
grouped AS (
    SELECT
        customer_id,
        day,
        CAST(strftime('%d', day) AS INTEGER) - ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY day) AS anchor
    FROM order_days
),
streaks AS (
    SELECT customer_id, MIN(day) AS streak_start, MAX(day) AS streak_end, COUNT(*) AS streak_days
    FROM grouped
    GROUP BY customer_id, anchor
),
best AS (
    SELECT
        *,
        ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY streak_days DESC, streak_start) AS rn
    FROM streaks
)
SELECT customer_id, streak_start, streak_end, streak_days
FROM best
WHERE rn = 1 AND streak_days >= 2
ORDER BY customer_id;
