class InsufficientFunds(ValueError):
    pass


class Wallet:
    def __init__(self, balance):
        self.balance = balance

    def hold(self, ref, amount):
        return 0

    def release(self, ref):
        return 0

    @property
    def available(self):
        return 0
