"""The readiness app's configuration."""

from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    name = "readiness"
    verbose_name = "Readiness"

    def ready(self) -> None:
        from readiness import checks  # noqa: F401 (registers the signing-key check)
