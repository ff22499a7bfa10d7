SELECT
    c.clinic_id,
    date(a.starts_at) AS day,
    COUNT(*) AS completed_visits,
    SUM(COUNT(*)) OVER (PARTITION BY c.clinic_id ORDER BY date(a.starts_at)) AS cumulative_visits
FROM appointments AS a
JOIN clinicians AS c ON c.clinician_id = a.clinician_id
WHERE a.status = 'completed'
  AND a.starts_at BETWEEN '2026-03-02' AND '2026-03-15'
GROUP BY c.clinic_id, date(a.starts_at)
ORDER BY c.clinic_id, day;
