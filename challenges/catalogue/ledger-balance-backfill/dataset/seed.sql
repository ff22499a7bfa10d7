INSERT INTO accounts VALUES
    (1, 'EUR', 10000, NULL),
    (2, 'EUR', 0, NULL),
    (3, 'GBP', 2500, NULL);
INSERT INTO ledger_entries VALUES
    (1, 1, '2026-02-01T09:00:00Z', -2500, 'posted', NULL),
    (2, 2, '2026-02-01T09:30:00Z', 5000, 'posted', NULL),
    (3, 1, '2026-02-02T12:00:00Z', 1200, 'posted', NULL),
    (4, 1, '2026-02-03T08:15:00Z', -700, 'pending', NULL),
    (5, 2, '2026-02-03T10:00:00Z', -1999, 'posted', NULL),
    (6, 1, '2026-02-04T17:45:00Z', -3000, 'posted', NULL);
