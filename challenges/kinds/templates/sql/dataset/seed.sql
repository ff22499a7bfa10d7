INSERT INTO customers (customer_id, name) VALUES (1, 'Ada'), (2, 'Ben'), (3, 'Chen');
INSERT INTO orders (order_id, customer_id, total_cents) VALUES
    (10, 1, 2500),
    (11, 1, 990),
    (12, 2, 1500);
