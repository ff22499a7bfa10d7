"""Readiness reads: stored scores per skill, role verdicts and the frozen application snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from challenges.models import Skill
from readiness.estimation import PRIOR_ESTIMATE
from readiness.models import CandidateGoal, ChallengeEvidence, RoleProfile, SkillScore
from readiness.roles import Band, RoleVerdict, role_readiness

SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class SkillView:
    slug: str
    name: str
    description: str
    score: float
    low: float
    high: float
    challenges: int
    explanation: dict
    has_evidence: bool


PRIOR_BAND = Band(score=PRIOR_ESTIMATE.score, low=PRIOR_ESTIMATE.low, high=PRIOR_ESTIMATE.high)


def skill_views(*, user) -> list[SkillView]:
    """Every canonical skill with the candidate's stored score (the prior where none)."""
    stored = {s.skill_id: s for s in SkillScore.objects.filter(user=user)}
    views = []
    for skill in Skill.objects.all():
        row = stored.get(skill.pk)
        views.append(
            SkillView(
                slug=skill.slug,
                name=skill.name,
                description=skill.description,
                score=row.score if row else PRIOR_BAND.score,
                low=row.low if row else PRIOR_BAND.low,
                high=row.high if row else PRIOR_BAND.high,
                challenges=row.challenges if row else 0,
                explanation=row.explanation if row else {"movers": [], "missing": []},
                has_evidence=bool(row and row.challenges),
            )
        )
    return views


def role_weights(role: RoleProfile) -> dict[str, float]:
    return {w.skill.slug: float(w.weight) for w in role.weights.select_related("skill")}


def role_verdict(*, role: RoleProfile, views: list[SkillView]) -> RoleVerdict:
    bands = {v.slug: Band(score=v.score, low=v.low, high=v.high) for v in views}
    return role_readiness(
        weights=role_weights(role), bands=bands, threshold=role.threshold, prior=PRIOR_BAND
    )


def goal_for(*, user) -> RoleProfile | None:
    goal = CandidateGoal.objects.filter(user=user).select_related("role").first()
    return goal.role if goal else None


def _r(value: float) -> float:
    return round(value, 1)


def readiness_snapshot(*, user, role: RoleProfile | None = None) -> dict:
    """A JSON-ready record of the candidate's readiness now: scores, bands, evidence links.

    Frozen into applications and public reports; numbers are rounded to one decimal so the text
    is stable and readable.
    """
    views = skill_views(user=user)
    evidence = (
        ChallengeEvidence.objects.filter(user=user)
        .select_related("challenge")
        .prefetch_related("challenge__skills")
        .order_by("challenge__slug")
    )
    by_skill: dict[str, list[dict]] = {}
    for row in evidence:
        for skill in row.challenge.skills.all():
            by_skill.setdefault(skill.slug, []).append(
                {
                    "challenge": row.challenge.slug,
                    "title": row.challenge.title,
                    "difficulty": row.challenge.difficulty,
                    "submission_id": row.best_submission_id,
                    "best_score": _r(row.best_score * 100),
                    "submits": row.submits,
                    "assisted": row.editorial_opened or row.hints_opened > 0,
                }
            )
    snapshot = {
        "version": SNAPSHOT_VERSION,
        "taken_at": timezone.now().isoformat(timespec="seconds"),
        "candidate": {"display_name": str(user)},
        "skills": [
            {
                "slug": v.slug,
                "name": v.name,
                "score": _r(v.score),
                "low": _r(v.low),
                "high": _r(v.high),
                "challenges": v.challenges,
                "evidence": by_skill.get(v.slug, []),
            }
            for v in views
        ],
    }
    if role is not None:
        verdict = role_verdict(role=role, views=views)
        snapshot["role"] = {
            "slug": role.slug,
            "name": role.name,
            "threshold": role.threshold,
            "score": _r(verdict.score),
            "low": _r(verdict.low),
            "high": _r(verdict.high),
            "verdict": verdict.verdict,
        }
    return snapshot
