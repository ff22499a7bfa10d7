"""The token endpoint shares the sign-in page's budgets: both check a password."""

from __future__ import annotations

from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from accounts.throttles import throttle_attempt

# Longer than any username; a longer value is still counted, under its first characters.
_MAX_ACCOUNT = 300


class SignInThrottle(BaseThrottle):
    """429 with Retry-After once the client's IP or the username tried is over its budget."""

    def __init__(self) -> None:
        self._wait: int | None = None

    def allow_request(self, request: Request, view) -> bool:
        data = request.data
        username = data.get("username") if hasattr(data, "get") else None
        self._wait = throttle_attempt(
            scope="sign_in",
            request=request,
            account=username[:_MAX_ACCOUNT] if isinstance(username, str) else "",
        )
        return self._wait is None

    def wait(self) -> int | None:
        return self._wait
