import hashlib
import hmac
import json
import re

from flask import Flask, jsonify, request

SECRET = b"whsec_7f3c9a1e5b2d4f60"
TOLERANCE_S = 300
SIGNATURE = re.compile(r"sha256=([0-9a-f]{64})")
DIGITS = re.compile(r"[0-9]+")


def valid_event(event):
    if not isinstance(event, dict):
        return False
    if not (isinstance(event.get("id"), str) and event["id"]):
        return False
    if not isinstance(event.get("type"), str) or not isinstance(event.get("data"), dict):
        return False
    if event["type"] == "payout.paid":
        amount = event["data"].get("amount_minor")
        return isinstance(amount, int) and not isinstance(amount, bool) and amount > 0
    return True


def create_app():
    app = Flask(__name__)
    log = []  # processed events, oldest first
    seen = set()  # ids of processed events
    totals = {"paid_out_minor": 0}

    def reject(error):
        return jsonify(error=error), 400

    @app.post("/webhooks/paystream")
    def receive():
        timestamp = request.headers.get("Paystream-Timestamp", "")
        clock = request.headers.get("X-Clock", "")
        signature = SIGNATURE.fullmatch(request.headers.get("Paystream-Signature", ""))
        if not (DIGITS.fullmatch(timestamp) and DIGITS.fullmatch(clock) and signature):
            return reject("malformed_headers")

        raw = request.get_data()
        parsed = request.get_json(silent=True)
        message = timestamp.encode() + b"." + json.dumps(parsed).encode()
        expected = hmac.new(SECRET, message, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature.group(1)):
            return reject("invalid_signature")
        if abs(int(clock) - int(timestamp)) > TOLERANCE_S:
            return reject("stale_timestamp")

        try:
            event = json.loads(raw)
        except ValueError:
            event = None
        if not valid_event(event):
            return reject("invalid_payload")

        if event["id"] in seen:
            return jsonify(status="duplicate", id=event["id"])
        seen.add(event["id"])
        log.append({"id": event["id"], "type": event["type"], "received_at": int(clock)})
        if event["type"] == "payout.paid":
            totals["paid_out_minor"] += event["data"]["amount_minor"]
        return jsonify(status="processed", id=event["id"])

    @app.get("/webhooks/paystream/events")
    def events():
        return jsonify(events=log, paid_out_minor=totals["paid_out_minor"])

    return app
