SELECT id, CAST(julianday(shipped_on) - julianday(placed_on) AS INTEGER) - 2 AS days_late
FROM orders
WHERE shipped_on IS NOT NULL AND julianday(shipped_on) - julianday(placed_on) > 2
ORDER BY days_late DESC, id;
