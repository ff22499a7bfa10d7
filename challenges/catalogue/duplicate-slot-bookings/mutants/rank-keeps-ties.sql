-- RANK() by booking time gives bookings made in the same minute the same rank: neither is flagged.
WITH ranked AS (
    SELECT
        appointment_id,
        RANK() OVER (
            PARTITION BY patient_id, clinician_id, starts_at ORDER BY booked_at
        ) AS position,
        FIRST_VALUE(appointment_id) OVER (
            PARTITION BY patient_id, clinician_id, starts_at ORDER BY booked_at, appointment_id
        ) AS kept_appointment_id
    FROM appointments
    WHERE status = 'booked'
)
SELECT appointment_id, kept_appointment_id
FROM ranked
WHERE position > 1;
