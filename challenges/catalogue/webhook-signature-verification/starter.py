def verify_webhook(payload, header, secrets, now, tolerance=300):
    """Return "ok", "malformed_header", "invalid_signature" or "timestamp_out_of_tolerance"."""
    # Your code here.
    return "ok"
