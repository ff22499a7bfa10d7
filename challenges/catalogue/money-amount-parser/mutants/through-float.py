import re

EXPONENTS = {"EUR": 2, "USD": 2, "GBP": 2, "JPY": 0, "KWD": 3, "BHD": 3}
# [0-9], not \d: \d also matches other scripts' digits.
AMOUNT = re.compile(r"([A-Z]{3}) (-?)([0-9]+)(?:\.([0-9]+))?")


class UnknownCurrency(ValueError):
    """A well-formed currency code we don't trade in."""


def parse_amount(text):
    match = AMOUNT.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"malformed amount: {text!r}")
    currency, sign, whole, fraction = match.groups()
    fraction = fraction or ""
    if currency not in EXPONENTS:
        raise UnknownCurrency(f"unknown currency: {currency}")
    exponent = EXPONENTS[currency]
    if len(fraction) > exponent:
        raise ValueError(f"too many decimals for {currency}: {len(fraction)} > {exponent}")
    minor = int(float(whole + "." + (fraction or "0")) * 10**exponent)
    return {"currency": currency, "minor": -minor if sign else minor}
