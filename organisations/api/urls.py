"""Routes of the organisations API."""

from django.urls import path

from organisations.api.views import OrganisationCreateView

urlpatterns = [
    path("organisations/", OrganisationCreateView.as_view(), name="api-organisation-create"),
]
