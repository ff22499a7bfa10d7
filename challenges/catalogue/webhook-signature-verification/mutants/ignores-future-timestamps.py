import hashlib
import hmac


def parse_header(header):
    """(timestamp text, [v1 signatures]) or None when the header is malformed."""
    timestamps, signatures = [], []
    for item in header.split(","):
        name, sep, value = item.strip().partition("=")
        if not sep:
            return None
        if name == "t":
            timestamps.append(value)
        elif name == "v1":
            signatures.append(value)
    if len(timestamps) != 1 or not signatures:
        return None
    timestamp = timestamps[0]
    if not (timestamp.isascii() and timestamp.isdigit()):
        return None
    return timestamp, signatures


def verify_webhook(payload, header, secrets, now, tolerance=300):
    parsed = parse_header(header)
    if parsed is None:
        return "malformed_header"
    timestamp, signatures = parsed
    message = f"{timestamp}.{payload}".encode()
    expected = [
        hmac.new(secret.encode(), message, hashlib.sha256).hexdigest() for secret in secrets
    ]
    authentic = False
    for candidate in expected:
        for signature in signatures:
            # Keep looping even after a match: the time taken mustn't depend on which matched.
            authentic |= hmac.compare_digest(candidate.encode(), signature.encode())
    if not authentic:
        return "invalid_signature"
    if now - int(timestamp) > tolerance:
        return "timestamp_out_of_tolerance"
    return "ok"
