SELECT order_id, payment_id, provider, amount_cents, MAX(created_at) AS created_at
FROM payments
WHERE status = 'succeeded'
GROUP BY order_id
ORDER BY order_id;
