-- Shipped orders without a captured payment.
SELECT o.order_id, o.customer_id, 0 AS total_cents, 0 AS net_paid_cents, 0 AS shortfall_cents
FROM orders AS o
WHERE o.status IN ('shipped', 'delivered')
  AND NOT EXISTS (
      SELECT 1 FROM payments AS p WHERE p.order_id = o.order_id AND p.status = 'captured'
  );
