class CardBlocked(PermissionError):
    """The fraud team blocked this card: nothing can be redeemed until it is unblocked."""


class InsufficientBalance(ValueError):
    """The card holds less than the amount asked for."""


def _is_cents(value):
    # bool is a subclass of int: True must not redeem one cent.
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


class GiftCard:
    def __init__(self, code, balance):
        if not _is_cents(balance):
            raise ValueError("the opening balance must be a whole number of cents above 0")
        self.code = code
        self.balance = balance
        self.blocked = False
        self.history = []

    def redeem(self, amount):
        if not _is_cents(amount):
            raise ValueError("the amount must be a whole number of cents above 0")
        if amount > self.balance:
            raise InsufficientBalance(f"card {self.code} has {self.balance}, needs {amount}")
        if self.blocked:
            raise CardBlocked(f"card {self.code} is blocked")
        self.balance -= amount
        self.history.append(amount)
        return self.balance

    def block(self):
        self.blocked = True
        return self

    def unblock(self):
        self.blocked = False
        return self
