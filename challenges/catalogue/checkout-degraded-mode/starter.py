from flask import Flask, jsonify, request

PRODUCTS = {
    1: {"id": 1, "name": "Espresso tamper", "price_cents": 3500},
    2: {"id": 2, "name": "Milk jug 600 ml", "price_cents": 1800},
    3: {"id": 3, "name": "Knock box", "price_cents": 2400},
}
RECOMMENDATIONS = {1: [2, 3], 2: [1], 3: []}


def create_app():
    app = Flask(__name__)
    dependencies = {"database": "up", "recommendations": "up"}
    orders = []

    @app.get("/health/live")
    def live():
        return jsonify(status="ok")

    @app.get("/products/<int:product_id>")
    def product(product_id):
        if any(status == "down" for status in dependencies.values()):
            return jsonify(error="unavailable"), 500
        body = dict(PRODUCTS[product_id])
        body["recommendations"] = RECOMMENDATIONS[product_id]
        return jsonify(body)

    @app.post("/orders")
    def place_order():
        body = request.get_json(silent=True) or {}
        product = PRODUCTS[body["product_id"]]
        order = {
            "id": len(orders) + 1,
            "product_id": product["id"],
            "quantity": body["quantity"],
            "total_cents": product["price_cents"] * body["quantity"],
        }
        orders.append(order)
        return jsonify(order), 201

    @app.put("/admin/dependencies/<name>")
    def set_dependency(name):
        dependencies[name] = (request.get_json(silent=True) or {}).get("status")
        return jsonify(name=name, status=dependencies[name])

    # Maintenance mode and readiness: still to write.

    return app
