SELECT p.order_id, p.payment_id, p.provider, p.amount_cents, p.created_at
FROM payments AS p
JOIN (
    SELECT order_id, MAX(created_at) AS last_at
    FROM payments
    WHERE status = 'succeeded'
    GROUP BY order_id
) AS latest ON latest.order_id = p.order_id AND latest.last_at = p.created_at
WHERE p.status = 'succeeded'
ORDER BY p.order_id;
