SELECT patient_id, SUM(amount_cents) AS overdue_cents, MIN(due_date) AS oldest_due_date
FROM invoices
WHERE status = 'open' AND due_date < '2026-03-01'
GROUP BY patient_id
ORDER BY overdue_cents DESC, oldest_due_date;
