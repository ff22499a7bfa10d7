-- A small online shop selling coffee and everyday gear.
-- Money is always an INTEGER number of US cents (1999 = $19.99).
-- Timestamps are ISO-8601 UTC text, e.g. '2026-03-01T10:15:00Z': they sort correctly as text,
-- and date(placed_at) or substr(placed_at, 1, 10) gives the UTC calendar day.

CREATE TABLE customers (
    customer_id  INTEGER PRIMARY KEY,
    email        TEXT    NOT NULL UNIQUE,
    full_name    TEXT    NOT NULL,
    country      TEXT    NOT NULL CHECK (length(country) = 2),  -- ISO 3166-1 alpha-2
    signed_up_at TEXT    NOT NULL
);

CREATE TABLE products (
    product_id  INTEGER PRIMARY KEY,
    sku         TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    category    TEXT    NOT NULL,                                -- e.g. 'coffee', 'kitchen'
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),      -- current list price
    is_active   INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);

CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
    status      TEXT    NOT NULL CHECK (status IN
                    ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
    placed_at   TEXT    NOT NULL
);

-- One row per cart line. unit_price_cents is the price charged when the order was placed:
-- list prices change over time, so it can differ from products.price_cents.
CREATE TABLE order_items (
    order_item_id    INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (order_id),
    product_id       INTEGER NOT NULL REFERENCES products (product_id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0)
);

-- One row per charge attempt; providers retry, so an order can have several.
--   succeeded: the money was captured at created_at
--   failed:    nothing was captured
--   refunded:  the money was captured at created_at and given back in full at refunded_at
CREATE TABLE payments (
    payment_id   INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (order_id),
    provider     TEXT    NOT NULL CHECK (provider IN ('stripe', 'paypal', 'adyen')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    status       TEXT    NOT NULL CHECK (status IN ('succeeded', 'failed', 'refunded')),
    created_at   TEXT    NOT NULL,
    refunded_at  TEXT,
    CHECK ((status = 'refunded') = (refunded_at IS NOT NULL)),
    CHECK (refunded_at IS NULL OR refunded_at >= created_at)
);

CREATE TABLE shipments (
    shipment_id  INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL UNIQUE REFERENCES orders (order_id),
    carrier      TEXT    NOT NULL,
    shipped_at   TEXT    NOT NULL,
    delivered_at TEXT,                                           -- NULL while in transit
    CHECK (delivered_at IS NULL OR delivered_at >= shipped_at)
);
