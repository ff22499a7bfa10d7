"""Who may see and change an organisation's team: the only place these rules live.

Every member (owner, author, reviewer, member) sees the team; only owners invite, revoke,
remove, change roles and transfer ownership. Nobody outside the organisation, staff included,
learns anything: lookups raise the model's DoesNotExist, shown as 404.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User
from organisations.models import Membership, Organisation, TeamInvitation


class TeamAccessRefused(Exception):
    """A member tried something only owners do (a sentence for people)."""


def _signed_in(user: User) -> bool:
    return user.is_authenticated and user.is_active


def access_team_memberships(user: User) -> QuerySet[Membership]:
    """`user`'s own memberships, one per organisation whose team they see."""
    if not _signed_in(user):
        return Membership.objects.none()
    return Membership.objects.select_related("organisation").filter(user=user)


def access_team_membership(user: User, slug: str | None = None) -> Membership:
    """`user`'s membership in organisation `slug` (their first by name without one)."""
    memberships = access_team_memberships(user).order_by("organisation__name", "pk")
    if slug is not None:
        memberships = memberships.filter(organisation__slug=slug)
    membership = memberships.first()
    if membership is None:
        raise Organisation.DoesNotExist
    return membership


def access_can_manage_team(membership: Membership) -> bool:
    return membership.role == Membership.Role.OWNER


def access_check_can_manage_team(membership: Membership) -> None:
    if not access_can_manage_team(membership):
        raise TeamAccessRefused("Only the team's owners invite, remove and change roles.")


def access_teammate(manager: Membership, user_id: int) -> Membership:
    """A membership of `manager`'s organisation, for an owner to change (404 otherwise)."""
    access_check_can_manage_team(manager)
    return Membership.objects.select_related("user", "organisation").get(
        organisation=manager.organisation_id, user_id=user_id
    )


def access_invitation_to_manage(manager: Membership, invitation_id: int) -> TeamInvitation:
    access_check_can_manage_team(manager)
    return TeamInvitation.objects.get(organisation=manager.organisation_id, pk=invitation_id)
