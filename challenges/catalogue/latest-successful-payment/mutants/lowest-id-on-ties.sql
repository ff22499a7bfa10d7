WITH ranked AS (
    SELECT
        p.*,
        ROW_NUMBER() OVER (PARTITION BY p.order_id ORDER BY p.created_at DESC, p.payment_id) AS rn
    FROM payments AS p
    WHERE p.status = 'succeeded'
)
SELECT order_id, payment_id, provider, amount_cents, created_at
FROM ranked
WHERE rn = 1
ORDER BY order_id;
