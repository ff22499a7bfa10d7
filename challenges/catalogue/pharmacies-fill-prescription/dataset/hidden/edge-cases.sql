-- Traps: an empty prescription, exact quantities, stock rows at zero, a closed pharmacy that
-- could fill everything, and a prescription no pharmacy can fill.

INSERT INTO pharmacies (pharmacy_id, name, city, is_active) VALUES
  (10, 'Abbey Pharmacy', 'Bath', 1),
  (11, 'Pulteney Chemist', 'Bath', 1),
  (12, 'Lansdown Dispensary', 'Bath', 0),
  (13, 'Widcombe Pharmacy', 'Bath', 1);

INSERT INTO drugs (drug_id, name, pack) VALUES
  (1, 'Amoxicillin 500 mg capsules', 'capsule'),
  (2, 'Salbutamol 100 mcg inhaler', 'inhaler'),
  (3, 'Insulin glargine 100 units/ml pen', 'pen'),
  (4, 'Adrenaline 300 mcg auto-injector', 'auto-injector');

INSERT INTO stock (pharmacy_id, drug_id, quantity_on_hand) VALUES
  (10, 1, 21), (10, 2, 0), (10, 3, 5),
  (11, 1, 20), (11, 2, 3), (11, 3, 5),
  (12, 1, 999), (12, 2, 999), (12, 3, 999), (12, 4, 999),
  (13, 1, 0), (13, 2, 2);

INSERT INTO prescriptions (prescription_id, patient_ref, issued_at) VALUES
  (201, 'pt-a1', '2026-03-09T09:00:00Z'),
  (202, 'pt-a2', '2026-03-09T09:30:00Z'),
  (203, 'pt-a3', '2026-03-09T10:00:00Z'),
  (204, 'pt-a4', '2026-03-09T10:30:00Z'),
  (205, 'pt-a5', '2026-03-09T11:00:00Z');

INSERT INTO prescription_lines (prescription_id, drug_id, quantity) VALUES
  (201, 1, 21),
  (202, 1, 20), (202, 2, 2),
  (203, 4, 2),
  (205, 3, 5), (205, 2, 1);
-- 204 has no lines yet: the prescriber saved a draft.
