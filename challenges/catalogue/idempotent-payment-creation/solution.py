import copy
import json

from flask import Flask, jsonify, request

CURRENCIES = {"EUR", "USD", "GBP"}


def fingerprint(body):
    """Two requests are "the same" when their parsed JSON bodies are equal, whatever the key
    order or whitespace: compare a canonical serialisation."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


def invalid_field(body):
    amount = body.get("amount")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 1:
        return "amount"
    if body.get("currency") not in CURRENCIES:
        return "currency"
    customer_id = body.get("customer_id")
    if not isinstance(customer_id, str) or not customer_id.strip():
        return "customer_id"
    return None


def create_app():
    app = Flask(__name__)
    payments = {}
    # Idempotency key -> the request's fingerprint and a snapshot of the response we sent.
    outcomes = {}

    def respond(outcome, replayed):
        response = jsonify(outcome["body"])
        response.status_code = outcome["status"]
        response.headers["Location"] = outcome["location"]
        if replayed:
            response.headers["Idempotent-Replayed"] = "true"
        return response

    @app.post("/payments")
    def create_payment():
        key = request.headers.get("Idempotency-Key", "")
        if not key.strip():
            return jsonify(error="idempotency_key_missing"), 400
        body = request.get_json(silent=True)
        seen = outcomes.get(key)
        if seen is not None:
            if seen["fingerprint"] != fingerprint(body):
                return jsonify(error="idempotency_key_reused"), 422
            return respond(seen, replayed=True)
        if not isinstance(body, dict):
            return jsonify(error="validation_failed", field="body"), 422
        field = invalid_field(body)
        if field:
            # Nothing happened, so nothing is remembered: the client may fix the body and
            # retry with the same key.
            return jsonify(error="validation_failed", field=field), 422
        payment_id = len(payments) + 1
        payments[payment_id] = {
            "id": payment_id,
            "amount": body["amount"],
            "currency": body["currency"],
            "customer_id": body["customer_id"],
            "status": "succeeded",
        }
        outcomes[key] = {
            "fingerprint": fingerprint(body),
            "status": 201,
            "body": copy.deepcopy(payments[payment_id]),  # the response as sent, frozen
            "location": f"/payments/{payment_id}",
        }
        return respond(outcomes[key], replayed=False)

    @app.get("/payments")
    def list_payments():
        return jsonify(payments=[payments[i] for i in sorted(payments)])

    @app.get("/payments/<int:payment_id>")
    def get_payment(payment_id):
        payment = payments.get(payment_id)
        if payment is None:
            return jsonify(error="payment_not_found"), 404
        return jsonify(payment)

    @app.post("/payments/<int:payment_id>/refund")
    def refund(payment_id):
        payment = payments.get(payment_id)
        if payment is None:
            return jsonify(error="payment_not_found"), 404
        if payment["status"] == "refunded":
            return jsonify(error="already_refunded"), 409
        payment["status"] = "refunded"
        return jsonify(payment)

    return app
