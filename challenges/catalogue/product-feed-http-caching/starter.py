from flask import Flask, jsonify, request

SEED = [
    # id, English name, German name, price in cents, updated_at (Unix seconds)
    (1, "Gooseneck kettle", "Schwanenhalskessel", 6900, 1767225600),
    (2, "Conical burr grinder", "Kegelmahlwerk", 12900, 1767312000),
    (3, "Ceramic pour-over dripper", "Keramik-Handfilter", 2600, 1767398400),
]


def create_app():
    app = Flask(__name__)
    products = {
        pid: {"names": {"en": en, "de": de}, "price_cents": price, "updated_at": updated}
        for pid, en, de, price, updated in SEED
    }

    def represent(pid):
        product = products[pid]
        return {"id": pid, "name": product["names"]["en"], "price_cents": product["price_cents"]}

    # No validators and no Cache-Control yet: every client downloads everything, every time.
    @app.get("/products")
    def feed():
        body = {
            "generated_at": int(request.headers["X-Clock"]),
            "products": [represent(pid) for pid in sorted(products)],
        }
        return jsonify(body)

    @app.get("/products/<int:pid>")
    def product(pid):
        if pid not in products:
            return jsonify(error="not_found"), 404
        return jsonify(represent(pid))

    @app.patch("/products/<int:pid>")
    def reprice(pid):
        body = request.get_json(silent=True) or {}
        products[pid]["price_cents"] = body.get("price_cents")
        products[pid]["updated_at"] = int(request.headers["X-Clock"])
        return jsonify(represent(pid))

    return app
