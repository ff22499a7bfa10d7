from flask import Flask, jsonify, request

INITIAL_STOCK = {"LAMP-01": 5, "DESK-02": 2, "CHAIR-03": 0}
HOLD_MINUTES = 15


def is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def create_app():
    app = Flask(__name__)
    reserved = dict.fromkeys(INITIAL_STOCK, 0)
    reservations = {}
    clock = {"now": 0}

    def sweep():
        for reservation in reservations.values():
            if reservation["status"] == "active" and clock["now"] >= reservation["expires_at"]:
                reservation["status"] = "expired"
                reserved[reservation["sku"]] -= reservation["quantity"]

    @app.get("/stock/<sku>")
    def get_stock(sku):
        if sku not in INITIAL_STOCK:
            return jsonify(error="unknown_sku"), 404
        sweep()
        return jsonify(
            sku=sku,
            on_hand=INITIAL_STOCK[sku],
            reserved=reserved[sku],
            available=INITIAL_STOCK[sku] - reserved[sku],
        )

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
        if sku not in INITIAL_STOCK:
            return jsonify(error="unknown_sku"), 404
        sweep()
        available = INITIAL_STOCK[sku] - reserved[sku]
        if quantity > available:
            return jsonify(
                error="insufficient_stock", sku=sku, requested=quantity, available=available
            ), 409
        reserved[sku] += quantity
        reservation_id = len(reservations) + 1
        reservations[reservation_id] = {
            "id": reservation_id,
            "sku": sku,
            "quantity": quantity,
            "status": "active",
            "expires_at": clock["now"] + HOLD_MINUTES,
        }
        response = jsonify(reservations[reservation_id])
        response.status_code = 201
        response.headers["Location"] = f"/reservations/{reservation_id}"
        return response

    @app.get("/reservations/<int:reservation_id>")
    def get_reservation(reservation_id):
        sweep()
        reservation = reservations.get(reservation_id)
        if reservation is None:
            return jsonify(error="reservation_not_found"), 404
        return jsonify(reservation)

    @app.post("/reservations/<int:reservation_id>/release")
    def release(reservation_id):
        sweep()
        reservation = reservations.get(reservation_id)
        if reservation is None:
            return jsonify(error="reservation_not_found"), 404
        if reservation["status"] == "expired":
            return jsonify(error="reservation_expired", id=reservation_id), 409
        reservation["status"] = "released"
        reserved[reservation["sku"]] -= reservation["quantity"]
        return jsonify(reservation)

    @app.post("/clock/advance")
    def advance():
        body = request.get_json(silent=True)
        minutes = body.get("minutes") if isinstance(body, dict) else None
        if not is_count(minutes):
            return jsonify(error="invalid_request"), 422
        clock["now"] += minutes
        return jsonify(now=clock["now"])

    return app
