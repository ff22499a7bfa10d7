-- An online shop's order and payment records, for the finance team's month-end audit.
-- Money is an INTEGER number of euro cents (1999 = EUR 19.99).
-- Timestamps are ISO-8601 UTC text, e.g. '2026-03-01T10:15:00Z'.

CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN
                    ('pending', 'shipped', 'delivered', 'cancelled')),
    placed_at   TEXT    NOT NULL
);

CREATE TABLE order_items (
    order_item_id    INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (order_id),
    sku              TEXT    NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0)
);

-- One row per card payment. Only a captured payment moved money to us:
--   authorized: the bank reserved the amount, nothing was collected (yet)
--   captured:   the amount was collected
--   failed:     declined, nothing was collected
--   voided:     an authorization released without collecting anything
CREATE TABLE payments (
    payment_id   INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (order_id),
    status       TEXT    NOT NULL CHECK (status IN ('authorized', 'captured', 'failed', 'voided')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    created_at   TEXT    NOT NULL
);

-- Money given back on a captured payment, in full or in part; a payment can have several.
-- Only a succeeded refund has left our account.
CREATE TABLE refunds (
    refund_id    INTEGER PRIMARY KEY,
    payment_id   INTEGER NOT NULL REFERENCES payments (payment_id),
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    created_at   TEXT    NOT NULL
);
