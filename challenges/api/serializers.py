"""Output shapes of the challenges API: never a hidden case's data."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from challenges.models import Challenge, TestCase


class SkillWeightOutput(serializers.Serializer):
    slug = serializers.CharField(source="skill.slug")
    name = serializers.CharField(source="skill.name")
    weight = serializers.FloatField(help_text="The share of the challenge on this skill (0-1].")


class ChallengeListOutput(serializers.ModelSerializer):
    skills = SkillWeightOutput(
        source="skill_weights", many=True, read_only=True, help_text="Canonical skills trained."
    )
    tags = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    progress = serializers.SerializerMethodField(help_text="solved, attempted or new (for you).")
    solvers = serializers.IntegerField(
        read_only=True, help_text="How many people solved it (a passing submit)."
    )

    class Meta:
        model = Challenge
        fields = [
            "slug",
            "title",
            "kind",
            "difficulty",
            "skills",
            "tags",
            "context",
            "estimated_minutes",
            "progress",
            "solvers",
        ]

    def get_progress(self, challenge: Challenge) -> str:
        if getattr(challenge, "solved", False):
            return "solved"
        return "attempted" if getattr(challenge, "attempted", False) else "new"


class ExampleOutput(serializers.ModelSerializer):
    class Meta:
        model = TestCase
        fields = ["ordinal", "name", "input", "expected"]


# Renders a `challenges.queries.ChallengeDetail`, the selector the challenge page renders too.
class ChallengeDetailOutput(ChallengeListOutput):
    progress = None
    solvers = None
    version = serializers.IntegerField(source="version.number")
    statement_html = serializers.CharField(source="version.statement_html")
    starter_code = serializers.CharField(source="version.starter_code")
    hints = serializers.ListField(
        child=serializers.CharField(),
        help_text="The texts of the hints you opened (hint 1 first); open the next one with "
        "POST /api/challenges/{slug}/hints/.",
    )
    hints_total = serializers.IntegerField(help_text="How many hints the challenge has.")
    examples = ExampleOutput(many=True)
    hidden_case_count = serializers.IntegerField()
    sql_schema = serializers.JSONField(
        source="kind_fields.sql_schema",
        allow_null=True,
        help_text="SQL challenges: tables, columns and sample rows.",
    )
    questions = serializers.JSONField(
        source="kind_fields.questions",
        allow_null=True,
        help_text="Design challenges: the questions, without their answers.",
    )
    editorial_html = serializers.CharField(
        allow_null=True,
        help_text="The worked solution, once you have solved the challenge or opened it "
        "(POST /api/challenges/{slug}/editorial/).",
    )
    has_editorial = serializers.BooleanField(help_text="Whether the challenge has an editorial.")
    source = serializers.JSONField(
        allow_null=True,
        help_text="Where the challenge came from: url (http/https only), commit, licence, "
        "attribution, changes; null for none.",
    )

    class Meta(ChallengeListOutput.Meta):
        fields = [
            *(f for f in ChallengeListOutput.Meta.fields if f not in ("progress", "solvers")),
            "version",
            "statement_html",
            "starter_code",
            "hints",
            "hints_total",
            "examples",
            "hidden_case_count",
            "sql_schema",
            "questions",
            "editorial_html",
            "has_editorial",
            "source",
        ]

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        # The challenge's own fields, typed as in the list, are read from the detail's challenge.
        for name in ChallengeListOutput.Meta.fields:
            if name in fields:
                fields[name].source = f"challenge.{fields[name].source or name}"
        # The schema can't follow "challenge.tags" from the model: say what it is.
        extend_schema_field(serializers.ListField(child=serializers.CharField()))(fields["tags"])
        return fields
