from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    orders = {}

    @app.post("/orders")
    def create_order():
        body = request.get_json(silent=True)
        order_id = len(orders) + 1
        orders[order_id] = {
            "id": order_id,
            "customer": body["customer"],
            "total_cents": body["total_cents"],
        }
        response = jsonify(orders[order_id])
        response.status_code = 201
        response.headers["Location"] = f"/orders/{order_id}"
        return response

    @app.get("/orders")
    def list_orders():
        # TODO: a real cursor. This one is a page offset, with no validation at all.
        limit = int(request.args.get("limit", 10))
        offset = int(request.args.get("cursor", 0))
        newest_first = sorted(orders.values(), key=lambda o: o["id"], reverse=True)
        page = newest_first[offset : offset + limit]
        return jsonify(orders=page, next_cursor=str(offset + limit))

    @app.get("/orders/<int:order_id>")
    def get_order(order_id):
        return jsonify(orders[order_id])

    @app.delete("/orders/<int:order_id>")
    def delete_order(order_id):
        del orders[order_id]
        return "", 204

    return app
