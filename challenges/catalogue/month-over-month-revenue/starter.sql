-- Revenue per month, without the comparison yet.
SELECT substr(o.placed_at, 1, 7) AS month,
       SUM(oi.quantity * oi.unit_price_cents) AS revenue_cents,
       NULL AS previous_month_revenue_cents,
       NULL AS change_pct
FROM orders AS o
JOIN order_items AS oi ON oi.order_id = o.order_id
GROUP BY substr(o.placed_at, 1, 7)
ORDER BY month;
