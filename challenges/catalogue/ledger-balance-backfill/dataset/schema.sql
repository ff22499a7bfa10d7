CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    currency TEXT NOT NULL,
    opening_balance_cents INTEGER NOT NULL,
    balance_cents INTEGER            -- NULL until backfilled
);
CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    posted_at TEXT NOT NULL,         -- ISO-8601 UTC, one format
    amount_cents INTEGER NOT NULL,   -- credit > 0, debit < 0
    status TEXT NOT NULL,            -- posted | pending
    balance_after_cents INTEGER      -- NULL until backfilled
);
