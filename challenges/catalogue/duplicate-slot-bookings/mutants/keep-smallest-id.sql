-- Assumes the smallest id is the earliest booking.
WITH ranked AS (
    SELECT
        appointment_id,
        ROW_NUMBER() OVER slot AS position,
        FIRST_VALUE(appointment_id) OVER slot AS kept_appointment_id
    FROM appointments
    WHERE status = 'booked'
    WINDOW slot AS (
        PARTITION BY patient_id, clinician_id, starts_at
        ORDER BY appointment_id
    )
)
SELECT appointment_id, kept_appointment_id
FROM ranked
WHERE position > 1;
