-- The minimum sample counts every appointment, future and cancelled ones included.
SELECT c.clinician_id, c.full_name,
       SUM(a.status IN ('completed', 'no_show')) AS outcomes,
       SUM(a.status = 'no_show') AS no_shows,
       1.0 * SUM(a.status = 'no_show') / SUM(a.status IN ('completed', 'no_show')) AS no_show_rate
FROM appointments AS a
JOIN clinicians AS c ON c.clinician_id = a.clinician_id
GROUP BY c.clinician_id, c.full_name
HAVING COUNT(*) >= 5
   AND 1.0 * SUM(a.status = 'no_show') / SUM(a.status IN ('completed', 'no_show')) >= 0.2
ORDER BY no_show_rate DESC, c.clinician_id;
