-- The general ledger of a payments company that settles merchants in several currencies.
-- Amounts are INTEGER numbers of the currency's minor unit: 1250 EUR minor units = EUR 12.50,
-- 1250 JPY minor units = JPY 1250 (the yen has no minor unit), 1250 BHD = BHD 1.250.
-- Timestamps are ISO-8601 UTC text, e.g. '2026-03-01T10:15:00Z'.

CREATE TABLE currencies (
    code            TEXT    PRIMARY KEY,                      -- ISO 4217, e.g. 'EUR'
    exponent        INTEGER NOT NULL CHECK (exponent IN (0, 2, 3)),  -- digits after the point
    minor_per_major INTEGER NOT NULL CHECK (minor_per_major IN (1, 100, 1000))  -- 10^exponent
);

--   draft:  being prepared by an accountant, may be incomplete
--   posted: in the books
CREATE TABLE journal_transactions (
    txn_id      TEXT    PRIMARY KEY,                 -- e.g. 'JT-2026-0001'
    description TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('draft', 'posted')),
    created_at  TEXT    NOT NULL
);

CREATE TABLE journal_lines (
    line_id      INTEGER PRIMARY KEY,
    txn_id       TEXT    NOT NULL REFERENCES journal_transactions (txn_id),
    account      TEXT    NOT NULL,                   -- e.g. 'merchant_payable', 'bank_eur'
    currency     TEXT    NOT NULL REFERENCES currencies (code),
    direction    TEXT    NOT NULL CHECK (direction IN ('debit', 'credit')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0)
);
