def order_total(items, coupon=None):
    subtotal = sum(item["unit_price_cents"] * item["quantity"] for item in items)
    discount = 0
    if coupon and subtotal >= coupon.get("min_subtotal_cents", 0):
        if coupon["type"] == "percent":
            discount = (subtotal * coupon["value"] + 50) // 100
        elif coupon["type"] == "fixed":
            discount = coupon["value"]
    return {"subtotal_cents": subtotal, "discount_cents": discount, "total_cents": subtotal - discount}
