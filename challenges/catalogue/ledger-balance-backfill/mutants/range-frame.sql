-- Each posted entry's balance: the opening balance plus every posted amount of its account up
-- to and including it, in posting order (ties on posted_at broken by id).
WITH running AS (
    SELECT
        e.id,
        a.opening_balance_cents + SUM(e.amount_cents) OVER (
            PARTITION BY e.account_id
            ORDER BY e.posted_at
        ) AS balance
    FROM ledger_entries e
    JOIN accounts a ON a.id = e.account_id
    WHERE e.status = 'posted'
)
UPDATE ledger_entries
SET balance_after_cents = running.balance
FROM running
WHERE running.id = ledger_entries.id;

-- Each account's balance: opening plus all its posted entries (opening when it has none).
UPDATE accounts
SET balance_cents = opening_balance_cents + COALESCE(
    (SELECT SUM(e.amount_cents) FROM ledger_entries e
     WHERE e.account_id = accounts.id AND e.status = 'posted'),
    0
);
