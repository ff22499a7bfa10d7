from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo


def parse_window(text, clinic_tz, now, max_minutes=240):
    """Parse "start/end" or "start/duration" into a UTC window, or return the error code."""
    zone = ZoneInfo(clinic_tz)
    start_text, end_text = text.split("/")
    start = datetime.fromisoformat(start_text)
    # Your code here.
    return {"ok": False, "error": "malformed"}
