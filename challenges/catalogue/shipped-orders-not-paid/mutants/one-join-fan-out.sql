SELECT o.order_id, o.customer_id,
       SUM(oi.quantity * oi.unit_price_cents) AS total_cents,
       COALESCE(SUM(p.amount_cents), 0) - COALESCE(SUM(r.amount_cents), 0) AS net_paid_cents,
       SUM(oi.quantity * oi.unit_price_cents)
           - (COALESCE(SUM(p.amount_cents), 0) - COALESCE(SUM(r.amount_cents), 0)) AS shortfall_cents
FROM orders AS o
JOIN order_items AS oi ON oi.order_id = o.order_id
LEFT JOIN payments AS p ON p.order_id = o.order_id AND p.status = 'captured'
LEFT JOIN refunds AS r ON r.payment_id = p.payment_id AND r.status = 'succeeded'
WHERE o.status IN ('shipped', 'delivered')
GROUP BY o.order_id, o.customer_id
HAVING COALESCE(SUM(p.amount_cents), 0) - COALESCE(SUM(r.amount_cents), 0)
       < SUM(oi.quantity * oi.unit_price_cents);
