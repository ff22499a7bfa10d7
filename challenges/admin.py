"""Admin for challenges, read-only: the studio (/studio/) creates and edits them, and the
"validate" and "publish" actions go through the same services as the studio's buttons."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from challenges.access import access_challenges_for_admin, access_challenges_for_authoring
from challenges.models import Challenge, ChallengeSkill, ChallengeVersion, Skill, Tag, TestCase
from challenges.services import (
    PublishRefused,
    challenge_publish,
    challenge_version_validation_request,
)
from config.admin_readonly import (
    ViewOnly,
    code_block,
    json_block,
    shown_code,
    shown_json,
    shown_markdown,
)


@admin.register(Skill)
class SkillAdmin(ViewOnly, admin.ModelAdmin):
    """The canonical taxonomy is code (challenges/skills.py), kept in step by loadchallenges."""

    list_display = ("slug", "name", "position", "description")


@admin.register(Tag)
class TagAdmin(ViewOnly, admin.ModelAdmin):
    """Tags come from the packages (challenge.toml); the name is derived from the slug."""

    list_display = ("slug", "name")
    search_fields = ("slug", "name")


def _latest(challenge: Challenge) -> ChallengeVersion | None:
    return challenge.versions.order_by("-number").first()


class StudioLinkMixin:
    """The pages say the studio edits these; a change page links to the challenge there."""

    change_form_template = "admin/challenges/studio_change_form.html"
    change_list_template = "admin/challenges/studio_change_list.html"

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is not None:
            challenge = obj if isinstance(obj, Challenge) else obj.challenge
            # Superusers see every organisation's challenges here, but only its owners and
            # authors edit them (docs/access.md): no link that would answer 404.
            authorable = access_challenges_for_authoring(request.user).filter(pk=challenge.pk)
            extra_context = {
                **(extra_context or {}),
                "studio_url": reverse("studio:edit", kwargs={"slug": challenge.slug})
                if authorable.exists()
                else "",
            }
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Challenge)
class ChallengeAdmin(StudioLinkMixin, ViewOnly, admin.ModelAdmin):
    list_display = (
        "slug",
        "title",
        "kind",
        "difficulty",
        "organisation",
        "is_published",
        "current_version",
        "latest_validation",
    )
    # Only the organisations of the challenges listed: staff never learn the others' names.
    list_filter = (
        "kind",
        "difficulty",
        "is_published",
        ("organisation", admin.RelatedOnlyFieldListFilter),
        "skills",
    )
    search_fields = ("slug", "title")
    fields = (
        ("slug", "title"),
        ("kind", "difficulty"),
        ("context", "estimated_minutes"),
        "organisation",
        ("is_published", "current_version"),
        "skills_trained",
        "tag_list",
        "version_list",
        ("created_at", "updated_at"),
    )
    readonly_fields = ("skills_trained", "tag_list", "version_list")
    actions = ["validate_now", "publish_latest"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Challenge]:
        return (
            super()
            .get_queryset(request)
            .filter(pk__in=access_challenges_for_admin(request.user).values("pk"))
        )

    def has_delete_permission(self, request: HttpRequest, obj: Challenge | None = None) -> bool:
        # One at a time (no bulk action), and only a challenge no candidate ever saw: never
        # published, nothing submitted (a bare row left by a mistake). Anything else is history
        # that submissions and readiness point at.
        if obj is None or not request.user.is_superuser or obj.is_published:
            return False
        return not obj.versions.filter(submissions__isnull=False).exists()

    def has_author_permission(self, request: HttpRequest) -> bool:
        """The actions' permission: whoever may author some challenge in the studio."""
        return access_challenges_for_authoring(request.user).exists()

    @admin.display(description="skills")
    def skills_trained(self, challenge: Challenge) -> str:
        weights = ChallengeSkill.objects.filter(challenge=challenge).select_related("skill")
        return ", ".join(f"{w.skill.name} {w.weight:.0%}" for w in weights) or "-"

    @admin.display(description="tags")
    def tag_list(self, challenge: Challenge) -> str:
        return ", ".join(challenge.tags.values_list("slug", flat=True)) or "-"

    @admin.display(description="versions")
    def version_list(self, challenge: Challenge) -> SafeString:
        rows = (
            (reverse("admin:challenges_challengeversion_change", args=[v.pk]), v.number)
            for v in challenge.versions.order_by("-number")
        )
        return format_html_join(", ", '<a href="{}">v{}</a>', rows) or "-"

    @admin.display(description="latest version")
    def latest_validation(self, challenge: Challenge) -> str:
        latest = _latest(challenge)
        if latest is None:
            return "-"
        if latest.validation_state in (
            ChallengeVersion.ValidationState.QUEUED,
            ChallengeVersion.ValidationState.RUNNING,
        ):
            return f"v{latest.number}: validation {latest.validation_state}"
        state = {True: "valid", False: "INVALID", None: "not validated"}[latest.validation_ok]
        return f"v{latest.number}: {state}"

    def _authored(self, request: HttpRequest, queryset: QuerySet[Challenge]):
        """The selected challenges `request.user` may author; a message for each other one."""
        mine = set(access_challenges_for_authoring(request.user).values_list("pk", flat=True))
        for challenge in queryset.order_by("slug"):
            if challenge.pk not in mine:
                self.message_user(
                    request,
                    f"Skipped {challenge.slug}: only its organisation's owners and authors may",
                    messages.WARNING,
                )
                continue
            version = _latest(challenge)
            if version is None:
                self.message_user(
                    request,
                    f"Skipped {challenge.slug}: no version yet; save its files in the studio",
                    messages.WARNING,
                )
                continue
            yield challenge, version

    @admin.action(
        description="Validate the latest version (queued for the sandbox)",
        permissions=["author"],
    )
    def validate_now(self, request: HttpRequest, queryset: QuerySet[Challenge]) -> None:
        for challenge, version in self._authored(request, queryset):
            if challenge_version_validation_request(version=version):
                message = f"Queued the validation of {challenge.slug} v{version.number}"
            else:
                message = (
                    f"The validation of {challenge.slug} v{version.number} is already "
                    f"{version.validation_state}"
                )
            self.message_user(request, message, messages.SUCCESS)

    @admin.action(
        description="Publish the latest version (must have passed validation)",
        permissions=["author"],
    )
    def publish_latest(self, request: HttpRequest, queryset: QuerySet[Challenge]) -> None:
        for challenge, version in self._authored(request, queryset):
            try:
                challenge_publish(challenge=challenge, version=version)
                self.message_user(request, f"Published {challenge.slug}", messages.SUCCESS)
            except PublishRefused as exc:
                self.message_user(request, f"Not published {challenge.slug}: {exc}", messages.ERROR)


class TestCaseInline(ViewOnly, admin.StackedInline):
    model = TestCase
    extra = 0
    fields = (
        ("ordinal", "name", "visibility", "weight"),
        ("category", "hint"),
        "input_shown",
        "expected_shown",
    )
    readonly_fields = ("input_shown", "expected_shown")
    input_shown = shown_json("input", "input")
    expected_shown = shown_json("expected", "expected")


@admin.register(ChallengeVersion)
class ChallengeVersionAdmin(StudioLinkMixin, ViewOnly, admin.ModelAdmin):
    """A version as its package holds it: code with its indentation, JSON indented, the
    statement as candidates see it. Versions are immutable; the studio saves new ones."""

    list_display = (
        "challenge",
        "number",
        "validation_state",
        "validation_ok",
        "validated_at",
        "created_at",
    )
    list_filter = ("challenge__kind", "validation_state", "validation_ok")
    inlines = [TestCaseInline]
    fields = (
        ("challenge", "number"),
        "statement_preview",
        "statement_source",
        "starter",
        "solution",
        "mutant_list",
        "config_shown",
        "hints_shown",
        "asset_list",
        "editorial_preview",
        "source_shown",
        ("validation_state", "validated_at"),
        "validation_summary",
        "warnings_shown",
        ("content_digest", "created_at"),
    )
    readonly_fields = (
        "statement_preview",
        "statement_source",
        "starter",
        "solution",
        "mutant_list",
        "config_shown",
        "hints_shown",
        "asset_list",
        "editorial_preview",
        "source_shown",
        "validation_summary",
        "warnings_shown",
    )
    statement_preview = shown_markdown("statement_md", "statement (sanitised preview)")
    statement_source = shown_code("statement_md", "statement (Markdown)")
    starter = shown_code("starter_code", "starter code")
    solution = shown_code("reference_solution", "reference solution")
    config_shown = shown_json("config", "config")
    hints_shown = shown_json("hints", "hints")
    editorial_preview = shown_markdown("editorial_md", "editorial (sanitised preview)")
    source_shown = shown_json("source", "provenance")
    warnings_shown = shown_json("load_warnings", "load warnings")

    def get_queryset(self, request: HttpRequest) -> QuerySet[ChallengeVersion]:
        return (
            super()
            .get_queryset(request)
            .filter(challenge__in=access_challenges_for_admin(request.user).values("pk"))
        )

    @admin.display(description="mutants")
    def mutant_list(self, version: ChallengeVersion) -> SafeString:
        mutants = version.mutants
        if not mutants:
            return code_block("")
        if not isinstance(mutants, list) or not all(isinstance(m, dict) for m in mutants):
            return json_block(mutants)  # not the package's shape: shown as it is stored
        return format_html_join(
            "",
            "<p><strong>{}</strong></p>{}",
            ((m.get("name", "?"), code_block(m.get("code", ""))) for m in mutants),
        )

    @admin.display(description="dataset files")
    def asset_list(self, version: ChallengeVersion) -> SafeString:
        assets = version.assets
        if not assets:
            return code_block("")
        if not isinstance(assets, dict):
            return json_block(assets)
        return format_html_join(
            "",
            "<p><strong>{}</strong></p>{}",
            ((path, code_block(text)) for path, text in sorted(assets.items())),
        )

    @admin.display(description="validation")
    def validation_summary(self, version: ChallengeVersion) -> SafeString:
        report = version.validation_report or {}
        if not isinstance(report, dict) or not report:
            return format_html("{}", "not validated yet")
        problems = format_html_join("", "<li>{}</li>", ((p,) for p in report.get("problems", [])))
        mutants = format_html_join(
            "",
            "<li>{}: {}</li>",
            (
                (m.get("name"), "killed" if m.get("killed") else "SURVIVED")
                for m in report.get("mutants", [])
                if isinstance(m, dict)
            ),
        )
        return format_html(
            "<strong>{}</strong> (slowest case {} ms, limit {} s)<ul>{}</ul>Mutants:<ul>{}</ul>",
            "valid" if report.get("ok") else "invalid",
            report.get("slowest_case_ms", 0),
            report.get("time_limit_s", 0),
            problems,
            mutants,
        )
