WITH sums AS (
    SELECT l.txn_id, l.currency,
           SUM(CASE WHEN l.direction = 'debit' THEN l.amount_minor ELSE 0 END) AS debit_minor,
           SUM(CASE WHEN l.direction = 'credit' THEN l.amount_minor ELSE 0 END) AS credit_minor
    FROM journal_lines AS l
    JOIN journal_transactions AS t ON t.txn_id = l.txn_id
    WHERE t.status = 'posted'
    GROUP BY l.txn_id, l.currency
),
unbalanced AS (
    SELECT s.*, s.debit_minor - s.credit_minor AS imbalance_minor, c.exponent, c.minor_per_major
    FROM sums AS s
    JOIN currencies AS c ON c.code = s.currency
    WHERE s.debit_minor <> s.credit_minor
)
SELECT txn_id, currency, debit_minor, credit_minor, imbalance_minor,
       printf('%.2f', imbalance_minor / 100.0) AS imbalance
FROM unbalanced;
