"""Per-user rate limit on asking for a sandbox validation (each runs many sandboxes)."""

from django.core.exceptions import ImproperlyConfigured
from rest_framework.settings import api_settings
from rest_framework.throttling import UserRateThrottle


class AuthoringValidateThrottle(UserRateThrottle):
    scope = "authoring_validate"

    def get_rate(self) -> str:
        # Read the rate at request time (DRF's class attribute freezes it at import).
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError:
            raise ImproperlyConfigured(f"no throttle rate for {self.scope!r}") from None
