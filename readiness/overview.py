"""A candidate's readiness as pages and the API show it: skills, their goal, a verdict per role."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from readiness.models import CandidateGoal, RoleProfile, RoleSkill, SkillScore
from readiness.queries import PRIOR_BAND, SkillView, skill_views
from readiness.roles import Band, RoleVerdict, role_readiness


def roles_with_weights() -> QuerySet[RoleProfile]:
    """Every role profile with its weights (and their skills) loaded in two more queries."""
    return RoleProfile.objects.prefetch_related(
        Prefetch("weights", queryset=RoleSkill.objects.select_related("skill"))
    )


def weights_of(role: RoleProfile) -> dict[str, float]:
    """A role's positive weights by skill slug (one query unless roles_with_weights loaded them)."""
    prefetched = "weights" in getattr(role, "_prefetched_objects_cache", {})
    rows = role.weights.all() if prefetched else role.weights.select_related("skill")
    return {w.skill.slug: float(w.weight) for w in rows if w.weight > 0}


def verdict_for_role(*, role: RoleProfile, skills: list[SkillView]) -> RoleVerdict | None:
    """The role's verdict, band included; None for a role an admin left without weights."""
    weights = weights_of(role)
    if not weights:
        return None
    bands = {v.slug: Band(score=v.score, low=v.low, high=v.high) for v in skills}
    return role_readiness(weights=weights, bands=bands, threshold=role.threshold, prior=PRIOR_BAND)


@dataclass(frozen=True)
class RoleStanding:
    role: RoleProfile
    verdict: RoleVerdict


@dataclass(frozen=True)
class ReadinessOverview:
    skills: list[SkillView]
    goal: RoleProfile | None
    roles: list[RoleStanding]

    @property
    def goal_standing(self) -> RoleStanding | None:
        if self.goal is None:
            return None
        return next((r for r in self.roles if r.role.pk == self.goal.pk), None)

    @property
    def has_evidence(self) -> bool:
        return any(v.has_evidence for v in self.skills)


def readiness_overview(*, user) -> ReadinessOverview:
    """Stored scores only (never recomputed here): a constant number of queries."""
    skills = skill_views(user=user)
    goal = CandidateGoal.objects.filter(user=user).first()
    roles = list(roles_with_weights())
    standings = []
    for role in roles:
        verdict = verdict_for_role(role=role, skills=skills)
        if verdict is not None:
            standings.append(RoleStanding(role=role, verdict=verdict))
    # The goal as the prefetched instance, so its weights cost nothing more.
    goal_role = next((r for r in roles if goal and r.pk == goal.role_id), None)
    return ReadinessOverview(skills=skills, goal=goal_role, roles=standings)


def stored_thetas(*, user) -> dict[str, float]:
    """The candidate's stored ability (logit scale) per skill slug; absent: never scored."""
    return dict(SkillScore.objects.filter(user=user).values_list("skill__slug", "theta"))
