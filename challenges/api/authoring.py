"""The authoring API: staff write the catalogue; employers their organisation's challenges."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges import package_content as limits
from challenges.access import (
    access_can_author_in,
    access_can_preview_markdown,
    access_challenges_for_authoring,
)
from challenges.api.kind_field import KindField
from challenges.api.throttles import AuthoringValidateThrottle
from challenges.models import Challenge, ChallengeVersion
from challenges.packages import PackageError, package_from_submitted, slug_problem
from challenges.provenance import provenance_problems
from challenges.queries import version_content
from challenges.services import (
    ImportRefused,
    PublishRefused,
    challenge_import_package,
    challenge_publish,
    challenge_version_validation_request,
)
from challenges.skills import skill_weight_problems
from config.parsers import AUTHORING_PARSER_CLASSES
from markup import render_markdown_checked
from markup.rendering import MAX_MARKDOWN_CHARS
from organisations.models import Organisation


def _checked(problems: list[str]) -> None:
    if problems:
        raise serializers.ValidationError(problems)


class MutantInput(serializers.Serializer):
    name = serializers.RegexField(r"^[A-Za-z0-9_-]{1,64}$")
    code = serializers.CharField(
        trim_whitespace=False, max_length=limits.max_source_bytes(), allow_blank=True
    )


class PackageInput(serializers.Serializer):
    """A challenge package as JSON: the same content as a package folder (see the docs).

    Everything is checked here, as data, before anything is written: asset names, sizes,
    nesting, types (docs/challenge-format.md lists the limits).
    """

    slug = serializers.SlugField(max_length=100)
    title = serializers.CharField(max_length=200)
    kind = KindField()
    difficulty = serializers.ChoiceField(choices=Challenge.Difficulty.choices)
    skills = serializers.DictField(
        child=serializers.FloatField(),
        help_text="1-3 canonical skills with positive weights, e.g. "
        '{"sql-querying": 0.7, "data-modelling": 0.3}; normalised to shares.',
    )
    tags = serializers.ListField(
        child=serializers.SlugField(max_length=64), default=list, max_length=limits.MAX_TAGS
    )
    context = serializers.CharField(max_length=32, allow_blank=True, default="")
    estimated_minutes = serializers.IntegerField(min_value=1, max_value=600)
    statement_md = serializers.CharField(
        trim_whitespace=False, max_length=limits.MAX_MARKDOWN_CHARS
    )
    starter_code = serializers.CharField(
        allow_blank=True, trim_whitespace=False, default="", max_length=limits.max_source_bytes()
    )
    reference_solution = serializers.CharField(
        allow_blank=True, trim_whitespace=False, default="", max_length=limits.max_source_bytes()
    )
    config = serializers.DictField(default=dict)
    hints = serializers.ListField(
        child=serializers.CharField(max_length=limits.MAX_HINT_CHARS),
        default=list,
        max_length=limits.MAX_HINTS,
    )
    editorial_md = serializers.CharField(
        allow_blank=True, trim_whitespace=False, default="", max_length=limits.MAX_MARKDOWN_CHARS
    )
    cases = serializers.ListField(
        child=serializers.DictField(), allow_empty=False, max_length=limits.MAX_CASES
    )
    mutants = MutantInput(many=True, default=list, max_length=limits.MAX_MUTANTS)
    assets = serializers.DictField(
        child=serializers.CharField(trim_whitespace=False, allow_blank=True), default=dict
    )
    source = serializers.DictField(
        default=dict,
        help_text="Provenance: url, commit, licence (SPDX id), attribution, changes; optional.",
    )

    def validate_source(self, source: dict) -> dict:
        _checked(provenance_problems(source))
        return source

    def validate_assets(self, assets: dict) -> dict:
        _checked(limits.assets_problems(assets))
        return assets

    def validate_skills(self, skills: dict) -> dict:
        _checked(skill_weight_problems(skills))
        return skills

    def validate_config(self, config: dict) -> dict:
        _checked(limits.config_problems(config))
        return config

    def validate(self, data: dict) -> dict:
        # Text fields DRF passes through: NUL characters and lone surrogates can't be stored.
        problems = limits.content_problems(
            {**data, "mutants": [dict(m) for m in data.get("mutants", [])]}
        )
        if problems:
            raise serializers.ValidationError(problems)
        return data

    def validate_cases(self, cases: list[dict]) -> list[dict]:
        _checked(limits.cases_problems(cases))
        return [
            {
                "name": case.get("name", ""),
                "visibility": case.get("visibility", "hidden"),
                "input": case.get("input"),
                "expected": case.get("expected"),
                "category": case.get("category", ""),
                "hint": case.get("hint", ""),
                "weight": case.get("weight", 1),
            }
            for case in cases
        ]


CASE_KEYS = ("name", "visibility", "input", "expected", "category", "hint", "weight")


def ignored_keys(raw: object) -> list[str]:
    """Keys of a submitted package nothing reads, as warnings (the response returns them):
    an author's typo ("hnit") must not vanish silently."""
    if not isinstance(raw, dict):
        return []
    fields = set(PackageInput().fields)
    warnings = [
        f"package: unknown key {str(key)[:60]!r}; ignored" for key in raw if key not in fields
    ]
    cases = raw.get("cases")
    for index, case in enumerate(cases if isinstance(cases, list) else [], start=1):
        if isinstance(case, dict):
            warnings += [
                f"cases: case {index}: unknown key {str(key)[:60]!r}; ignored"
                for key in case
                if key not in CASE_KEYS
            ]
    return warnings[:50]


class CreateInput(serializers.Serializer):
    organisation = serializers.SlugField(
        allow_null=True, default=None, help_text="Owner organisation; null: public catalogue."
    )
    package = PackageInput()


class UpdateInput(serializers.Serializer):
    package = PackageInput()


class VersionOutput(serializers.Serializer):
    number = serializers.IntegerField()
    content_digest = serializers.CharField()
    validation_state = serializers.ChoiceField(
        choices=ChallengeVersion.ValidationState.choices,
        help_text="'' never asked; queued or running in the sandbox; done: see validation_ok.",
    )
    validation_ok = serializers.BooleanField(allow_null=True)
    validation_report = serializers.DictField()
    validated_at = serializers.DateTimeField(allow_null=True)


class AuthoringOutput(serializers.Serializer):
    slug = serializers.SlugField()
    # The versions come prefetched newest first in lists; one query per object elsewhere.
    latest_version = serializers.SerializerMethodField()
    title = serializers.CharField()
    kind = serializers.CharField()
    organisation = serializers.SlugField(source="organisation.slug", allow_null=True)
    is_published = serializers.BooleanField()
    published_version = serializers.IntegerField(source="current_version.number", allow_null=True)

    @extend_schema_field(VersionOutput)
    def get_latest_version(self, challenge: Challenge) -> dict:
        versions = list(challenge.versions.all())
        latest = max(versions, key=lambda v: v.number) if versions else None
        return VersionOutput(latest).data if latest else None


class AuthoringWriteOutput(AuthoringOutput):
    warnings = serializers.ListField(
        child=serializers.CharField(),
        help_text="What was ignored (unknown keys): the package was saved without it.",
    )


class AuthoringDetailOutput(AuthoringOutput):
    package = serializers.JSONField(help_text="The latest version as a package, hidden cases too.")


class PreviewInput(serializers.Serializer):
    markdown = serializers.CharField(
        allow_blank=True, trim_whitespace=False, max_length=MAX_MARKDOWN_CHARS
    )


class PreviewOutput(serializers.Serializer):
    html = serializers.CharField(help_text="Sanitised HTML, exactly as candidates will see it.")
    warnings = serializers.ListField(
        child=serializers.CharField(),
        help_text='Plain sentences with line numbers, e.g. "line 12: <details> is not allowed; '
        'shown as text". Loading a package records the same warnings for its statement and '
        "editorial.",
    )


def _package(data: dict, organisation: Organisation | None):
    problem = slug_problem(data["slug"], organisation.slug if organisation else None)
    if problem:
        raise ValidationError({"package": {"slug": [problem[0].upper() + problem[1:] + "."]}})
    try:
        return package_from_submitted(
            {**data, "mutants": [dict(m) for m in data["mutants"]]},
            organisation=organisation.slug if organisation else None,
        )
    except PackageError as exc:
        raise ValidationError({"package": exc.problems}) from None


def _import(package, organisation: Organisation | None):
    try:
        return challenge_import_package(package=package, publish=False, organisation=organisation)
    except ImportRefused as exc:
        raise ValidationError({"package": {"slug": [str(exc)]}}) from None


def _output(challenge: Challenge) -> dict:
    return AuthoringOutput(challenge).data


def _authorable(request: Request, slug: str) -> Challenge:
    try:
        return access_challenges_for_authoring(request.user).get(slug=slug)
    except Challenge.DoesNotExist:
        raise Http404 from None


class AuthoringListView(generics.ListAPIView):
    serializer_class = AuthoringOutput
    parser_classes = AUTHORING_PARSER_CLASSES  # a package carries its dataset

    def get_queryset(self):
        return (
            access_challenges_for_authoring(self.request.user)
            .select_related("organisation", "current_version")
            .prefetch_related(
                Prefetch("versions", queryset=ChallengeVersion.objects.order_by("-number"))
            )
            .order_by("slug")
        )

    @extend_schema(summary="Challenges I may author")
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=CreateInput,
        responses={201: AuthoringWriteOutput},
        summary="Create a challenge (unpublished) from a package",
    )
    def post(self, request: Request) -> Response:
        data = CreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        organisation = None
        if data.validated_data["organisation"]:
            organisation = Organisation.objects.filter(
                slug=data.validated_data["organisation"]
            ).first()
            if organisation is None:
                raise ValidationError({"organisation": ["No organisation has this slug."]})
        if not access_can_author_in(request.user, organisation):
            raise PermissionDenied("You may not author challenges here.")
        package = _package(data.validated_data["package"], organisation)
        if Challenge.objects.filter(slug=package.slug).exists():
            raise ValidationError({"package": {"slug": ["A challenge with this slug exists."]}})
        outcome = _import(package, organisation)
        warnings = ignored_keys(request.data.get("package")) + list(package.warnings)
        return Response(
            {**_output(outcome.challenge), "warnings": warnings}, status=status.HTTP_201_CREATED
        )


class AuthoringDetailView(APIView):
    parser_classes = AUTHORING_PARSER_CLASSES

    @extend_schema(
        responses=AuthoringDetailOutput,
        summary="A challenge's latest version as a package, hidden cases included",
    )
    def get(self, request: Request, slug: str) -> Response:
        challenge = _authorable(request, slug)
        latest = challenge.versions.order_by("-number").first()
        return Response({**_output(challenge), "package": version_content(latest)})

    @extend_schema(
        request=UpdateInput,
        responses=AuthoringWriteOutput,
        summary="Save a new version (unchanged content makes none)",
    )
    def put(self, request: Request, slug: str) -> Response:
        challenge = _authorable(request, slug)
        data = UpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data["package"]["slug"] != challenge.slug:
            raise ValidationError({"package": {"slug": ["The slug can't change."]}})
        if data.validated_data["package"]["kind"] != challenge.kind:
            raise ValidationError({"package": {"kind": ["The kind can't change."]}})
        package = _package(data.validated_data["package"], challenge.organisation)
        _import(package, challenge.organisation)
        challenge.refresh_from_db()
        warnings = ignored_keys(request.data.get("package")) + list(package.warnings)
        return Response({**_output(challenge), "warnings": warnings})


class AuthoringValidateView(APIView):
    throttle_classes = [AuthoringValidateThrottle]

    @extend_schema(
        request=None,
        responses={202: VersionOutput},
        summary="Queue a sandbox validation of the latest version",
        description=(
            "Validation runs in the background (reference twice, starter, mutants, and an SQL "
            "dataset's description). Poll the challenge until validation_state is done; asking "
            "again while one is queued or running queues nothing more."
        ),
    )
    def post(self, request: Request, slug: str) -> Response:
        challenge = _authorable(request, slug)
        version = challenge.versions.order_by("-number").first()
        challenge_version_validation_request(version=version)
        return Response(VersionOutput(version).data, status=status.HTTP_202_ACCEPTED)


class AuthoringPublishView(APIView):
    @extend_schema(
        request=None, responses=AuthoringOutput, summary="Publish the latest (validated) version"
    )
    def post(self, request: Request, slug: str) -> Response:
        challenge = _authorable(request, slug)
        try:
            challenge = challenge_publish(
                challenge=challenge, version=challenge.versions.order_by("-number").first()
            )
        except PublishRefused as exc:
            raise ValidationError({"version": [str(exc)]}) from None
        return Response(_output(challenge))


class MarkdownPreviewView(APIView):
    @extend_schema(
        request=PreviewInput,
        responses=PreviewOutput,
        summary="Preview Markdown",
        description=(
            "Renders a statement or editorial as candidates will see it, with warnings for the "
            "author: raw HTML that is unclosed, unknown or not allowed is shown as text. Staff "
            f"and organisation members only; at most {MAX_MARKDOWN_CHARS} characters."
        ),
    )
    def post(self, request: Request) -> Response:
        if not access_can_preview_markdown(request.user):
            raise PermissionDenied("Only staff and organisation authors may preview.")
        data = PreviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        rendered = render_markdown_checked(data.validated_data["markdown"])
        return Response({"html": rendered.html, "warnings": list(rendered.warnings)})
