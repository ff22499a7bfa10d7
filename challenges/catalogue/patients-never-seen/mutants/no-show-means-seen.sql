-- Excludes only cancelled appointments: a no-show or a future booking wrongly counts as seen.
SELECT p.patient_id, p.full_name, COUNT(a.appointment_id) AS appointment_count
FROM patients AS p
LEFT JOIN appointments AS a ON a.patient_id = p.patient_id
WHERE NOT EXISTS (
    SELECT 1 FROM appointments AS seen
    WHERE seen.patient_id = p.patient_id AND seen.status <> 'cancelled'
)
GROUP BY p.patient_id, p.full_name;
