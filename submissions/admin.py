"""Admin for submissions (read mostly: grading writes them)."""

from django.contrib import admin

from submissions.models import Submission


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "version", "mode", "status", "verdict", "score", "created_at")
    list_filter = ("mode", "status", "verdict")
    raw_id_fields = ("user", "version")
    readonly_fields = ("created_at", "started_at", "finished_at", "attempts", "lease_expires_at")
