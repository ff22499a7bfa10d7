-- Rounds the difference of full timestamps: 2.5 days becomes 3.
SELECT appointment_id, patient_id, date(starts_at) AS visit_date,
       date(LAG(starts_at) OVER w) AS previous_visit_date,
       CAST(ROUND(julianday(starts_at) - julianday(LAG(starts_at) OVER w)) AS INTEGER)
           AS days_since_previous
FROM appointments
WHERE status = 'completed'
WINDOW w AS (PARTITION BY patient_id ORDER BY starts_at, appointment_id);
