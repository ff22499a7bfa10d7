"""Who may see and author which challenges: the only place these rules live (docs/access.md)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import User
from challenges.models import Challenge
from organisations.models import Membership, Organisation

AUTHOR_ROLES = (Membership.Role.OWNER, Membership.Role.AUTHOR)
REVIEWER_ROLES = (Membership.Role.OWNER, Membership.Role.REVIEWER)


def _signed_in(user: User) -> bool:
    return user.is_authenticated and user.is_active


def authorable_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations whose private challenges `user` may write (being staff grants none)."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=AUTHOR_ROLES
    ).distinct()


def access_can_preview_markdown(user: User) -> bool:
    """Staff and organisation owners/authors may preview Markdown (members who only practise
    or review may not)."""
    if not _signed_in(user):
        return False
    return user.is_staff or authorable_organisations(user).exists()


def access_challenges_for_authoring(user: User) -> QuerySet[Challenge]:
    """Staff author the public catalogue; owners and authors their organisations' challenges.

    An organisation's private challenges (hidden cases, reference solutions) are its own: staff
    and superusers see them here only through an owner or author membership.
    """
    if not _signed_in(user):
        return Challenge.objects.none()
    mine = Q(organisation__in=authorable_organisations(user))
    if user.is_staff:
        return Challenge.objects.filter(Q(organisation__isnull=True) | mine)
    return Challenge.objects.filter(mine)


def access_can_author_in(user: User, organisation: Organisation | None) -> bool:
    """May `user` create a challenge owned by `organisation` (None: the public catalogue)?"""
    if not _signed_in(user):
        return False
    if organisation is None:
        return user.is_staff
    return authorable_organisations(user).filter(pk=organisation.pk).exists()


def access_visible_challenges(user: User) -> Q:
    """A filter for challenges `user` may practise: the public catalogue and their orgs'."""
    public = Q(organisation__isnull=True)
    if not user.is_authenticated:
        return public
    return public | Q(organisation__memberships__user=user)


def access_challenges_for_review(user: User) -> QuerySet[Challenge]:
    """Staff review the public catalogue's answers; owners and reviewers their organisation's."""
    if not _signed_in(user):
        return Challenge.objects.none()
    mine = Q(
        organisation__in=Organisation.objects.filter(
            memberships__user=user, memberships__role__in=REVIEWER_ROLES
        )
    )
    if user.is_staff:
        return Challenge.objects.filter(Q(organisation__isnull=True) | mine)
    return Challenge.objects.filter(mine)


def access_challenges_for_admin(user: User) -> QuerySet[Challenge]:
    """The admin's challenges: superusers (the instance's operators) all; other staff as authors.

    Other staff see the public catalogue and the organisations they own or author for, never
    another organisation's hidden cases.
    """
    if not _signed_in(user) or not user.is_staff:
        return Challenge.objects.none()
    if user.is_superuser:
        return Challenge.objects.all()
    return access_challenges_for_authoring(user)
