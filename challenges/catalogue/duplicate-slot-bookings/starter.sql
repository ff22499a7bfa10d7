SELECT
    MAX(appointment_id) AS appointment_id,
    MIN(appointment_id) AS kept_appointment_id
FROM appointments
GROUP BY patient_id, clinician_id, starts_at
HAVING COUNT(*) > 1;
