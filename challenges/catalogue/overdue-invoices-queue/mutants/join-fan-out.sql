SELECT
    i.patient_id,
    SUM(i.amount_cents) - COALESCE(SUM(p.amount_cents), 0) AS overdue_cents,
    MIN(i.due_date) AS oldest_due_date
FROM invoices i
LEFT JOIN payments p ON p.invoice_id = i.id
WHERE i.status = 'open' AND i.due_date < '2026-03-01'
GROUP BY i.patient_id
HAVING overdue_cents > 0
ORDER BY overdue_cents DESC, oldest_due_date;
