INSERT INTO accounts VALUES (50, 'EUR', 4200, NULL), (51, 'EUR', 0, NULL), (52, 'GBP', 900, NULL);
INSERT INTO ledger_entries VALUES
    (60, 52, '2026-01-15T00:00:00Z', -900, 'posted', NULL),
    (61, 51, '2026-01-16T00:00:00Z', 300, 'pending', NULL);
