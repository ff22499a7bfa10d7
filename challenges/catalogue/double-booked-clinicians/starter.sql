-- Pairs of appointments where the second starts during the first.
SELECT
    a.clinician_id,
    b.starts_at AS conflict_start,
    a.ends_at AS conflict_end,
    CAST((julianday(a.ends_at) - julianday(b.starts_at)) * 24 * 60 AS INTEGER) AS conflict_minutes,
    2 AS max_parallel
FROM appointments AS a
JOIN appointments AS b
  ON b.clinician_id = a.clinician_id
 AND b.appointment_id > a.appointment_id
 AND b.starts_at >= a.starts_at
 AND b.starts_at < a.ends_at
ORDER BY a.clinician_id, conflict_start;
