SELECT c.customer_id, c.email, COUNT(o.order_id) AS orders_placed
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
WHERE o.order_id IS NULL OR o.status NOT IN ('paid', 'shipped', 'delivered')
GROUP BY c.customer_id, c.email;
