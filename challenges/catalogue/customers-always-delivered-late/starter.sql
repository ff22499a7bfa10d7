-- Customers with at least one order delivered after its promise.
SELECT c.customer_id, c.email, COUNT(*) AS late_orders
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
JOIN shipments AS s ON s.order_id = o.order_id
WHERE s.delivered_at > o.promised_by
GROUP BY c.customer_id, c.email;
