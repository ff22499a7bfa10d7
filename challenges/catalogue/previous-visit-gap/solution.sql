-- Filter to completed visits first, then look back one row per patient.
WITH visits AS (
    SELECT appointment_id, patient_id, starts_at
    FROM appointments
    WHERE status = 'completed'
),
with_previous AS (
    SELECT
        appointment_id,
        patient_id,
        date(starts_at) AS visit_date,
        date(LAG(starts_at) OVER (
            PARTITION BY patient_id ORDER BY starts_at, appointment_id
        )) AS previous_visit_date
    FROM visits
)
SELECT
    appointment_id,
    patient_id,
    visit_date,
    previous_visit_date,
    CAST(julianday(visit_date) - julianday(previous_visit_date) AS INTEGER) AS days_since_previous
FROM with_previous;
