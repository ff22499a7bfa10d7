-- Each order with who placed it, how many items and what it cost.
SELECT
    o.order_id,
    c.email AS customer_email,
    o.placed_at,
    COUNT(*) AS item_count,
    SUM(oi.quantity * p.price_cents) AS total_cents
FROM orders AS o
JOIN customers AS c ON c.customer_id = o.customer_id
JOIN order_items AS oi ON oi.order_id = o.order_id
JOIN products AS p ON p.product_id = oi.product_id
GROUP BY o.order_id
ORDER BY o.placed_at;
