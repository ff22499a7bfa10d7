-- Customers with no orders at all.
SELECT c.customer_id, c.email, 0 AS orders_placed
FROM customers AS c
WHERE c.customer_id NOT IN (SELECT customer_id FROM orders);
