"""Routes of the accounts API."""

from django.urls import path

from accounts.api.views import MeExportView, MePasswordView, MeView, TokenView

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("me/", MeView.as_view(), name="api-me"),
    path("me/password/", MePasswordView.as_view(), name="api-me-password"),
    path("me/export/", MeExportView.as_view(), name="api-me-export"),
]
