WITH totals AS (
    SELECT order_id, SUM(quantity * unit_price_cents) AS total_cents
    FROM order_items
    GROUP BY order_id
),
captured AS (
    SELECT order_id, SUM(amount_cents) AS captured_cents
    FROM payments
    WHERE status IN ('captured', 'authorized')
    GROUP BY order_id
),
refunded AS (
    SELECT p.order_id, SUM(r.amount_cents) AS refunded_cents
    FROM refunds AS r
    JOIN payments AS p ON p.payment_id = r.payment_id
    WHERE r.status = 'succeeded'
    GROUP BY p.order_id
),
balances AS (
    SELECT o.order_id, o.customer_id, t.total_cents,
           COALESCE(c.captured_cents, 0) - COALESCE(rf.refunded_cents, 0) AS net_paid_cents
    FROM orders AS o
    JOIN totals AS t ON t.order_id = o.order_id
    LEFT JOIN captured AS c ON c.order_id = o.order_id
    LEFT JOIN refunded AS rf ON rf.order_id = o.order_id
    WHERE o.status IN ('shipped', 'delivered')
)
SELECT order_id, customer_id, total_cents, net_paid_cents,
       total_cents - net_paid_cents AS shortfall_cents
FROM balances
WHERE net_paid_cents < total_cents;
