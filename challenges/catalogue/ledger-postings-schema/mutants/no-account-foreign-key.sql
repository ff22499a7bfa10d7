CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]')
);

CREATE TABLE journal_entries (
    id INTEGER PRIMARY KEY,
    posted_at TEXT NOT NULL,
    description TEXT
);

CREATE TABLE postings (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES journal_entries (id),
    line_no INTEGER NOT NULL CHECK (line_no >= 1),
    account_id INTEGER NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('debit', 'credit')),
    -- typeof: an INTEGER column would keep 10.5 as a REAL.
    amount_minor INTEGER NOT NULL CHECK (typeof(amount_minor) = 'integer' AND amount_minor > 0),
    UNIQUE (entry_id, line_no)
);

CREATE INDEX postings_account ON postings (account_id);

CREATE VIEW unbalanced_entries AS
SELECT entry_id,
       sum(CASE WHEN direction = 'debit' THEN amount_minor ELSE -amount_minor END) AS difference
FROM postings
GROUP BY entry_id
HAVING difference <> 0;
