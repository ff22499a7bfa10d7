from decimal import ROUND_HALF_EVEN, Decimal

MINOR_UNITS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "KWD": 3, "BHD": 3}


def to_minor_units(total, digits):
    """The total as a whole number of minor units, rounded half away from zero."""
    quantum = Decimal(1).scaleb(-digits)  # 0.01 for USD, 1 for JPY, 0.001 for KWD
    return int(Decimal(total).quantize(quantum, rounding=ROUND_HALF_EVEN).scaleb(digits))


def format_minor_units(units, digits):
    sign = "-" if units < 0 else ""
    whole, fraction = divmod(abs(units), 10**digits)
    if digits == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{fraction:0{digits}d}"


def allocate(units, weights):
    """Split a non-negative whole number of units by weights (largest remainder)."""
    total_weight = sum(weights)
    shares = [units * weight // total_weight for weight in weights]
    remainders = [units * weight % total_weight for weight in weights]
    leftover = units - sum(shares)
    # Largest remainder first; on a tie the earlier party wins (sorted() is stable).
    for index in sorted(range(len(weights)), key=lambda i: -remainders[i])[:leftover]:
        shares[index] += 1
    return shares


def split_amount(total, currency, weights):
    digits = MINOR_UNITS[currency]
    units = to_minor_units(total, digits)
    sign = -1 if units < 0 else 1
    return [format_minor_units(sign * share, digits) for share in allocate(abs(units), weights)]
