"""The user model: one account type with a role, so employers and candidates share sign-in."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from accounts.timezones import validate_time_zone


class User(AbstractUser):
    class Role(models.TextChoices):
        CANDIDATE = "candidate", "Candidate"
        EMPLOYER = "employer", "Employer"

    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CANDIDATE)
    display_name = models.CharField(max_length=150, blank=True)
    # An IANA zone name (zoneinfo's available zones): pages show dates in it.
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.display_name or self.username
