import base64

MAX_LIMIT = 100


def encode_cursor(created_at, order_id):
    return base64.urlsafe_b64encode(f"{created_at}:{order_id}".encode()).decode()


def decode_cursor(cursor):
    """(created_at, id) from a cursor, or None if it isn't one of ours."""
    try:
        text = base64.urlsafe_b64decode(cursor).decode("ascii")
    except ValueError:  # bad base64, non-ASCII input or output
        return None
    created_at, sep, order_id = text.partition(":")
    if not (sep and created_at.isdigit() and order_id.isdigit()):
        return None
    return int(created_at), int(order_id)


def list_orders(orders, limit, cursor=None):
    if limit < 1:
        return {"error": "invalid_limit"}
    limit = min(limit, MAX_LIMIT)
    start = 0
    if cursor is not None:
        after = decode_cursor(cursor)
        if after is None:
            return {"error": "invalid_cursor"}
        # Newest first, so "after the cursor" means a strictly smaller (created_at, id).
        start = next(
            (i for i, o in enumerate(orders) if (o["created_at"], o["id"]) <= after), len(orders)
        )
    page = orders[start : start + limit]
    has_more = start + limit < len(orders)
    last = page[-1] if page else None
    return {
        "order_ids": [order["id"] for order in page],
        "next_cursor": encode_cursor(last["created_at"], last["id"]) if has_more else None,
    }
