class InsufficientFunds(ValueError):
    pass


class Wallet:
    def __init__(self, balance):
        if balance < 0:
            raise ValueError("the opening balance can't be negative")
        self.balance = balance
        self.holds = {}

    def hold(self, ref, amount):
        if amount > self.available:
            raise ValueError(f"available {self.available} < {amount}")
        self.holds[ref] = self.holds.get(ref, 0) + amount
        return self.available

    def release(self, ref):
        return self.holds.pop(ref)

    @property
    def available(self):
        return self.balance - sum(self.holds.values())
