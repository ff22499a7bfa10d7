"""Admin for challenges: drafts of new versions, inline cases, a Markdown preview, and the
"validate" and "publish" actions. Versions that were graded against are read-only; publishing
and validation go through the services only (the fields they own are read-only here)."""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from challenges import package_content
from challenges.access import access_challenges_for_admin, authorable_organisations
from challenges.models import Challenge, ChallengeSkill, ChallengeVersion, Skill, Tag, TestCase
from challenges.packages import MANIFEST, kind_config_problems
from challenges.services import (
    PublishRefused,
    challenge_publish,
    challenge_version_draft,
    challenge_version_is_frozen,
    challenge_version_refresh,
    challenge_version_validation_request,
)
from markup import render_markdown_checked


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    """The canonical taxonomy is code (challenges/skills.py), kept in step by loadchallenges."""

    list_display = ("slug", "name", "position", "description")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("slug", "name")
    search_fields = ("slug", "name")


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
    # Publishing is the publish action's (challenge_publish checks the validation); the owner
    # and slug never change once a challenge exists.
    # Skills and tags come from the package (challenge.toml), never typed here.
    readonly_fields = ("is_published", "current_version", "skills_trained", "tag_list")
    actions = ["validate_now", "publish_latest", "draft_new_version"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(pk__in=access_challenges_for_admin(request.user).values("pk"))
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and not request.user.is_superuser:
            kwargs["queryset"] = authorable_organisations(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        return (*self.readonly_fields, "slug", "kind", "organisation")

    @admin.display(description="skills")
    def skills_trained(self, challenge: Challenge) -> str:
        weights = ChallengeSkill.objects.filter(challenge=challenge).select_related("skill")
        return ", ".join(f"{w.skill.name} {w.weight:.0%}" for w in weights) or "-"

    @admin.display(description="tags")
    def tag_list(self, challenge: Challenge) -> str:
        return ", ".join(challenge.tags.values_list("slug", flat=True)) or "-"

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

    @admin.action(description="Validate the latest version (queued for the sandbox)")
    def validate_now(self, request, queryset):
        for challenge in queryset:
            version = _latest(challenge)
            if version is None:
                continue
            if challenge_version_validation_request(version=version):
                message = f"Queued the validation of {challenge.slug} v{version.number}"
            else:
                message = (
                    f"The validation of {challenge.slug} v{version.number} is already "
                    f"{version.validation_state}"
                )
            self.message_user(request, message, messages.SUCCESS)

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


class TestCaseForm(forms.ModelForm):
    """A case's input and expected value are stored and sent on: the package checks apply."""

    def clean(self):
        data = super().clean()
        for field in ("input", "expected"):
            if field in data:
                problems = package_content.json_problems(data[field])
                if field == "input" and not isinstance(data[field], dict):
                    problems.append("must be an object")
                if problems:
                    self.add_error(field, problems)
        return data


class TestCaseInline(admin.StackedInline):
    model = TestCase
    form = TestCaseForm
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


class ChallengeVersionForm(forms.ModelForm):
    """The same checks as a package's, so an edited version can always be exported and graded."""

    def clean(self):
        data = super().clean()
        problems: dict[str, list[str]] = {}
        if "config" in data:
            config = data["config"]
            problems["config"] = package_content.config_problems(config)
            if isinstance(config, dict):
                kind = self.instance.challenge.kind
                problems["config"] += [
                    p.removeprefix(f"{MANIFEST}: ") for p in kind_config_problems(kind, config)
                ]
        if "hints" in data:
            hints = data["hints"]
            if not isinstance(hints, list) or not all(
                isinstance(h, str) and len(h) <= package_content.MAX_HINT_CHARS for h in hints
            ):
                problems["hints"] = ["a list of texts"]
        if "mutants" in data:
            problems["mutants"] = package_content.mutants_problems(data["mutants"])
        for field in ("starter_code", "reference_solution"):
            if field in data:
                problems[field] = package_content.source_problems(data[field])
        limit = package_content.MAX_MARKDOWN_CHARS
        for field in ("statement_md", "editorial_md"):
            if len(data.get(field) or "") > limit:
                problems[field] = [f"at most {limit} characters"]
        for field, found in problems.items():
            if found:
                self.add_error(field, found)
        return data


@admin.register(ChallengeVersion)
class ChallengeVersionAdmin(admin.ModelAdmin):
    form = ChallengeVersionForm
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
    readonly_fields = (
        "challenge",
        "number",
        "statement_preview",
        "validation_state",
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
        "validation_state",
        "validation_summary",
        "content_digest",
        "created_at",
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(challenge__in=access_challenges_for_admin(request.user).values("pk"))
        )

    def has_add_permission(self, request):
        return False  # new versions come from packages, the API, or "new draft version"

    def has_change_permission(self, request, obj=None):
        return obj is None or not challenge_version_is_frozen(obj)

    @admin.display(description="statement preview (sanitised)")
    def statement_preview(self, version: ChallengeVersion) -> str:
        preview = mark_safe(f'<div class="statement-preview">{version.statement_html}</div>')  # noqa: S308 (sanitised by render_markdown)
        warnings = render_markdown_checked(version.statement_md).warnings
        if not warnings:
            return preview
        listed = format_html_join("", "<li>{}</li>", ((warning,) for warning in warnings))
        return format_html('<ul class="markdown-warnings">{}</ul>{}', listed, preview)

    @admin.display(description="validation")
    def validation_summary(self, version: ChallengeVersion) -> str:
        report = version.validation_report or {}
        if not report:
            return "not validated yet"
        problems = format_html_join("", "<li>{}</li>", ((p,) for p in report.get("problems", [])))
        mutants = format_html_join(
            "",
            "<li>{}: {}</li>",
            (
                (m.get("name"), "killed" if m.get("killed") else "SURVIVED")
                for m in report.get("mutants", [])
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        challenge_version_refresh(version=form.instance)
