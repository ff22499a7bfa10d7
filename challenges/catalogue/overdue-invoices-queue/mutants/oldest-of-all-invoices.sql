WITH outstanding AS (
    SELECT i.patient_id, i.due_date,
        i.amount_cents - COALESCE(
            (SELECT SUM(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0
        ) AS owed_cents
    FROM invoices i
    WHERE i.status = 'open' AND i.due_date < '2026-03-01'
)
SELECT patient_id, SUM(owed_cents) AS overdue_cents, MIN(due_date) AS oldest_due_date
FROM outstanding
GROUP BY patient_id
HAVING SUM(owed_cents) > 0
ORDER BY overdue_cents DESC, oldest_due_date;
