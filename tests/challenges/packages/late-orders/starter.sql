SELECT id, 0 AS days_late FROM orders;
