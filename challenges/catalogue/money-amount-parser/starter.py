class UnknownCurrency(ValueError):
    pass


def parse_amount(text):
    currency, amount = text.split(" ")
    return {"currency": currency, "minor": int(float(amount) * 100)}
