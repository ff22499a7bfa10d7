"""Admin for challenges: versions are read-only snapshots, cases shown inline."""

from django.contrib import admin

from challenges.models import Challenge, ChallengeVersion, Skill, TestCase


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("slug", "name")


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ("slug", "title", "kind", "difficulty", "is_published", "current_version")
    list_filter = ("kind", "difficulty", "is_published", "skills")
    search_fields = ("slug", "title")
    filter_horizontal = ("skills",)
    raw_id_fields = ("current_version",)


class TestCaseInline(admin.TabularInline):
    model = TestCase
    extra = 0
    fields = ("ordinal", "name", "visibility", "category", "hint", "weight", "input", "expected")


@admin.register(ChallengeVersion)
class ChallengeVersionAdmin(admin.ModelAdmin):
    list_display = ("challenge", "number", "created_at", "content_digest")
    list_filter = ("challenge__kind",)
    inlines = [TestCaseInline]
    readonly_fields = ("statement_html", "editorial_html", "content_digest", "created_at")
