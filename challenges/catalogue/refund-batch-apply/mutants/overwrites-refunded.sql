UPDATE orders
SET refunded_cents = (
    SELECT SUM(r.amount_cents) FROM refund_requests r
    WHERE r.order_id = orders.id AND r.state = 'approved'
)
WHERE status <> 'cancelled'
  AND id IN (SELECT order_id FROM refund_requests WHERE state = 'approved');
UPDATE orders
SET status = CASE WHEN refunded_cents >= total_cents THEN 'refunded' ELSE 'partially_refunded' END
WHERE status <> 'cancelled'
  AND id IN (SELECT order_id FROM refund_requests WHERE state = 'approved');
UPDATE refund_requests SET state = 'rejected'
WHERE state = 'approved' AND order_id IN (SELECT id FROM orders WHERE status = 'cancelled');
UPDATE refund_requests SET state = 'applied' WHERE state = 'approved';
