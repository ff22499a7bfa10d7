-- Patients with appointments that were not completed.
SELECT
    p.patient_id,
    p.full_name,
    COUNT(*) AS appointment_count
FROM patients AS p
JOIN appointments AS a ON a.patient_id = p.patient_id
WHERE a.status <> 'completed'
GROUP BY p.patient_id, p.full_name;
