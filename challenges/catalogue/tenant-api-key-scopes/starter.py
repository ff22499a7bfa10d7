import copy

from flask import Flask, jsonify, request

SEED_KEYS = [
    (
        "key_1",
        "acme",
        "Acme admin",
        "sk_live_acme_admin_9f2c4e",
        ["invoices:read", "invoices:write", "keys:manage"],
        False,
    ),
    ("key_2", "acme", "Acme reporting", "sk_live_acme_report_41d7aa", ["invoices:read"], False),
    ("key_3", "acme", "Acme billing bot", "sk_live_acme_billing_c05e19", ["invoices:write"], False),
    (
        "key_4",
        "globex",
        "Globex admin",
        "sk_live_globex_admin_77ab30",
        ["invoices:read", "invoices:write", "keys:manage"],
        False,
    ),
    ("key_5", "globex", "Globex old key", "sk_live_globex_old_0b3e58", ["invoices:read"], True),
]
SEED_INVOICES = [
    {
        "id": "inv_1001",
        "tenant": "acme",
        "customer": "Northwind Traders",
        "amount_minor": 120000,
        "currency": "EUR",
        "status": "open",
    },
    {
        "id": "inv_1002",
        "tenant": "acme",
        "customer": "Contoso Ltd",
        "amount_minor": 45050,
        "currency": "GBP",
        "status": "paid",
    },
    {
        "id": "inv_2001",
        "tenant": "globex",
        "customer": "Initech",
        "amount_minor": 990000,
        "currency": "USD",
        "status": "open",
    },
]


def create_app():
    app = Flask(__name__)
    keys = {
        secret: {"id": key_id, "tenant": tenant, "name": name, "scopes": scopes}
        for key_id, tenant, name, secret, scopes, _revoked in SEED_KEYS
    }
    invoices = {inv["id"]: copy.deepcopy(inv) for inv in SEED_INVOICES}

    def caller():
        secret = request.headers.get("Authorization", "").replace("Bearer ", "")
        return keys.get(secret)

    @app.get("/invoices")
    def list_invoices():
        return jsonify(invoices=list(invoices.values()))

    @app.get("/invoices/<invoice_id>")
    def read_invoice(invoice_id):
        if caller() is None:
            return jsonify(error="invalid_api_key"), 401
        invoice = invoices.get(invoice_id)
        if invoice is None:
            return jsonify(error="not_found"), 404
        return jsonify(invoice)

    # POST /invoices, GET /api-keys, POST /api-keys, DELETE /api-keys/<id>: still to write.

    return app
