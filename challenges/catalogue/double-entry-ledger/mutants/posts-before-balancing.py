DEBIT_NORMAL = {"asset", "expense"}


class Ledger:
    # Wrong: entries are applied one by one while validating, so a transaction rejected as
    # unbalanced has already moved money.

    def __init__(self, accounts):
        self.accounts = dict(accounts)
        self.debits = dict.fromkeys(accounts, 0)
        self.credits = dict.fromkeys(accounts, 0)
        self.posted = set()

    def post(self, txn_id, entries):
        if txn_id in self.posted:
            return {"ok": False, "reason": "duplicate_transaction"}
        if len(entries) < 2:
            return {"ok": False, "reason": "too_few_entries"}
        if any(entry["account"] not in self.accounts for entry in entries):
            return {"ok": False, "reason": "unknown_account"}
        if any(entry["side"] not in ("debit", "credit") for entry in entries):
            return {"ok": False, "reason": "invalid_side"}
        for entry in entries:
            amount = entry["amount"]
            if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
                return {"ok": False, "reason": "invalid_amount"}
        difference = 0
        for entry in entries:
            totals = self.debits if entry["side"] == "debit" else self.credits
            totals[entry["account"]] += entry["amount"]
            difference += entry["amount"] if entry["side"] == "debit" else -entry["amount"]
        if difference:
            return {"ok": False, "reason": "unbalanced"}
        self.posted.add(txn_id)
        return {"ok": True}

    def balance(self, account):
        net_debit = self.debits[account] - self.credits[account]
        return net_debit if self.accounts[account] in DEBIT_NORMAL else -net_debit

    def trial_balance(self):
        rows = []
        for name in sorted(self.accounts):
            net_debit = self.debits[name] - self.credits[name]
            rows.append({"account": name, "debit": max(net_debit, 0), "credit": max(-net_debit, 0)})
        return {
            "rows": rows,
            "total_debit": sum(row["debit"] for row in rows),
            "total_credit": sum(row["credit"] for row in rows),
        }
