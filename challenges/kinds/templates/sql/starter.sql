SELECT customer_id, name, 0 AS orders, 0 AS spent_cents
FROM customers;
