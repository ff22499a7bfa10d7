SELECT c.customer_id, c.name, COUNT(o.order_id) AS orders, SUM(o.total_cents) AS spent_cents
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.customer_id, c.name;
