-- Only appointments whose outcome is known count: completed or no_show.
WITH outcomes AS (
    SELECT
        clinician_id,
        COUNT(*) AS outcomes,
        SUM(status = 'no_show') AS no_shows
    FROM appointments
    WHERE status IN ('completed', 'no_show')
    GROUP BY clinician_id
    HAVING COUNT(*) >= 5
)
SELECT
    c.clinician_id,
    c.full_name,
    o.outcomes,
    o.no_shows,
    1.0 * o.no_shows / o.outcomes AS no_show_rate
FROM outcomes AS o
JOIN clinicians AS c ON c.clinician_id = o.clinician_id
WHERE 1.0 * o.no_shows / o.outcomes >= 0.2
ORDER BY no_show_rate DESC, c.clinician_id;
