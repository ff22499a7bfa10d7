from flask import Flask, jsonify, request

# Minor-unit exponent of each currency we support: 1 EUR = 100 cents, 1 JPY = 1 yen.
EXPONENTS = {"EUR": 2, "USD": 2, "GBP": 2, "JPY": 0}
OPENING_BALANCES = {
    "acc_alice": ("EUR", 10000),
    "acc_bob": ("EUR", 2500),
    "acc_carol": ("USD", 5000),
    "acc_dave": ("JPY", 300),
    "acc_erin": ("JPY", 0),
}


def format_minor(amount, currency):
    """12345 EUR -> "123.45"; 300 JPY -> "300". Integer arithmetic only."""
    exponent = EXPONENTS[currency]
    if exponent == 0:
        return str(amount)
    major, minor = divmod(amount, 10**exponent)
    return f"{major}.{minor:0{exponent}d}"


def error(status, code, message, **extra):
    return jsonify(code=code, message=message, **extra), status


def create_app():
    app = Flask(__name__)
    accounts = {
        account_id: {"currency": currency, "balance": balance}
        for account_id, (currency, balance) in OPENING_BALANCES.items()
    }
    transfers = {}

    def present_account(account_id):
        account = accounts[account_id]
        return {
            "account_id": account_id,
            "currency": account["currency"],
            "balance": account["balance"],
            "formatted": format_minor(account["balance"], account["currency"]),
        }

    @app.get("/accounts/<account_id>")
    def get_account(account_id):
        if account_id not in accounts:
            return error(404, "account_not_found", "No such account.")
        return jsonify(present_account(account_id))

    @app.get("/balances")
    def balances():
        return jsonify(balances=[present_account(a) for a in sorted(accounts)])

    @app.post("/transfers")
    def create_transfer():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return error(400, "invalid_json", "The body must be a JSON object.")
        amount = body.get("amount")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            return error(
                422, "invalid_amount", "amount must be a positive integer number of minor units."
            )
        currency = body.get("currency")
        if currency not in EXPONENTS:
            return error(422, "unknown_currency", "currency must be one of EUR, USD, GBP, JPY.")
        source, target = body.get("from_account"), body.get("to_account")
        for account_id in (source, target):
            if not isinstance(account_id, str) or account_id not in accounts:
                return error(422, "unknown_account", "Unknown account.")
        if source == target:
            return error(422, "same_account", "Source and destination must differ.")
        available = accounts[source]["balance"]
        if amount > available:
            return error(
                422,
                "insufficient_funds",
                "Not enough money in the source account.",
                available=available,
            )
        # Every check has passed: only now touch the balances, both legs together.
        accounts[source]["balance"] -= amount
        accounts[target]["balance"] += amount
        transfer_id = len(transfers) + 1
        transfers[transfer_id] = {
            "id": transfer_id,
            "from_account": source,
            "to_account": target,
            "amount": amount,
            "currency": currency,
            "status": "completed",
        }
        response = jsonify(transfers[transfer_id])
        response.status_code = 201
        response.headers["Location"] = f"/transfers/{transfer_id}"
        return response

    @app.get("/transfers/<int:transfer_id>")
    def get_transfer(transfer_id):
        transfer = transfers.get(transfer_id)
        if transfer is None:
            return error(404, "transfer_not_found", "No such transfer.")
        return jsonify(transfer)

    return app
