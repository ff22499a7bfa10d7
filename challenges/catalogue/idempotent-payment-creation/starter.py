from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    payments = {}

    @app.post("/payments")
    def create_payment():
        # TODO: honour the Idempotency-Key header and validate the body.
        body = request.get_json(silent=True)
        payment_id = len(payments) + 1
        payments[payment_id] = {
            "id": payment_id,
            "amount": body.get("amount"),
            "currency": body.get("currency"),
            "customer_id": body.get("customer_id"),
            "status": "succeeded",
        }
        response = jsonify(payments[payment_id])
        response.status_code = 201
        response.headers["Location"] = f"/payments/{payment_id}"
        return response

    @app.get("/payments")
    def list_payments():
        return jsonify(payments=list(payments.values()))

    @app.get("/payments/<int:payment_id>")
    def get_payment(payment_id):
        return jsonify(payments[payment_id])

    @app.post("/payments/<int:payment_id>/refund")
    def refund(payment_id):
        payments[payment_id]["status"] = "refunded"
        return jsonify(payments[payment_id])

    return app
