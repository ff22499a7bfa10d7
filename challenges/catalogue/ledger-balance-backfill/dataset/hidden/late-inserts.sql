-- Entries recorded out of order: a higher id can be an earlier posting.
INSERT INTO accounts VALUES (30, 'USD', 20000, NULL), (31, 'USD', 100, NULL);
INSERT INTO ledger_entries VALUES
    (40, 30, '2026-03-05T10:00:00Z', -5000, 'posted', NULL),
    (41, 30, '2026-03-01T10:00:00Z', 3000, 'posted', NULL),
    (42, 31, '2026-03-02T10:00:00Z', -100, 'posted', NULL),
    (43, 30, '2026-03-03T10:00:00Z', -1000, 'pending', NULL),
    (44, 30, '2026-02-27T10:00:00Z', -20000, 'posted', NULL),
    (45, 31, '2026-03-06T10:00:00Z', 40, 'pending', NULL);
