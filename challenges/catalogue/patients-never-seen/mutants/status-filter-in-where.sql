-- Filters rows instead of patients: anyone with one non-completed appointment is listed, and the
-- count only covers those rows.
SELECT p.patient_id, p.full_name, COUNT(a.appointment_id) AS appointment_count
FROM patients AS p
LEFT JOIN appointments AS a ON a.patient_id = p.patient_id
WHERE a.appointment_id IS NULL OR a.status <> 'completed'
GROUP BY p.patient_id, p.full_name;
