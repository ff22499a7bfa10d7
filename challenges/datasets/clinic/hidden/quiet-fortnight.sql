-- Hidden: a quiet fortnight. Nothing at all in the week of 2026-03-02, a handful of
-- appointments in the week of 2026-03-09, one clinic without appointments, no clashes.
-- Snapshot 2026-03-20T18:00:00Z.

INSERT INTO clinics (clinic_id, name, city, opened_on) VALUES
  (1, 'Riverside Health Centre', 'Leeds', '2019-04-01'),
  (2, 'Northgate Clinic', 'York', '2021-09-15'),
  (3, 'Harbour Street Practice', 'Hull', '2026-03-01');

INSERT INTO clinicians (clinician_id, clinic_id, full_name, specialty, started_on) VALUES
  (1, 1, 'Dr Farid Anwar', 'general_practice', '2020-01-06'),
  (2, 2, 'Gemma Hollis', 'physiotherapy', '2021-05-10'),
  (3, 2, 'Dr Ana Costa', 'dermatology', '2025-09-01');

INSERT INTO patients (patient_id, full_name, date_of_birth, home_clinic_id, email, registered_at) VALUES
  (1, 'Alex Hughes', '1953-02-06', 2, 'patient1@example.com', '2025-02-04T09:11:00Z'),
  (2, 'Bea Ortiz', '1966-03-11', 1, 'patient2@example.com', '2025-03-07T10:22:00Z'),
  (3, 'Cyrus Vance', '1979-04-16', 2, 'patient3@example.com', '2025-04-10T11:33:00Z'),
  (4, 'Dana Carver', '1992-05-21', 1, NULL, '2025-05-13T12:44:00Z'),
  (5, 'Eli Jensen', '2005-06-26', 2, 'patient5@example.com', '2025-06-16T13:55:00Z'),
  (6, 'Femi Quigley', '1948-07-03', 1, 'patient6@example.com', '2025-07-19T14:06:00Z'),
  (7, 'Gwen Xu', '1961-08-08', 2, 'patient7@example.com', '2025-08-22T15:17:00Z'),
  (8, 'Hugo Evans', '1974-09-13', 1, NULL, '2025-09-25T16:28:00Z');

INSERT INTO appointments (appointment_id, patient_id, clinician_id, starts_at, ends_at, status, channel, booked_at, cancelled_at) VALUES
  (1, 1, 1, '2026-03-10T09:00:00Z', '2026-03-10T09:30:00Z', 'completed', 'online', '2026-03-05T06:00:00Z', NULL),
  (2, 2, 1, '2026-03-10T09:30:00Z', '2026-03-10T10:00:00Z', 'completed', 'online', '2026-03-05T06:30:00Z', NULL),
  (3, 3, 1, '2026-03-10T10:00:00Z', '2026-03-10T10:30:00Z', 'no_show', 'online', '2026-03-05T07:00:00Z', NULL),
  (4, 1, 1, '2026-03-12T16:00:00Z', '2026-03-12T16:30:00Z', 'completed', 'online', '2026-03-07T13:00:00Z', NULL),
  (5, 4, 2, '2026-03-11T08:00:00Z', '2026-03-11T08:45:00Z', 'cancelled', 'online', '2026-03-06T05:00:00Z', '2026-03-10T19:00:00Z'),
  (6, 4, 2, '2026-03-13T08:00:00Z', '2026-03-13T08:45:00Z', 'completed', 'online', '2026-03-08T05:00:00Z', NULL),  -- rebooked for later in the week
  (7, 5, 2, '2026-03-13T08:45:00Z', '2026-03-13T09:30:00Z', 'completed', 'online', '2026-03-08T05:45:00Z', NULL),
  (8, 2, 1, '2026-03-17T11:00:00Z', '2026-03-17T11:30:00Z', 'no_show', 'online', '2026-03-12T08:00:00Z', NULL),
  (9, 6, 3, '2026-03-25T13:00:00Z', '2026-03-25T13:20:00Z', 'booked', 'online', '2026-03-20T10:00:00Z', NULL);
