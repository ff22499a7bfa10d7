-- LAG runs over every appointment, so the previous row can be a cancelled or no-show one.
WITH everything AS (
    SELECT appointment_id, patient_id, status, date(starts_at) AS visit_date,
           date(LAG(starts_at) OVER (PARTITION BY patient_id ORDER BY starts_at, appointment_id))
               AS previous_visit_date
    FROM appointments
)
SELECT appointment_id, patient_id, visit_date, previous_visit_date,
       CAST(julianday(visit_date) - julianday(previous_visit_date) AS INTEGER) AS days_since_previous
FROM everything
WHERE status = 'completed';
