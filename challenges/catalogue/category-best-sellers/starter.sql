-- Top 2 products per category by units sold.
WITH ranked AS (
    SELECT
        p.category,
        p.product_id,
        p.name AS product_name,
        SUM(oi.quantity) AS units_sold,
        ROW_NUMBER() OVER (PARTITION BY p.category ORDER BY SUM(oi.quantity) DESC) AS sales_rank
    FROM order_items AS oi
    JOIN products AS p ON p.product_id = oi.product_id
    GROUP BY p.category, p.product_id, p.name
)
SELECT category, product_id, product_name, units_sold, sales_rank
FROM ranked
WHERE sales_rank <= 2
ORDER BY category, sales_rank, product_id;
