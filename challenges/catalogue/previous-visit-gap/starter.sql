SELECT
    appointment_id,
    patient_id,
    date(starts_at) AS visit_date,
    date(LAG(starts_at) OVER (ORDER BY starts_at)) AS previous_visit_date,
    CAST(julianday(starts_at) - julianday(LAG(starts_at) OVER (ORDER BY starts_at)) AS INTEGER)
        AS days_since_previous
FROM appointments
WHERE status = 'completed';
