import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?")
DURATION = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?")


class WindowError(Exception):
    """The window is refused; the message is the error code."""


def _moment(text, zone):
    """Parse one strict ISO 8601 date-time into an aware datetime in UTC."""
    m = MOMENT.fullmatch(text)
    if not m:
        raise WindowError("malformed")
    year, month, day, hour, minute, second = (int(g or 0) for g in m.groups()[:6])
    try:
        wall = datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise WindowError("malformed") from None
    offset = m.group(7)
    if offset == "Z" or not offset:
        return wall.replace(tzinfo=timezone.utc)
    if offset:
        sign = 1 if offset[0] == "+" else -1
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        if hours > 23 or minutes > 59:
            raise WindowError("malformed")
        delta = sign * timedelta(hours=hours, minutes=minutes)
        return wall.replace(tzinfo=timezone(delta)).astimezone(timezone.utc)
    # A local time in the clinic's zone: it may not exist, or exist twice, around DST changes.
    first = wall.replace(tzinfo=zone, fold=0)
    second_ = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second_.utcoffset():
        round_trip = first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
        if round_trip != wall:
            raise WindowError("nonexistent_local_time")
        raise WindowError("ambiguous_local_time")
    return first.astimezone(timezone.utc)


def _utc_text(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_window(text, clinic_tz, now, max_minutes=240):
    """Parse "start/end" or "start/duration" into a UTC window, or return the error code."""
    zone = ZoneInfo(clinic_tz)
    try:
        parts = text.split("/") if isinstance(text, str) else []
        if len(parts) != 2:
            raise WindowError("malformed")
        start = _moment(parts[0], zone)
        if parts[1].startswith("P"):
            d = DURATION.fullmatch(parts[1])
            if not d or (d.group(1) is None and d.group(2) is None):
                raise WindowError("malformed")
            # Elapsed time: add to the UTC instant, not to the clinic's wall clock.
            end = start + timedelta(hours=int(d.group(1) or 0), minutes=int(d.group(2) or 0))
        else:
            end = _moment(parts[1], zone)
        if end <= start:
            raise WindowError("empty_or_reversed")
        seconds = int((end - start).total_seconds())
        if seconds > max_minutes * 60:
            raise WindowError("too_long")
        if start < _moment(now, zone):
            raise WindowError("in_the_past")
    except WindowError as error:
        return {"ok": False, "error": str(error)}
    return {
        "ok": True,
        "start": _utc_text(start),
        "end": _utc_text(end),
        "seconds": seconds,
        "local_start": start.astimezone(zone).isoformat(),
    }
