DEBIT_NORMAL = {"asset", "expense"}


def valid_amount(amount):
    return isinstance(amount, int) and amount > 0


class Ledger:
    """A double-entry ledger; every amount is an integer number of minor units (cents)."""

    def __init__(self, accounts):
        self.accounts = dict(accounts)  # name -> asset | liability | equity | income | expense
        self.debits = dict.fromkeys(accounts, 0)
        self.credits = dict.fromkeys(accounts, 0)
        self.posted = set()

    def _rejection(self, txn_id, entries):
        if txn_id in self.posted:
            return "duplicate_transaction"
        if len(entries) < 2:
            return "too_few_entries"
        if any(entry["account"] not in self.accounts for entry in entries):
            return "unknown_account"
        if any(entry["side"] not in ("debit", "credit") for entry in entries):
            return "invalid_side"
        if not all(valid_amount(entry["amount"]) for entry in entries):
            return "invalid_amount"
        debit = sum(e["amount"] for e in entries if e["side"] == "debit")
        credit = sum(e["amount"] for e in entries if e["side"] == "credit")
        if debit != credit:
            return "unbalanced"
        return None

    def post(self, txn_id, entries):
        reason = self._rejection(txn_id, entries)
        if reason:
            return {"ok": False, "reason": reason}
        for entry in entries:
            totals = self.debits if entry["side"] == "debit" else self.credits
            totals[entry["account"]] += entry["amount"]
        self.posted.add(txn_id)
        return {"ok": True}

    def balance(self, account):
        net_debit = self.debits[account] - self.credits[account]
        return net_debit if self.accounts[account] in DEBIT_NORMAL else -net_debit

    def trial_balance(self):
        rows = []
        for name in sorted(self.accounts):
            net_debit = self.debits[name] - self.credits[name]
            rows.append(
                {
                    "account": name,
                    "debit": max(net_debit, 0),
                    "credit": max(-net_debit, 0),
                }
            )
        return {
            "rows": rows,
            "total_debit": sum(row["debit"] for row in rows),
            "total_credit": sum(row["credit"] for row in rows),
        }
