-- COUNT(*) counts the LEFT JOIN's NULL row: 1 instead of 0 for patients without appointments.
SELECT p.patient_id, p.full_name, COUNT(*) AS appointment_count
FROM patients AS p
LEFT JOIN appointments AS a ON a.patient_id = p.patient_id
WHERE NOT EXISTS (
    SELECT 1 FROM appointments AS seen
    WHERE seen.patient_id = p.patient_id AND seen.status = 'completed'
)
GROUP BY p.patient_id, p.full_name;
