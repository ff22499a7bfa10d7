WITH can_fill AS (
    SELECT rx.prescription_id, ph.pharmacy_id, ph.name
    FROM prescriptions AS rx
    CROSS JOIN pharmacies AS ph
    WHERE ph.is_active = 1
      AND NOT EXISTS (
          SELECT 1
          FROM prescription_lines AS line
          WHERE line.prescription_id = rx.prescription_id
            AND NOT EXISTS (
                SELECT 1
                FROM stock AS s
                WHERE s.pharmacy_id = ph.pharmacy_id
                  AND s.drug_id = line.drug_id
                  AND s.quantity_on_hand > line.quantity
            )
      )
)
SELECT rx.prescription_id, cf.pharmacy_id, cf.name AS pharmacy_name
FROM prescriptions AS rx
LEFT JOIN can_fill AS cf ON cf.prescription_id = rx.prescription_id
WHERE EXISTS (
    SELECT 1 FROM prescription_lines AS line WHERE line.prescription_id = rx.prescription_id
);
