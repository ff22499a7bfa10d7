WITH shipped AS (
    SELECT
        o.customer_id,
        CASE
            WHEN s.delivered_at IS NOT NULL THEN s.delivered_at > o.promised_by
            WHEN o.promised_by < '2026-04-01T00:00:00Z' THEN 1
        END AS is_late  -- 1 late, 0 on time, NULL in transit and not due yet
    FROM orders AS o
    JOIN shipments AS s ON s.order_id = o.order_id
)
SELECT c.customer_id, c.email, SUM(sh.is_late) AS late_orders
FROM customers AS c
JOIN shipped AS sh ON sh.customer_id = c.customer_id
GROUP BY c.customer_id, c.email
HAVING MIN(sh.is_late) = 1;
