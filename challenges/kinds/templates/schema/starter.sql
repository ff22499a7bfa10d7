CREATE TABLE idempotency_keys (
    merchant_id INTEGER,
    idempotency_key TEXT,
    request_hash TEXT,
    response_status INTEGER,
    response_body TEXT,
    created_at INTEGER,
    expires_at INTEGER
);
