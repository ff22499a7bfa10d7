SELECT c.customer_id, c.email, COUNT(o.order_id) AS orders_placed
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
WHERE NOT EXISTS (
    SELECT 1 FROM orders AS b
    WHERE b.customer_id = c.customer_id
      AND b.status IN ('paid', 'shipped', 'delivered', 'refunded')
)
GROUP BY c.customer_id, c.email;
