"""Team services: invitations (single use, bound to their email, expiring, capped), roles,
removal and ownership transfer with the last owner kept."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from organisations.models import Membership, TeamInvitation
from organisations.team import (
    MAX_INVITATIONS_PER_HOUR,
    MAX_PENDING_INVITATIONS,
    TeamRefused,
    team_invitation_accept,
    team_invitation_create,
    team_invitation_revoke,
    team_member_remove,
    team_member_role_change,
    team_ownership_transfer,
)
from tests.factories import UserFactory
from tests.organisations.team_fixtures import acme_team, invite


@pytest.fixture
def team(db):
    return acme_team()


def test_an_invitation_is_emailed_with_a_token_kept_only_as_its_hash(
    team, django_capture_on_commit_callbacks
):
    acme, users = team
    invitation, token = invite(
        acme, users["owner"], "  Dana@Example.COM ", capture=django_capture_on_commit_callbacks
    )
    assert invitation.email == "dana@example.com"
    assert invitation.role == "reviewer"
    assert invitation.invited_by == users["owner"]
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(TeamInvitation.objects.values().get())
    assert len(token) == 43
    assert invitation.expires_at - invitation.created_at == pytest.approx(
        timedelta(days=7), abs=timedelta(seconds=5)
    )
    (sent,) = mail.outbox
    assert sent.to == ["dana@example.com"]
    assert sent.subject == "Join Acme as reviewer"
    assert f"http://testserver/team/invitations/{token}/" in sent.body


def test_the_email_waits_for_the_commit(team, django_capture_on_commit_callbacks):
    acme, users = team
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        team_invitation_create(
            organisation=acme,
            invited_by=users["owner"],
            email="dana@example.com",
            base_url="http://testserver",
        )
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_the_default_role_is_reviewer_and_owner_cannot_be_invited(team):
    acme, users = team
    invitation = team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="e@example.com", base_url=""
    )
    assert invitation.role == "reviewer"
    with pytest.raises(TeamRefused, match=re.escape("Ownership is handed over with a transfer")):
        team_invitation_create(
            organisation=acme,
            invited_by=users["owner"],
            email="f@example.com",
            role="owner",
            base_url="",
        )
    with pytest.raises(TeamRefused, match=re.escape("Choose author, reviewer or member.")):
        team_invitation_create(
            organisation=acme,
            invited_by=users["owner"],
            email="f@example.com",
            role="admin",
            base_url="",
        )


@pytest.mark.parametrize("email", ["", "not-an-email", "a@b", "x" * 250 + "@example.com"])
def test_an_invalid_email_is_refused(team, email):
    acme, users = team
    with pytest.raises(TeamRefused):
        team_invitation_create(
            organisation=acme, invited_by=users["owner"], email=email, base_url=""
        )
    assert not TeamInvitation.objects.exists()


def test_members_and_pending_addresses_are_not_invited_twice(team):
    acme, users = team
    with pytest.raises(TeamRefused, match=re.escape("already on the team")):
        team_invitation_create(
            organisation=acme, invited_by=users["owner"], email="AUTHOR@example.com", base_url=""
        )
    team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="g@example.com", base_url=""
    )
    with pytest.raises(TeamRefused, match=re.escape("already has a pending invitation")):
        team_invitation_create(
            organisation=acme, invited_by=users["owner"], email="G@example.com", base_url=""
        )


def test_accepting_joins_with_the_role_once(team, django_capture_on_commit_callbacks):
    acme, users = team
    invitation, _ = invite(
        acme,
        users["owner"],
        "dana@example.com",
        "author",
        capture=django_capture_on_commit_callbacks,
    )
    dana = UserFactory(username="dana", email="Dana@Example.com")
    membership = team_invitation_accept(invitation=invitation, user=dana)
    assert (membership.organisation, membership.user, membership.role) == (acme, dana, "author")
    invitation.refresh_from_db()
    assert invitation.accepted_by == dana
    assert invitation.accepted_at is not None
    other = UserFactory(username="other", email="dana@example.com")
    with pytest.raises(TeamRefused, match=re.escape("This invitation has already been used.")):
        team_invitation_accept(invitation=invitation, user=other)
    assert not Membership.objects.filter(user=other).exists()


def test_a_stale_copy_of_a_used_invitation_is_refused_by_the_guarded_update(team):
    acme, users = team
    invitation = team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="dana@example.com", base_url=""
    )
    stale = TeamInvitation.objects.get(pk=invitation.pk)
    team_invitation_accept(invitation=invitation, user=UserFactory(email="dana@example.com"))
    with pytest.raises(TeamRefused, match=re.escape("no longer usable")):
        team_invitation_accept(
            invitation=stale, user=UserFactory(username="twin", email="dana@example.com")
        )


def test_another_address_cannot_accept(team):
    acme, users = team
    invitation = team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="dana@example.com", base_url=""
    )
    with pytest.raises(TeamRefused, match=re.escape("This invitation is for dana@example.com")):
        team_invitation_accept(invitation=invitation, user=UserFactory(email="eve@example.com"))
    with pytest.raises(TeamRefused, match=re.escape("This invitation is for dana@example.com")):
        team_invitation_accept(
            invitation=invitation, user=UserFactory(username="noemail", email="")
        )
    assert TeamInvitation.objects.get().accepted_at is None


def test_expired_and_revoked_invitations_are_refused(team):
    acme, users = team
    expired = team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="dana@example.com", base_url=""
    )
    TeamInvitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    expired.refresh_from_db()
    dana = UserFactory(username="dana", email="dana@example.com")
    with pytest.raises(TeamRefused, match=re.escape("This invitation has expired.")):
        team_invitation_accept(invitation=expired, user=dana)
    revoked = team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="dana@example.com", base_url=""
    )
    team_invitation_revoke(invitation=revoked)
    revoked.refresh_from_db()
    with pytest.raises(TeamRefused, match=re.escape("This invitation was withdrawn.")):
        team_invitation_accept(invitation=revoked, user=dana)
    with pytest.raises(TeamRefused, match=re.escape("already accepted or revoked")):
        team_invitation_revoke(invitation=revoked)
    assert not Membership.objects.filter(user=dana).exists()


def test_an_existing_member_cannot_accept_again(team):
    acme, users = team
    invitation = team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="new@example.com", base_url=""
    )
    users["member"].email = "new@example.com"
    users["member"].save()
    with pytest.raises(TeamRefused, match=re.escape("You are already on Acme's team.")):
        team_invitation_accept(invitation=invitation, user=users["member"])


def test_at_most_fifty_pending(team):
    acme, users = team
    long_ago = timezone.now() - timedelta(hours=2)
    TeamInvitation.objects.bulk_create(
        TeamInvitation(
            organisation=acme,
            email=f"p{n}@example.com",
            token_hash=f"{n:064d}",
            expires_at=timezone.now() + timedelta(days=1),
        )
        for n in range(MAX_PENDING_INVITATIONS)
    )
    TeamInvitation.objects.update(created_at=long_ago)
    with pytest.raises(TeamRefused, match=re.escape("At most 50 invitations may be pending")):
        team_invitation_create(
            organisation=acme, invited_by=users["owner"], email="late@example.com", base_url=""
        )
    # Expired ones stop counting.
    TeamInvitation.objects.filter(email="p0@example.com").update(expires_at=timezone.now())
    team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="late@example.com", base_url=""
    )


def test_at_most_twenty_an_hour_revoked_ones_included(team):
    acme, users = team
    for n in range(MAX_INVITATIONS_PER_HOUR):
        invitation = team_invitation_create(
            organisation=acme, invited_by=users["owner"], email=f"h{n}@example.com", base_url=""
        )
        team_invitation_revoke(invitation=invitation)
    with pytest.raises(TeamRefused, match=re.escape("At most 20 invitations an hour")):
        team_invitation_create(
            organisation=acme, invited_by=users["owner"], email="more@example.com", base_url=""
        )
    TeamInvitation.objects.update(created_at=timezone.now() - timedelta(minutes=61))
    team_invitation_create(
        organisation=acme, invited_by=users["owner"], email="more@example.com", base_url=""
    )


def test_roles_change_but_never_to_owner(team):
    _acme, users = team
    reviewer = Membership.objects.get(user=users["reviewer"])
    assert team_member_role_change(membership=reviewer, role="author").role == "author"
    with pytest.raises(TeamRefused, match=re.escape("Ownership is handed over with a transfer")):
        team_member_role_change(membership=reviewer, role="owner")
    assert Membership.objects.get(user=users["reviewer"]).role == "author"


def test_the_last_owner_can_be_neither_demoted_nor_removed(team):
    _acme, users = team
    owner = Membership.objects.get(user=users["owner"])
    with pytest.raises(TeamRefused, match=re.escape("The last owner can't be demoted")):
        team_member_role_change(membership=owner, role="author")
    with pytest.raises(TeamRefused, match=re.escape("The last owner can't leave the team")):
        team_member_remove(membership=owner)
    assert Membership.objects.get(user=users["owner"]).role == "owner"


def test_with_a_second_owner_one_may_go(team):
    _acme, users = team
    Membership.objects.filter(user=users["author"]).update(role="owner")
    team_member_role_change(membership=Membership.objects.get(user=users["owner"]), role="member")
    with pytest.raises(TeamRefused, match=re.escape("The last owner")):
        team_member_remove(membership=Membership.objects.get(user=users["author"]))


def test_removing_a_member(team):
    acme, users = team
    team_member_remove(membership=Membership.objects.get(user=users["reviewer"]))
    assert set(acme.memberships.values_list("user__username", flat=True)) == {
        "owner",
        "author",
        "member",
    }


def test_transfer_makes_the_teammate_owner_and_the_owner_an_author(team):
    acme, users = team
    owner = Membership.objects.get(user=users["owner"])
    reviewer = Membership.objects.get(user=users["reviewer"])
    team_ownership_transfer(owner=owner, to=reviewer)
    assert dict(acme.memberships.values_list("user__username", "role")) == {
        "owner": "author",
        "author": "author",
        "reviewer": "owner",
        "member": "member",
    }
    # The former owner can't transfer again: they no longer own it.
    with pytest.raises(TeamRefused, match=re.escape("Only an owner hands over ownership.")):
        team_ownership_transfer(owner=owner, to=Membership.objects.get(user=users["member"]))


def test_transfer_stays_inside_the_team(team):
    _acme, users = team
    from organisations.models import Organisation

    globex = Organisation.objects.create(slug="globex", name="Globex")
    stranger = Membership.objects.create(organisation=globex, user=UserFactory(), role="member")
    owner = Membership.objects.get(user=users["owner"])
    with pytest.raises(TeamRefused, match=re.escape("Choose another member of this team.")):
        team_ownership_transfer(owner=owner, to=stranger)
    with pytest.raises(TeamRefused, match=re.escape("Choose another member of this team.")):
        team_ownership_transfer(owner=owner, to=owner)
