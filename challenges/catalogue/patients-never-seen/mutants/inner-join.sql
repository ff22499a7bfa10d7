-- An INNER JOIN drops the patients who never booked anything.
SELECT p.patient_id, p.full_name, COUNT(a.appointment_id) AS appointment_count
FROM patients AS p
JOIN appointments AS a ON a.patient_id = p.patient_id
WHERE NOT EXISTS (
    SELECT 1 FROM appointments AS seen
    WHERE seen.patient_id = p.patient_id AND seen.status = 'completed'
)
GROUP BY p.patient_id, p.full_name;
