-- Visible sample data: 10 orders from March 2026.

INSERT INTO orders (order_id, customer_id, status, placed_at) VALUES
  (1, 501, 'delivered', '2026-03-02T09:00:00Z'),
  (2, 502, 'delivered', '2026-03-02T11:30:00Z'),
  (3, 503, 'shipped',   '2026-03-03T14:00:00Z'),
  (4, 501, 'delivered', '2026-03-04T08:15:00Z'),
  (5, 504, 'cancelled', '2026-03-05T19:40:00Z'),
  (6, 505, 'delivered', '2026-03-06T10:00:00Z'),
  (7, 506, 'shipped',   '2026-03-07T16:20:00Z'),
  (8, 502, 'pending',   '2026-03-08T12:00:00Z'),
  (9, 507, 'delivered', '2026-03-09T09:45:00Z'),
  (10, 508, 'shipped',  '2026-03-10T13:10:00Z');

INSERT INTO order_items (order_item_id, order_id, sku, quantity, unit_price_cents) VALUES
  (1, 1, 'MUG-BLUE', 2, 1250), (2, 1, 'TEA-EARL', 1, 899),
  (3, 2, 'KETTLE-1L', 1, 4900),
  (4, 3, 'TEA-SENCHA', 3, 1099), (5, 3, 'MUG-BLUE', 1, 1250),
  (6, 4, 'GRINDER', 1, 8900),
  (7, 5, 'KETTLE-1L', 1, 4900),
  (8, 6, 'TEAPOT', 1, 3500), (9, 6, 'TEA-EARL', 2, 899),
  (10, 7, 'SCALE', 1, 2990),
  (11, 8, 'MUG-RED', 4, 1250),
  (12, 9, 'TEA-SENCHA', 2, 1099), (13, 9, 'INFUSER', 1, 650),
  (14, 10, 'TEAPOT', 1, 3500);

INSERT INTO payments (payment_id, order_id, status, amount_cents, created_at) VALUES
  (1, 1, 'captured', 3399, '2026-03-02T09:01:00Z'),
  (2, 2, 'failed', 4900, '2026-03-02T11:31:00Z'),
  (3, 2, 'captured', 4900, '2026-03-02T11:33:00Z'),
  (4, 3, 'authorized', 4547, '2026-03-03T14:01:00Z'),
  (5, 4, 'captured', 8900, '2026-03-04T08:16:00Z'),
  (6, 6, 'captured', 5298, '2026-03-06T10:01:00Z'),
  (7, 7, 'failed', 2990, '2026-03-07T16:21:00Z'),
  (8, 7, 'failed', 2990, '2026-03-07T16:25:00Z'),
  (9, 8, 'authorized', 5000, '2026-03-08T12:01:00Z'),
  (10, 9, 'captured', 2000, '2026-03-09T09:46:00Z'),
  (11, 9, 'captured', 848, '2026-03-09T09:47:00Z'),
  (12, 10, 'captured', 3500, '2026-03-10T13:11:00Z');

INSERT INTO refunds (refund_id, payment_id, status, amount_cents, created_at) VALUES
  (1, 5, 'succeeded', 8900, '2026-03-12T10:00:00Z'),
  (2, 6, 'pending', 1798, '2026-03-14T09:00:00Z'),
  (3, 12, 'failed', 3500, '2026-03-15T15:00:00Z'),
  (4, 1, 'succeeded', 899, '2026-03-16T11:00:00Z');
