-- Every patient with no completed appointment, and how many appointments they have in any status.
SELECT
    p.patient_id,
    p.full_name,
    COUNT(a.appointment_id) AS appointment_count   -- COUNT(column) gives 0 for no match
FROM patients AS p
LEFT JOIN appointments AS a ON a.patient_id = p.patient_id
WHERE NOT EXISTS (
    SELECT 1
    FROM appointments AS seen
    WHERE seen.patient_id = p.patient_id
      AND seen.status = 'completed'
)
GROUP BY p.patient_id, p.full_name;
