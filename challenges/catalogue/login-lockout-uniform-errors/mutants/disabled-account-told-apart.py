import hashlib
import hmac
import secrets

from flask import Flask, jsonify, request

MAX_FAILURES = 5
WINDOW_S = 600
LOCK_S = 900
# email -> (salt, sha256(salt + password), active). A real service would use a slow password
# hash (argon2, scrypt); sha256 keeps the sandbox fast.
SEED_USERS = {
    "ana.silva@example.com": ("c1", "correct horse battery", True),
    "ben.carter@example.com": ("a7", "Tr0ub4dor&3", True),
    "cleo.park@example.com": ("5e", "old-account-pass", False),
}


def hashed(salt, password):
    return hashlib.sha256((salt + password).encode()).hexdigest()


def create_app():
    app = Flask(__name__)
    users = {
        email: (salt, hashed(salt, password), active)
        for email, (salt, password, active) in SEED_USERS.items()
    }
    failures = {}  # normalised email -> times of recent failed attempts
    locked_until = {}  # normalised email -> time the lock ends

    def fail(status, code, headers=None):
        return jsonify(error=code), status, headers or {}

    @app.post("/login")
    def login():
        clock = request.headers.get("X-Clock", "")
        if not (clock.isascii() and clock.isdigit()):
            return fail(400, "invalid_clock")
        now = int(clock)
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return fail(400, "invalid_request")
        email, password = body.get("email"), body.get("password")
        if not isinstance(email, str) or not isinstance(password, str):
            return fail(400, "invalid_request")
        email = email.strip().lower()

        # The lock is checked first, whatever the password: otherwise a correct guess during
        # the lock would still be told apart from a wrong one.
        until = locked_until.get(email)
        if until is not None and now < until:
            return fail(429, "too_many_attempts", {"Retry-After": str(until - now)})
        if until is not None:
            del locked_until[email]
            failures.pop(email, None)

        account = users.get(email)
        # Unknown emails still pay for a hash, so timing doesn't tell them apart either.
        salt, digest, active = account or ("00", "", False)
        matches = hmac.compare_digest(hashed(salt, password), digest)
        if account is not None and matches and not active:
            return fail(403, "account_disabled")
        if account is None or not matches or not active:
            recent = [t for t in failures.get(email, []) if t > now - WINDOW_S] + [now]
            failures[email] = recent
            if len(recent) >= MAX_FAILURES:
                locked_until[email] = now + LOCK_S
            return fail(401, "invalid_credentials")

        failures.pop(email, None)
        return jsonify(email=email, token=secrets.token_urlsafe(24)), 200

    return app
