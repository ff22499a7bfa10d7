INSERT INTO customers (customer_id, name) VALUES (1, 'Dina'), (2, 'Eli'), (3, 'Femi');
INSERT INTO orders (order_id, customer_id, total_cents) VALUES
    (20, 2, 100),
    (21, 2, 200),
    (22, 2, 300);
