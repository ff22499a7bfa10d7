-- Treats no-shows as free time, though the slot was reserved.
WITH busy AS (
    SELECT clinician_id, starts_at, ends_at
    FROM appointments
    WHERE status IN ('booked', 'completed')
),
events AS (
    SELECT clinician_id, at, SUM(delta) AS delta
    FROM (
        SELECT clinician_id, starts_at AS at, 1 AS delta FROM busy
        UNION ALL
        SELECT clinician_id, ends_at AS at, -1 AS delta FROM busy
    )
    GROUP BY clinician_id, at
),
running AS (
    -- parallel = appointments running from this instant until the next event
    SELECT
        clinician_id,
        at,
        SUM(delta) OVER (PARTITION BY clinician_id ORDER BY at) AS parallel,
        LEAD(at) OVER (PARTITION BY clinician_id ORDER BY at) AS next_at
    FROM events
),
flagged AS (
    SELECT
        *,
        -- a new conflict starts where parallel reaches 2 after being below 2
        SUM(CASE WHEN parallel >= 2 AND COALESCE(previous_parallel, 0) < 2 THEN 1 ELSE 0 END)
            OVER (PARTITION BY clinician_id ORDER BY at) AS conflict_no
    FROM (
        SELECT *, LAG(parallel) OVER (PARTITION BY clinician_id ORDER BY at) AS previous_parallel
        FROM running
    )
)
SELECT
    clinician_id,
    MIN(at) AS conflict_start,
    MAX(next_at) AS conflict_end,
    CAST(ROUND((julianday(MAX(next_at)) - julianday(MIN(at))) * 1440) AS INTEGER) AS conflict_minutes,
    MAX(parallel) AS max_parallel
FROM flagged
WHERE parallel >= 2
GROUP BY clinician_id, conflict_no
ORDER BY clinician_id, conflict_start;
