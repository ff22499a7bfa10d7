"""Admin for jobs and applications, read-only: the employer's pages and API write them through
jobs/services.py (checks, the rendered description, stage history and the candidate's email)."""

import json

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.safestring import SafeString

from config.admin_readonly import ViewOnly, code_block, json_block, shown_code, shown_markdown
from jobs.access import hiring_organisations
from jobs.models import Application, Job, StageChange
from jobs.services import job_delete


def _organisation_scope(request, queryset, path: str):
    # As for challenges (docs/access.md): superusers, the operators, see all; other staff only
    # what their hiring memberships give them.
    if request.user.is_superuser:
        return queryset
    return queryset.filter(**{f"{path}__in": hiring_organisations(request.user)})


@admin.register(Job)
class JobAdmin(ViewOnly, admin.ModelAdmin):
    list_display = ("title", "organisation", "role_profile", "status", "created_at")
    list_filter = ("status", "workplace", "role_profile")
    search_fields = ("title", "organisation__name")
    fields = (
        ("organisation", "status"),
        "title",
        ("location", "workplace"),
        ("role_profile", "minimum_readiness"),
        "description",
        "description_source",
        ("created_by", "created_at", "updated_at"),
    )
    readonly_fields = ("description", "description_source")
    description = shown_markdown("description_md", "description (sanitised preview)")
    description_source = shown_code("description_md", "description (Markdown)")

    def get_queryset(self, request):
        return _organisation_scope(request, super().get_queryset(request), "organisation")

    def has_delete_permission(self, request: HttpRequest, obj: Job | None = None) -> bool:
        # Superusers remove a job nobody applied to (spam, a mistake), one at a time, through
        # job_delete; applications are candidates' records and keep their job.
        if obj is None or not request.user.is_superuser:
            return False
        return not obj.applications.exists()

    def delete_model(self, request: HttpRequest, obj: Job) -> None:
        if not job_delete(job=obj):
            # Someone applied between the confirmation page and the post: nothing deleted.
            raise PermissionDenied("The job has applications now.")


class StageChangeInline(ViewOnly, admin.TabularInline):
    model = StageChange
    extra = 0
    readonly_fields = ("from_stage", "to_stage", "changed_by", "created_at")


@admin.register(Application)
class ApplicationAdmin(ViewOnly, admin.ModelAdmin):
    """Read-only for everyone: stages move through the employer's pages and API, which check the
    transitions and email the candidate; the snapshot is never rewritten."""

    list_display = ("candidate", "job", "stage", "role_score", "created_at")
    list_filter = ("stage",)
    search_fields = ("candidate__username", "job__title")
    inlines = [StageChangeInline]
    fields = (
        ("job", "candidate"),
        "note_shown",
        ("stage", "stage_changed_at"),
        ("role_score", "role_low"),
        "snapshot",
        "snapshot_sha256",
        "created_at",
    )
    readonly_fields = ("note_shown", "snapshot", "snapshot_sha256")
    note_shown = shown_code("note", "note")

    def get_queryset(self, request):
        return _organisation_scope(request, super().get_queryset(request), "job__organisation")

    @admin.display(description="readiness snapshot (frozen)")
    def snapshot(self, application: Application) -> SafeString:
        try:
            return json_block(json.loads(application.snapshot_json))
        except ValueError:
            return code_block(application.snapshot_json)  # shown as stored, whatever it is
