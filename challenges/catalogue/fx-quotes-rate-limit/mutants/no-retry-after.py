from flask import Flask, jsonify, make_response, request

PLANS = {"free": (3, 60), "pro": (5, 10)}  # plan: (limit, window in seconds)
KEYS = {"key_free_alpha": "free", "key_free_beta": "free", "key_pro_gamma": "pro"}
RATES = {"EUR-USD": "1.0842", "GBP-USD": "1.2710", "EUR-GBP": "0.8531"}


def create_app():
    app = Flask(__name__)
    counters = {}  # (api key, window start) -> counted requests

    @app.get("/v1/quotes/<pair>")
    def quote(pair):
        key = request.headers.get("X-Api-Key")
        if key not in KEYS:
            return jsonify(error="invalid_api_key"), 401, {"WWW-Authenticate": "ApiKey"}
        clock = request.headers.get("X-Clock", "")
        if not (clock.isascii() and clock.isdigit()):
            return jsonify(error="invalid_clock"), 400
        now = int(clock)

        limit, window = PLANS[KEYS[key]]
        start = now - now % window
        reset = start + window - now
        used = counters.get((key, start), 0)
        headers = {"RateLimit-Limit": str(limit), "RateLimit-Reset": str(reset)}

        if used >= limit:
            headers.update({"RateLimit-Remaining": "0"})
            body = jsonify(error="rate_limited", retry_after=reset)
            return make_response(body, 429, headers)

        counters[(key, start)] = used + 1
        headers["RateLimit-Remaining"] = str(limit - used - 1)
        if pair not in RATES:
            return make_response(jsonify(error="unknown_pair"), 404, headers)
        return make_response(jsonify(pair=pair, rate=RATES[pair]), 200, headers)

    return app
