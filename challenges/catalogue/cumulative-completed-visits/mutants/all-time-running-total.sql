-- Starts the running total with every earlier visit, then keeps the fortnight.
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
    GROUP BY c.clinic_id, date(a.starts_at)
),
grid AS (
    SELECT cl.clinic_id, d.day, COALESCE(daily.completed_visits, 0) AS completed_visits
    FROM clinics AS cl
    CROSS JOIN (SELECT day FROM days UNION SELECT day FROM daily) AS d
    LEFT JOIN daily ON daily.clinic_id = cl.clinic_id AND daily.day = d.day
),
totals AS (
    SELECT clinic_id, day, completed_visits,
           SUM(completed_visits) OVER (PARTITION BY clinic_id ORDER BY day) AS cumulative_visits
    FROM grid
)
SELECT clinic_id, day, completed_visits, cumulative_visits
FROM totals
WHERE day BETWEEN '2026-03-02' AND '2026-03-15'
ORDER BY clinic_id, day;
