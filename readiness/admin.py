"""Admin: role profiles are edited here; scores and evidence are read-only (services own them)."""

from django.contrib import admin

from readiness.models import (
    ChallengeCalibration,
    ChallengeEvidence,
    PublicReport,
    RoleProfile,
    RoleSkill,
    SkillScore,
)


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    extra = 1


@admin.register(RoleProfile)
class RoleProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "threshold", "position"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoleSkillInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SkillScore)
class SkillScoreAdmin(ReadOnlyAdmin):
    list_display = ["user", "skill", "score", "low", "high", "challenges", "as_of"]
    list_filter = ["skill"]
    search_fields = ["user__username"]


@admin.register(ChallengeEvidence)
class ChallengeEvidenceAdmin(ReadOnlyAdmin):
    list_display = ["user", "challenge", "success", "failure", "submits", "best_score"]
    search_fields = ["user__username", "challenge__slug"]


@admin.register(ChallengeCalibration)
class ChallengeCalibrationAdmin(ReadOnlyAdmin):
    list_display = ["challenge", "difficulty", "label_difficulty", "candidates", "updated_at"]


@admin.register(PublicReport)
class PublicReportAdmin(ReadOnlyAdmin):
    list_display = ["user", "created_at", "revoked_at"]
