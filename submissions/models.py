"""A submission: one run or submit of a candidate's code against an exact challenge version."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from challenges.grading import Verdict
from challenges.models import ChallengeVersion


class Submission(models.Model):
    class Mode(models.TextChoices):
        RUN = "run", "Run (visible examples, not scored)"
        SUBMIT = "submit", "Submit (all cases, scored)"
        # The candidate's own input, their code and the reference solution run on it side by
        # side: never scored, never a submit (readiness, solved, attempted and the submit
        # budget ignore it); it counts against the same rate limit as a run.
        CUSTOM = "custom", "Custom run (your input, not scored)"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        ERROR = "error", "Error"

    Verdict = Verdict

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions"
    )
    version = models.ForeignKey(
        ChallengeVersion, on_delete=models.PROTECT, related_name="submissions"
    )
    mode = models.CharField(max_length=8, choices=Mode.choices)
    code = models.TextField(blank=True)
    answers = models.JSONField(null=True, blank=True, help_text="Design challenges' answers.")
    custom_input = models.TextField(
        blank=True, help_text="A custom run's input as the candidate typed it (its kind parses it)."
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    score = models.FloatField(null=True, blank=True)
    # A submit that earned the editorial and counts as solved: accepted (code), or at least the
    # pass mark of the points (design; see challenges.kinds.design.rows_pass). Set when graded,
    # and again when a reviewer scores the free text.
    passed = models.BooleanField(default=False)
    message = models.TextField(blank=True)
    results = models.JSONField(default=list, blank=True)
    stdout = models.TextField(blank=True)
    stderr = models.TextField(blank=True)
    wall_time_ms = models.PositiveIntegerField(null=True, blank=True)
    cpu_time_ms = models.PositiveIntegerField(null=True, blank=True)
    peak_memory_kb = models.PositiveIntegerField(null=True, blank=True)
    # Grading attempts and the lease of the current one: a worker that dies mid-run leaves a
    # lease that expires, and the submission is claimed again.
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["status", "lease_expires_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.mode} {self.status} {self.verdict}"

    @property
    def mode_label(self) -> str:
        """The mode in a word or two, for history and dashboards ("Run", "Submit", "Custom run")."""
        return MODE_LABELS.get(self.mode, self.mode.capitalize())

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.ERROR)

    @property
    def outcome_label(self) -> str:
        return self.outcome_label_for(verdict=self.verdict, status=self.status)

    @classmethod
    def outcome_label_for(cls, *, verdict: str, status: str) -> str:
        """The verdict's label once graded, else where it is in the queue (Queued, Running...)."""
        return cls.Verdict(verdict).label if verdict else cls.Status(status).label


MODE_LABELS = {
    Submission.Mode.RUN: "Run",
    Submission.Mode.SUBMIT: "Submit",
    Submission.Mode.CUSTOM: "Custom run",
}


class Review(models.Model):
    """A reviewer's rubric scores for a submission's free-text answers."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="review")
    # None once the reviewer deleted their account: the candidate keeps the scores and comment
    # (accounts.services.user_delete detaches them first; PROTECT still stops any other path).
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="reviews_given",
    )
    # {question name: [points per rubric criterion, in rubric order]}
    scores = models.JSONField()
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"review of #{self.submission_id} by {self.reviewer or 'a deleted account'}"


class Draft(models.Model):
    """A candidate's unsent work on a challenge (code, or a design answer as JSON text), kept on
    the server so it follows them to any device. One per candidate and challenge."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="drafts"
    )
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "challenge"], name="unique_draft")]

    def __str__(self) -> str:
        return f"draft of {self.user} on {self.challenge}"
