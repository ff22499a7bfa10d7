"""Per-user rate limits: one budget for runs, one for submits, one for saving drafts."""

from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings
from rest_framework.throttling import UserRateThrottle


class SubmissionCreateThrottle(UserRateThrottle):
    """Scope `submission_submit` for a submit, else `submission_run` (runs and custom runs
    share one budget), by the request's mode."""

    def allow_request(self, request, view) -> bool:
        mode = request.data.get("mode") if hasattr(request.data, "get") else None
        self.scope = "submission_submit" if mode == "submit" else "submission_run"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_rate(self) -> str:
        # Read the rates at request time (DRF's class attribute freezes them at import).
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"no throttle rate for {self.scope!r}") from None

    def __init__(self) -> None:
        # The scope (and so the rate) is only known per request: see allow_request.
        pass


class DraftWriteThrottle(UserRateThrottle):
    """Scope `draft_save`: saving and forgetting drafts (reading one is not limited)."""

    scope = "draft_save"

    def allow_request(self, request, view) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_rate(self) -> str:
        # Read at request time, like SubmissionCreateThrottle.
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"no throttle rate for {self.scope!r}") from None

    def __init__(self) -> None:
        pass
