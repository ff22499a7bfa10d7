WITH can_fill AS (
    SELECT line.prescription_id, ph.pharmacy_id, ph.name
    FROM prescription_lines AS line
    JOIN stock AS s ON s.drug_id = line.drug_id
    JOIN pharmacies AS ph ON ph.pharmacy_id = s.pharmacy_id AND ph.is_active = 1
    GROUP BY line.prescription_id, ph.pharmacy_id, ph.name
    HAVING COUNT(*) = (
        SELECT COUNT(*) FROM prescription_lines AS l2 WHERE l2.prescription_id = line.prescription_id
    )
)
SELECT rx.prescription_id, cf.pharmacy_id, cf.name AS pharmacy_name
FROM prescriptions AS rx
LEFT JOIN can_fill AS cf ON cf.prescription_id = rx.prescription_id
WHERE EXISTS (SELECT 1 FROM prescription_lines AS l WHERE l.prescription_id = rx.prescription_id);
