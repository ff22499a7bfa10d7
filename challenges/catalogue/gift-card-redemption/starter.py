class CardBlocked(PermissionError):
    pass


class InsufficientBalance(ValueError):
    pass


class GiftCard:
    def __init__(self, code, balance):
        self.code = code
        self.balance = balance

    def redeem(self, amount):
        self.balance -= amount
        return self.balance

    def block(self):
        pass

    def unblock(self):
        pass
