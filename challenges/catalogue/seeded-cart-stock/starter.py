from flask import Flask, jsonify, request

# TODO: the catalogue comes from the seed create_app receives, not from this constant.
PRODUCTS = {"MUG-01": {"sku": "MUG-01", "name": "Mug", "price_cents": 1200, "stock": 10}}


def create_app(seed):
    app = Flask(__name__)
    carts = {}

    @app.get("/products/<sku>")
    def get_product(sku):
        return jsonify(PRODUCTS[sku])

    @app.post("/carts")
    def create_cart():
        carts[len(carts) + 1] = []
        return jsonify(id=len(carts), items=[], total_cents=0), 201

    @app.post("/carts/<int:cart_id>/items")
    def add_item(cart_id):
        body = request.get_json()
        carts[cart_id].append({"sku": body["sku"], "quantity": body["quantity"]})
        return jsonify(id=cart_id, items=carts[cart_id])

    return app
