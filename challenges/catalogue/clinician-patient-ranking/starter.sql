-- Completed appointments per clinician, not ranked yet.
SELECT cl.clinic_id, cl.clinician_id, cl.full_name,
       COUNT(*) AS patients_seen,
       1 AS clinic_rank
FROM clinicians AS cl
JOIN appointments AS a ON a.clinician_id = cl.clinician_id
WHERE a.status = 'completed'
GROUP BY cl.clinic_id, cl.clinician_id, cl.full_name
ORDER BY cl.clinic_id, cl.clinician_id;
