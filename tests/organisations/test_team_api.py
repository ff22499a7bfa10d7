"""The team API: listing, inviting (the link only by email), revoking, roles, removal,
transfer and accepting with a token."""

from __future__ import annotations

import pytest
from django.core import mail
from rest_framework.test import APIClient

from organisations.models import Membership, TeamInvitation
from tests.factories import UserFactory
from tests.organisations.team_fixtures import acme_team, token_from_mail


@pytest.fixture
def team(db):
    return acme_team()


def as_user(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_members_are_listed_owners_first(team):
    _, users = team
    response = as_user(users["member"]).get("/api/organisations/acme/members/")
    assert response.status_code == 200
    assert [(m["username"], m["role"]) for m in response.json()] == [
        ("owner", "owner"),
        ("author", "author"),
        ("reviewer", "reviewer"),
        ("member", "member"),
    ]
    assert response.json()[0]["email"] == "owner@example.com"
    assert response.json()[0]["user_id"] == users["owner"].pk


def test_invite_then_accept_with_the_emailed_token(team, django_capture_on_commit_callbacks):
    _, users = team
    owner = as_user(users["owner"])
    with django_capture_on_commit_callbacks(execute=True):
        response = owner.post(
            "/api/organisations/acme/invitations/", {"email": "Dana@example.com"}, format="json"
        )
    assert response.status_code == 201
    body = response.json()
    assert (body["email"], body["role"]) == ("dana@example.com", "reviewer")
    assert set(body) == {"id", "email", "role", "created_at", "expires_at"}
    token = token_from_mail(mail.outbox[0].body)
    assert token not in response.content.decode()
    listed = owner.get("/api/organisations/acme/invitations/").json()
    assert [i["email"] for i in listed] == ["dana@example.com"]

    dana = UserFactory(username="dana", email="dana@example.com")
    accepted = as_user(dana).post("/api/team/invitations/accept/", {"token": token}, format="json")
    assert accepted.status_code == 201
    assert accepted.json() == {"organisation": "acme", "role": "reviewer"}
    assert Membership.objects.get(user=dana).role == "reviewer"
    again = as_user(dana).post("/api/team/invitations/accept/", {"token": token}, format="json")
    assert again.status_code == 400
    assert again.json() == {"detail": "This invitation has already been used."}
    assert owner.get("/api/organisations/acme/invitations/").json() == []


def test_unknown_tokens_are_404(team):
    _, users = team
    response = as_user(users["member"]).post(
        "/api/team/invitations/accept/", {"token": "x" * 43}, format="json"
    )
    assert response.status_code == 404


def test_owner_invites_with_a_chosen_role_but_never_owner(team):
    _, users = team
    owner = as_user(users["owner"])
    response = owner.post(
        "/api/organisations/acme/invitations/",
        {"email": "a@example.com", "role": "author"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["role"] == "author"
    response = owner.post(
        "/api/organisations/acme/invitations/",
        {"email": "b@example.com", "role": "owner"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"role": ['"owner" is not a valid choice.']}


def test_refusals_are_400_with_the_reason(team):
    _, users = team
    owner = as_user(users["owner"])
    response = owner.post("/api/organisations/acme/invitations/", {"email": "nope"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Enter a valid email address."}
    response = owner.delete(f"/api/organisations/acme/members/{users['owner'].pk}/")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The last owner can't leave the team; transfer ownership to a teammate first."
    }


def test_role_change_remove_and_transfer(team):
    _, users = team
    owner = as_user(users["owner"])
    response = owner.patch(
        f"/api/organisations/acme/members/{users['member'].pk}/", {"role": "author"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["role"] == "author"
    assert owner.delete(f"/api/organisations/acme/members/{users['member'].pk}/").status_code == 204
    assert not Membership.objects.filter(user=users["member"]).exists()
    response = owner.post(
        "/api/organisations/acme/transfer/", {"user_id": users["reviewer"].pk}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["username"] == "reviewer"
    assert response.json()["role"] == "owner"
    assert Membership.objects.get(user=users["owner"]).role == "author"
    # Now an author, the former owner manages nothing.
    response = owner.patch(
        f"/api/organisations/acme/members/{users['reviewer'].pk}/",
        {"role": "member"},
        format="json",
    )
    assert response.status_code == 403


def test_a_teammate_of_another_organisation_is_404(team):
    _, users = team
    from organisations.models import Organisation

    globex = Organisation.objects.create(slug="globex", name="Globex")
    stranger = UserFactory(username="stranger")
    Membership.objects.create(organisation=globex, user=stranger, role="member")
    owner = as_user(users["owner"])
    assert owner.delete(f"/api/organisations/acme/members/{stranger.pk}/").status_code == 404
    response = owner.post("/api/organisations/acme/transfer/", {"user_id": stranger.pk})
    assert response.status_code == 404
    invitation = TeamInvitation.objects.create(
        organisation=globex,
        email="g@example.com",
        token_hash="1" * 64,
        expires_at="2100-01-01T00:00Z",
    )
    assert owner.delete(f"/api/organisations/acme/invitations/{invitation.pk}/").status_code == 404
    assert TeamInvitation.objects.get().revoked_at is None
