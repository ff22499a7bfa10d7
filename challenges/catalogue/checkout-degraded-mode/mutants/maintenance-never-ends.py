from flask import Flask, jsonify, make_response, request

ADMIN_HEADER = ("X-Admin-Token", "ops-7c1d")
CRITICAL = ("database",)
PRODUCTS = {
    1: {"id": 1, "name": "Espresso tamper", "price_cents": 3500},
    2: {"id": 2, "name": "Milk jug 600 ml", "price_cents": 1800},
    3: {"id": 3, "name": "Knock box", "price_cents": 2400},
}
RECOMMENDATIONS = {1: [2, 3], 2: [1], 3: []}
DB_RETRY_AFTER = 30


def create_app():
    app = Flask(__name__)
    dependencies = {"database": "up", "recommendations": "up"}
    maintenance = {"ends_at": None}
    orders = []

    def now():
        return int(request.headers["X-Clock"])

    def in_maintenance():
        ends_at = maintenance["ends_at"]
        return ends_at is not None

    def unavailable(code, retry_after):
        response = make_response(jsonify(error=code), 503)
        response.headers["Retry-After"] = str(retry_after)
        return response

    def database_down():
        return dependencies["database"] == "down"

    @app.get("/health/live")
    def live():
        # Liveness says "this process works", never "my dependencies work": failing it on a
        # database outage makes the orchestrator restart every healthy instance at once.
        return jsonify(status="ok")

    @app.get("/health/ready")
    def ready():
        ok = all(dependencies[name] == "up" for name in CRITICAL)
        body = {
            "status": "ready" if ok else "not_ready",
            "checks": dict(dependencies),
            "maintenance": in_maintenance(),
        }
        return jsonify(body), 200 if ok else 503

    @app.get("/products/<int:product_id>")
    def product(product_id):
        if database_down():
            return unavailable("unavailable", DB_RETRY_AFTER)
        if product_id not in PRODUCTS:
            return jsonify(error="not_found"), 404
        body = dict(PRODUCTS[product_id])
        if dependencies["recommendations"] == "up":
            body.update(recommendations=RECOMMENDATIONS[product_id], degraded=[])
        else:
            body.update(recommendations=[], degraded=["recommendations"])
        return jsonify(body)

    @app.post("/orders")
    def place_order():
        if in_maintenance():
            return unavailable("maintenance", maintenance["ends_at"] - now())
        if database_down():
            return unavailable("unavailable", DB_RETRY_AFTER)
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(error="invalid_order"), 422
        product_id, quantity = body.get("product_id"), body.get("quantity")
        if (
            type(product_id) is not int
            or product_id not in PRODUCTS
            or type(quantity) is not int
            or not 1 <= quantity <= 10
        ):
            return jsonify(error="invalid_order"), 422
        order = {
            "id": len(orders) + 1,
            "product_id": product_id,
            "quantity": quantity,
            "total_cents": PRODUCTS[product_id]["price_cents"] * quantity,
        }
        orders.append(order)
        return jsonify(order), 201

    def admin_denied():
        if request.headers.get(ADMIN_HEADER[0]) != ADMIN_HEADER[1]:
            return jsonify(error="unauthorized"), 401
        return None

    @app.put("/admin/maintenance")
    def start_maintenance():
        denied = admin_denied()
        if denied:
            return denied
        body = request.get_json(silent=True)
        ends_at = body.get("ends_at") if isinstance(body, dict) else None
        if type(ends_at) is not int or ends_at <= now():
            return jsonify(error="invalid_maintenance"), 422
        maintenance["ends_at"] = ends_at
        return jsonify(maintenance={"ends_at": ends_at})

    @app.delete("/admin/maintenance")
    def end_maintenance():
        denied = admin_denied()
        if denied:
            return denied
        maintenance["ends_at"] = None
        return "", 204

    @app.put("/admin/dependencies/<name>")
    def set_dependency(name):
        denied = admin_denied()
        if denied:
            return denied
        if name not in dependencies:
            return jsonify(error="not_found"), 404
        body = request.get_json(silent=True)
        status = body.get("status") if isinstance(body, dict) else None
        if status not in ("up", "down"):
            return jsonify(error="invalid_status"), 422
        dependencies[name] = status
        return jsonify(name=name, status=status)

    return app
