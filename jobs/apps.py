"""The jobs app: employers' job posts and candidates' applications with a frozen snapshot."""

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Jobs"
