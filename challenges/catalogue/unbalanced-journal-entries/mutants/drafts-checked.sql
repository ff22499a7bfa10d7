WITH sums AS (
    SELECT l.txn_id, l.currency,
           SUM(CASE WHEN l.direction = 'debit' THEN l.amount_minor ELSE 0 END) AS debit_minor,
           SUM(CASE WHEN l.direction = 'credit' THEN l.amount_minor ELSE 0 END) AS credit_minor
    FROM journal_lines AS l
    JOIN journal_transactions AS t ON t.txn_id = l.txn_id
    GROUP BY l.txn_id, l.currency
),
unbalanced AS (
    SELECT s.*, s.debit_minor - s.credit_minor AS imbalance_minor, c.exponent, c.minor_per_major
    FROM sums AS s
    JOIN currencies AS c ON c.code = s.currency
    WHERE s.debit_minor <> s.credit_minor
)
SELECT txn_id, currency, debit_minor, credit_minor, imbalance_minor,
       CASE WHEN imbalance_minor < 0 THEN '-' ELSE '' END
       || (abs(imbalance_minor) / minor_per_major)
       || CASE
              WHEN exponent = 0 THEN ''
              ELSE '.' || substr('000' || (abs(imbalance_minor) % minor_per_major), -exponent)
          END AS imbalance
FROM unbalanced;
