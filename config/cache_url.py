"""The shared cache's settings from CACHE_URL: the database by default, Redis in production."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_CACHE_TABLE = "platform_cache"
DATABASE_CACHE_MAX_ENTRIES = 100_000
REDIS_SCHEMES = {"redis", "rediss", "unix"}


def cache_from_url(url: str) -> dict:
    """`CACHES["default"]` for `url`; empty means the database cache (a migration makes its table).

    Every web process must count rate limits in one place: a per-process memory cache would give
    N gunicorn workers N times the configured rate.
    """
    if not url.strip():
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": DATABASE_CACHE_TABLE,
            # Past MAX_ENTRIES the database cache deletes live entries too (after the expired
            # ones): at Django's 300, anyone trying a few hundred usernames would wipe the
            # counters, a victim account's included. Redis has no such limit.
            "OPTIONS": {"MAX_ENTRIES": DATABASE_CACHE_MAX_ENTRIES},
        }
    scheme = urlsplit(url.strip()).scheme
    if scheme in REDIS_SCHEMES:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url.strip()}
    raise ImproperlyConfigured(
        f"CACHE_URL={url!r}: use redis://host:port/db (or rediss://, unix://), "
        "or leave it empty for the database cache."
    )
