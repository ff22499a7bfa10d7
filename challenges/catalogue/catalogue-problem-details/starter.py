from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    products = {}

    # TODO: every error must be an application/problem+json document (type, title, status,
    # detail, instance), including the framework's own 404 and 405 pages.

    @app.post("/products")
    def create_product():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(error="bad request"), 400
        # TODO: validate every field and report all the broken rules at once.
        if body.get("sku") in products:
            return jsonify(error="duplicate"), 409
        products[body.get("sku")] = body
        return jsonify(body), 201, {"Location": f"/products/{body.get('sku')}"}

    @app.get("/products/<sku>")
    def get_product(sku):
        if sku not in products:
            return jsonify(error="not found"), 404
        return jsonify(products[sku])

    return app
