-- Attributes visits to the patient's home clinic instead of the clinician's.
WITH RECURSIVE days (day) AS (
    SELECT '2026-03-02'
    UNION ALL
    SELECT date(day, '+1 day') FROM days WHERE day < '2026-03-15'
),
daily AS (
    SELECT p.home_clinic_id AS clinic_id, date(a.starts_at) AS day, COUNT(*) AS completed_visits
    FROM appointments AS a
    JOIN patients AS p ON p.patient_id = a.patient_id
    WHERE a.status = 'completed'
      AND date(a.starts_at) BETWEEN '2026-03-02' AND '2026-03-15'
    GROUP BY p.home_clinic_id, date(a.starts_at)
),
grid AS (
    SELECT cl.clinic_id, d.day, COALESCE(daily.completed_visits, 0) AS completed_visits
    FROM clinics AS cl
    CROSS JOIN days AS d
    LEFT JOIN daily ON daily.clinic_id = cl.clinic_id AND daily.day = d.day
)
SELECT
    clinic_id,
    day,
    completed_visits,
    SUM(completed_visits) OVER (
        PARTITION BY clinic_id ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS cumulative_visits
FROM grid
ORDER BY clinic_id, day;
