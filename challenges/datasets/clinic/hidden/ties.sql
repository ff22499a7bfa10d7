-- Hidden: ties. Equal no-show rates, duplicate bookings made in the same minute, two
-- visits of one patient starting at the same time, appointments sharing a start time.
-- Snapshot 2026-03-20T18:00:00Z.

INSERT INTO clinics (clinic_id, name, city, opened_on) VALUES
  (1, 'Riverside Health Centre', 'Leeds', '2019-04-01'),
  (2, 'Northgate Clinic', 'York', '2021-09-15'),
  (3, 'Harbour Street Practice', 'Hull', '2026-03-01');

INSERT INTO clinicians (clinician_id, clinic_id, full_name, specialty, started_on) VALUES
  (1, 2, 'Dr Aaron Lewis', 'general_practice', '2020-01-06'),
  (2, 1, 'Dr Bianca Romano', 'general_practice', '2021-05-10'),
  (3, 1, 'Dr Chidi Eze', 'cardiology', '2022-09-01'),
  (4, 3, 'Dana Whyte', 'physiotherapy', '2026-03-02'),
  (5, 1, 'Dr Erin Shaw', 'paediatrics', '2024-02-12'),
  (6, 1, 'Dr Femi Adebayo', 'general_practice', '2019-04-01'),
  (7, 2, 'Dr Greta Lund', 'cardiology', '2023-06-05');

INSERT INTO patients (patient_id, full_name, date_of_birth, home_clinic_id, email, registered_at) VALUES
  (1, 'Alex Hughes', '1953-02-06', 2, 'patient1@example.com', '2025-02-04T09:11:00Z'),
  (2, 'Bea Ortiz', '1966-03-11', 1, 'patient2@example.com', '2025-03-07T10:22:00Z'),
  (3, 'Cyrus Vance', '1979-04-16', 2, 'patient3@example.com', '2025-04-10T11:33:00Z'),
  (4, 'Dana Carver', '1992-05-21', 1, NULL, '2025-05-13T12:44:00Z'),
  (5, 'Eli Jensen', '2005-06-26', 2, 'patient5@example.com', '2025-06-16T13:55:00Z'),
  (6, 'Femi Quigley', '1948-07-03', 1, 'patient6@example.com', '2025-07-19T14:06:00Z'),
  (7, 'Gwen Xu', '1961-08-08', 2, 'patient7@example.com', '2025-08-22T15:17:00Z'),
  (8, 'Hugo Evans', '1974-09-13', 1, NULL, '2025-09-25T16:28:00Z'),
  (9, 'Iris Lowe', '1987-10-18', 2, 'patient9@example.com', '2025-10-28T17:39:00Z'),
  (10, 'Jonah Singh', '2000-11-23', 1, 'patient10@example.com', '2025-11-03T08:50:00Z'),
  (11, 'Kira Zielinski', '1943-12-28', 2, 'patient11@example.com', '2025-12-06T09:01:00Z'),
  (12, 'Leon Gupta', '1956-01-05', 1, NULL, '2025-01-09T10:12:00Z'),
  (13, 'Maya Ncube', '1969-02-10', 2, 'patient13@example.com', '2025-02-12T11:23:00Z'),
  (14, 'Nico Usman', '1982-03-15', 1, 'patient14@example.com', '2025-03-15T12:34:00Z'),
  (15, 'Orla Baptiste', '1995-04-20', 2, 'patient15@example.com', '2025-04-18T13:45:00Z'),
  (16, 'Pavel Ito', '2008-05-25', 1, NULL, '2025-05-21T14:56:00Z');

INSERT INTO appointments (appointment_id, patient_id, clinician_id, starts_at, ends_at, status, channel, booked_at, cancelled_at) VALUES
  (1, 1, 1, '2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z', 'completed', 'online', '2026-02-25T06:00:00Z', NULL),
  (2, 2, 1, '2026-03-03T09:00:00Z', '2026-03-03T09:30:00Z', 'completed', 'online', '2026-02-26T06:00:00Z', NULL),
  (3, 3, 1, '2026-03-04T09:00:00Z', '2026-03-04T09:30:00Z', 'completed', 'online', '2026-02-27T06:00:00Z', NULL),
  (4, 4, 1, '2026-03-05T09:00:00Z', '2026-03-05T09:30:00Z', 'no_show', 'online', '2026-02-28T06:00:00Z', NULL),
  (5, 5, 1, '2026-03-06T09:00:00Z', '2026-03-06T09:30:00Z', 'completed', 'online', '2026-03-01T06:00:00Z', NULL),
  (6, 6, 1, '2026-03-07T09:00:00Z', '2026-03-07T09:30:00Z', 'completed', 'online', '2026-03-02T06:00:00Z', NULL),
  (7, 1, 1, '2026-03-08T09:00:00Z', '2026-03-08T09:30:00Z', 'completed', 'online', '2026-03-03T06:00:00Z', NULL),
  (8, 2, 1, '2026-03-09T09:00:00Z', '2026-03-09T09:30:00Z', 'no_show', 'online', '2026-03-04T06:00:00Z', NULL),
  (9, 7, 2, '2026-03-02T14:00:00Z', '2026-03-02T14:30:00Z', 'completed', 'online', '2026-02-25T11:00:00Z', NULL),
  (10, 8, 2, '2026-03-03T14:00:00Z', '2026-03-03T14:30:00Z', 'completed', 'online', '2026-02-26T11:00:00Z', NULL),
  (11, 9, 2, '2026-03-04T14:00:00Z', '2026-03-04T14:30:00Z', 'completed', 'online', '2026-02-27T11:00:00Z', NULL),
  (12, 10, 2, '2026-03-05T14:00:00Z', '2026-03-05T14:30:00Z', 'no_show', 'online', '2026-02-28T11:00:00Z', NULL),
  (13, 11, 2, '2026-03-06T14:00:00Z', '2026-03-06T14:30:00Z', 'completed', 'online', '2026-03-01T11:00:00Z', NULL),
  (14, 12, 2, '2026-03-07T14:00:00Z', '2026-03-07T14:30:00Z', 'completed', 'online', '2026-03-02T11:00:00Z', NULL),
  (15, 7, 2, '2026-03-08T14:00:00Z', '2026-03-08T14:30:00Z', 'completed', 'online', '2026-03-03T11:00:00Z', NULL),
  (16, 8, 2, '2026-03-09T14:00:00Z', '2026-03-09T14:30:00Z', 'no_show', 'online', '2026-03-04T11:00:00Z', NULL),
  (17, 9, 2, '2026-03-10T14:00:00Z', '2026-03-10T14:30:00Z', 'completed', 'online', '2026-03-05T11:00:00Z', NULL),
  (18, 10, 2, '2026-03-11T14:00:00Z', '2026-03-11T14:30:00Z', 'completed', 'online', '2026-03-06T11:00:00Z', NULL),
  (19, 11, 2, '2026-03-12T14:00:00Z', '2026-03-12T14:30:00Z', 'completed', 'online', '2026-03-07T11:00:00Z', NULL),
  (20, 12, 2, '2026-03-13T14:00:00Z', '2026-03-13T14:30:00Z', 'no_show', 'online', '2026-03-08T11:00:00Z', NULL),
  (21, 13, 3, '2026-03-09T10:00:00Z', '2026-03-09T10:40:00Z', 'no_show', 'online', '2026-03-04T07:00:00Z', NULL),
  (22, 14, 3, '2026-03-10T10:00:00Z', '2026-03-10T10:40:00Z', 'completed', 'online', '2026-03-05T07:00:00Z', NULL),
  (23, 15, 3, '2026-03-11T10:00:00Z', '2026-03-11T10:40:00Z', 'completed', 'online', '2026-03-06T07:00:00Z', NULL),
  (24, 13, 3, '2026-03-12T10:00:00Z', '2026-03-12T10:40:00Z', 'completed', 'online', '2026-03-07T07:00:00Z', NULL),
  (25, 1, 4, '2026-03-09T08:00:00Z', '2026-03-09T08:45:00Z', 'no_show', 'online', '2026-03-04T05:00:00Z', NULL),
  (26, 2, 4, '2026-03-10T08:00:00Z', '2026-03-10T08:45:00Z', 'no_show', 'online', '2026-03-05T05:00:00Z', NULL),
  (27, 3, 4, '2026-03-11T08:00:00Z', '2026-03-11T08:45:00Z', 'no_show', 'online', '2026-03-06T05:00:00Z', NULL),
  (28, 4, 4, '2026-03-12T08:00:00Z', '2026-03-12T08:45:00Z', 'no_show', 'online', '2026-03-07T05:00:00Z', NULL),
  (29, 5, 4, '2026-03-13T08:00:00Z', '2026-03-13T08:45:00Z', 'no_show', 'online', '2026-03-08T05:00:00Z', NULL),
  (30, 10, 5, '2026-03-02T11:00:00Z', '2026-03-02T11:30:00Z', 'completed', 'online', '2026-02-25T08:00:00Z', NULL),
  (31, 11, 5, '2026-03-03T11:00:00Z', '2026-03-03T11:30:00Z', 'completed', 'online', '2026-02-26T08:00:00Z', NULL),
  (32, 12, 5, '2026-03-04T11:00:00Z', '2026-03-04T11:30:00Z', 'no_show', 'online', '2026-02-27T08:00:00Z', NULL),
  (33, 13, 5, '2026-03-05T11:00:00Z', '2026-03-05T11:30:00Z', 'completed', 'online', '2026-02-28T08:00:00Z', NULL),
  (34, 14, 5, '2026-03-06T11:00:00Z', '2026-03-06T11:30:00Z', 'completed', 'online', '2026-03-01T08:00:00Z', NULL),
  (40, 2, 6, '2026-03-16T10:00:00Z', '2026-03-16T10:30:00Z', 'completed', 'online', '2026-03-11T07:00:00Z', NULL),  -- joint appointment ...
  (41, 2, 7, '2026-03-16T10:00:00Z', '2026-03-16T10:30:00Z', 'completed', 'online', '2026-03-11T07:00:00Z', NULL),  -- ... same start
  (42, 2, 7, '2026-03-18T10:00:00Z', '2026-03-18T10:30:00Z', 'completed', 'online', '2026-03-13T07:00:00Z', NULL),
  (50, 3, 6, '2026-03-17T09:00:00Z', '2026-03-17T10:00:00Z', 'completed', 'online', '2026-03-12T06:00:00Z', NULL),  -- 09:00-10:00 ...
  (51, 4, 6, '2026-03-17T09:00:00Z', '2026-03-17T09:30:00Z', 'completed', 'online', '2026-03-12T06:00:00Z', NULL),  -- ... and 09:00-09:30
  (52, 5, 6, '2026-03-17T10:30:00Z', '2026-03-17T11:00:00Z', 'completed', 'online', '2026-03-12T07:30:00Z', NULL),
  (53, 6, 6, '2026-03-17T11:30:00Z', '2026-03-17T12:00:00Z', 'completed', 'online', '2026-03-12T08:30:00Z', NULL),  -- 11:00-11:30 is free
  (60, 7, 7, '2026-03-17T14:00:00Z', '2026-03-17T14:40:00Z', 'completed', 'online', '2026-03-12T11:00:00Z', NULL),
  (61, 8, 7, '2026-03-17T14:00:00Z', '2026-03-17T14:40:00Z', 'completed', 'online', '2026-03-12T11:00:00Z', NULL),
  (62, 9, 7, '2026-03-17T14:40:00Z', '2026-03-17T15:20:00Z', 'completed', 'online', '2026-03-12T11:40:00Z', NULL),
  (70, 11, 6, '2026-03-24T09:00:00Z', '2026-03-24T09:30:00Z', 'booked', 'online', '2026-03-19T08:15:00Z', NULL),
  (71, 11, 6, '2026-03-24T09:00:00Z', '2026-03-24T09:30:00Z', 'booked', 'online', '2026-03-19T08:15:00Z', NULL),
  (73, 12, 7, '2026-03-24T09:00:00Z', '2026-03-24T09:30:00Z', 'booked', 'online', '2026-03-19T08:15:00Z', NULL),
  (72, 12, 7, '2026-03-24T09:00:00Z', '2026-03-24T09:30:00Z', 'booked', 'online', '2026-03-19T08:15:00Z', NULL),
  (74, 12, 7, '2026-03-24T09:00:00Z', '2026-03-24T09:30:00Z', 'booked', 'online', '2026-03-19T08:16:00Z', NULL);
