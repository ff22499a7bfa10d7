"""Routes of the submissions API."""

from django.urls import path

from submissions.api.views import SubmissionDetailView, SubmissionListCreateView

urlpatterns = [
    path("submissions/", SubmissionListCreateView.as_view(), name="api-submission-list"),
    path(
        "submissions/<int:submission_id>/",
        SubmissionDetailView.as_view(),
        name="api-submission-detail",
    ),
]
