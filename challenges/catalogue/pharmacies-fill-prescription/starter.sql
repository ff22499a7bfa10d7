-- Pharmacies that stock at least one drug of the prescription.
SELECT DISTINCT line.prescription_id, s.pharmacy_id, ph.name AS pharmacy_name
FROM prescription_lines AS line
JOIN stock AS s ON s.drug_id = line.drug_id
JOIN pharmacies AS ph ON ph.pharmacy_id = s.pharmacy_id;
