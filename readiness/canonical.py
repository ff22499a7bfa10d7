"""Canonical JSON: one byte string per value (sorted keys, no spaces, UTF-8, RFC 8785 numbers).

Signed reports are signed over it and applications freeze their snapshot in it, so the same
value always has the same bytes, and a verifier in any language can rebuild them.
"""

from __future__ import annotations

import json
import math


def normalise(value):
    """Whole floats become ints (50.0 -> 50) and non-finite numbers are refused.

    With that, `json.dumps` writes every number of a report (one-decimal values of 0-100 and
    counts) exactly as RFC 8785 (JCS) does, so a verifier in any language can rebuild the bytes.
    """
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("NaN and infinities have no canonical JSON form")
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise ValueError("object keys must be strings")
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    raise ValueError(f"{type(value).__name__} has no canonical JSON form")


def canonical_json(value) -> bytes:
    """Sorted keys, no spaces, UTF-8 without escapes, numbers as RFC 8785 writes them."""
    return json.dumps(
        normalise(value),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    ).encode("utf-8")
