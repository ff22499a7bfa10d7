"""What jobs store: job posts, applications with their frozen snapshot, and stage history."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

TITLE_MAX = 200
LOCATION_MAX = 200
DESCRIPTION_MAX = 20_000
NOTE_MAX = 2_000


class Job(models.Model):
    class Workplace(models.TextChoices):
        ONSITE = "onsite", "On-site"
        HYBRID = "hybrid", "Hybrid"
        REMOTE = "remote", "Remote"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="jobs"
    )
    title = models.CharField(max_length=TITLE_MAX)
    description_md = models.TextField(max_length=DESCRIPTION_MAX)
    # Rendered once, on write, through markup.rendering (sanitised).
    description_html = models.TextField(editable=False)
    location = models.CharField(max_length=LOCATION_MAX, blank=True)
    workplace = models.CharField(max_length=16, choices=Workplace.choices)
    # PROTECT: an application's snapshot names the role; the role can't vanish under it.
    role_profile = models.ForeignKey(
        "readiness.RoleProfile", on_delete=models.PROTECT, related_name="jobs"
    )
    minimum_readiness = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Role readiness (0-100) under which applicants are flagged.",
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at"], name="job_status_created")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_readiness__gte=0, minimum_readiness__lte=100),
                name="job_minimum_readiness_0_100",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["open", "closed"]), name="job_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(workplace__in=["onsite", "hybrid", "remote"]),
                name="job_workplace_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Stage(models.TextChoices):
    NEW = "new", "New"
    SHORTLISTED = "shortlisted", "Shortlisted"
    REJECTED = "rejected", "Rejected"
    HIRED = "hired", "Hired"


# The only moves an employer may make; rejected and hired are final.
STAGE_TRANSITIONS: dict[str, frozenset[str]] = {
    Stage.NEW: frozenset({Stage.SHORTLISTED, Stage.REJECTED}),
    Stage.SHORTLISTED: frozenset({Stage.REJECTED, Stage.HIRED}),
    Stage.REJECTED: frozenset(),
    Stage.HIRED: frozenset(),
}


class ImmutableRecord(Exception):
    """An application's snapshot is written once: saving an existing application is refused."""


class Application(models.Model):
    """A candidate's application: the note and the readiness snapshot are frozen at creation.

    `snapshot_json` is the canonical JSON text (sorted keys, compact separators, UTF-8) of
    `readiness.queries.readiness_snapshot` at that moment and `snapshot_sha256` its digest; the
    role's score and band low are copied out of it so applicants can be ranked in SQL. Only the
    stage moves, by a guarded UPDATE (jobs.services.application_move_stage).
    """

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="applications")
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_applications"
    )
    note = models.TextField(max_length=NOTE_MAX, blank=True)
    snapshot_json = models.TextField(editable=False)
    snapshot_sha256 = models.CharField(max_length=64, editable=False)
    role_score = models.FloatField(editable=False)
    role_low = models.FloatField(editable=False)
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.NEW)
    stage_changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "candidate"], name="unique_application"),
            models.CheckConstraint(
                condition=models.Q(stage__in=["new", "shortlisted", "rejected", "hired"]),
                name="application_stage_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} for {self.job}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ImmutableRecord(
                "An application is never rewritten: its stage moves through "
                "jobs.services.application_move_stage."
            )
        super().save(*args, **kwargs)

    @property
    def under_minimum(self) -> bool:
        return self.role_score < self.job.minimum_readiness


class StageChange(models.Model):
    """One move of an application's stage: who moved it, from where to where, when."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=16, choices=Stage.choices)
    to_stage = models.CharField(max_length=16, choices=Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.application}: {self.from_stage} -> {self.to_stage}"
