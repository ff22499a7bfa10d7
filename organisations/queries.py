"""Reads of an organisation's team: its members and pending invitations."""

from __future__ import annotations

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from organisations.models import Membership, Organisation, TeamInvitation

_ROLE_ORDER = Case(
    *(When(role=role, then=Value(n)) for n, role in enumerate(Membership.Role.values)),
    output_field=IntegerField(),
)


def team_members(*, organisation: Organisation) -> QuerySet[Membership]:
    """Owners first, then authors, reviewers and members; by name within a role."""
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by(_ROLE_ORDER, "user__username")
    )


def team_invitations_pending(*, organisation: Organisation) -> QuerySet[TeamInvitation]:
    return TeamInvitation.objects.filter(
        organisation=organisation,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).order_by("-created_at")
