"""Writes on an organisation's team: invitations, accepting one, roles, removal, ownership."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from organisations.emails import send_team_invitation
from organisations.models import Membership, Organisation, TeamInvitation

# Roles an owner may give by invitation or role change. Ownership only moves by an explicit
# transfer, so a mistyped select never hands someone the keys.
GRANTABLE_ROLES = (Membership.Role.AUTHOR, Membership.Role.REVIEWER, Membership.Role.MEMBER)
# Least privilege: a reviewer scores answers and follows applicants but writes nothing.
DEFAULT_INVITE_ROLE = Membership.Role.REVIEWER
MAX_PENDING_INVITATIONS = 50
MAX_INVITATIONS_PER_HOUR = 20
MAX_EMAIL_LENGTH = 254


class TeamRefused(Exception):
    """A team change that can't be made, with a sentence for people."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_path(token: str) -> str:
    return f"/team/invitations/{token}/"


def _pending() -> Q:
    return Q(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


def _normalised_email(email: str) -> str:
    email = (email or "").strip().lower()
    if len(email) > MAX_EMAIL_LENGTH:
        raise TeamRefused(f"An email address has at most {MAX_EMAIL_LENGTH} characters.")
    try:
        validate_email(email)
    except ValidationError:
        raise TeamRefused("Enter a valid email address.") from None
    return email


def _role(role: str) -> str:
    if role == Membership.Role.OWNER:
        raise TeamRefused("Ownership is handed over with a transfer, not given as a role.")
    if role not in GRANTABLE_ROLES:
        raise TeamRefused("Choose author, reviewer or member.")
    return role


def _owners_locked(organisation: Organisation) -> list[Membership]:
    # Locked so two owners demoting each other at once can't leave none.
    return list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=Membership.Role.OWNER)
        .order_by("pk")
    )


@transaction.atomic
def team_invitation_create(
    *,
    organisation: Organisation,
    invited_by: User,
    email: str,
    role: str = DEFAULT_INVITE_ROLE,
    base_url: str,
) -> TeamInvitation:
    """Invite `email` to join with `role` and email them the link (after commit).

    Caps: MAX_PENDING_INVITATIONS pending per organisation, MAX_INVITATIONS_PER_HOUR sent.
    """
    email = _normalised_email(email)
    role = _role(role)
    # The organisation's row serialises invitations, so concurrent ones can't pass the caps.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise TeamRefused("Someone with this email is already on the team.")
    invitations = TeamInvitation.objects.filter(organisation=organisation)
    if invitations.filter(_pending(), email=email).exists():
        raise TeamRefused("This address already has a pending invitation; revoke it to resend.")
    if invitations.filter(_pending()).count() >= MAX_PENDING_INVITATIONS:
        raise TeamRefused(
            f"At most {MAX_PENDING_INVITATIONS} invitations may be pending; revoke some first."
        )
    an_hour_ago = timezone.now() - timedelta(hours=1)
    if invitations.filter(created_at__gt=an_hour_ago).count() >= MAX_INVITATIONS_PER_HOUR:
        raise TeamRefused(
            f"At most {MAX_INVITATIONS_PER_HOUR} invitations an hour; try again later."
        )
    token = secrets.token_urlsafe(32)
    invitation = TeamInvitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=invited_by,
        token_hash=token_hash(token),
        expires_at=timezone.now() + timedelta(days=settings.TEAM_INVITATION_DAYS),
    )
    link = f"{base_url.rstrip('/')}{invitation_path(token)}"
    transaction.on_commit(
        lambda: send_team_invitation(invitation=invitation, link=link), robust=True
    )
    return invitation


@transaction.atomic
def team_invitation_revoke(*, invitation: TeamInvitation) -> None:
    """Withdraw a pending invitation; its link stops working."""
    revoked = TeamInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if not revoked:
        raise TeamRefused("This invitation was already accepted or revoked.")


def invitation_closed(*, invitation: TeamInvitation) -> str | None:
    """Why nobody can accept `invitation` any more (None while it is pending)."""
    if invitation.revoked_at is not None:
        return "This invitation was withdrawn. Ask the team's owner for a new one."
    if invitation.accepted_at is not None:
        return "This invitation has already been used."
    if invitation.expires_at <= timezone.now():
        return "This invitation has expired. Ask the team's owner for a new one."
    return None


def invitation_refusal(*, invitation: TeamInvitation, user: User) -> str | None:
    """Why `user` can't accept `invitation` now (None when they can)."""
    closed = invitation_closed(invitation=invitation)
    if closed:
        return closed
    if not user.email or user.email.strip().lower() != invitation.email:
        # Bound to its address: a forwarded link doesn't let someone else in.
        return (
            f"This invitation is for {invitation.email}, and you are signed in with another "
            "address. Sign in with that address's account to join."
        )
    if Membership.objects.filter(organisation=invitation.organisation, user=user).exists():
        return f"You are already on {invitation.organisation.name}'s team."
    return None


@transaction.atomic
def team_invitation_accept(*, invitation: TeamInvitation, user: User) -> Membership:
    """`user` joins with the invitation's role; the invitation is then used up."""
    refusal = invitation_refusal(invitation=invitation, user=user)
    if refusal:
        raise TeamRefused(refusal)
    now = timezone.now()
    # Guarded: of two acceptances racing, one updates the row and the other finds it used.
    used = TeamInvitation.objects.filter(
        pk=invitation.pk,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=now,
    ).update(accepted_at=now, accepted_by=user)
    if not used:
        raise TeamRefused("This invitation is no longer usable.")
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    if not created:
        raise TeamRefused(f"You are already on {invitation.organisation.name}'s team.")
    return membership


@transaction.atomic
def team_member_remove(*, membership: Membership) -> None:
    """Take someone off the team; the last owner stays."""
    owners = _owners_locked(membership.organisation)
    if membership.role == Membership.Role.OWNER and len(owners) <= 1:
        raise TeamRefused(
            "The last owner can't leave the team; transfer ownership to a teammate first."
        )
    Membership.objects.filter(pk=membership.pk).delete()


@transaction.atomic
def team_member_role_change(*, membership: Membership, role: str) -> Membership:
    """Give a teammate another non-owner role; the last owner can't be demoted."""
    role = _role(role)
    owners = _owners_locked(membership.organisation)
    current = Membership.objects.select_for_update().get(pk=membership.pk)
    if current.role == Membership.Role.OWNER and len(owners) <= 1:
        raise TeamRefused(
            "The last owner can't be demoted; transfer ownership to a teammate first."
        )
    current.role = role
    current.save(update_fields=["role"])
    return current


@transaction.atomic
def team_ownership_transfer(*, owner: Membership, to: Membership) -> Membership:
    """`owner` hands ownership to teammate `to` and becomes an author."""
    if owner.organisation_id != to.organisation_id or owner.pk == to.pk:
        raise TeamRefused("Choose another member of this team.")
    _owners_locked(owner.organisation)
    locked = {
        m.pk: m for m in Membership.objects.select_for_update().filter(pk__in=[owner.pk, to.pk])
    }
    if len(locked) != 2 or locked[owner.pk].role != Membership.Role.OWNER:
        raise TeamRefused("Only an owner hands over ownership.")
    new_owner, old_owner = locked[to.pk], locked[owner.pk]
    new_owner.role = Membership.Role.OWNER
    new_owner.save(update_fields=["role"])
    old_owner.role = Membership.Role.AUTHOR
    old_owner.save(update_fields=["role"])
    return new_owner
