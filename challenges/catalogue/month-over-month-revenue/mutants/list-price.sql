WITH monthly AS (
    SELECT substr(o.placed_at, 1, 7) AS month,
           SUM(oi.quantity * p.price_cents) AS revenue_cents
    FROM orders AS o
    JOIN order_items AS oi ON oi.order_id = o.order_id
    JOIN products AS p ON p.product_id = oi.product_id
    WHERE o.status IN ('paid', 'shipped', 'delivered')
    GROUP BY substr(o.placed_at, 1, 7)
),
with_previous AS (
    SELECT month, revenue_cents,
           CASE
               WHEN LAG(month) OVER (ORDER BY month)
                    = strftime('%Y-%m', month || '-01', '-1 month')
               THEN LAG(revenue_cents) OVER (ORDER BY month)
           END AS previous_month_revenue_cents
    FROM monthly
)
SELECT month, revenue_cents, previous_month_revenue_cents,
       ROUND(100.0 * (revenue_cents - previous_month_revenue_cents)
             / previous_month_revenue_cents, 1) AS change_pct
FROM with_previous
ORDER BY month;
