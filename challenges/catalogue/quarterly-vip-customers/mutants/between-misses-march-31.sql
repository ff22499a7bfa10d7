SELECT
    c.customer_id,
    c.email,
    COUNT(DISTINCT o.order_id) AS delivered_orders,
    SUM(oi.quantity * oi.unit_price_cents) AS merchandise_cents
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
JOIN order_items AS oi ON oi.order_id = o.order_id
WHERE o.status = 'delivered' AND o.placed_at BETWEEN '2026-01-01' AND '2026-03-31'
GROUP BY c.customer_id, c.email
HAVING COUNT(DISTINCT o.order_id) >= 3 AND SUM(oi.quantity * oi.unit_price_cents) >= 15000
ORDER BY merchandise_cents DESC, c.customer_id;
