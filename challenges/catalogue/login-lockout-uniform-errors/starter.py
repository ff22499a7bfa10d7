import secrets

from flask import Flask, jsonify, request

SEED_USERS = {
    "ana.silva@example.com": ("correct horse battery", True),
    "ben.carter@example.com": ("Tr0ub4dor&3", True),
    "cleo.park@example.com": ("old-account-pass", False),
}


def create_app():
    app = Flask(__name__)

    @app.post("/login")
    def login():
        body = request.get_json(silent=True) or {}
        user = SEED_USERS.get(body.get("email"))
        if user is None:
            return jsonify(error="no such user"), 404
        if user[0] != body.get("password"):
            return jsonify(error="wrong password"), 401
        # No lockout yet: a script can try passwords for ever.
        return jsonify(email=body["email"], token=secrets.token_urlsafe(24)), 200

    return app
