WITH ordered AS (
    SELECT
        clinician_id,
        date(starts_at) AS day,
        ends_at AS gap_start,
        LEAD(starts_at) OVER (PARTITION BY clinician_id ORDER BY starts_at) AS gap_end
    FROM appointments
)
SELECT
    clinician_id,
    day,
    gap_start,
    gap_end,
    CAST((julianday(gap_end) - julianday(gap_start)) * 24 * 60 AS INTEGER) AS gap_minutes
FROM ordered
WHERE gap_end IS NOT NULL
  AND (julianday(gap_end) - julianday(gap_start)) * 24 * 60 >= 30
ORDER BY clinician_id, gap_start;
