"""Challenges, their immutable versions, and the cases each version is graded with."""

from __future__ import annotations

from django.db import models


class Skill(models.Model):
    """A canonical skill (challenges/skills.py): the fixed taxonomy readiness is scored over."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    """A free-form topic an author labels a challenge with (e.g. `idempotency`)."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def kind_choices() -> list[tuple[str, str]]:
    """The registered kinds (challenges/kinds/, the CHALLENGE_KINDS setting), asked at every
    validation so a kind added by settings is valid without a migration."""
    from challenges.kinds import kind_choices as registered

    return registered()


class Challenge(models.Model):
    class Difficulty(models.TextChoices):
        EASY = "easy", "Easy"
        MEDIUM = "medium", "Medium"
        HARD = "hard", "Hard"

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=kind_choices)
    difficulty = models.CharField(max_length=8, choices=Difficulty.choices)
    # 1-3 canonical skills with weights adding up to 1; tags are free-form.
    skills = models.ManyToManyField(
        Skill, through="ChallengeSkill", related_name="challenges", blank=True
    )
    tags = models.ManyToManyField(Tag, related_name="challenges", blank=True)
    context = models.CharField(
        max_length=32, blank=True, help_text="Business setting, e.g. e-commerce, fintech."
    )
    estimated_minutes = models.PositiveIntegerField(default=20)
    # None: the public catalogue. Otherwise a private challenge of that organisation.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    is_published = models.BooleanField(default=False)
    current_version = models.ForeignKey(
        "ChallengeVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["is_published", "kind", "difficulty"])]

    def __str__(self) -> str:
        return self.title


class ChallengeSkill(models.Model):
    """How much of a challenge trains one canonical skill (a share; a challenge's add up to 1)."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="skill_weights")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="challenge_weights")
    weight = models.FloatField()

    class Meta:
        ordering = ["challenge", "-weight", "skill__position"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "skill"], name="unique_challenge_skill"),
            models.CheckConstraint(
                condition=models.Q(weight__gt=0) & models.Q(weight__lte=1),
                name="challenge_skill_weight_share",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.challenge.slug}: {self.skill.slug} {self.weight:g}"


class ChallengeVersion(models.Model):
    """An immutable snapshot: submissions point at the exact version they were graded against."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    statement_md = models.TextField()
    statement_html = models.TextField(help_text="Sanitised HTML rendered from statement_md.")
    starter_code = models.TextField(blank=True)
    reference_solution = models.TextField(blank=True)
    config = models.JSONField(default=dict, help_text="Kind-specific settings (entrypoint, ...).")
    hints = models.JSONField(default=list, blank=True)
    mutants = models.JSONField(
        default=list, blank=True, help_text="Known-wrong solutions: [{name, code}]."
    )
    assets = models.JSONField(
        default=dict, blank=True, help_text='Extra files by path, e.g. "dataset/schema.sql".'
    )
    editorial_md = models.TextField(blank=True)
    editorial_html = models.TextField(blank=True)
    source = models.JSONField(
        default=dict,
        blank=True,
        help_text="Provenance, the [source] table: url, commit, licence, attribution, changes.",
    )
    # What loading the package ignored (unknown manifest keys, unknown files): not content, so
    # not in the digest; shown with the validation report.
    load_warnings = models.JSONField(default=list, blank=True)
    content_digest = models.CharField(max_length=64, help_text="sha256 of the package contents.")

    class ValidationState(models.TextChoices):
        NOT_REQUESTED = "", "Not requested"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"

    # The last sandbox validation of this version: publishing requires one that passed. It runs
    # as a task on the "authoring" queue; the state moves by guarded single-query updates.
    validation_state = models.CharField(
        max_length=8, choices=ValidationState.choices, blank=True, default=""
    )
    validation_requested_at = models.DateTimeField(null=True, blank=True)
    validation_ok = models.BooleanField(null=True, blank=True)
    validation_report = models.JSONField(default=dict, blank=True)
    validated_at = models.DateTimeField(null=True, blank=True)
    # SQL: the schema panel (tables, columns, sample rows), described from the dataset in the
    # sandbox at validation (or in a capped process for repository content); pages only read it.
    sql_schema = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["challenge", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.challenge.slug} v{self.number}"


class TestCase(models.Model):
    class Visibility(models.TextChoices):
        EXAMPLE = "example", "Visible example"
        HIDDEN = "hidden", "Hidden"

    version = models.ForeignKey(ChallengeVersion, on_delete=models.CASCADE, related_name="cases")
    ordinal = models.PositiveIntegerField()
    name = models.CharField(max_length=120)
    visibility = models.CharField(max_length=8, choices=Visibility.choices)
    input = models.JSONField()
    expected = models.JSONField(help_text="Never sent to a sandbox or to a candidate if hidden.")
    category = models.CharField(max_length=80, blank=True)
    hint = models.CharField(max_length=300, blank=True)
    weight = models.PositiveIntegerField(default=1)

    # Not a pytest test class, whatever its name says.
    __test__ = False

    class Meta:
        ordering = ["version", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["version", "ordinal"], name="unique_case_ordinal")
        ]

    def __str__(self) -> str:
        return f"{self.version} #{self.ordinal} {self.name}"
