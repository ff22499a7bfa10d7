-- Visible sample data: 8 customers, March 2026.

INSERT INTO customers (customer_id, email, full_name) VALUES
  (1, 'amara.diallo@example.com', 'Amara Diallo'),
  (2, 'bruno.costa@example.org', 'Bruno Costa'),
  (3, 'chen.wei@example.net', 'Chen Wei'),
  (4, 'dana.levi@example.com', 'Dana Levi'),
  (5, 'eli.moreau@example.org', 'Eli Moreau'),
  (6, 'freya.olsen@example.net', 'Freya Olsen'),
  (7, 'gabriel.nunes@example.com', 'Gabriel Nunes'),
  (8, 'hiro.tanaka@example.org', 'Hiro Tanaka');

INSERT INTO orders (order_id, customer_id, status, placed_at, promised_by) VALUES
  (1, 1, 'delivered', '2026-03-02T10:00:00Z', '2026-03-05T18:00:00Z'),
  (2, 1, 'delivered', '2026-03-09T08:30:00Z', '2026-03-12T18:00:00Z'),
  (3, 2, 'delivered', '2026-03-03T12:00:00Z', '2026-03-06T18:00:00Z'),
  (4, 2, 'delivered', '2026-03-16T09:00:00Z', '2026-03-19T18:00:00Z'),
  (5, 3, 'delivered', '2026-03-04T15:00:00Z', '2026-03-07T18:00:00Z'),
  (6, 3, 'cancelled', '2026-03-20T11:00:00Z', '2026-03-23T18:00:00Z'),
  (7, 4, 'placed', '2026-03-30T19:00:00Z', '2026-04-02T18:00:00Z'),
  (8, 5, 'delivered', '2026-03-05T09:00:00Z', '2026-03-08T18:00:00Z'),
  (9, 5, 'shipped', '2026-03-24T10:00:00Z', '2026-03-27T18:00:00Z'),
  (10, 6, 'delivered', '2026-03-10T14:00:00Z', '2026-03-13T18:00:00Z'),
  (11, 6, 'shipped', '2026-03-29T16:00:00Z', '2026-04-01T18:00:00Z'),
  (12, 7, 'shipped', '2026-03-30T09:00:00Z', '2026-04-02T18:00:00Z'),
  (13, 8, 'delivered', '2026-03-11T10:00:00Z', '2026-03-14T18:00:00Z'),
  (14, 8, 'delivered', '2026-03-18T10:00:00Z', '2026-03-21T18:00:00Z'),
  (15, 8, 'delivered', '2026-03-25T10:00:00Z', '2026-03-28T18:00:00Z');

INSERT INTO shipments (shipment_id, order_id, carrier, shipped_at, delivered_at) VALUES
  (1, 1, 'parcelco', '2026-03-03T09:00:00Z', '2026-03-06T11:20:00Z'),
  (2, 2, 'parcelco', '2026-03-10T09:00:00Z', '2026-03-13T09:45:00Z'),
  (3, 3, 'swiftpost', '2026-03-04T09:00:00Z', '2026-03-05T14:00:00Z'),
  (4, 4, 'swiftpost', '2026-03-17T09:00:00Z', '2026-03-20T10:00:00Z'),
  (5, 5, 'parcelco', '2026-03-05T09:00:00Z', '2026-03-09T16:30:00Z'),
  (6, 8, 'swiftpost', '2026-03-06T09:00:00Z', '2026-03-10T12:00:00Z'),
  (7, 9, 'swiftpost', '2026-03-25T09:00:00Z', NULL),
  (8, 10, 'parcelco', '2026-03-11T09:00:00Z', '2026-03-14T08:00:00Z'),
  (9, 11, 'parcelco', '2026-03-30T09:00:00Z', NULL),
  (10, 12, 'swiftpost', '2026-03-31T09:00:00Z', NULL),
  (11, 13, 'parcelco', '2026-03-12T09:00:00Z', '2026-03-14T18:00:00Z'),
  (12, 14, 'parcelco', '2026-03-19T09:00:00Z', '2026-03-22T07:00:00Z'),
  (13, 15, 'parcelco', '2026-03-26T09:00:00Z', '2026-03-29T10:00:00Z');
