"""Attacks on team invitations and roles: guessed tokens, reused and forwarded links, floods,
header injection through addresses and names, and an author reaching for more."""

from __future__ import annotations

import secrets

import pytest
from django.core import mail
from rest_framework.test import APIClient

from organisations.models import Membership, Organisation, TeamInvitation
from organisations.team import MAX_INVITATIONS_PER_HOUR
from tests.factories import UserFactory
from tests.organisations.team_fixtures import acme_team, token_from_mail


@pytest.fixture
def team(db):
    return acme_team()


def as_user(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _invite(client: APIClient, email: str, capture, **extra) -> tuple:
    with capture(execute=True):
        response = client.post(
            "/api/organisations/acme/invitations/", {"email": email, **extra}, format="json"
        )
    return response, token_from_mail(mail.outbox[-1].body) if response.status_code == 201 else None


def test_guessed_tokens_and_the_stored_hash_are_404(
    client, team, django_capture_on_commit_callbacks
):
    _, users = team
    _invite(as_user(users["owner"]), "dana@example.com", django_capture_on_commit_callbacks)
    stored = TeamInvitation.objects.get().token_hash
    dana = UserFactory(username="dana", email="dana@example.com")
    client.force_login(dana)
    for guess in [secrets.token_urlsafe(32) for _ in range(20)] + [stored, "", "..", "%00"]:
        assert client.get(f"/team/invitations/{guess}/").status_code == 404
        api = as_user(dana).post("/api/team/invitations/accept/", {"token": guess}, format="json")
        assert api.status_code in (400, 404)
    assert not Membership.objects.filter(user=dana).exists()


def test_a_used_link_cannot_be_reused(client, team, django_capture_on_commit_callbacks):
    _, users = team
    _, token = _invite(
        as_user(users["owner"]), "dana@example.com", django_capture_on_commit_callbacks
    )
    dana = UserFactory(username="dana", email="dana@example.com")
    client.force_login(dana)
    client.post(f"/team/invitations/{token}/")
    Membership.objects.filter(user=dana).delete()  # removed later by an owner
    client.post(f"/team/invitations/{token}/")
    assert not Membership.objects.filter(user=dana).exists()
    assert TeamInvitation.objects.get().accepted_by == dana


def test_a_forwarded_link_does_not_let_another_account_in(
    client, team, django_capture_on_commit_callbacks
):
    _, users = team
    _, token = _invite(
        as_user(users["owner"]),
        "dana@example.com",
        django_capture_on_commit_callbacks,
        role="author",
    )
    eve = UserFactory(username="eve", email="eve@example.com")
    client.force_login(eve)
    client.post(f"/team/invitations/{token}/")
    api = as_user(eve).post("/api/team/invitations/accept/", {"token": token}, format="json")
    assert api.status_code == 400
    assert api.json()["detail"].startswith("This invitation is for dana@example.com")
    assert not Membership.objects.filter(user=eve).exists()
    # Still usable by the right person.
    dana = UserFactory(username="dana", email="DANA@example.com")
    assert (
        as_user(dana)
        .post("/api/team/invitations/accept/", {"token": token}, format="json")
        .status_code
        == 201
    )


def test_an_invite_flood_is_capped(team):
    _, users = team
    owner = as_user(users["owner"])
    for n in range(MAX_INVITATIONS_PER_HOUR):
        response = owner.post(
            "/api/organisations/acme/invitations/", {"email": f"f{n}@example.com"}, format="json"
        )
        assert response.status_code == 201
        owner.delete(f"/api/organisations/acme/invitations/{response.json()['id']}/")
    response = owner.post(
        "/api/organisations/acme/invitations/", {"email": "one-more@example.com"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "At most 20 invitations an hour; try again later."}
    assert TeamInvitation.objects.count() == MAX_INVITATIONS_PER_HOUR


@pytest.mark.parametrize(
    "email",
    [
        "dana@example.com\r\nBcc: victim@example.com",
        "dana@example.com\nSubject: hi",
        "dana@example.com, eve@example.com",
        "Dana <dana@example.com>",
        "a" * 100_000 + "@example.com",
    ],
)
def test_addresses_cannot_inject_headers_or_recipients(team, email):
    _, users = team
    response = as_user(users["owner"]).post(
        "/api/organisations/acme/invitations/", {"email": email}, format="json"
    )
    assert response.status_code == 400
    assert not TeamInvitation.objects.exists()
    assert mail.outbox == []


def test_an_organisation_name_with_line_breaks_stays_one_subject_line(
    team, django_capture_on_commit_callbacks
):
    acme, users = team
    Organisation.objects.filter(pk=acme.pk).update(name="Acme\r\nBcc: victim@example.com")
    response, _ = _invite(
        as_user(users["owner"]), "dana@example.com", django_capture_on_commit_callbacks
    )
    assert response.status_code == 201
    (sent,) = mail.outbox
    assert sent.subject == "Join Acme Bcc: victim@example.com as reviewer"
    assert sent.recipients() == ["dana@example.com"]
    assert sent.message()["Bcc"] is None
    assert sent.message()["To"] == "dana@example.com"


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        (
            "post",
            "/api/organisations/acme/invitations/",
            {"email": "x@example.com", "role": "author"},
        ),
        ("patch", "/api/organisations/acme/members/{author}/", {"role": "owner"}),
        ("patch", "/api/organisations/acme/members/{reviewer}/", {"role": "author"}),
        ("post", "/api/organisations/acme/transfer/", {"user_id": "{author}"}),
        ("delete", "/api/organisations/acme/members/{owner}/", None),
    ],
)
def test_an_author_cannot_escalate_or_manage(team, method, path, data):
    _, users = team
    ids = {role: users[role].pk for role in ("owner", "author", "reviewer")}
    path = path.format(**ids)
    if data:
        data = {k: int(v.format(**ids)) if v.startswith("{") else v for k, v in data.items()}
    response = getattr(as_user(users["author"]), method)(path, data, format="json")
    assert response.status_code == 403
    assert dict(Membership.objects.values_list("user__username", "role")) == {
        "owner": "owner",
        "author": "author",
        "reviewer": "reviewer",
        "member": "member",
    }
    assert not TeamInvitation.objects.exists()


def test_an_owner_cannot_make_an_owner_by_role_change_or_invite_someone_elsewhere(team):
    _, users = team
    owner = as_user(users["owner"])
    response = owner.patch(
        f"/api/organisations/acme/members/{users['author'].pk}/", {"role": "owner"}, format="json"
    )
    assert response.status_code == 400
    globex = Organisation.objects.create(slug="globex", name="Globex")
    response = owner.post(
        "/api/organisations/acme/invitations/",
        {"email": "x@example.com", "organisation": globex.pk, "invited_by": users["member"].pk},
        format="json",
    )
    assert response.status_code == 201
    invitation = TeamInvitation.objects.get()
    assert (invitation.organisation.slug, invitation.invited_by) == ("acme", users["owner"])
