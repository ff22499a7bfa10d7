from flask import Flask, jsonify, request

SECRET = b"whsec_7f3c9a1e5b2d4f60"
TOLERANCE_S = 300


def create_app():
    app = Flask(__name__)
    log = []  # processed events, oldest first
    totals = {"paid_out_minor": 0}

    @app.post("/webhooks/paystream")
    def receive():
        # TODO: check the headers, verify the HMAC signature over the raw body, reject stale
        # timestamps, validate the payload and ignore events that were already processed.
        event = request.get_json(force=True, silent=True) or {}
        log.append(
            {
                "id": event.get("id"),
                "type": event.get("type"),
                "received_at": int(request.headers.get("X-Clock", 0)),
            }
        )
        if event.get("type") == "payout.paid":
            totals["paid_out_minor"] += event["data"]["amount_minor"]
        return jsonify(status="processed", id=event.get("id"))

    @app.get("/webhooks/paystream/events")
    def events():
        return jsonify(events=log, paid_out_minor=totals["paid_out_minor"])

    return app
