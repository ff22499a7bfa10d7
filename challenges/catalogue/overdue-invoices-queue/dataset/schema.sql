CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    due_date TEXT NOT NULL,  -- YYYY-MM-DD
    status TEXT NOT NULL     -- open | paid | void
);
CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    amount_cents INTEGER NOT NULL,
    paid_on TEXT NOT NULL
);
