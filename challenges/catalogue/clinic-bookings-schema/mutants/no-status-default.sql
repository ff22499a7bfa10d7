CREATE TABLE clinicians (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE patients (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL
);

CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    clinician_id INTEGER NOT NULL REFERENCES clinicians (id),
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    slot_start TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('booked', 'completed', 'no_show', 'cancelled'))
);

-- Only active appointments hold a slot: cancelled ones are left out of both indexes.
CREATE UNIQUE INDEX appointments_clinician_slot
    ON appointments (clinician_id, slot_start) WHERE status <> 'cancelled';
CREATE UNIQUE INDEX appointments_patient_slot
    ON appointments (patient_id, slot_start) WHERE status <> 'cancelled';

-- The day view filters every appointment of a clinician, cancelled ones included.
CREATE INDEX appointments_clinician_day ON appointments (clinician_id, slot_start);
