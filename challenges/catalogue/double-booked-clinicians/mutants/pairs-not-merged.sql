-- Reports each overlapping pair's intersection: a triple booking or a chain of overlaps gives
-- several rows instead of one period.
SELECT
    a.clinician_id,
    MAX(a.starts_at, b.starts_at) AS conflict_start,
    MIN(a.ends_at, b.ends_at) AS conflict_end,
    CAST(ROUND((julianday(MIN(a.ends_at, b.ends_at)) - julianday(MAX(a.starts_at, b.starts_at))) * 1440)
        AS INTEGER) AS conflict_minutes,
    2 AS max_parallel
FROM appointments AS a
JOIN appointments AS b
  ON b.clinician_id = a.clinician_id
 AND b.appointment_id > a.appointment_id
 AND a.starts_at < b.ends_at
 AND b.starts_at < a.ends_at
WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'
ORDER BY a.clinician_id, conflict_start;
