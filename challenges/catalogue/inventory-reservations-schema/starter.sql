CREATE TABLE stock_levels (
    warehouse_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    on_hand INTEGER NOT NULL,
    PRIMARY KEY (warehouse_id, sku)
);

CREATE TABLE reservations (
    id INTEGER PRIMARY KEY,
    warehouse_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'held',
    expires_at INTEGER NOT NULL
);

CREATE VIEW available_stock AS
SELECT warehouse_id, sku, on_hand AS available FROM stock_levels;
