"""Who may do what with a team, over every role and action: owners manage, members see the
list, members' other requests get 403, outsiders and staff 404, visitors nothing."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from organisations.models import Membership, Organisation, TeamInvitation
from organisations.team import team_invitation_create
from tests.factories import UserFactory
from tests.organisations.team_fixtures import acme_team

ACTIONS = {
    "list members": lambda c, t: c.get("/api/organisations/acme/members/"),
    "list invitations": lambda c, t: c.get("/api/organisations/acme/invitations/"),
    "invite": lambda c, t: c.post(
        "/api/organisations/acme/invitations/", {"email": "new@example.com"}, format="json"
    ),
    "revoke": lambda c, t: c.delete(f"/api/organisations/acme/invitations/{t['invitation']}/"),
    "remove": lambda c, t: c.delete(f"/api/organisations/acme/members/{t['target']}/"),
    "change role": lambda c, t: c.patch(
        f"/api/organisations/acme/members/{t['target']}/", {"role": "author"}, format="json"
    ),
    "transfer": lambda c, t: c.post(
        "/api/organisations/acme/transfer/", {"user_id": t["target"]}, format="json"
    ),
}
OWNER_STATUS = {
    "list members": 200,
    "list invitations": 200,
    "invite": 201,
    "revoke": 204,
    "remove": 204,
    "change role": 200,
    "transfer": 200,
}
PAGE_ACTIONS = {
    "invite": lambda t: ("/employer/team/acme/invite/", {"email": "new@example.com"}),
    "revoke": lambda t: (f"/employer/team/acme/invitations/{t['invitation']}/revoke/", {}),
    "remove": lambda t: (f"/employer/team/acme/members/{t['target']}/remove/", {"confirm": "yes"}),
    "change role": lambda t: (
        f"/employer/team/acme/members/{t['target']}/role/",
        {"role": "author"},
    ),
    "transfer": lambda t: (
        f"/employer/team/acme/members/{t['target']}/transfer/",
        {"confirm": "yes"},
    ),
}
WHO = ("owner", "author", "reviewer", "member", "outsider", "staff", "anonymous")


def _setup():
    acme, users = acme_team()
    target = UserFactory(username="target")
    Membership.objects.create(organisation=acme, user=target, role="reviewer")
    invitation = team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="pending@example.com", base_url=""
    )
    globex = Organisation.objects.create(slug="globex", name="Globex")
    users["outsider"] = UserFactory(username="outsider")
    Membership.objects.create(organisation=globex, user=users["outsider"], role="owner")
    users["staff"] = UserFactory(username="staff", is_staff=True, is_superuser=True)
    return users, {"target": target.pk, "invitation": invitation.pk}


def _expected_api(who: str, action: str) -> int:
    if who == "owner":
        return OWNER_STATUS[action]
    if who in ("author", "reviewer", "member"):
        return 200 if action == "list members" else 403
    if who == "anonymous":
        return 403  # not signed in: refused before anything is looked up
    return 404


def _state() -> tuple:
    return (
        sorted(Membership.objects.values_list("organisation__slug", "user__username", "role")),
        sorted(TeamInvitation.objects.values_list("email", "revoked_at")),
    )


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("who", WHO)
def test_api_matrix(db, who, action):
    users, targets = _setup()
    client = APIClient()
    if who != "anonymous":
        client.force_authenticate(users[who])
    before = _state()
    response = ACTIONS[action](client, targets)
    assert response.status_code == _expected_api(who, action), response.content
    if response.status_code >= 400:
        assert _state() == before


@pytest.mark.parametrize("action", PAGE_ACTIONS)
@pytest.mark.parametrize("who", WHO)
def test_page_matrix(client, db, who, action):
    users, targets = _setup()
    if who != "anonymous":
        client.force_login(users[who])
    before = _state()
    url, data = PAGE_ACTIONS[action](targets)
    response = client.post(url, data)
    if who == "owner":
        assert response.status_code == 302
        assert _state() != before
        return
    expected = {"anonymous": 302, "outsider": 404, "staff": 404}.get(who, 403)
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    assert _state() == before


@pytest.mark.parametrize("who", WHO)
def test_team_page_matrix(client, db, who):
    users, _ = _setup()
    if who != "anonymous":
        client.force_login(users[who])
    response = client.get("/employer/team/acme/")
    if who == "anonymous":
        assert response.status_code == 302
        return
    if who in ("outsider", "staff"):
        assert response.status_code == 404
        return
    assert response.status_code == 200
    page = response.content.decode()
    assert "target" in page
    assert ("pending@example.com" in page) == (who == "owner")
    assert ("Send invitation" in page) == (who == "owner")
