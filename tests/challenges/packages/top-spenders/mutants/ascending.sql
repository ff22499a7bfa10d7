SELECT customer_id, SUM(total_cents) AS spent_cents FROM orders GROUP BY customer_id ORDER BY spent_cents;
