SELECT
    c.clinician_id,
    c.full_name,
    COUNT(*) AS outcomes,
    SUM(a.status = 'no_show') AS no_shows,
    SUM(a.status = 'no_show') / COUNT(*) AS no_show_rate
FROM clinicians AS c
JOIN appointments AS a ON a.clinician_id = c.clinician_id
GROUP BY c.clinician_id, c.full_name
ORDER BY no_show_rate DESC;
