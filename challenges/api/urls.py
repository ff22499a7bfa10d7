"""Routes of the challenges API."""

from django.urls import path

from challenges.api.views import ChallengeDetailView, ChallengeListView

urlpatterns = [
    path("challenges/", ChallengeListView.as_view(), name="api-challenge-list"),
    path("challenges/<slug:slug>/", ChallengeDetailView.as_view(), name="api-challenge-detail"),
]
