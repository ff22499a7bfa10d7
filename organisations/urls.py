"""Routes of the team pages (employers' team, and the invitation link)."""

from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("employer/team/", views.team, name="team"),
    path("employer/team/<slug:slug>/", views.team, name="team-of"),
    path("employer/team/<slug:slug>/invite/", views.team_invite, name="team-invite"),
    path(
        "employer/team/<slug:slug>/invitations/<int:invitation_id>/revoke/",
        views.team_invitation_revoke_view,
        name="team-invitation-revoke",
    ),
    path(
        "employer/team/<slug:slug>/members/<int:user_id>/remove/",
        views.team_member_remove_view,
        name="team-member-remove",
    ),
    path(
        "employer/team/<slug:slug>/members/<int:user_id>/role/",
        views.team_member_role_view,
        name="team-member-role",
    ),
    path(
        "employer/team/<slug:slug>/members/<int:user_id>/transfer/",
        views.team_transfer_view,
        name="team-transfer",
    ),
    path("team/invitations/<str:token>/", views.invitation, name="invitation"),
]
