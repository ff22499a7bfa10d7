from flask import Flask, jsonify, request

INITIAL_STOCK = {"LAMP-01": 5, "DESK-02": 2, "CHAIR-03": 0}
HOLD_MINUTES = 15


def is_count(value):
    """A JSON integer (true/false are not) that is at least 1."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def create_app():
    app = Flask(__name__)
    on_hand = dict(INITIAL_STOCK)
    reservations = {}
    clock = {"now": 0}

    def status_of(reservation):
        # Expiry is derived from the logical clock on every read: no sweeper needed.
        if reservation["released"]:
            return "released"
        if clock["now"] >= reservation["expires_at"]:
            return "expired"
        return "active"

    def reserved(sku):
        return sum(
            r["quantity"]
            for r in reservations.values()
            if r["sku"] == sku and status_of(r) != "released"
        )

    def present(reservation):
        return {
            "id": reservation["id"],
            "sku": reservation["sku"],
            "quantity": reservation["quantity"],
            "status": status_of(reservation),
            "expires_at": reservation["expires_at"],
        }

    @app.get("/stock/<sku>")
    def get_stock(sku):
        if sku not in on_hand:
            return jsonify(error="unknown_sku"), 404
        held = reserved(sku)
        return jsonify(sku=sku, on_hand=on_hand[sku], reserved=held, available=on_hand[sku] - held)

    @app.post("/reservations")
    def reserve():
        body = request.get_json(silent=True)
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("sku"), str)
            or not is_count(body.get("quantity"))
        ):
            return jsonify(error="invalid_request"), 422
        sku, quantity = body["sku"], body["quantity"]
        if sku not in on_hand:
            return jsonify(error="unknown_sku"), 404
        available = on_hand[sku] - reserved(sku)
        if quantity > available:
            return jsonify(
                error="insufficient_stock", sku=sku, requested=quantity, available=available
            ), 409
        reservation_id = len(reservations) + 1
        reservations[reservation_id] = {
            "id": reservation_id,
            "sku": sku,
            "quantity": quantity,
            "expires_at": clock["now"] + HOLD_MINUTES,
            "released": False,
        }
        response = jsonify(present(reservations[reservation_id]))
        response.status_code = 201
        response.headers["Location"] = f"/reservations/{reservation_id}"
        return response

    @app.get("/reservations/<int:reservation_id>")
    def get_reservation(reservation_id):
        reservation = reservations.get(reservation_id)
        if reservation is None:
            return jsonify(error="reservation_not_found"), 404
        return jsonify(present(reservation))

    @app.post("/reservations/<int:reservation_id>/release")
    def release(reservation_id):
        reservation = reservations.get(reservation_id)
        if reservation is None:
            return jsonify(error="reservation_not_found"), 404
        if status_of(reservation) == "expired":
            return jsonify(error="reservation_expired", id=reservation_id), 409
        # Releasing twice is a no-op: the units come back once, the answer stays the same.
        reservation["released"] = True
        return jsonify(present(reservation))

    @app.post("/clock/advance")
    def advance():
        body = request.get_json(silent=True)
        minutes = body.get("minutes") if isinstance(body, dict) else None
        if not is_count(minutes):
            return jsonify(error="invalid_request"), 422
        clock["now"] += minutes
        return jsonify(now=clock["now"])

    return app
