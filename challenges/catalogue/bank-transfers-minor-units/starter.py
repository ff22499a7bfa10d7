from flask import Flask, jsonify, request

OPENING_BALANCES = {
    "acc_alice": ("EUR", 10000),
    "acc_bob": ("EUR", 2500),
    "acc_carol": ("USD", 5000),
    "acc_dave": ("JPY", 300),
    "acc_erin": ("JPY", 0),
}


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
            "formatted": f"{account['balance'] / 100:.2f}",
        }

    @app.get("/accounts/<account_id>")
    def get_account(account_id):
        return jsonify(present_account(account_id))

    @app.get("/balances")
    def balances():
        return jsonify(balances=[present_account(a) for a in sorted(accounts)])

    @app.post("/transfers")
    def create_transfer():
        # TODO: validation, error codes, insufficient funds.
        body = request.get_json(silent=True)
        accounts[body["from_account"]]["balance"] -= body["amount"]
        accounts[body["to_account"]]["balance"] += body["amount"]
        transfer_id = len(transfers) + 1
        transfers[transfer_id] = dict(body, id=transfer_id, status="completed")
        return jsonify(transfers[transfer_id]), 201

    @app.get("/transfers/<int:transfer_id>")
    def get_transfer(transfer_id):
        return jsonify(transfers[transfer_id])

    return app
