"""The role a candidate aims for (it orders "practise next" and names the dashboard's verdict)."""

from __future__ import annotations

from django.db import transaction

from readiness.models import CandidateGoal, RoleProfile


class UnknownRole(ValueError):
    """No role profile has this slug."""


def role_by_slug(slug: str) -> RoleProfile:
    """Raises UnknownRole naming the slug and the roles there are."""
    role = RoleProfile.objects.filter(slug=slug).first()
    if role is None:
        known = ", ".join(RoleProfile.objects.values_list("slug", flat=True))
        # The slug is echoed back shortened: it is the caller's own input, capped for the message.
        raise UnknownRole(f"Unknown role {slug[:64]!r}: choose one of {known}.")
    return role


@transaction.atomic
def candidate_goal_set(*, user_id: int, role_slug: str) -> CandidateGoal:
    """Aim the candidate at a role (replacing any earlier goal)."""
    role = role_by_slug(role_slug)
    goal, _ = CandidateGoal.objects.update_or_create(user_id=user_id, defaults={"role": role})
    return goal


@transaction.atomic
def candidate_goal_clear(*, user_id: int) -> None:
    """No goal: "practise next" then weighs every skill equally."""
    CandidateGoal.objects.filter(user_id=user_id).delete()
