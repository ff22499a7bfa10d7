-- A home-goods marketplace that promises a delivery time at checkout.
-- Timestamps are ISO-8601 UTC text, e.g. '2026-03-01T10:15:00Z': they sort correctly as text.
-- The data is a snapshot taken at 2026-04-01T00:00:00Z.

CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    email       TEXT    NOT NULL UNIQUE,
    full_name   TEXT    NOT NULL
);

-- promised_by: the latest delivery time shown to the customer at checkout.
CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
    status      TEXT    NOT NULL CHECK (status IN ('placed', 'shipped', 'delivered', 'cancelled')),
    placed_at   TEXT    NOT NULL,
    promised_by TEXT    NOT NULL,
    CHECK (promised_by > placed_at)
);

-- One row per order that left the warehouse; delivered_at is NULL while it is in transit.
CREATE TABLE shipments (
    shipment_id  INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL UNIQUE REFERENCES orders (order_id),
    carrier      TEXT    NOT NULL,
    shipped_at   TEXT    NOT NULL,
    delivered_at TEXT,
    CHECK (delivered_at IS NULL OR delivered_at >= shipped_at)
);
