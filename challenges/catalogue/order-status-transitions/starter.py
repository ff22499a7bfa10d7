from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    orders = {}

    @app.post("/orders")
    def create_order():
        body = request.get_json(silent=True) or {}
        order_id = len(orders) + 1
        orders[order_id] = {
            "id": order_id,
            "customer": body.get("customer"),
            "status": "pending",
            "history": ["pending"],
        }
        return jsonify(orders[order_id]), 201

    @app.get("/orders/<int:order_id>")
    def get_order(order_id):
        return jsonify(orders[order_id])

    @app.post("/orders/<int:order_id>/transitions")
    def transition(order_id):
        # TODO: enforce the lifecycle; for now any status is accepted.
        body = request.get_json(silent=True) or {}
        order = orders[order_id]
        order["status"] = body.get("to")
        order["history"].append(body.get("to"))
        return jsonify(order)

    return app
