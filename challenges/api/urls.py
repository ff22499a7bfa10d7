"""Routes of the challenges API."""

from django.urls import path

from challenges.api.assists import EditorialOpenView, HintOpenView
from challenges.api.authoring import (
    AuthoringDetailView,
    AuthoringListView,
    AuthoringPublishView,
    AuthoringValidateView,
    MarkdownPreviewView,
)
from challenges.api.views import ChallengeDetailView, ChallengeListView

urlpatterns = [
    path("challenges/", ChallengeListView.as_view(), name="api-challenge-list"),
    path("challenges/<slug:slug>/", ChallengeDetailView.as_view(), name="api-challenge-detail"),
    path("challenges/<slug:slug>/hints/", HintOpenView.as_view(), name="api-challenge-hint"),
    path(
        "challenges/<slug:slug>/editorial/",
        EditorialOpenView.as_view(),
        name="api-challenge-editorial",
    ),
    path("authoring/challenges/", AuthoringListView.as_view(), name="api-authoring-list"),
    path(
        "authoring/challenges/<slug:slug>/",
        AuthoringDetailView.as_view(),
        name="api-authoring-detail",
    ),
    path(
        "authoring/challenges/<slug:slug>/validate/",
        AuthoringValidateView.as_view(),
        name="api-authoring-validate",
    ),
    path(
        "authoring/challenges/<slug:slug>/publish/",
        AuthoringPublishView.as_view(),
        name="api-authoring-publish",
    ),
    path("authoring/preview/", MarkdownPreviewView.as_view(), name="api-authoring-preview"),
]
