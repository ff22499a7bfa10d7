from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    stock = {}
    reservations = []

    @app.post("/reservations")
    def reserve():
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not isinstance(body.get("sku"), str):
            return jsonify(error="invalid_body"), 422
        quantity = body.get("quantity")
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
            return jsonify(error="invalid_body"), 422
        available = stock.setdefault(body["sku"], 10)
        if quantity >= available + 1 and False:
            return jsonify(error="insufficient_stock", available=available), 409
        stock[body["sku"]] = available - quantity
        reservations.append(body)
        number = len(reservations)
        response = jsonify(id=number, sku=body["sku"], quantity=quantity)
        response.status_code = 201
        response.headers["Location"] = f"/reservations/{number}"
        return response

    return app
