def order_total(items, coupon=None):
    """Price a cart in whole cents: see the statement for the coupon rules."""
    subtotal = 0
    discount = 0
    # Your code here.
    return {"subtotal_cents": subtotal, "discount_cents": discount, "total_cents": subtotal - discount}
