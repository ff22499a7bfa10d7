-- Treats any appointment as a visit: misses patients who only cancelled or did not turn up.
SELECT p.patient_id, p.full_name, 0 AS appointment_count
FROM patients AS p
WHERE NOT EXISTS (SELECT 1 FROM appointments AS a WHERE a.patient_id = p.patient_id);
