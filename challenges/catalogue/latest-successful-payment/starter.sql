-- The most recent payment of each order.
SELECT order_id, MAX(payment_id) AS payment_id, provider, amount_cents, created_at
FROM payments
GROUP BY order_id
ORDER BY order_id;
