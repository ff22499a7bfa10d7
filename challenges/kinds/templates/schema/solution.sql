CREATE TABLE idempotency_keys (
    merchant_id INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL
        CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash TEXT NOT NULL,
    response_status INTEGER CHECK (response_status BETWEEN 200 AND 599),
    response_body TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, idempotency_key),
    CHECK (expires_at > created_at),
    -- In progress (both NULL) or completed (both set), never half of each.
    CHECK ((response_status IS NULL) = (response_body IS NULL))
);

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
