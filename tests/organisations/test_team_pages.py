"""Team pages: the owner's team page and forms, and the invitation link's page for visitors,
the invited account, another account and used, revoked or expired links."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from organisations.models import Membership, TeamInvitation
from organisations.team import team_invitation_revoke
from tests.factories import UserFactory
from tests.organisations.team_fixtures import acme_team, invite, token_from_mail


@pytest.fixture
def team(db):
    return acme_team()


def test_the_employer_home_links_to_the_team(client, team):
    _, users = team
    client.force_login(users["reviewer"])
    page = client.get("/employer/").content.decode()
    assert '<a class="button" href="/employer/team/">Team</a>' in page


def test_the_owner_sees_members_invitations_and_the_invite_form(client, team):
    _acme, users = team
    client.force_login(users["owner"])
    page = client.get("/employer/team/").content.decode()
    assert "<h1>Acme's team</h1>" in page
    assert '<option value="reviewer" selected>Reviewer</option>' in page
    assert '<option value="owner"' not in page
    assert '<label for="invite-email">Email</label>' in page
    assert "None pending." in page


def test_inviting_from_the_page_sends_the_email(client, team, django_capture_on_commit_callbacks):
    _, users = team
    client.force_login(users["owner"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/employer/team/acme/invite/", {"email": "dana@example.com", "role": "author"}
        )
    assert response.status_code == 302
    assert response["Location"] == "/employer/team/acme/"
    page = client.get("/employer/team/acme/").content.decode()
    assert "Invitation sent to dana@example.com as author." in page
    assert "<td>dana@example.com</td>" in page
    assert mail.outbox[0].to == ["dana@example.com"]


def test_a_refused_invitation_keeps_the_address_and_says_why(client, team):
    _, users = team
    client.force_login(users["owner"])
    client.post("/employer/team/acme/invite/", {"email": "author@example.com"})
    page = client.get("/employer/team/acme/").content.decode()
    assert "Someone with this email is already on the team." in page
    assert 'value="author@example.com"' in page


def test_remove_and_transfer_need_the_confirmation(client, team):
    _, users = team
    client.force_login(users["owner"])
    client.post(f"/employer/team/acme/members/{users['member'].pk}/remove/", {})
    assert Membership.objects.filter(user=users["member"]).exists()
    page = client.get("/employer/team/acme/").content.decode()
    assert "Tick the confirmation box to go ahead." in page
    client.post(f"/employer/team/acme/members/{users['member'].pk}/remove/", {"confirm": "yes"})
    assert not Membership.objects.filter(user=users["member"]).exists()
    client.post(f"/employer/team/acme/members/{users['author'].pk}/transfer/", {"confirm": "yes"})
    assert Membership.objects.get(user=users["author"]).role == "owner"
    page = client.get("/employer/team/acme/").content.decode()
    assert "author now owns Acme; you are an author." in page
    assert "Send invitation" not in page


def test_a_visitor_is_offered_sign_up_with_the_address_then_joins(
    client, team, django_capture_on_commit_callbacks
):
    acme, users = team
    _, token = invite(
        acme, users["owner"], "dana@example.com", capture=django_capture_on_commit_callbacks
    )
    link = f"/team/invitations/{token}/"
    page = client.get(link).content.decode()
    assert "This invitation is for <strong>dana@example.com</strong>" in page
    signup = (
        f"/accounts/signup/?next=%2Fteam%2Finvitations%2F{token}%2F&amp;email=dana%40example.com"
    )
    assert f'href="{signup}"' in page
    assert f'href="/accounts/login/?next=%2Fteam%2Finvitations%2F{token}%2F"' in page
    form = client.get(signup.replace("&amp;", "&")).content.decode()
    assert 'value="dana@example.com"' in form
    assert f'<input type="hidden" name="next" value="/team/invitations/{token}/">' in form
    response = client.post(
        "/accounts/signup/",
        {
            "username": "dana",
            "email": "dana@example.com",
            "password": "a-long-passphrase-42",
            "next": link,
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == link
    page = client.get(link).content.decode()
    assert "Join Acme as reviewer</button>" in page
    response = client.post(link)
    assert response["Location"] == "/employer/team/acme/"
    assert Membership.objects.get(user__username="dana").role == "reviewer"
    assert "You joined Acme as reviewer." in client.get("/employer/team/acme/").content.decode()
    assert "This invitation has already been used." in client.get(link).content.decode()


def test_sign_up_ignores_a_next_to_another_site(client, db):
    response = client.post(
        "/accounts/signup/?next=https://evil.example/",
        {
            "username": "eve",
            "email": "eve@example.com",
            "password": "a-long-passphrase-42",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/challenges/"


def test_another_account_is_told_the_link_is_for_someone_else(
    client, team, django_capture_on_commit_callbacks
):
    acme, users = team
    _, token = invite(
        acme, users["owner"], "dana@example.com", capture=django_capture_on_commit_callbacks
    )
    client.force_login(UserFactory(username="eve", email="eve@example.com"))
    page = client.get(f"/team/invitations/{token}/").content.decode()
    assert "This invitation is for dana@example.com, and you are signed in with another" in page
    assert (
        "<button" not in page.split("<main", 1)[-1].split("</main>")[0] or "Join Acme" not in page
    )
    client.post(f"/team/invitations/{token}/")
    assert not Membership.objects.filter(user__username="eve").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("revoke", "This invitation was withdrawn. Ask the team&#x27;s owner for a new one."),
        ("expire", "This invitation has expired. Ask the team&#x27;s owner for a new one."),
    ],
)
def test_closed_links_say_why_even_to_visitors(
    client, team, django_capture_on_commit_callbacks, change, message
):
    acme, users = team
    invitation, token = invite(
        acme, users["owner"], "dana@example.com", capture=django_capture_on_commit_callbacks
    )
    if change == "revoke":
        team_invitation_revoke(invitation=invitation)
    else:
        TeamInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    page = client.get(f"/team/invitations/{token}/").content.decode()
    assert message in page
    assert "Create an account" not in page


def test_unknown_tokens_are_404(client, team):
    assert client.get("/team/invitations/" + "A" * 43 + "/").status_code == 404
    assert client.get("/team/invitations/" + "A" * 500 + "/").status_code == 404


def test_the_email_link_uses_the_request_address(client, team, django_capture_on_commit_callbacks):
    _, users = team
    client.force_login(users["owner"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/employer/team/acme/invite/", {"email": "dana@example.com"})
    token = token_from_mail(mail.outbox[0].body)
    assert f"http://testserver/team/invitations/{token}/" in mail.outbox[0].body


def test_someone_in_two_organisations_switches_teams(client, team):
    _, users = team
    from organisations.models import Organisation

    globex = Organisation.objects.create(slug="globex", name="Globex")
    Membership.objects.create(organisation=globex, user=users["member"], role="author")
    client.force_login(users["member"])
    page = client.get("/employer/team/").content.decode()
    assert "<h1>Acme's team</h1>" in page
    assert '<a href="/employer/team/globex/">Globex</a>' in page
    page = client.get("/employer/team/globex/").content.decode()
    assert "<h1>Globex's team</h1>" in page
    assert "Your role: author." in page
    assert '<a href="/employer/team/acme/">Acme</a>' in page
