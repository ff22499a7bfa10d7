-- Backfill ledger_entries.balance_after_cents and accounts.balance_cents.
UPDATE accounts SET balance_cents = opening_balance_cents;
