from decimal import ROUND_HALF_UP, Decimal

MINOR_UNITS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "KWD": 3, "BHD": 3}


def split_amount(total, currency, weights):
    # Rounds every share on its own: the parts need not add up to the total.
    digits = MINOR_UNITS[currency]
    quantum = Decimal(1).scaleb(-digits)
    amount = Decimal(total).quantize(quantum, rounding=ROUND_HALF_UP)
    total_weight = sum(weights)
    parts = []
    for weight in weights:
        share = (amount * weight / total_weight).quantize(quantum, rounding=ROUND_HALF_UP)
        parts.append(f"{share:f}")
    return parts
