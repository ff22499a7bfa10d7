INSERT INTO accounts VALUES (10, 'EUR', 1000, NULL), (11, 'EUR', 0, NULL);
INSERT INTO ledger_entries VALUES
    (21, 10, '2026-02-10T12:00:00Z', 500, 'posted', NULL),
    (20, 10, '2026-02-10T12:00:00Z', -300, 'posted', NULL),
    (22, 10, '2026-02-10T12:00:00Z', 100, 'posted', NULL),
    (23, 10, '2026-02-09T08:00:00Z', 50, 'posted', NULL),
    (24, 11, '2026-02-10T12:00:00Z', 700, 'posted', NULL),
    (25, 11, '2026-02-10T12:00:00Z', -200, 'posted', NULL);
