CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    email       TEXT    NOT NULL UNIQUE
);

CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    total_cents INTEGER NOT NULL CHECK (total_cents >= 0)
);
