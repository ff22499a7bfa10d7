"""Admin for challenges: drafts of new versions, inline cases, a Markdown preview, and the
"validate now" and "publish" actions. Versions that were graded against are read-only."""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from challenges.models import Challenge, ChallengeVersion, Skill, TestCase
from challenges.services import (
    PublishRefused,
    challenge_publish,
    challenge_version_draft,
    challenge_version_is_frozen,
    challenge_version_refresh,
    challenge_version_validate,
)


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("slug", "name")


def _latest(challenge: Challenge) -> ChallengeVersion | None:
    return challenge.versions.order_by("-number").first()


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
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
    list_filter = ("kind", "difficulty", "is_published", "organisation", "skills")
    search_fields = ("slug", "title")
    filter_horizontal = ("skills",)
    raw_id_fields = ("current_version",)
    actions = ["validate_now", "publish_latest", "draft_new_version"]

    @admin.display(description="latest version")
    def latest_validation(self, challenge: Challenge) -> str:
        latest = _latest(challenge)
        if latest is None:
            return "-"
        state = {True: "valid", False: "INVALID", None: "not validated"}[latest.validation_ok]
        return f"v{latest.number}: {state}"

    @admin.action(description="Validate the latest version now (sandbox)")
    def validate_now(self, request, queryset):
        for challenge in queryset:
            version = challenge_version_validate(version=_latest(challenge))
            report = version.validation_report
            summary = (
                f"Validated {challenge.slug} v{version.number}: "
                f"{'ok' if version.validation_ok else 'FAILED'}; slowest case "
                f"{report.get('slowest_case_ms', 0)} ms; mutants killed "
                f"{sum(m['killed'] for m in report.get('mutants', []))}/"
                f"{len(report.get('mutants', []))}"
            )
            problems = report.get("problems", [])
            level = messages.SUCCESS if version.validation_ok else messages.ERROR
            self.message_user(
                request, summary + ("".join(f" | {p}" for p in problems)), level=level
            )

    @admin.action(description="Publish the latest version (must have passed validation)")
    def publish_latest(self, request, queryset):
        for challenge in queryset:
            try:
                challenge_publish(challenge=challenge, version=_latest(challenge))
                self.message_user(request, f"Published {challenge.slug}", messages.SUCCESS)
            except PublishRefused as exc:
                self.message_user(request, f"Not published {challenge.slug}: {exc}", messages.ERROR)

    @admin.action(description="Start a new draft version (a copy of the latest)")
    def draft_new_version(self, request, queryset):
        for challenge in queryset:
            draft = challenge_version_draft(challenge=challenge)
            self.message_user(
                request, f"Created draft v{draft.number} of {challenge.slug}", messages.SUCCESS
            )


class TestCaseInline(admin.StackedInline):
    model = TestCase
    extra = 0
    fields = (
        ("ordinal", "name", "visibility", "weight"),
        ("category", "hint"),
        "input",
        "expected",
    )

    def has_change_permission(self, request, obj=None):
        return obj is None or not challenge_version_is_frozen(obj)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(ChallengeVersion)
class ChallengeVersionAdmin(admin.ModelAdmin):
    list_display = ("challenge", "number", "validation_ok", "validated_at", "created_at")
    list_filter = ("challenge__kind", "validation_ok")
    inlines = [TestCaseInline]
    readonly_fields = (
        "challenge",
        "number",
        "statement_preview",
        "validation_summary",
        "content_digest",
        "created_at",
    )
    fields = (
        ("challenge", "number"),
        "statement_md",
        "statement_preview",
        "starter_code",
        "reference_solution",
        "config",
        "hints",
        "mutants",
        "editorial_md",
        "validation_summary",
        "content_digest",
        "created_at",
    )

    def has_add_permission(self, request):
        return False  # new versions come from packages, the API, or "new draft version"

    def has_change_permission(self, request, obj=None):
        return obj is None or not challenge_version_is_frozen(obj)

    @admin.display(description="statement preview (sanitised)")
    def statement_preview(self, version: ChallengeVersion) -> str:
        return mark_safe(f'<div class="statement-preview">{version.statement_html}</div>')  # noqa: S308 (sanitised by render_markdown)

    @admin.display(description="validation")
    def validation_summary(self, version: ChallengeVersion) -> str:
        report = version.validation_report or {}
        if not report:
            return "not validated yet"
        problems = format_html_join("", "<li>{}</li>", ((p,) for p in report["problems"]))
        mutants = format_html_join(
            "",
            "<li>{}: {}</li>",
            ((m["name"], "killed" if m["killed"] else "SURVIVED") for m in report["mutants"]),
        )
        return format_html(
            "<strong>{}</strong> (slowest case {} ms, limit {} s)<ul>{}</ul>Mutants:<ul>{}</ul>",
            "valid" if report["ok"] else "invalid",
            report["slowest_case_ms"],
            report["time_limit_s"],
            problems,
            mutants,
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        challenge_version_refresh(version=form.instance)
