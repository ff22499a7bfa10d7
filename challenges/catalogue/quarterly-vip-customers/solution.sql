WITH q1_delivered AS (
    SELECT o.order_id, o.customer_id
    FROM orders AS o
    WHERE o.status = 'delivered'
      AND o.placed_at >= '2026-01-01'
      AND o.placed_at < '2026-04-01'
)
SELECT
    c.customer_id,
    c.email,
    COUNT(DISTINCT d.order_id) AS delivered_orders,
    COALESCE(SUM(oi.quantity * oi.unit_price_cents), 0) AS merchandise_cents
FROM q1_delivered AS d
JOIN customers AS c ON c.customer_id = d.customer_id
LEFT JOIN order_items AS oi ON oi.order_id = d.order_id
GROUP BY c.customer_id, c.email
HAVING COUNT(DISTINCT d.order_id) >= 3
   AND COALESCE(SUM(oi.quantity * oi.unit_price_cents), 0) >= 15000
ORDER BY merchandise_cents DESC, c.customer_id;
