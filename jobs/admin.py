"""Admin for jobs (editable by staff) and applications (read-only: their snapshot is frozen)."""

from django.contrib import admin

from jobs.access import hiring_organisations
from jobs.models import Application, Job, StageChange
from markup.rendering import render_markdown


def _organisation_scope(request, queryset, path: str):
    # As for challenges (docs/access.md): superusers, the operators, see all; other staff only
    # what their hiring memberships give them.
    if request.user.is_superuser:
        return queryset
    return queryset.filter(**{f"{path}__in": hiring_organisations(request.user)})


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "role_profile", "status", "created_at")
    list_filter = ("status", "workplace", "role_profile")
    search_fields = ("title", "organisation__name")
    readonly_fields = ("description_html", "created_by", "created_at", "updated_at")

    def get_queryset(self, request):
        return _organisation_scope(request, super().get_queryset(request), "organisation")

    def save_model(self, request, obj: Job, form, change: bool) -> None:
        # The page shows description_html: it must come from the Markdown, sanitised, here too.
        obj.description_html = render_markdown(obj.description_md)
        super().save_model(request, obj, form, change)


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

    def get_queryset(self, request):
        return _organisation_scope(request, super().get_queryset(request), "job__organisation")

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
