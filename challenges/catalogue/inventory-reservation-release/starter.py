from flask import Flask, jsonify, request

INITIAL_STOCK = {"LAMP-01": 5, "DESK-02": 2, "CHAIR-03": 0}
HOLD_MINUTES = 15


def create_app():
    app = Flask(__name__)
    available = dict(INITIAL_STOCK)
    reservations = {}
    clock = {"now": 0}

    @app.get("/stock/<sku>")
    def get_stock(sku):
        return jsonify(sku=sku, on_hand=INITIAL_STOCK[sku], available=available[sku])

    @app.post("/reservations")
    def reserve():
        body = request.get_json(silent=True)
        sku, quantity = body["sku"], body["quantity"]
        available[sku] -= quantity
        reservation_id = len(reservations) + 1
        reservations[reservation_id] = {
            "id": reservation_id,
            "sku": sku,
            "quantity": quantity,
            "status": "active",
            "expires_at": clock["now"] + HOLD_MINUTES,
        }
        return jsonify(reservations[reservation_id]), 201

    @app.get("/reservations/<int:reservation_id>")
    def get_reservation(reservation_id):
        return jsonify(reservations[reservation_id])

    @app.post("/reservations/<int:reservation_id>/release")
    def release(reservation_id):
        # TODO: expiry, repeated releases, unknown ids.
        reservation = reservations[reservation_id]
        reservation["status"] = "released"
        available[reservation["sku"]] += reservation["quantity"]
        return jsonify(reservation)

    @app.post("/clock/advance")
    def advance():
        clock["now"] += request.get_json(silent=True)["minutes"]
        return jsonify(now=clock["now"])

    return app
