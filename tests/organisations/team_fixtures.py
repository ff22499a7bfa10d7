"""Helpers for team tests: an organisation with one member of every role, and invitations."""

from __future__ import annotations

import re

from django.core import mail

from organisations.models import Membership, Organisation, TeamInvitation
from organisations.team import team_invitation_create
from tests.factories import UserFactory

ROLES = ("owner", "author", "reviewer", "member")


def acme_team() -> tuple[Organisation, dict]:
    """Acme with a user per role, keyed by role (their username is the role's name)."""
    acme = Organisation.objects.create(slug="acme", name="Acme")
    users = {}
    for role in ROLES:
        users[role] = UserFactory(username=role)
        Membership.objects.create(organisation=acme, user=users[role], role=role)
    return acme, users


def invite(
    organisation: Organisation, owner, email: str, role: str = "reviewer", *, capture
) -> tuple[TeamInvitation, str]:
    """An invitation through the service, with its raw token read from the sent email."""
    with capture(execute=True):
        invitation = team_invitation_create(
            organisation=organisation,
            invited_by=owner,
            email=email,
            role=role,
            base_url="http://testserver",
        )
    return invitation, token_from_mail(mail.outbox[-1].body)


def token_from_mail(body: str) -> str:
    return re.search(r"/team/invitations/([A-Za-z0-9_-]+)/", body).group(1)
