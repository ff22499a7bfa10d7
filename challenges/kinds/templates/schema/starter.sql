CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    email       TEXT
);

CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER,
    total_cents INTEGER
);
