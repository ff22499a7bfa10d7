"""Admin for submissions: read-only, because grading and review are their only writers."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from challenges.access import access_challenges_for_admin
from submissions.models import Submission


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Viewing only, superusers included: a hand edit would bypass the status machine's guarded
    updates, the grading lease and the per-user caps (submissions/creation.py, grading.py and
    reviews.py own the writes)."""

    list_display = ("id", "user", "version", "mode", "status", "verdict", "score", "created_at")
    list_filter = ("mode", "status", "verdict")
    raw_id_fields = ("user", "version")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Submission]:
        # An organisation's submissions are its assessment data: shown to whoever may see its
        # challenges in the admin (docs/access.md).
        return (
            super()
            .get_queryset(request)
            .filter(version__challenge__in=access_challenges_for_admin(request.user))
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Submission | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Submission | None = None) -> bool:
        return False
