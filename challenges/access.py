"""Who may see and author which challenges: the only place these rules live."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import User
from challenges.models import Challenge
from organisations.models import Membership, Organisation

AUTHOR_ROLES = (Membership.Role.OWNER, Membership.Role.AUTHOR)


def authorable_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations whose private challenges `user` may write."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=AUTHOR_ROLES
    ).distinct()


def access_challenges_for_authoring(user: User) -> QuerySet[Challenge]:
    """Staff author everything; an employer authors their organisations' private challenges."""
    if not user.is_authenticated or not user.is_active:
        return Challenge.objects.none()
    if user.is_staff:
        return Challenge.objects.all()
    return Challenge.objects.filter(organisation__in=authorable_organisations(user))


def access_can_author_in(user: User, organisation: Organisation | None) -> bool:
    """May `user` create a challenge owned by `organisation` (None: the public catalogue)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    if organisation is None:
        return False
    return authorable_organisations(user).filter(pk=organisation.pk).exists()


def access_visible_challenges(user: User) -> Q:
    """A filter for challenges `user` may practise: the public catalogue and their orgs'."""
    public = Q(organisation__isnull=True)
    if not user.is_authenticated:
        return public
    return public | Q(organisation__memberships__user=user)


REVIEWER_ROLES = (Membership.Role.OWNER, Membership.Role.REVIEWER)


def access_challenges_for_review(user: User) -> QuerySet[Challenge]:
    """Staff review the public catalogue's answers; owners and reviewers their organisation's."""
    if not user.is_authenticated or not user.is_active:
        return Challenge.objects.none()
    organisations = Organisation.objects.filter(
        memberships__user=user, memberships__role__in=REVIEWER_ROLES
    )
    if user.is_staff:
        return Challenge.objects.filter(
            Q(organisation__isnull=True) | Q(organisation__in=organisations)
        )
    return Challenge.objects.filter(organisation__in=organisations)
