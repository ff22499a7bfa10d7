"""Routes of the submissions API."""

from django.urls import path

from submissions.api.drafts import DraftView
from submissions.api.progress import MyProgressView
from submissions.api.reviews import ReviewQueueView, ReviewSubmitView
from submissions.api.views import SubmissionDetailView, SubmissionListCreateView

urlpatterns = [
    path("submissions/", SubmissionListCreateView.as_view(), name="api-submission-list"),
    path(
        "submissions/<int:submission_id>/",
        SubmissionDetailView.as_view(),
        name="api-submission-detail",
    ),
    path("reviews/", ReviewQueueView.as_view(), name="api-review-queue"),
    path("reviews/<int:submission_id>/", ReviewSubmitView.as_view(), name="api-review-submit"),
    path("me/progress/", MyProgressView.as_view(), name="api-my-progress"),
    path("challenges/<slug:slug>/draft/", DraftView.as_view(), name="api-challenge-draft"),
]
