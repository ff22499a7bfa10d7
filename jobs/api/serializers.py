"""Input and output shapes of the jobs API."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jobs.models import (
    DESCRIPTION_MAX,
    LOCATION_MAX,
    NOTE_MAX,
    TITLE_MAX,
    Application,
    Job,
    Stage,
    StageChange,
)
from jobs.queries import SEARCH_MAX
from jobs.snapshot import thaw
from readiness.models import RoleProfile
from readiness.roles import VERDICT_LABELS

VERDICT_CHOICES = list(VERDICT_LABELS.items())


class OrganisationBrief(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class JobOutput(serializers.ModelSerializer):
    organisation = OrganisationBrief()
    role_profile = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    role_profile_name = serializers.CharField(source="role_profile.name")
    description_html = serializers.CharField(
        help_text="The description rendered from Markdown and sanitised."
    )

    class Meta:
        model = Job
        fields = [
            "id",
            "organisation",
            "title",
            "description_md",
            "description_html",
            "location",
            "workplace",
            "role_profile",
            "role_profile_name",
            "minimum_readiness",
            "status",
            "created_at",
            "updated_at",
        ]


class ApplicantCounts(serializers.Serializer):
    total = serializers.IntegerField(source="n_applications")
    new = serializers.IntegerField(source="n_new")
    shortlisted = serializers.IntegerField(source="n_shortlisted")
    rejected = serializers.IntegerField(source="n_rejected")
    hired = serializers.IntegerField(source="n_hired")


class EmployerJobOutput(JobOutput):
    applicants = ApplicantCounts(source="*", help_text="Applications per stage.")

    class Meta(JobOutput.Meta):
        fields = [*JobOutput.Meta.fields, "applicants"]


class JobFitOutput(serializers.Serializer):
    score = serializers.FloatField()
    low = serializers.FloatField()
    high = serializers.FloatField()
    verdict = serializers.ChoiceField(choices=VERDICT_CHOICES)
    meets_minimum = serializers.BooleanField()


class JobDetailOutput(JobOutput):
    your_readiness = serializers.SerializerMethodField(
        help_text="Your readiness for the job's role now (stored scores), against its minimum."
    )
    your_application = serializers.SerializerMethodField(
        help_text="The id of your application to this job, if you applied."
    )

    class Meta(JobOutput.Meta):
        fields = [*JobOutput.Meta.fields, "your_readiness", "your_application"]

    @extend_schema_field(JobFitOutput)
    def get_your_readiness(self, job: Job) -> dict:
        fit = self.context["fit"]
        verdict = fit.verdict
        return {
            "score": round(verdict.score, 1),
            "low": round(verdict.low, 1),
            "high": round(verdict.high, 1),
            "verdict": verdict.verdict,
            "meets_minimum": fit.meets_minimum,
        }

    def get_your_application(self, job: Job) -> int | None:
        application = self.context.get("application")
        return application.pk if application else None


class JobFilters(serializers.Serializer):
    role = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=RoleProfile.objects.all(),
        required=False,
        help_text="A role profile's slug.",
    )
    workplace = serializers.ChoiceField(choices=Job.Workplace.choices, required=False)
    search = serializers.CharField(
        required=False, allow_blank=True, max_length=SEARCH_MAX, help_text="Words in the text."
    )


class JobInput(serializers.Serializer):
    organisation = serializers.SlugField(
        required=False,
        help_text="Your organisation's slug; needed only if you post for more than one.",
    )
    title = serializers.CharField(max_length=TITLE_MAX)
    description_md = serializers.CharField(max_length=DESCRIPTION_MAX, trim_whitespace=False)
    location = serializers.CharField(max_length=LOCATION_MAX, required=False, allow_blank=True)
    workplace = serializers.ChoiceField(choices=Job.Workplace.choices)
    role_profile = serializers.SlugRelatedField(
        slug_field="slug", queryset=RoleProfile.objects.all()
    )
    minimum_readiness = serializers.IntegerField(min_value=0, max_value=100)


class JobUpdateInput(JobInput):
    status = serializers.ChoiceField(
        choices=Job.Status.choices, required=False, help_text="Close or reopen the job."
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, partial=True, **kwargs)
        self.fields.pop("organisation")

    def to_internal_value(self, data):
        # A field the API doesn't take is an error, not silently dropped: a client sending
        # `snapshot_json` or `organisation` learns it can't change them.
        if hasattr(data, "keys"):
            unknown = sorted(set(data.keys()) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["This field can't be changed."] for name in unknown}
                )
        return super().to_internal_value(data)


class ApplyInput(serializers.Serializer):
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=NOTE_MAX,
        trim_whitespace=False,
        help_text=f"A note to the employer, at most {NOTE_MAX:,} characters.",
    )


class JobBrief(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    organisation = serializers.CharField(source="organisation.name")
    status = serializers.ChoiceField(choices=Job.Status.choices)


class RoleReadiness(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    threshold = serializers.IntegerField()
    score = serializers.FloatField()
    low = serializers.FloatField()
    high = serializers.FloatField()
    verdict = serializers.ChoiceField(choices=VERDICT_CHOICES)


class ApplicationOutput(serializers.ModelSerializer):
    job = JobBrief()

    class Meta:
        model = Application
        fields = ["id", "job", "note", "stage", "created_at", "stage_changed_at"]


class ApplicantOutput(serializers.ModelSerializer):
    rank = serializers.SerializerMethodField(help_text="1 = the highest frozen role readiness.")
    candidate = serializers.CharField(source="candidate.__str__", help_text="Display name.")
    readiness = serializers.SerializerMethodField(
        help_text="The role readiness frozen in the application's snapshot."
    )
    under_minimum = serializers.BooleanField(help_text="Frozen score under the job's minimum.")

    class Meta:
        model = Application
        fields = [
            "id",
            "rank",
            "candidate",
            "readiness",
            "under_minimum",
            "stage",
            "created_at",
            "stage_changed_at",
        ]

    def get_rank(self, application: Application) -> int:
        return self.context["ranks"][application.pk]

    @extend_schema_field(RoleReadiness)
    def get_readiness(self, application: Application) -> dict:
        return thaw(application.snapshot_json)["role"]


class StageChangeOutput(serializers.ModelSerializer):
    changed_by = serializers.CharField(source="changed_by.__str__", default=None)

    class Meta:
        model = StageChange
        fields = ["from_stage", "to_stage", "changed_by", "created_at"]


class ApplicationDetailOutput(serializers.ModelSerializer):
    """The documented shape; the view writes `snapshot` as the stored text, byte for byte."""

    job = JobBrief()
    candidate = serializers.CharField(source="candidate.__str__")
    under_minimum = serializers.BooleanField()
    history = StageChangeOutput(many=True, source="stage_changes")
    snapshot_sha256 = serializers.CharField(
        help_text="SHA-256 of the snapshot's canonical JSON text (UTF-8)."
    )
    snapshot = serializers.JSONField(
        read_only=True,
        help_text=(
            "The readiness snapshot frozen when the candidate applied: the stored canonical "
            "JSON text (sorted keys, compact), returned verbatim."
        ),
    )

    class Meta:
        model = Application
        fields = [
            "id",
            "job",
            "candidate",
            "note",
            "stage",
            "under_minimum",
            "created_at",
            "stage_changed_at",
            "history",
            "snapshot_sha256",
            "snapshot",
        ]


class StageInput(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
