"""The time zones a user may choose: zoneinfo's available IANA zones, and activating one."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA zone name this system knows, sorted (UTC included)."""
    return tuple(sorted(zoneinfo.available_timezones() | {"UTC"}))


def is_time_zone(name: object) -> bool:
    return isinstance(name, str) and name in _name_set()


@cache
def _name_set() -> frozenset[str]:
    return frozenset(time_zone_names())


def validate_time_zone(name: str) -> None:
    # Membership in the known list, never ZoneInfo(name): that would read paths from disk.
    if not is_time_zone(name):
        raise ValidationError(
            "Choose a time zone from the list (an IANA name such as Europe/Paris)."
        )
