import base64
import binascii
import re

from flask import Flask, jsonify, request

DEFAULT_LIMIT, MAX_LIMIT = 10, 50
LIMIT = re.compile(r"[0-9]+")
CURSOR = re.compile(r"v1:([0-9]+)")


def encode_cursor(last_id):
    """Opaque to clients: a versioned position, base64url-encoded."""
    return base64.urlsafe_b64encode(f"v1:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor):
    """The id the previous page ended at, or None if this isn't one of our cursors."""
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
        match = CURSOR.fullmatch(raw.decode("ascii"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(match.group(1)) if match else None


def parse_limit(value):
    if value is None:
        return DEFAULT_LIMIT
    if not LIMIT.fullmatch(value) or int(value) < 1:
        return None
    return min(int(value), MAX_LIMIT)


def create_app():
    app = Flask(__name__)
    orders = {}
    next_id = [1]

    @app.post("/orders")
    def create_order():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(error="invalid_order"), 422
        customer, total = body.get("customer"), body.get("total_cents")
        if (
            not isinstance(customer, str)
            or not customer.strip()
            or not isinstance(total, int)
            or isinstance(total, bool)
            or total < 0
        ):
            return jsonify(error="invalid_order"), 422
        order_id = next_id[0]
        next_id[0] += 1
        orders[order_id] = {"id": order_id, "customer": customer, "total_cents": total}
        response = jsonify(orders[order_id])
        response.status_code = 201
        response.headers["Location"] = f"/orders/{order_id}"
        return response

    @app.get("/orders")
    def list_orders():
        limit = parse_limit(request.args.get("limit"))
        if limit is None:
            return jsonify(error="invalid_limit"), 400
        before = None
        if "cursor" in request.args:
            before = decode_cursor(request.args["cursor"])
            if before is None:
                return jsonify(error="invalid_cursor"), 400
        # Keyset pagination: newest first, strictly below the last id already served. New
        # orders get higher ids, so they can't shift the pages that follow; deleted ones just
        # drop out.
        ids = sorted((i for i in orders if before is None or i < before), reverse=True)
        page = [orders[i] for i in ids[:limit]]
        has_more = len(ids) > limit
        return jsonify(
            orders=page,
            next_cursor=encode_cursor(page[-1]["id"]) if has_more else None,
        )

    @app.get("/orders/<int:order_id>")
    def get_order(order_id):
        order = orders.get(order_id)
        if order is None:
            return jsonify(error="order_not_found"), 404
        return jsonify(order)

    @app.delete("/orders/<int:order_id>")
    def delete_order(order_id):
        if orders.pop(order_id, None) is None:
            return jsonify(error="order_not_found"), 404
        return "", 204

    return app
