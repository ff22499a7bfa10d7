"""Rate limits on sign-in, sign-up and password reset, per client IP and per account tried."""

from __future__ import annotations

import hashlib
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*(s|sec|m|min|h|hour|d|day)\s*$")
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400,
                 "day": 86400}  # fmt: skip
# Long enough for any address, short enough that a forged header can't bloat a cache key.
_MAX_IDENT = 256


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def rate_parse(text: str) -> Rate:
    """`"10/15min"` -> 10 attempts per 900 s; units s, min, h, d (DRF's `"10/min"` also works)."""
    match = _RATE.match(text)
    if not match or int(match[1]) < 1 or match[2] == "0":
        raise ImproperlyConfigured(
            f"throttle rate {text!r}: write <count>/<period>, e.g. 10/min or 5/15min"
        )
    return Rate(count=int(match[1]), seconds=int(match[2] or 1) * _UNIT_SECONDS[match[3]])


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or the X-Forwarded-For entry the farthest of TRUSTED_PROXY_COUNT proxies added.

    Entries further left were written by the client and can say anything, so they are never read.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote[:_MAX_IDENT]
    hops = [hop.strip() for hop in forwarded.split(",")]
    return (hops[-min(proxies, len(hops))] or remote)[:_MAX_IDENT]


def _count(key: str, ttl: int) -> int:
    # Redis increments atomically and keeps the expiry; the database cache's incr is a read and a
    # write that resets the expiry to the default, so the expiry is set again after it.
    cache.add(key, 0, timeout=ttl)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=ttl)
        return 1
    cache.touch(key, ttl)
    return count


def throttle_attempt(*, scope: str, request: HttpRequest, account: str) -> int | None:
    """Count one attempt in `scope`; None if allowed, else seconds until it would be allowed.

    Two budgets per scope (settings.AUTH_THROTTLE_RATES): the client's IP, so one address can't
    try many accounts, and the account tried (username or email, case-folded), so a botnet can't
    try many passwords on one account. Fixed windows, counted in the shared cache.
    """
    rates = settings.AUTH_THROTTLE_RATES[scope]
    now = time.time()
    waits = []
    for kind, ident in (("ip", client_ip(request)), ("account", account.strip().casefold())):
        if not ident:
            continue
        rate = rate_parse(rates[kind])
        window = int(now // rate.seconds)
        ends_in = (window + 1) * rate.seconds - now
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        count = _count(f"throttle:{scope}:{kind}:{digest}:{window}", math.ceil(ends_in) + 1)
        if count > rate.count:
            waits.append(max(1, math.ceil(ends_in)))
    return max(waits) if waits else None


def throttle_message(wait_s: int) -> str:
    minutes = max(1, math.ceil(wait_s / 60))
    return f"Too many attempts: try again in {minutes} minute{'s' if minutes != 1 else ''}."
