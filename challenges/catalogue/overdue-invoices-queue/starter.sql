-- Patients with open invoices.
SELECT patient_id, SUM(amount_cents) AS overdue_cents, MIN(due_date) AS oldest_due_date
FROM invoices
WHERE status = 'open'
GROUP BY patient_id;
