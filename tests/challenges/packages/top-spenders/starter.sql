SELECT 1 AS customer_id, 0 AS spent_cents;
