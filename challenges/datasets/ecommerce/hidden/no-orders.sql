-- Hidden data set: a store that has just opened (customers and products, no orders yet).
-- Inserted after schema.sql instead of seed.sql.

INSERT INTO customers (customer_id, email, full_name, country, signed_up_at) VALUES
  (3, 'ivy.chen@example.com', 'Ivy Chen', 'CA', '2026-02-27T09:00:00Z'),
  (1, 'jack.brown@example.org', 'Jack Brown', 'AU', '2026-02-28T10:30:00Z'),
  (2, 'kim.nguyen@example.net', 'Kim Nguyen', 'VN', '2026-03-01T00:00:00Z'),
  (5, 'liam.walsh@example.com', 'Liam Walsh', 'IE', '2026-03-15T12:00:00Z');

INSERT INTO products (product_id, sku, name, category, price_cents, is_active) VALUES
  (1, 'COF-ETH-250', 'Ethiopia Yirgacheffe beans 250 g', 'coffee', 1550, 1),
  (2, 'COF-COL-1KG', 'Colombia Huila beans 1 kg', 'coffee', 4100, 1),
  (3, 'COF-DEC-250', 'Swiss Water decaf beans 250 g', 'coffee', 1450, 1),
  (4, 'COF-FLT-100', 'Paper filters, pack of 100', 'coffee', 499, 1),
  (5, 'KIT-KETTLE', 'Gooseneck kettle 1 l', 'kitchen', 6900, 1),
  (6, 'KIT-GRINDER', 'Conical burr grinder', 'kitchen', 12900, 1),
  (7, 'KIT-SCALE', 'Brew scale with timer', 'kitchen', 3400, 1),
  (8, 'KIT-MUG-2', 'Stoneware mugs, set of 2', 'kitchen', 2800, 1),
  (9, 'KIT-DRIPPER', 'Ceramic pour-over dripper', 'kitchen', 2600, 1),
  (10, 'OUT-BOTTLE', 'Insulated bottle 750 ml', 'outdoor', 3200, 1),
  (11, 'OUT-FLASK', 'Travel flask 500 ml', 'outdoor', 2700, 1),
  (12, 'OUT-STOVE', 'Compact camping stove', 'outdoor', 5900, 1),
  (13, 'OUT-PRESS', 'Travel coffee press', 'outdoor', 3800, 1),
  (14, 'STA-NOTE-A5', 'Dotted notebook A5', 'stationery', 1600, 1),
  (15, 'STA-PEN-3', 'Gel pens, pack of 3', 'stationery', 850, 1),
  (16, 'STA-PLANNER', '2026 weekly planner', 'stationery', 2400, 1),
  (17, 'STA-STICKERS', 'Sticker pack', 'stationery', 450, 1),
  (18, 'GFT-CARD-25', 'Gift card $25', 'gifts', 2500, 1),
  (19, 'GFT-BOX', 'Coffee lover gift box', 'gifts', 5500, 1),
  (20, 'GFT-WRAP', 'Gift wrapping', 'gifts', 300, 0);
