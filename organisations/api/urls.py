"""Routes of the organisations API."""

from django.urls import path

from organisations.api import team_views
from organisations.api.views import OrganisationCreateView

urlpatterns = [
    path("organisations/", OrganisationCreateView.as_view(), name="api-organisation-create"),
    path(
        "organisations/<slug:slug>/members/",
        team_views.TeamMembersView.as_view(),
        name="api-team-members",
    ),
    path(
        "organisations/<slug:slug>/members/<int:user_id>/",
        team_views.TeamMemberView.as_view(),
        name="api-team-member",
    ),
    path(
        "organisations/<slug:slug>/invitations/",
        team_views.TeamInvitationsView.as_view(),
        name="api-team-invitations",
    ),
    path(
        "organisations/<slug:slug>/invitations/<int:invitation_id>/",
        team_views.TeamInvitationView.as_view(),
        name="api-team-invitation",
    ),
    path(
        "organisations/<slug:slug>/transfer/",
        team_views.TeamTransferView.as_view(),
        name="api-team-transfer",
    ),
    path(
        "team/invitations/accept/",
        team_views.TeamInvitationAcceptView.as_view(),
        name="api-team-invitation-accept",
    ),
]
