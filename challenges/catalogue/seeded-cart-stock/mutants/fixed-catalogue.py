from flask import Flask, jsonify, request


def create_app(seed):
    app = Flask(__name__)
    products = {
        "MUG-01": {"sku": "MUG-01", "name": "Enamel mug", "price_cents": 1200, "stock": 5},
        "TEE-M": {"sku": "TEE-M", "name": "T-shirt, M", "price_cents": 2500, "stock": 2},
    }
    carts = {}

    def cart_body(cart_id):
        items = [
            {
                "sku": line["sku"],
                "quantity": line["quantity"],
                "line_cents": line["quantity"] * products[line["sku"]]["price_cents"],
            }
            for line in carts[cart_id]
        ]
        return {
            "id": cart_id,
            "items": items,
            "total_cents": sum(item["line_cents"] for item in items),
        }

    @app.get("/products/<sku>")
    def get_product(sku):
        if sku not in products:
            return jsonify(error="not_found"), 404
        return jsonify(products[sku])

    @app.post("/carts")
    def create_cart():
        cart_id = len(carts) + 1
        carts[cart_id] = []
        return jsonify(cart_body(cart_id)), 201

    @app.get("/carts/<int:cart_id>")
    def get_cart(cart_id):
        if cart_id not in carts:
            return jsonify(error="not_found"), 404
        return jsonify(cart_body(cart_id))

    @app.post("/carts/<int:cart_id>/items")
    def add_item(cart_id):
        if cart_id not in carts:
            return jsonify(error="not_found"), 404
        body = request.get_json(silent=True)
        body = body if isinstance(body, dict) else {}
        quantity = body.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            return jsonify(error="validation_failed", field="quantity"), 422
        sku = body.get("sku")
        if not isinstance(sku, str) or sku not in products:
            return jsonify(error="unknown_sku"), 422
        line = next((line for line in carts[cart_id] if line["sku"] == sku), None)
        in_cart = line["quantity"] if line else 0
        available = products[sku]["stock"] - in_cart
        if quantity > available:
            return jsonify(error="insufficient_stock", available=available), 409
        if line:
            line["quantity"] += quantity
        else:
            carts[cart_id].append({"sku": sku, "quantity": quantity})
        return jsonify(cart_body(cart_id))

    return app
