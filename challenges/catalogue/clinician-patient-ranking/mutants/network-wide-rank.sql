WITH seen AS (
    SELECT cl.clinic_id, cl.clinician_id, cl.full_name,
           COUNT(DISTINCT a.patient_id) AS patients_seen
    FROM clinicians AS cl
    LEFT JOIN appointments AS a
        ON a.clinician_id = cl.clinician_id AND a.status = 'completed'
    GROUP BY cl.clinic_id, cl.clinician_id, cl.full_name
)
SELECT clinic_id, clinician_id, full_name, patients_seen,
       RANK() OVER (ORDER BY patients_seen DESC) AS clinic_rank
FROM seen
ORDER BY clinic_id, clinic_rank, clinician_id;
