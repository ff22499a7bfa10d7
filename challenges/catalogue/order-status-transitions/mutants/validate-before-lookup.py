from flask import Flask, jsonify, request

# The lifecycle as data: each status and the statuses it may move to.
ALLOWED = {
    "pending": ["paid", "cancelled"],
    "paid": ["shipped", "cancelled"],
    "shipped": ["delivered"],
    "delivered": [],
    "cancelled": [],
}


def create_app():
    app = Flask(__name__)
    orders = {}

    def present(order):
        return {
            "id": order["id"],
            "customer": order["customer"],
            "status": order["history"][-1],
            "history": list(order["history"]),
        }

    @app.post("/orders")
    def create_order():
        body = request.get_json(silent=True)
        customer = body.get("customer") if isinstance(body, dict) else None
        if not isinstance(customer, str) or not customer.strip():
            return jsonify(error="invalid_order"), 422
        order_id = len(orders) + 1
        orders[order_id] = {"id": order_id, "customer": customer, "history": ["pending"]}
        response = jsonify(present(orders[order_id]))
        response.status_code = 201
        response.headers["Location"] = f"/orders/{order_id}"
        return response

    @app.get("/orders/<int:order_id>")
    def get_order(order_id):
        order = orders.get(order_id)
        if order is None:
            return jsonify(error="order_not_found"), 404
        return jsonify(present(order))

    @app.post("/orders/<int:order_id>/transitions")
    def transition(order_id):
        body = request.get_json(silent=True)
        target = body.get("to") if isinstance(body, dict) else None
        if not isinstance(target, str) or target not in ALLOWED:
            return jsonify(error="unknown_status"), 422
        order = orders.get(order_id)
        if order is None:
            return jsonify(error="order_not_found"), 404
        current = order["history"][-1]
        if target not in ALLOWED[current]:
            return jsonify(
                error="illegal_transition",
                current_status=current,
                requested=target,
                allowed=ALLOWED[current],
            ), 409
        order["history"].append(target)
        return jsonify(present(order))

    return app
