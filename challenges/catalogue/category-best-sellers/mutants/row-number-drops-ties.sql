WITH units AS (
    SELECT oi.product_id, SUM(oi.quantity) AS units_sold
    FROM order_items AS oi
    JOIN orders AS o ON o.order_id = oi.order_id
    WHERE o.status IN ('paid', 'shipped', 'delivered')
    GROUP BY oi.product_id
),
ranked AS (
    SELECT
        p.category,
        p.product_id,
        p.name AS product_name,
        u.units_sold,
        ROW_NUMBER() OVER (PARTITION BY p.category ORDER BY u.units_sold DESC, p.product_id) AS sales_rank
    FROM units AS u
    JOIN products AS p ON p.product_id = u.product_id
)
SELECT category, product_id, product_name, units_sold, sales_rank
FROM ranked
WHERE sales_rank <= 2
ORDER BY category, sales_rank, product_id;
