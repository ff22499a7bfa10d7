-- An e-prescription service routes each prescription to a nearby pharmacy that can dispense it.
-- Timestamps are ISO-8601 UTC text, e.g. '2026-03-02T09:00:00Z'.

CREATE TABLE pharmacies (
    pharmacy_id INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    city        TEXT    NOT NULL,
    is_active   INTEGER NOT NULL CHECK (is_active IN (0, 1))  -- 0: closed or suspended
);

CREATE TABLE drugs (
    drug_id  INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL,          -- e.g. 'Amoxicillin 500 mg capsules'
    pack     TEXT    NOT NULL           -- the unit a quantity counts, e.g. 'capsule', 'inhaler'
);

-- What each pharmacy has on its shelves right now. No row means the pharmacy doesn't stock the
-- drug; a row with quantity_on_hand = 0 means it does but has run out.
CREATE TABLE stock (
    pharmacy_id      INTEGER NOT NULL REFERENCES pharmacies (pharmacy_id),
    drug_id          INTEGER NOT NULL REFERENCES drugs (drug_id),
    quantity_on_hand INTEGER NOT NULL CHECK (quantity_on_hand >= 0),
    PRIMARY KEY (pharmacy_id, drug_id)
);

CREATE TABLE prescriptions (
    prescription_id INTEGER PRIMARY KEY,
    patient_ref     TEXT    NOT NULL,
    issued_at       TEXT    NOT NULL
);

-- One line per drug on a prescription (a drug appears at most once per prescription).
CREATE TABLE prescription_lines (
    prescription_id INTEGER NOT NULL REFERENCES prescriptions (prescription_id),
    drug_id         INTEGER NOT NULL REFERENCES drugs (drug_id),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (prescription_id, drug_id)
);
