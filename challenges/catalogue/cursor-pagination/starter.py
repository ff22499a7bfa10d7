def list_orders(orders, limit, cursor=None):
    """One page of `orders` (sorted newest first) after `cursor`; see the statement."""
    page = orders[:limit]
    # Your code here.
    return {"order_ids": [order["id"] for order in page], "next_cursor": None}
