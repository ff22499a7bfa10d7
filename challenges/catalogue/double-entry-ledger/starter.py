class Ledger:
    """A double-entry ledger; every amount is an integer number of minor units (cents)."""

    def __init__(self, accounts):
        self.accounts = dict(accounts)
        self.balances = dict.fromkeys(accounts, 0)

    def post(self, txn_id, entries):
        """Post a transaction: {"ok": True}, or {"ok": False, "reason": ...} and no change."""
        # Your code here: nothing is validated yet.
        for entry in entries:
            self.balances[entry["account"]] += entry["amount"]
        return {"ok": True}

    def balance(self, account):
        return self.balances[account]

    def trial_balance(self):
        return {"rows": [], "total_debit": 0, "total_credit": 0}
