-- Assumes appointment ids follow visit order.
SELECT appointment_id, patient_id, date(starts_at) AS visit_date,
       date(LAG(starts_at) OVER w) AS previous_visit_date,
       CAST(julianday(date(starts_at)) - julianday(date(LAG(starts_at) OVER w)) AS INTEGER)
           AS days_since_previous
FROM appointments
WHERE status = 'completed'
WINDOW w AS (PARTITION BY patient_id ORDER BY appointment_id);
