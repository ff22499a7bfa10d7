import uuid

from flask import Flask, jsonify


def create_app(seed):
    app = Flask(__name__)
    wallets = {wallet["id"]: wallet for wallet in seed.get("wallets", [])}

    @app.get("/wallets/<wallet_id>")
    def get_wallet(wallet_id):
        wallet = wallets.get(wallet_id)
        if wallet is None:
            return jsonify(error="not_found"), 404
        return jsonify(
            id=wallet["id"],
            balance=wallet["balance"],
            currency=wallet["currency"],
            owner=wallet["owner"],
            meta={"version": 1, "request_id": uuid.uuid4().hex},
        )

    return app
