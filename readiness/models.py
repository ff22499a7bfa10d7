"""What readiness stores: per-challenge evidence, per-skill scores, assistance, roles, reports."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class AssistEvent(models.Model):
    """A candidate opened a hint or the editorial of a challenge (only the first time counts)."""

    class Kind(models.TextChoices):
        HINT = "hint", "Hint"
        EDITORIAL = "editorial", "Editorial"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assist_events"
    )
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="assist_events"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # Which hint (0-based); always 0 for the editorial.
    index = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "challenge", "kind", "index"], name="unique_assist_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} opened {self.kind} {self.index} of {self.challenge}"


class ChallengeEvidence(models.Model):
    """What a candidate's submits of one challenge demonstrate (readiness.evidence.fold_attempts).

    `success` and `failure` are evidence masses in [0, 1]: an unassisted first-time accept is
    (1, 0), a failed submit (0, 1); probing and assistance shrink them. Each has the time it was
    last changed, for recency.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="challenge_evidence"
    )
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="evidence"
    )
    success = models.FloatField(default=0.0)
    success_at = models.DateTimeField(null=True, blank=True)
    failure = models.FloatField(default=0.0)
    failure_at = models.DateTimeField(null=True, blank=True)
    submits = models.PositiveIntegerField(default=0)
    best_score = models.FloatField(default=0.0)
    # The submit that set the success mass (the evidence link shown in reports).
    best_submission = models.ForeignKey(
        "submissions.Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hints_opened = models.PositiveSmallIntegerField(default=0)
    editorial_opened = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "challenge"], name="unique_challenge_evidence"),
            models.CheckConstraint(
                condition=models.Q(success__gte=0, success__lte=1, failure__gte=0, failure__lte=1),
                name="challenge_evidence_masses_in_unit_interval",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.challenge}: +{self.success:.2f} -{self.failure:.2f}"


class SkillScore(models.Model):
    """A candidate's stored estimate for one canonical skill: pages read this, never recompute."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skill_scores"
    )
    skill = models.ForeignKey("challenges.Skill", on_delete=models.CASCADE, related_name="scores")
    # 0-100: the posterior median and the 90% credible band (5th and 95th percentiles).
    score = models.FloatField()
    low = models.FloatField()
    high = models.FloatField()
    theta = models.FloatField(help_text="Posterior median ability on the logit scale.")
    challenges = models.PositiveIntegerField(default=0, help_text="Challenges with evidence.")
    evidence = models.FloatField(default=0.0, help_text="Effective evidence mass used.")
    # {"movers": [...], "missing": [...]}: see readiness.explanation.
    explanation = models.JSONField(default=dict, blank=True)
    as_of = models.DateTimeField(help_text="The moment recency was measured from.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["skill__position"]
        constraints = [
            models.UniqueConstraint(fields=["user", "skill"], name="unique_skill_score"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.skill}: {self.score:.0f} [{self.low:.0f}, {self.high:.0f}]"


class ChallengeCalibration(models.Model):
    """A challenge's difficulty on the ability scale, re-estimated from the population."""

    challenge = models.OneToOneField(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="calibration"
    )
    difficulty = models.FloatField(help_text="Logit scale; the author's label is the prior mean.")
    label_difficulty = models.FloatField()
    candidates = models.PositiveIntegerField(default=0, help_text="Attempters it was fitted on.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.challenge}: b={self.difficulty:+.2f} (label {self.label_difficulty:+.2f})"


class RoleProfile(models.Model):
    """A role's weights over skills and a threshold: "ready / almost / not yet" for that role."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    threshold = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Role readiness (0-100) a candidate needs to be ready.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=1, threshold__lte=100),
                name="role_profile_threshold_1_100",
            )
        ]

    def __str__(self) -> str:
        return self.name


class RoleSkill(models.Model):
    profile = models.ForeignKey(RoleProfile, on_delete=models.CASCADE, related_name="weights")
    skill = models.ForeignKey("challenges.Skill", on_delete=models.CASCADE, related_name="+")
    weight = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Relative importance 1-10; shares are normalised.",
    )

    class Meta:
        ordering = ["-weight", "skill__position"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="unique_role_skill"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=10), name="role_skill_weight_1_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile}: {self.skill} x{self.weight}"


class CandidateGoal(models.Model):
    """The role a candidate is aiming for: it orders "practise next"."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="readiness_goal"
    )
    role = models.ForeignKey(RoleProfile, on_delete=models.CASCADE, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user} aims for {self.role}"


class PublicReport(models.Model):
    """A public, revocable link to a candidate's readiness report (HTML and signed JSON)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="public_reports"
    )
    # The link is meant to be handed out, so the token is kept to show the link again; it is
    # 32 random bytes, and revoking is what ends it.
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"report {self.token[:6]}… of {self.user}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class RecalibrationSchedule(models.Model):
    """One row: when the periodic difficulty re-fit was last queued (workers race for it)."""

    last_enqueued_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"recalibration last queued {self.last_enqueued_at:%Y-%m-%d %H:%M}"
