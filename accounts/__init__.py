"""People on the platform: candidates, employers and staff."""
