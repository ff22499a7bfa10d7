"""Admin for submissions: read-only, because grading and review are their only writers."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from challenges.access import access_challenges_for_admin
from config.admin_readonly import ViewOnly, shown_code, shown_json
from submissions.models import Review, Submission


class ReviewInline(ViewOnly, admin.StackedInline):
    """The reviewer's scores and comment (submissions/reviews.py writes them, in /reviews/)."""

    model = Review
    fields = ("reviewer", "scores_shown", "comment_shown", "created_at")
    readonly_fields = ("scores_shown", "comment_shown")
    scores_shown = shown_json("scores", "scores")
    comment_shown = shown_code("comment", "comment")


@admin.register(Submission)
class SubmissionAdmin(ViewOnly, admin.ModelAdmin):
    """Viewing only, superusers included: a hand edit would bypass the status machine's guarded
    updates, the grading lease and the per-user caps (submissions/creation.py, grading.py and
    reviews.py own the writes)."""

    list_display = ("id", "user", "version", "mode", "status", "verdict", "score", "created_at")
    list_filter = ("mode", "status", "verdict")
    inlines = [ReviewInline]
    fields = (
        ("user", "version", "mode"),
        ("status", "verdict", "score", "passed"),
        "message",
        "code_shown",
        "answers_shown",
        "results_shown",
        "stdout_shown",
        "stderr_shown",
        ("wall_time_ms", "cpu_time_ms", "peak_memory_kb"),
        ("attempts", "lease_expires_at"),
        ("created_at", "started_at", "finished_at"),
    )
    readonly_fields = (
        "code_shown",
        "answers_shown",
        "results_shown",
        "stdout_shown",
        "stderr_shown",
    )
    code_shown = shown_code("code", "code")
    answers_shown = shown_json("answers", "answers")
    results_shown = shown_json("results", "results")
    stdout_shown = shown_code("stdout", "stdout")
    stderr_shown = shown_code("stderr", "stderr")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Submission]:
        # An organisation's submissions are its assessment data: shown to whoever may see its
        # challenges in the admin (docs/access.md).
        return (
            super()
            .get_queryset(request)
            .filter(version__challenge__in=access_challenges_for_admin(request.user))
        )
