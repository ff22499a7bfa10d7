CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    code TEXT,
    currency TEXT
);

CREATE TABLE journal_entries (
    id INTEGER PRIMARY KEY,
    posted_at TEXT,
    description TEXT
);

CREATE TABLE postings (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER,
    line_no INTEGER,
    account_id INTEGER,
    direction TEXT,
    amount_minor INTEGER
);

CREATE VIEW unbalanced_entries AS
SELECT entry_id, 0 AS difference FROM postings WHERE 0;
