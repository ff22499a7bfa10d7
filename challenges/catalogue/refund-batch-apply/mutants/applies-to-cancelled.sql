UPDATE orders
SET refunded_cents = refunded_cents + (
    SELECT SUM(r.amount_cents) FROM refund_requests r
    WHERE r.order_id = orders.id AND r.state = 'approved'
)
WHERE id IN (SELECT order_id FROM refund_requests WHERE state = 'approved');
UPDATE orders
SET status = CASE WHEN refunded_cents >= total_cents THEN 'refunded' ELSE 'partially_refunded' END
WHERE status <> 'cancelled'
  AND id IN (SELECT order_id FROM refund_requests WHERE state = 'approved');
UPDATE refund_requests SET state = 'applied' WHERE state = 'approved';
