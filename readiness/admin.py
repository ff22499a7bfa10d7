"""Admin: role profiles are edited here; scores, evidence and reports are read-only (the
readiness services and the candidate's Share page write them)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from config.admin_readonly import ViewOnly, shown_json
from readiness.models import (
    ChallengeCalibration,
    ChallengeEvidence,
    PublicReport,
    RoleProfile,
    RoleSkill,
    SkillScore,
)


class RoleSkillFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        # A profile without a skill has no role score (readiness.roles.role_readiness refuses
        # it, and every page showing the role would fail).
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not kept and not any(form.errors for form in self.forms):
            raise ValidationError("A role needs at least one skill with a weight.")


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    formset = RoleSkillFormSet
    extra = 0
    min_num = 1  # one empty row to fill on a new profile


@admin.register(RoleProfile)
class RoleProfileAdmin(admin.ModelAdmin):
    """Configuration operators edit (docs/readiness.md). The slug is fixed once created: jobs,
    the API and frozen application snapshots name a role by it."""

    list_display = ["name", "slug", "threshold", "position"]
    inlines = [RoleSkillInline]

    def get_readonly_fields(self, request, obj=None):
        return ("slug",) if obj is not None else ()

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ["name"]} if obj is None else {}


@admin.register(SkillScore)
class SkillScoreAdmin(ViewOnly, admin.ModelAdmin):
    list_display = ["user", "skill", "score", "low", "high", "challenges", "as_of"]
    list_filter = ["skill"]
    search_fields = ["user__username"]
    exclude = ["explanation"]
    readonly_fields = ["explanation_shown"]
    explanation_shown = shown_json("explanation", "explanation")


@admin.register(ChallengeEvidence)
class ChallengeEvidenceAdmin(ViewOnly, admin.ModelAdmin):
    list_display = ["user", "challenge", "success", "failure", "submits", "best_score"]
    search_fields = ["user__username", "challenge__slug"]


@admin.register(ChallengeCalibration)
class ChallengeCalibrationAdmin(ViewOnly, admin.ModelAdmin):
    list_display = ["challenge", "difficulty", "label_difficulty", "candidates", "updated_at"]


@admin.register(PublicReport)
class PublicReportAdmin(ViewOnly, admin.ModelAdmin):
    list_display = ["user", "created_at", "revoked_at"]
