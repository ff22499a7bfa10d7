import base64
import hashlib
import hmac
import json


def verify_token(token, keys, now, issuer, audience, leeway=30):
    """Verify an HS256 JWT; return {"ok": True, "claims": {...}} or {"ok": False, "error": code}."""
    header_seg, payload_seg, signature_seg = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload_seg + "=="))
    # Your code here: check everything the statement lists, in order.
    return {"ok": True, "claims": claims}
