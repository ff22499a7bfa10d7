from flask import Flask, jsonify, request

PLANS = {"free": (3, 60), "pro": (5, 10)}  # plan: (limit, window in seconds)
KEYS = {"key_free_alpha": "free", "key_free_beta": "free", "key_pro_gamma": "pro"}
RATES = {"EUR-USD": "1.0842", "GBP-USD": "1.2710", "EUR-GBP": "0.8531"}


def create_app():
    app = Flask(__name__)

    @app.get("/v1/quotes/<pair>")
    def quote(pair):
        key = request.headers.get("X-Api-Key")
        if key not in KEYS:
            return jsonify(error="invalid_api_key"), 401, {"WWW-Authenticate": "ApiKey"}
        # TODO: read X-Clock, count requests per key and fixed window, answer 429 with
        # Retry-After when the quota is used up, and send the RateLimit-* headers.
        if pair not in RATES:
            return jsonify(error="unknown_pair"), 404
        return jsonify(pair=pair, rate=RATES[pair])

    return app
