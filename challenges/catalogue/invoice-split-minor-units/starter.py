from decimal import Decimal

MINOR_UNITS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "KWD": 3, "BHD": 3}


def split_amount(total, currency, weights):
    """Split `total` (a decimal string) across parties by `weights`; see the statement."""
    share = Decimal(total) / len(weights)
    # Your code here.
    return [str(share) for _ in weights]
