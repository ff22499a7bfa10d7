-- Counts an overnight visit on the day it ends.
WITH RECURSIVE days (day) AS (
    SELECT '2026-03-02'
    UNION ALL
    SELECT date(day, '+1 day') FROM days WHERE day < '2026-03-15'
),
daily AS (
    SELECT c.clinic_id, date(a.ends_at) AS day, COUNT(*) AS completed_visits
    FROM appointments AS a
    JOIN clinicians AS c ON c.clinician_id = a.clinician_id
    WHERE a.status = 'completed'
      AND date(a.ends_at) BETWEEN '2026-03-02' AND '2026-03-15'
    GROUP BY c.clinic_id, date(a.ends_at)
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
