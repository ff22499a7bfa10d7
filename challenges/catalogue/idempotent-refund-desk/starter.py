class IdempotencyConflict(ValueError):
    pass


class UnknownPayment(KeyError):
    pass


class RefundExceedsCapture(ValueError):
    pass


class RefundDesk:
    def __init__(self, captures):
        self.captures = captures

    def refund(self, payment_id, amount, key):
        return {"refund_id": "re_1", "payment": payment_id, "amount": amount, "remaining": 0}

    def refunds_of(self, payment_id):
        return []
