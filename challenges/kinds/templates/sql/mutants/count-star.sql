SELECT c.customer_id, c.email, COUNT(*) AS orders_placed
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
WHERE c.customer_id NOT IN (
    SELECT customer_id FROM orders WHERE status IN ('paid', 'shipped', 'delivered')
)
GROUP BY c.customer_id, c.email;
