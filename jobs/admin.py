"""Admin for jobs (editable by staff) and applications (read-only: their snapshot is frozen)."""

from django.contrib import admin

from jobs.models import Application, Job, StageChange


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "role_profile", "status", "created_at")
    list_filter = ("status", "workplace", "role_profile")
    search_fields = ("title", "organisation__name")
    raw_id_fields = ("created_by",)
    readonly_fields = ("description_html", "created_at", "updated_at")


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_stage", "to_stage", "changed_by", "created_at")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only for everyone: stages move through the employer's pages and API, which check the
    transitions and email the candidate; the snapshot is never rewritten."""

    list_display = ("candidate", "job", "stage", "role_score", "created_at")
    list_filter = ("stage",)
    search_fields = ("candidate__username", "job__title")
    inlines = [StageChangeInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
