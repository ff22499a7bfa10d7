from flask import Flask, jsonify


def create_app(seed):
    app = Flask(__name__)

    @app.get("/wallets/<wallet_id>")
    def get_wallet(wallet_id):
        return jsonify(error="not_found"), 404

    return app
