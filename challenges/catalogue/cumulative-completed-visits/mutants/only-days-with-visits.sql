-- No calendar: days without visits are missing, and so are clinics without any.
WITH RECURSIVE days (day) AS (
    SELECT '2026-03-02'
    UNION ALL
    SELECT date(day, '+1 day') FROM days WHERE day < '2026-03-15'
),
daily AS (
    SELECT c.clinic_id, date(a.starts_at) AS day, COUNT(*) AS completed_visits
    FROM appointments AS a
    JOIN clinicians AS c ON c.clinician_id = a.clinician_id
    WHERE a.status = 'completed'
      AND date(a.starts_at) BETWEEN '2026-03-02' AND '2026-03-15'
    GROUP BY c.clinic_id, date(a.starts_at)
),
grid AS (
    SELECT clinic_id, day, completed_visits FROM daily
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
