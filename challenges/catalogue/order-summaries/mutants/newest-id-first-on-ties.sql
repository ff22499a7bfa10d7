SELECT
    o.order_id,
    c.email AS customer_email,
    o.placed_at,
    COALESCE(SUM(oi.quantity), 0) AS item_count,
    COALESCE(SUM(oi.quantity * oi.unit_price_cents), 0) AS total_cents
FROM orders AS o
JOIN customers AS c ON c.customer_id = o.customer_id
LEFT JOIN order_items AS oi ON oi.order_id = o.order_id
WHERE o.status <> 'cancelled'
GROUP BY o.order_id, c.email, o.placed_at
ORDER BY o.placed_at, o.order_id DESC;
