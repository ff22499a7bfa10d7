-- Traps: several items and several payments and refunds on one order (join fan-out), partial
-- refunds, refunds that failed or are pending, overpayment, exact payment, voided and
-- authorized payments, an order with no payment at all.

INSERT INTO orders (order_id, customer_id, status, placed_at) VALUES
  (101, 901, 'delivered', '2026-03-16T09:00:00Z'),
  (102, 902, 'delivered', '2026-03-16T10:00:00Z'),
  (103, 903, 'shipped',   '2026-03-16T11:00:00Z'),
  (104, 904, 'delivered', '2026-03-17T09:00:00Z'),
  (105, 905, 'shipped',   '2026-03-17T10:00:00Z'),
  (106, 906, 'delivered', '2026-03-17T11:00:00Z'),
  (107, 907, 'cancelled', '2026-03-18T09:00:00Z'),
  (108, 908, 'delivered', '2026-03-18T10:00:00Z'),
  (109, 909, 'shipped',   '2026-03-18T11:00:00Z');

INSERT INTO order_items (order_item_id, order_id, sku, quantity, unit_price_cents) VALUES
  (101, 101, 'MUG-BLUE', 1, 1250), (102, 101, 'MUG-RED', 1, 1250), (103, 101, 'TEA-EARL', 1, 899),
  (104, 102, 'GRINDER', 1, 8900), (105, 102, 'SCALE', 1, 2990),
  (106, 103, 'TEAPOT', 2, 3500),
  (107, 104, 'KETTLE-1L', 1, 4900), (108, 104, 'INFUSER', 2, 650),
  (109, 105, 'TEA-SENCHA', 1, 1099),
  (110, 106, 'FREE-SAMPLE', 1, 0),
  (111, 107, 'GRINDER', 1, 8900),
  (112, 108, 'SCALE', 1, 2990), (113, 108, 'MUG-BLUE', 2, 1250),
  (114, 109, 'TEAPOT', 1, 3500);

INSERT INTO payments (payment_id, order_id, status, amount_cents, created_at) VALUES
  (101, 101, 'captured', 2000, '2026-03-16T09:01:00Z'),
  (102, 101, 'captured', 1399, '2026-03-16T09:02:00Z'),
  (103, 102, 'captured', 11890, '2026-03-16T10:01:00Z'),
  (104, 103, 'captured', 7000, '2026-03-16T11:01:00Z'),
  (105, 104, 'voided', 6200, '2026-03-17T09:01:00Z'),
  (106, 104, 'captured', 6200, '2026-03-17T09:05:00Z'),
  (107, 105, 'captured', 1200, '2026-03-17T10:01:00Z'),
  (108, 107, 'captured', 8900, '2026-03-18T09:01:00Z'),
  (109, 108, 'captured', 2990, '2026-03-18T10:01:00Z'),
  (110, 108, 'captured', 2500, '2026-03-18T10:02:00Z'),
  (111, 109, 'authorized', 3500, '2026-03-18T11:01:00Z');

INSERT INTO refunds (refund_id, payment_id, status, amount_cents, created_at) VALUES
  (101, 101, 'succeeded', 500, '2026-03-20T09:00:00Z'),
  (102, 102, 'failed', 1399, '2026-03-20T09:05:00Z'),
  (103, 103, 'succeeded', 2990, '2026-03-20T10:00:00Z'),
  (104, 103, 'succeeded', 1000, '2026-03-21T10:00:00Z'),
  (105, 104, 'pending', 3500, '2026-03-20T11:00:00Z'),
  (106, 107, 'succeeded', 101, '2026-03-20T12:00:00Z'),
  (107, 108, 'succeeded', 8900, '2026-03-20T13:00:00Z'),
  (108, 109, 'failed', 2990, '2026-03-20T14:00:00Z');
