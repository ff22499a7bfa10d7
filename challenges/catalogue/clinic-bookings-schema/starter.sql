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
    clinician_id INTEGER NOT NULL,
    patient_id INTEGER NOT NULL,
    slot_start TEXT NOT NULL,
    status TEXT NOT NULL
);
