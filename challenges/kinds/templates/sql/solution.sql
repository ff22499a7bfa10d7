SELECT
    c.customer_id,
    c.name,
    COUNT(o.order_id) AS orders,
    COALESCE(SUM(o.total_cents), 0) AS spent_cents
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.customer_id, c.name;
