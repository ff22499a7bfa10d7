SELECT rx.prescription_id, ph.pharmacy_id, ph.name AS pharmacy_name
FROM prescriptions AS rx
CROSS JOIN pharmacies AS ph
WHERE ph.is_active = 1
  AND NOT EXISTS (
      SELECT 1 FROM prescription_lines AS line
      WHERE line.prescription_id = rx.prescription_id
        AND NOT EXISTS (
            SELECT 1 FROM stock AS s
            WHERE s.pharmacy_id = ph.pharmacy_id
              AND s.drug_id = line.drug_id
              AND s.quantity_on_hand >= line.quantity
        )
  )
UNION ALL
SELECT rx.prescription_id, NULL, NULL
FROM prescriptions AS rx
WHERE EXISTS (SELECT 1 FROM prescription_lines AS l WHERE l.prescription_id = rx.prescription_id)
  AND NOT EXISTS (
      SELECT 1 FROM pharmacies AS ph
      WHERE ph.is_active = 1
        AND NOT EXISTS (
            SELECT 1 FROM prescription_lines AS line
            WHERE line.prescription_id = rx.prescription_id
              AND NOT EXISTS (
                  SELECT 1 FROM stock AS s
                  WHERE s.pharmacy_id = ph.pharmacy_id
                    AND s.drug_id = line.drug_id
                    AND s.quantity_on_hand >= line.quantity
              )
        )
  );
