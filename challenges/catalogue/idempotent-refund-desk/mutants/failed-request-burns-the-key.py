class IdempotencyConflict(ValueError):
    """An idempotency key reused for a different request."""


class UnknownPayment(KeyError):
    """No captured payment has this id."""


class RefundExceedsCapture(ValueError):
    """The refunds would add up to more than the payment captured."""


class RefundDesk:
    def __init__(self, captures):
        self.captures = dict(captures)
        self.amounts = {payment: [] for payment in self.captures}
        # key -> ((payment, amount), the answer given): only for refunds that were made.
        self.keys = {}

    @property
    def refunded(self):
        return {payment: sum(amounts) for payment, amounts in self.amounts.items()}

    @property
    def refund_count(self):
        return len(self.keys)

    def refund(self, payment_id, amount, key):
        if key in self.keys:
            request, answer = self.keys[key]
            if request != (payment_id, amount) or type(amount) is not type(request[1]):
                raise IdempotencyConflict(f"key {key} was used for {request[0]} {request[1]}")
            return dict(answer)
        self.keys.setdefault(key, ((payment_id, amount), None))
        if payment_id not in self.captures:
            raise UnknownPayment(payment_id)
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise ValueError("a refund is a whole number of cents above 0")
        refundable = self.captures[payment_id] - sum(self.amounts[payment_id])
        if amount > refundable:
            raise RefundExceedsCapture(
                f"payment {payment_id}: refundable {refundable}, asked {amount}"
            )
        self.amounts[payment_id].append(amount)
        answer = {
            "refund_id": f"re_{len(self.keys) + 1}",
            "payment": payment_id,
            "amount": amount,
            "remaining": refundable - amount,
        }
        self.keys[key] = ((payment_id, amount), answer)
        return dict(answer)

    def refunds_of(self, payment_id):
        if payment_id not in self.amounts:
            raise UnknownPayment(payment_id)
        return list(self.amounts[payment_id])
