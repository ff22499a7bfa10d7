CREATE TABLE stock_levels (
    warehouse_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
    PRIMARY KEY (warehouse_id, sku)
);

CREATE TABLE reservations (
    id INTEGER PRIMARY KEY,
    warehouse_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    order_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'released', 'fulfilled')),
    expires_at INTEGER NOT NULL,
    FOREIGN KEY (warehouse_id, sku) REFERENCES stock_levels (warehouse_id, sku),
    UNIQUE (order_id, warehouse_id, sku)
);

CREATE INDEX reservations_expiry ON reservations (status, expires_at);
CREATE INDEX reservations_stock ON reservations (warehouse_id, sku, status);

-- The held total depends on other rows: a CHECK can't see them, triggers can.
CREATE TRIGGER reservations_no_oversell_insert
BEFORE INSERT ON reservations
WHEN NEW.status = 'held'
 AND NEW.quantity + (
        SELECT coalesce(sum(quantity), 0) FROM reservations
        WHERE warehouse_id = NEW.warehouse_id AND sku = NEW.sku AND status = 'held')
     > (SELECT on_hand FROM stock_levels
        WHERE warehouse_id = NEW.warehouse_id AND sku = NEW.sku)
BEGIN
    SELECT RAISE(ABORT, 'not enough stock on hand');
END;

CREATE TRIGGER reservations_no_oversell_update
BEFORE UPDATE OF quantity, status, warehouse_id, sku ON reservations
WHEN NEW.status = 'held'
 AND NEW.quantity + (
        SELECT coalesce(sum(quantity), 0) FROM reservations
        WHERE warehouse_id = NEW.warehouse_id AND sku = NEW.sku AND status = 'held'
          AND id <> OLD.id)
     > (SELECT on_hand FROM stock_levels
        WHERE warehouse_id = NEW.warehouse_id AND sku = NEW.sku)
BEGIN
    SELECT RAISE(ABORT, 'not enough stock on hand');
END;

CREATE TRIGGER stock_levels_cover_holds
BEFORE UPDATE OF on_hand ON stock_levels
WHEN NEW.on_hand < (
        SELECT coalesce(sum(quantity), 0) FROM reservations
        WHERE warehouse_id = OLD.warehouse_id AND sku = OLD.sku AND status = 'held')
BEGIN
    SELECT RAISE(ABORT, 'on_hand would fall below the held reservations');
END;

CREATE VIEW available_stock AS
SELECT s.warehouse_id, s.sku,
       s.on_hand - coalesce((SELECT sum(r.quantity) FROM reservations AS r
                             WHERE r.warehouse_id = s.warehouse_id AND r.sku = s.sku
                               AND r.status = 'held'), 0) AS available
FROM stock_levels AS s;
