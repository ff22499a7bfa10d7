-- An outpatient clinic network: GP, physiotherapy, dermatology, mental health and sleep clinics.
-- Timestamps are ISO-8601 UTC text, e.g. '2026-03-02T09:00:00Z': they sort correctly as text,
-- julianday() reads them, and date(starts_at) or substr(starts_at, 1, 10) gives the UTC day.
-- Calendar dates (date of birth, opened_on) are 'YYYY-MM-DD'.
-- Money is an INTEGER amount in minor units: amount_cents = 8500 is GBP 85.00.

CREATE TABLE clinics (
    clinic_id INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL UNIQUE,
    city      TEXT    NOT NULL,
    opened_on TEXT    NOT NULL
);

CREATE TABLE clinicians (
    clinician_id INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics (clinic_id),   -- where they practise
    full_name    TEXT    NOT NULL,
    specialty    TEXT    NOT NULL CHECK (specialty IN (
                     'general_practice', 'physiotherapy', 'dermatology',
                     'mental_health', 'sleep_medicine', 'cardiology', 'paediatrics')),
    started_on   TEXT    NOT NULL
);

CREATE TABLE patients (
    patient_id     INTEGER PRIMARY KEY,
    full_name      TEXT    NOT NULL,
    date_of_birth  TEXT    NOT NULL,
    home_clinic_id INTEGER NOT NULL REFERENCES clinics (clinic_id),  -- patients may visit any clinic
    email          TEXT,                                             -- NULL when not given
    registered_at  TEXT    NOT NULL
);

-- One row per booking. An appointment occupies [starts_at, ends_at): one ending at 10:00 and
-- the next starting at 10:00 do not overlap. Overnight sleep studies cross midnight.
--   booked:    in the future (the data is a snapshot taken on 2026-03-20 at 18:00 UTC)
--   completed: the patient was seen
--   no_show:   the patient did not turn up
--   cancelled: cancelled at cancelled_at, by the patient or the clinic; a cancelled slot is free
-- A patient who cancels and rebooks gets a new row; the cancelled row stays.
CREATE TABLE appointments (
    appointment_id INTEGER PRIMARY KEY,
    patient_id     INTEGER NOT NULL REFERENCES patients (patient_id),
    clinician_id   INTEGER NOT NULL REFERENCES clinicians (clinician_id),
    starts_at      TEXT    NOT NULL,
    ends_at        TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('booked', 'completed', 'cancelled', 'no_show')),
    channel        TEXT    NOT NULL CHECK (channel IN ('online', 'phone', 'walk_in')),
    booked_at      TEXT    NOT NULL,
    cancelled_at   TEXT,
    CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    CHECK (ends_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    CHECK (ends_at > starts_at),
    CHECK (booked_at <= starts_at),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CHECK (cancelled_at IS NULL OR cancelled_at >= booked_at)
);

-- One invoice per completed appointment, billed to an insurer or to the patient (self_pay).
CREATE TABLE invoices (
    invoice_id     INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments (appointment_id),
    amount_cents   INTEGER NOT NULL CHECK (amount_cents >= 0),
    payer          TEXT    NOT NULL CHECK (payer IN ('insurer', 'self_pay')),
    insurer        TEXT,                                             -- NULL for self_pay
    status         TEXT    NOT NULL CHECK (status IN ('issued', 'paid', 'rejected')),
    issued_at      TEXT    NOT NULL,
    paid_at        TEXT,
    CHECK ((payer = 'insurer') = (insurer IS NOT NULL)),
    CHECK ((status = 'paid') = (paid_at IS NOT NULL))
);

-- A clinician refers a patient to a specialty; appointment_id is the appointment that took the
-- referral up, NULL while it is still waiting.
CREATE TABLE referrals (
    referral_id            INTEGER PRIMARY KEY,
    patient_id             INTEGER NOT NULL REFERENCES patients (patient_id),
    referring_clinician_id INTEGER NOT NULL REFERENCES clinicians (clinician_id),
    to_specialty           TEXT    NOT NULL,
    urgency                TEXT    NOT NULL CHECK (urgency IN ('routine', 'urgent')),
    referred_at            TEXT    NOT NULL,
    appointment_id         INTEGER REFERENCES appointments (appointment_id)
);
