SELECT c.customer_id, c.email, COUNT(o.order_id) AS late_orders
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
    AND o.order_id IN (SELECT order_id FROM shipments)
WHERE NOT EXISTS (
    SELECT 1
    FROM orders AS o2
    JOIN shipments AS s ON s.order_id = o2.order_id
    WHERE o2.customer_id = c.customer_id
      AND s.delivered_at <= o2.promised_by
)
GROUP BY c.customer_id, c.email;
