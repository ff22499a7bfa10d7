import copy
import hashlib
import hmac
import secrets

from flask import Flask, jsonify, request

SCOPES = ("invoices:read", "invoices:write", "keys:manage")
CURRENCIES = ("EUR", "USD", "GBP")
REALM = {"WWW-Authenticate": 'Bearer realm="invoices"'}
SEED_KEYS = [
    ("key_1", "acme", "Acme admin", "sk_live_acme_admin_9f2c4e", list(SCOPES), False),
    ("key_2", "acme", "Acme reporting", "sk_live_acme_report_41d7aa", ["invoices:read"], False),
    ("key_3", "acme", "Acme billing bot", "sk_live_acme_billing_c05e19", ["invoices:write"], False),
    ("key_4", "globex", "Globex admin", "sk_live_globex_admin_77ab30", list(SCOPES), False),
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


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def create_app():
    app = Flask(__name__)
    # Only hashes of the secrets are kept: a leaked table doesn't leak working keys.
    keys = {
        key_id: {
            "id": key_id,
            "tenant": tenant,
            "name": name,
            "hash": digest(secret),
            "scopes": scopes,
            "revoked": revoked,
        }
        for key_id, tenant, name, secret, scopes, revoked in SEED_KEYS
    }
    invoices = {inv["id"]: copy.deepcopy(inv) for inv in SEED_INVOICES}
    counters = {"key": len(SEED_KEYS), "invoice": 3000}

    def error(status, code, headers=None, **extra):
        return jsonify(error=code, **extra), status, headers or {}

    def caller():
        scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secret:
            return None
        wanted = digest(secret.strip())
        for key in keys.values():
            if hmac.compare_digest(key["hash"], wanted) and not key["revoked"]:
                return key
        return None

    def guard(scope):
        """The calling key, or the 401/403 response to return instead."""
        key = caller()
        if key is None:
            return None, error(401, "invalid_api_key", REALM)
        if scope not in key["scopes"]:
            challenge = f'Bearer realm="invoices", error="insufficient_scope", scope="{scope}"'
            return None, error(
                403, "insufficient_scope", {"WWW-Authenticate": challenge}, required_scope=scope
            )
        return key, None

    def public(key):
        return {
            "id": key["id"],
            "name": key["name"],
            "scopes": key["scopes"],
            "revoked": key["revoked"],
        }

    @app.get("/invoices")
    def list_invoices():
        key, denied = guard("invoices:read")
        if denied:
            return denied
        mine = [inv for inv in invoices.values() if inv["tenant"] == key["tenant"]]
        return jsonify(invoices=sorted(mine, key=lambda inv: inv["id"]))

    @app.get("/invoices/<invoice_id>")
    def read_invoice(invoice_id):
        key, denied = guard("invoices:read")
        if denied:
            return denied
        invoice = invoices.get(invoice_id)
        if invoice is None or invoice["tenant"] != key["tenant"]:
            return error(404, "not_found")
        return jsonify(invoice)

    @app.post("/invoices")
    def create_invoice():
        key, denied = guard("invoices:write")
        if denied:
            return denied
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return error(422, "invalid_invoice")
        customer, amount = body.get("customer"), body.get("amount_minor")
        if (
            not isinstance(customer, str)
            or not customer.strip()
            or len(customer) > 200
            or type(amount) is not int
            or amount <= 0
            or body.get("currency") not in CURRENCIES
        ):
            return error(422, "invalid_invoice")
        counters["invoice"] += 1
        invoice = {
            "id": f"inv_{counters['invoice']}",
            "tenant": key["tenant"],
            "customer": customer,
            "amount_minor": amount,
            "currency": body["currency"],
            "status": "open",
        }
        invoices[invoice["id"]] = invoice
        return jsonify(invoice), 201, {"Location": f"/invoices/{invoice['id']}"}

    @app.get("/api-keys")
    def list_keys():
        key, denied = guard("keys:manage")
        if denied:
            return denied
        mine = [public(k) for k in keys.values() if k["tenant"] == key["tenant"]]
        return jsonify(keys=mine)

    @app.post("/api-keys")
    def create_key():
        key, denied = guard("keys:manage")
        if denied:
            return denied
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return error(422, "invalid_key")
        name, scopes = body.get("name"), body.get("scopes")
        if (
            not isinstance(name, str)
            or not name.strip()
            or len(name) > 100
            or not isinstance(scopes, list)
            or not scopes
            or any(scope not in SCOPES for scope in scopes)
            or len(set(scopes)) != len(scopes)
        ):
            return error(422, "invalid_key")
        if not set(scopes) <= set(key["scopes"]):
            return error(403, "scope_escalation")
        counters["key"] += 1
        secret = "sk_live_" + secrets.token_hex(16)
        new = {
            "id": f"key_{counters['key']}",
            "tenant": key["tenant"],
            "name": name,
            "hash": digest(secret),
            "scopes": scopes,
            "revoked": False,
        }
        keys[new["id"]] = new
        return jsonify(public(new) | {"key": secret}), 201, {"Location": f"/api-keys/{new['id']}"}

    @app.delete("/api-keys/<key_id>")
    def revoke_key(key_id):
        key, denied = guard("keys:manage")
        if denied:
            return denied
        target = keys.get(key_id)
        if target is None or target["tenant"] != key["tenant"]:
            return error(404, "not_found")
        target["revoked"] = True
        return "", 204

    return app
