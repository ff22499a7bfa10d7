-- Hidden: boundaries. Back-to-back, nested, chained, triple and overnight appointments;
-- cancelled and past duplicates; a clinic with no clinicians; visits either side of
-- 2026-03-02..2026-03-15; patients with no, only cancelled, only no_show or only booked
-- appointments. Snapshot 2026-03-20T18:00:00Z.

INSERT INTO clinics (clinic_id, name, city, opened_on) VALUES
  (1, 'Riverside Health Centre', 'Leeds', '2019-04-01'),
  (2, 'Northgate Clinic', 'York', '2021-09-15'),
  (3, 'Harbour Street Practice', 'Hull', '2026-03-01');

INSERT INTO clinicians (clinician_id, clinic_id, full_name, specialty, started_on) VALUES
  (1, 1, 'Dr Nadia Brooks', 'general_practice', '2020-01-06'),
  (2, 1, 'Dr Owen Fletcher', 'general_practice', '2021-05-10'),
  (3, 2, 'Dr Ines Carvalho', 'sleep_medicine', '2022-09-01'),
  (4, 1, 'Rhys Morgan', 'physiotherapy', '2023-04-03'),
  (5, 2, 'Dr Helen Park', 'dermatology', '2024-02-12'),
  (6, 2, 'Marta Silva', 'mental_health', '2022-11-21');

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
  (16, 'Pavel Ito', '2008-05-25', 1, NULL, '2025-05-21T14:56:00Z'),
  (17, 'Quinn Patel', '1951-06-02', 2, 'patient17@example.com', '2025-06-24T15:07:00Z'),
  (18, 'Rosa Walker', '1964-07-07', 1, 'patient18@example.com', '2025-07-27T16:18:00Z'),
  (19, 'Sami Dlamini', '1977-08-12', 2, 'patient19@example.com', '2025-08-02T17:29:00Z'),
  (20, 'Tara Kaur', '1990-09-17', 1, NULL, '2025-09-05T08:40:00Z'),
  (21, 'Uma Rossi', '2003-10-22', 2, 'patient21@example.com', '2025-10-08T09:51:00Z'),
  (22, 'Victor Young', '1946-11-27', 1, 'patient22@example.com', '2025-11-11T10:02:00Z'),
  (23, 'Wren Fraser', '1959-12-04', 2, 'patient23@example.com', '2025-12-14T11:13:00Z'),
  (24, 'Xavi Moreau', '1972-01-09', 1, NULL, '2025-01-17T12:24:00Z'),
  (25, 'Yara Tanaka', '1985-02-14', 2, 'patient25@example.com', '2025-02-20T13:35:00Z'),
  (26, 'Zeke Abbott', '1998-03-19', 1, 'patient26@example.com', '2025-03-23T14:46:00Z');

INSERT INTO appointments (appointment_id, patient_id, clinician_id, starts_at, ends_at, status, channel, booked_at, cancelled_at) VALUES
  (1, 5, 1, '2026-03-03T09:00:00Z', '2026-03-03T09:30:00Z', 'completed', 'online', '2026-02-26T06:00:00Z', NULL),  -- back-to-back with the next one
  (2, 6, 1, '2026-03-03T09:30:00Z', '2026-03-03T10:00:00Z', 'completed', 'online', '2026-02-26T06:30:00Z', NULL),
  (3, 7, 1, '2026-03-03T10:00:00Z', '2026-03-03T11:00:00Z', 'completed', 'online', '2026-02-26T07:00:00Z', NULL),  -- a long appointment ...
  (4, 8, 1, '2026-03-03T10:15:00Z', '2026-03-03T10:30:00Z', 'no_show', 'online', '2026-02-26T07:15:00Z', NULL),  -- ... with a no-show nested inside it
  (5, 9, 1, '2026-03-03T11:30:00Z', '2026-03-03T12:00:00Z', 'completed', 'online', '2026-02-26T08:30:00Z', NULL),  -- starts exactly 30 minutes after 11:00
  (6, 10, 1, '2026-03-03T12:29:00Z', '2026-03-03T13:00:00Z', 'completed', 'online', '2026-02-26T09:29:00Z', NULL),  -- starts 29 minutes after 12:00
  (7, 5, 1, '2026-03-03T13:00:00Z', '2026-03-03T14:00:00Z', 'completed', 'online', '2026-02-26T10:00:00Z', NULL),  -- a chain of overlaps ...
  (8, 6, 1, '2026-03-03T13:30:00Z', '2026-03-03T14:30:00Z', 'completed', 'online', '2026-02-26T10:30:00Z', NULL),
  (9, 11, 1, '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', 'no_show', 'online', '2026-02-26T11:00:00Z', NULL),  -- ... ending at 15:00
  (10, 12, 1, '2026-03-03T16:00:00Z', '2026-03-03T16:30:00Z', 'cancelled', 'online', '2026-02-26T13:00:00Z', '2026-03-02T10:00:00Z'),  -- cancelled: the slot is free
  (11, 7, 1, '2026-03-03T17:00:00Z', '2026-03-03T17:30:00Z', 'completed', 'online', '2026-02-26T14:00:00Z', NULL),
  (12, 13, 1, '2026-03-03T09:00:00Z', '2026-03-03T09:30:00Z', 'cancelled', 'online', '2026-02-26T06:00:00Z', '2026-03-01T09:00:00Z'),  -- cancelled overlap
  (13, 22, 2, '2026-03-04T09:00:00Z', '2026-03-04T10:00:00Z', 'no_show', 'online', '2026-02-27T06:00:00Z', NULL),  -- triple booking ...
  (14, 3, 2, '2026-03-04T09:00:00Z', '2026-03-04T10:00:00Z', 'no_show', 'online', '2026-02-27T06:00:00Z', NULL),
  (15, 4, 2, '2026-03-04T09:30:00Z', '2026-03-04T09:45:00Z', 'no_show', 'online', '2026-02-27T06:30:00Z', NULL),  -- ... 09:00-10:00
  (16, 5, 2, '2026-03-04T10:30:00Z', '2026-03-04T11:00:00Z', 'completed', 'online', '2026-02-27T07:30:00Z', NULL),  -- 30 minutes after the triple booking ended
  (17, 2, 2, '2026-03-24T09:00:00Z', '2026-03-24T09:30:00Z', 'booked', 'online', '2026-03-19T06:00:00Z', NULL),
  (18, 3, 2, '2026-03-24T09:30:00Z', '2026-03-24T10:00:00Z', 'booked', 'online', '2026-03-19T06:30:00Z', NULL),
  (19, 1, 3, '2026-03-01T22:00:00Z', '2026-03-02T06:00:00Z', 'completed', 'online', '2026-02-24T19:00:00Z', NULL),  -- starts before 2026-03-02
  (20, 6, 3, '2026-03-05T21:30:00Z', '2026-03-06T06:30:00Z', 'completed', 'online', '2026-02-28T18:30:00Z', NULL),  -- overnight study ...
  (21, 9, 3, '2026-03-06T06:00:00Z', '2026-03-06T06:40:00Z', 'completed', 'online', '2026-03-01T03:00:00Z', NULL),  -- ... still running when this consultation starts
  (22, 10, 3, '2026-03-06T08:00:00Z', '2026-03-06T08:40:00Z', 'completed', 'online', '2026-03-01T05:00:00Z', NULL),
  (23, 12, 3, '2026-03-08T22:00:00Z', '2026-03-09T06:00:00Z', 'completed', 'online', '2026-03-03T19:00:00Z', NULL),  -- Sunday night study
  (24, 11, 3, '2026-03-09T09:00:00Z', '2026-03-09T09:40:00Z', 'completed', 'online', '2026-03-04T06:00:00Z', NULL),  -- a morning consultation ...
  (25, 11, 3, '2026-03-10T21:30:00Z', '2026-03-11T06:30:00Z', 'completed', 'online', '2026-03-05T18:30:00Z', NULL),  -- ... and a study 36.5 hours later
  (26, 13, 3, '2026-03-15T23:00:00Z', '2026-03-16T07:00:00Z', 'completed', 'online', '2026-03-10T20:00:00Z', NULL),  -- starts on the last day of the fortnight
  (27, 14, 3, '2026-03-16T09:00:00Z', '2026-03-16T09:40:00Z', 'completed', 'online', '2026-03-11T06:00:00Z', NULL),  -- after the fortnight
  (28, 14, 4, '2026-03-10T08:00:00Z', '2026-03-10T08:45:00Z', 'completed', 'online', '2026-03-01T10:00:00Z', NULL),  -- past duplicate pair: one seen ...
  (29, 14, 4, '2026-03-10T08:00:00Z', '2026-03-10T08:45:00Z', 'no_show', 'online', '2026-03-01T10:01:00Z', NULL),  -- ... one not
  (30, 15, 4, '2026-03-11T08:00:00Z', '2026-03-11T08:45:00Z', 'no_show', 'online', '2026-03-06T05:00:00Z', NULL),
  (31, 15, 4, '2026-03-12T08:00:00Z', '2026-03-12T08:45:00Z', 'no_show', 'online', '2026-03-07T05:00:00Z', NULL),
  (32, 16, 4, '2026-03-12T09:00:00Z', '2026-03-12T09:45:00Z', 'completed', 'online', '2026-03-07T06:00:00Z', NULL),
  (90, 14, 4, '2026-03-23T08:00:00Z', '2026-03-23T08:45:00Z', 'booked', 'online', '2026-03-19T10:05:00Z', NULL),  -- booked later ...
  (91, 14, 4, '2026-03-23T08:00:00Z', '2026-03-23T08:45:00Z', 'booked', 'online', '2026-03-19T10:00:00Z', NULL),  -- ... than this one
  (92, 16, 4, '2026-03-25T08:00:00Z', '2026-03-25T08:45:00Z', 'booked', 'online', '2026-03-18T09:00:00Z', NULL),
  (93, 16, 4, '2026-03-25T08:00:00Z', '2026-03-25T08:45:00Z', 'booked', 'online', '2026-03-18T08:58:00Z', NULL),
  (94, 16, 4, '2026-03-25T08:00:00Z', '2026-03-25T08:45:00Z', 'booked', 'online', '2026-03-18T09:30:00Z', NULL),
  (95, 15, 4, '2026-03-26T08:00:00Z', '2026-03-26T08:45:00Z', 'cancelled', 'online', '2026-03-10T11:00:00Z', '2026-03-12T12:00:00Z'),
  (96, 15, 4, '2026-03-26T08:00:00Z', '2026-03-26T08:45:00Z', 'booked', 'online', '2026-03-12T12:05:00Z', NULL),  -- rebooked after cancelling
  (97, 16, 1, '2026-03-25T08:00:00Z', '2026-03-25T08:30:00Z', 'booked', 'online', '2026-03-18T09:10:00Z', NULL),  -- same time, another clinician
  (98, 21, 5, '2026-03-04T13:00:00Z', '2026-03-04T13:20:00Z', 'cancelled', 'online', '2026-02-27T10:00:00Z', '2026-03-03T08:00:00Z'),
  (99, 21, 5, '2026-03-11T13:00:00Z', '2026-03-11T13:20:00Z', 'cancelled', 'online', '2026-03-06T10:00:00Z', '2026-03-10T18:00:00Z'),
  (100, 25, 5, '2026-03-25T13:00:00Z', '2026-03-25T13:20:00Z', 'booked', 'online', '2026-03-20T10:00:00Z', NULL),
  (101, 5, 5, '2026-03-11T13:20:00Z', '2026-03-11T13:40:00Z', 'cancelled', 'online', '2026-03-06T10:20:00Z', '2026-03-11T07:00:00Z'),
  (120, 1, 6, '2026-03-02T16:00:00Z', '2026-03-02T16:50:00Z', 'completed', 'online', '2026-02-25T13:00:00Z', NULL),  -- late afternoon ...
  (121, 1, 6, '2026-03-03T09:00:00Z', '2026-03-03T09:50:00Z', 'completed', 'online', '2026-02-26T06:00:00Z', NULL),  -- ... then next morning (17 hours later)
  (122, 1, 6, '2026-03-05T10:00:00Z', '2026-03-05T10:50:00Z', 'cancelled', 'online', '2026-02-28T07:00:00Z', '2026-03-04T09:00:00Z'),
  (123, 1, 6, '2026-03-09T10:00:00Z', '2026-03-09T10:50:00Z', 'completed', 'online', '2026-03-04T07:00:00Z', NULL),
  (150, 2, 6, '2026-03-12T11:00:00Z', '2026-03-12T11:50:00Z', 'completed', 'online', '2026-02-20T10:00:00Z', NULL),  -- older id, later visit
  (160, 2, 6, '2026-03-06T11:00:00Z', '2026-03-06T11:50:00Z', 'completed', 'online', '2026-03-05T16:00:00Z', NULL),  -- newer id, earlier visit
  (161, 6, 6, '2026-03-06T15:00:00Z', '2026-03-06T15:50:00Z', 'completed', 'online', '2026-03-01T12:00:00Z', NULL),
  (162, 6, 6, '2026-03-11T15:00:00Z', '2026-03-11T15:50:00Z', 'no_show', 'online', '2026-03-06T12:00:00Z', NULL),
  (163, 6, 6, '2026-03-13T15:00:00Z', '2026-03-13T15:50:00Z', 'completed', 'online', '2026-03-08T12:00:00Z', NULL),
  (164, 9, 6, '2026-03-13T16:00:00Z', '2026-03-13T16:50:00Z', 'completed', 'online', '2026-03-08T13:00:00Z', NULL);
