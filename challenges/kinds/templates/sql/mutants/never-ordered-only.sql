SELECT c.customer_id, c.email, COUNT(o.order_id) AS orders_placed
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.customer_id, c.email
HAVING COUNT(o.order_id) = 0;
