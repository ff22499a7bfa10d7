"""Shapes of the readiness API: scores on 0-100 with their 90% band, rounded to one decimal."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from readiness.roles import VERDICT_LABELS


class Rounded(serializers.FloatField):
    """A 0-100 number as the API shows it: one decimal is all the model's precision supports."""

    def to_representation(self, value: float) -> float:
        return round(float(value), 1)


class MoverOutput(serializers.Serializer):
    challenge = serializers.CharField(help_text="The challenge's slug.")
    title = serializers.CharField()
    difficulty = serializers.CharField(help_text="The author's label: easy, medium or hard.")
    delta = serializers.FloatField(
        help_text="Score points this challenge's evidence adds (negative: takes away)."
    )
    submission_id = serializers.IntegerField(
        allow_null=True, help_text="Your submit that showed it (null: none stands out)."
    )
    challenge_url = serializers.SerializerMethodField()
    submission_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField())
    def get_challenge_url(self, mover: dict) -> str:
        return reverse("api-challenge-detail", args=[mover["challenge"]])

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_submission_url(self, mover: dict) -> str | None:
        if mover.get("submission_id") is None:
            return None
        return reverse("api-submission-detail", args=[mover["submission_id"]])


class ExplanationOutput(serializers.Serializer):
    movers = MoverOutput(many=True, help_text="The challenges that moved the score the most.")
    missing = serializers.ListField(
        child=serializers.CharField(), help_text="What the score lacks, in plain words."
    )


class SkillReadinessOutput(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    score = Rounded(help_text="0-100: the posterior median.")
    low = Rounded(help_text="The 90% band's lower end.")
    high = Rounded(help_text="The 90% band's upper end.")
    challenges = serializers.IntegerField(help_text="Challenges with evidence on this skill.")
    has_evidence = serializers.BooleanField(
        help_text="False: no submit yet, the score is the starting estimate for everyone."
    )
    explanation = ExplanationOutput()


class RoleRefOutput(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    threshold = serializers.IntegerField()


class RoleStandingOutput(serializers.Serializer):
    slug = serializers.CharField(source="role.slug")
    name = serializers.CharField(source="role.name")
    threshold = serializers.IntegerField(source="role.threshold")
    score = Rounded(source="verdict.score", help_text="The role's weighted score, 0-100.")
    low = Rounded(source="verdict.low")
    high = Rounded(source="verdict.high")
    verdict = serializers.ChoiceField(
        source="verdict.verdict",
        choices=list(VERDICT_LABELS),
        help_text="ready: the whole band clears the threshold; almost: the score is within "
        "10 points of it; not_yet otherwise.",
    )
    label = serializers.CharField(source="verdict.label")


class ReadinessOutput(serializers.Serializer):
    skills = SkillReadinessOutput(many=True)
    goal = RoleRefOutput(allow_null=True, help_text="The role you aim for (null: none chosen).")
    roles = RoleStandingOutput(many=True, help_text="Your verdict for every role profile.")


class RoleWeightOutput(serializers.Serializer):
    skill = serializers.CharField(source="skill.slug")
    name = serializers.CharField(source="skill.name")
    weight = serializers.IntegerField(help_text="Relative importance, 1-10.")
    share = serializers.SerializerMethodField(help_text="The weight's share of the role (0-1].")

    @extend_schema_field(serializers.FloatField())
    def get_share(self, weight) -> float:
        return round(weight.weight / self.context["totals"][weight.profile_id], 4)


class RoleProfileOutput(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    threshold = serializers.IntegerField(help_text="Role readiness (0-100) needed to be ready.")
    weights = RoleWeightOutput(many=True)


class GoalInput(serializers.Serializer):
    role = serializers.CharField(max_length=64, help_text="A role profile's slug.")


class GoalOutput(serializers.Serializer):
    role = RoleRefOutput()


class SuggestionOutput(serializers.Serializer):
    challenge = serializers.CharField(source="slug")
    title = serializers.CharField()
    kind = serializers.CharField()
    difficulty = serializers.CharField()
    aim = serializers.ChoiceField(
        choices=["lift", "narrow"],
        help_text="lift: raises your weakest heavily-weighted skill; narrow: tells the most "
        "about the skills the role weighs, narrowing their bands.",
    )
    skill = serializers.CharField(help_text="The skill it is suggested for.")
    skill_name = serializers.CharField()
    solve_chance = serializers.SerializerMethodField(
        help_text="Your chance of solving it (0-1) at your current estimate on that skill."
    )
    reason = serializers.CharField()
    challenge_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.FloatField())
    def get_solve_chance(self, suggestion) -> float:
        return round(suggestion.solve_chance, 2)

    @extend_schema_field(serializers.CharField())
    def get_challenge_url(self, suggestion) -> str:
        return reverse("api-challenge-detail", args=[suggestion.slug])


class WeakestOutput(serializers.Serializer):
    skill = serializers.CharField(source="slug")
    name = serializers.CharField()
    score = Rounded()
    target = Rounded(help_text="The role's threshold (100 without a role).")


class PractiseNextOutput(serializers.Serializer):
    role = RoleRefOutput(allow_null=True, help_text="null: every skill weighs the same.")
    weakest = WeakestOutput(
        allow_null=True, help_text="The weakest heavily-weighted skill (null: all clear it)."
    )
    suggestions = SuggestionOutput(many=True)


class PractiseNextFilters(serializers.Serializer):
    role = serializers.CharField(required=False, max_length=64)
