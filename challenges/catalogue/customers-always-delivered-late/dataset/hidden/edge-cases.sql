-- Traps: delivered exactly on the promise, overdue parcels still in transit, a parcel due
-- exactly at the snapshot, customers with nothing shipped, customers with only undecided orders.

INSERT INTO customers (customer_id, email, full_name) VALUES
  (21, 'ines.ferreira@example.com', 'Ines Ferreira'),
  (22, 'jonas.berg@example.org', 'Jonas Berg'),
  (23, 'kemi.adeyemi@example.net', 'Kemi Adeyemi'),
  (24, 'luca.bianchi@example.com', 'Luca Bianchi'),
  (25, 'maya.cohen@example.org', 'Maya Cohen'),
  (26, 'nils.strand@example.net', 'Nils Strand'),
  (27, 'olga.petrova@example.com', 'Olga Petrova');

INSERT INTO orders (order_id, customer_id, status, placed_at, promised_by) VALUES
  (101, 21, 'delivered', '2026-03-02T10:00:00Z', '2026-03-05T18:00:00Z'),
  (102, 21, 'shipped', '2026-03-20T10:00:00Z', '2026-03-23T18:00:00Z'),
  (103, 22, 'shipped', '2026-03-10T10:00:00Z', '2026-03-13T18:00:00Z'),
  (104, 22, 'shipped', '2026-03-25T10:00:00Z', '2026-03-28T18:00:00Z'),
  (105, 23, 'delivered', '2026-03-03T10:00:00Z', '2026-03-06T18:00:00Z'),
  (106, 23, 'delivered', '2026-03-12T10:00:00Z', '2026-03-15T18:00:00Z'),
  (107, 24, 'shipped', '2026-03-28T10:00:00Z', '2026-04-01T00:00:00Z'),
  (108, 25, 'cancelled', '2026-03-05T10:00:00Z', '2026-03-08T18:00:00Z'),
  (109, 25, 'placed', '2026-03-31T10:00:00Z', '2026-04-03T18:00:00Z'),
  (110, 26, 'delivered', '2026-03-06T10:00:00Z', '2026-03-09T18:00:00Z'),
  (111, 26, 'shipped', '2026-03-29T10:00:00Z', '2026-04-01T12:00:00Z'),
  (112, 27, 'delivered', '2026-03-14T10:00:00Z', '2026-03-17T18:00:00Z'),
  (113, 27, 'shipped', '2026-03-27T10:00:00Z', '2026-03-30T18:00:00Z');

INSERT INTO shipments (shipment_id, order_id, carrier, shipped_at, delivered_at) VALUES
  (101, 101, 'parcelco', '2026-03-03T09:00:00Z', '2026-03-06T09:00:00Z'),
  (102, 102, 'parcelco', '2026-03-21T09:00:00Z', NULL),
  (103, 103, 'swiftpost', '2026-03-11T09:00:00Z', NULL),
  (104, 104, 'swiftpost', '2026-03-26T09:00:00Z', NULL),
  (105, 105, 'parcelco', '2026-03-04T09:00:00Z', '2026-03-06T18:00:00Z'),
  (106, 106, 'parcelco', '2026-03-13T09:00:00Z', '2026-03-16T10:00:00Z'),
  (107, 107, 'swiftpost', '2026-03-29T09:00:00Z', NULL),
  (110, 110, 'parcelco', '2026-03-07T09:00:00Z', '2026-03-10T09:00:00Z'),
  (111, 111, 'parcelco', '2026-03-30T09:00:00Z', NULL),
  (112, 112, 'swiftpost', '2026-03-15T09:00:00Z', '2026-03-17T17:59:59Z'),
  (113, 113, 'swiftpost', '2026-03-28T09:00:00Z', NULL);
