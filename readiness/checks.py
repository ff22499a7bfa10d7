"""System checks: the report-signing key loads (`manage.py check` fails on a bad key)."""

from __future__ import annotations

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register()
def signing_key_loads(app_configs, **kwargs) -> list[checks.CheckMessage]:
    from readiness.signing import retired_public_keys, signing_key

    try:
        signing_key()
        retired_public_keys()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="readiness.E001")]
    return []
