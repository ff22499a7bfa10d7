"""App configuration for the runner (management commands, no models)."""

from django.apps import AppConfig


class RunnerConfig(AppConfig):
    name = "runner"
    verbose_name = "Sandbox runner"
