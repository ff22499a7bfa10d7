-- Visible sample data: 5 pharmacies, 7 drugs, 6 prescriptions.

INSERT INTO pharmacies (pharmacy_id, name, city, is_active) VALUES
  (1, 'Riverside Pharmacy', 'Leeds', 1),
  (2, 'Hillcrest Chemist', 'Leeds', 1),
  (3, 'Market Street Pharmacy', 'York', 1),
  (4, 'Station Road Dispensary', 'York', 0),
  (5, 'Northgate Pharmacy', 'Leeds', 1);

INSERT INTO drugs (drug_id, name, pack) VALUES
  (1, 'Amoxicillin 500 mg capsules', 'capsule'),
  (2, 'Salbutamol 100 mcg inhaler', 'inhaler'),
  (3, 'Metformin 500 mg tablets', 'tablet'),
  (4, 'Atorvastatin 20 mg tablets', 'tablet'),
  (5, 'Omeprazole 20 mg capsules', 'capsule'),
  (6, 'Sertraline 50 mg tablets', 'tablet'),
  (7, 'Levothyroxine 50 mcg tablets', 'tablet');

INSERT INTO stock (pharmacy_id, drug_id, quantity_on_hand) VALUES
  (1, 1, 120), (1, 2, 4), (1, 3, 300), (1, 4, 90), (1, 5, 0),
  (2, 1, 21), (2, 3, 56), (2, 5, 60), (2, 6, 28),
  (3, 1, 500), (3, 2, 10), (3, 3, 500), (3, 4, 500), (3, 5, 500), (3, 6, 500), (3, 7, 500),
  (4, 1, 500), (4, 2, 10), (4, 3, 500), (4, 4, 500), (4, 5, 500), (4, 6, 500), (4, 7, 500),
  (5, 2, 1), (5, 4, 28), (5, 6, 14), (5, 7, 84);

INSERT INTO prescriptions (prescription_id, patient_ref, issued_at) VALUES
  (101, 'pt-7f3a', '2026-03-02T09:10:00Z'),
  (102, 'pt-11c9', '2026-03-02T10:45:00Z'),
  (103, 'pt-2b80', '2026-03-03T14:05:00Z'),
  (104, 'pt-9d14', '2026-03-04T08:30:00Z'),
  (105, 'pt-5e62', '2026-03-04T16:20:00Z'),
  (106, 'pt-0aa7', '2026-03-05T11:00:00Z');

INSERT INTO prescription_lines (prescription_id, drug_id, quantity) VALUES
  (101, 1, 21),
  (102, 3, 56), (102, 4, 28),
  (103, 2, 2), (103, 5, 28),
  (104, 6, 28), (104, 7, 28),
  (105, 1, 21), (105, 2, 1), (105, 3, 56), (105, 4, 28), (105, 5, 28), (105, 6, 28), (105, 7, 28),
  (106, 2, 1), (106, 6, 14);
