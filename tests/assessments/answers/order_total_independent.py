"""An independent order total, written apart from the catalogue's reference solution."""


def order_total(items, coupon=None):
    subtotal_cents = 0
    for line in items:
        subtotal_cents += line["unit_price_cents"] * line["quantity"]
    discount_cents = 0
    if coupon is not None:
        minimum = coupon.get("min_subtotal_cents", 0)
        if subtotal_cents >= minimum:
            kind = coupon["type"]
            if kind == "fixed":
                discount_cents = min(coupon["value"], subtotal_cents)
            elif kind == "percent":
                exact = subtotal_cents * coupon["value"] / 100
                discount_cents = int(exact + 0.5)
    return {
        "subtotal_cents": subtotal_cents,
        "discount_cents": discount_cents,
        "total_cents": subtotal_cents - discount_cents,
    }
