import copy

from flask import Flask, jsonify, request

SEED = {
    "id": 42,
    "email": "lena.fischer@example.com",
    "display_name": "Lena",
    "phone": "+44 113 496 0123",
    "marketing_opt_in": False,
    "address": {
        "line1": "1 Market Street",
        "line2": "Flat 2",
        "city": "Leeds",
        "postcode": "LS1 4DY",
        "country": "GB",
    },
    "preferences": {"newsletter": "weekly", "language": "en"},
    "interests": ["running", "coffee"],
    "created_at": "2023-05-14T09:30:00Z",
    "loyalty_points": 120,
}


def create_app():
    app = Flask(__name__)
    customers = {SEED["id"]: copy.deepcopy(SEED)}

    @app.get("/customers/<int:customer_id>")
    def get_customer(customer_id):
        if customer_id not in customers:
            return jsonify(error="customer_not_found"), 404
        return jsonify(customers[customer_id])

    @app.patch("/customers/<int:customer_id>")
    def patch_customer(customer_id):
        if customer_id not in customers:
            return jsonify(error="customer_not_found"), 404
        # TODO: require application/merge-patch+json, merge recursively (null removes),
        # reject unknown and read-only members, validate the result before saving.
        body = request.get_json(force=True, silent=True) or {}
        customers[customer_id].update(body)
        return jsonify(customers[customer_id])

    @app.put("/customers/<int:customer_id>")
    def put_customer(customer_id):
        if customer_id not in customers:
            return jsonify(error="customer_not_found"), 404
        # TODO: replace the whole profile (keeping the read-only members), with validation.
        body = request.get_json(silent=True) or {}
        customers[customer_id].update(body)
        return jsonify(customers[customer_id])

    return app
