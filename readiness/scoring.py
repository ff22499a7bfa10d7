"""A candidate's per-skill estimates from their per-challenge evidence: weights, recency, movers.

Pure functions over plain data, so the service, the simulation benchmark and the property tests
all run the very same arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from readiness.estimation import (
    GRID_POINTS,
    Estimate,
    Observation,
    estimate_from_log_posterior,
    log_likelihood,
    log_posterior,
)
from readiness.evidence import Evidence

# Evidence loses half its weight a year after it was shown: a score says what a candidate can
# do now, and the band widens again when nothing recent supports it.
RECENCY_HALF_LIFE_DAYS = 365.0
# How many submissions "moved it most" keeps per skill.
MOVERS = 5


@dataclass(frozen=True)
class ChallengeFacts:
    """What scoring needs to know about a challenge."""

    id: int
    slug: str
    title: str
    difficulty: float  # logit scale (calibrated, or the label's)
    label: str  # easy / medium / hard
    skills: Mapping[str, float] = field(default_factory=dict)  # skill slug -> weight share


@dataclass(frozen=True)
class Mover:
    challenge_id: int
    submission_id: int | None
    delta: float  # score points this challenge's evidence adds (negative: takes away)


@dataclass(frozen=True)
class SkillResult:
    skill: str
    estimate: Estimate
    challenges: int
    movers: tuple[Mover, ...]


def recency(at: datetime | None, as_of: datetime) -> float:
    """The weight left on evidence shown at `at`, seen from `as_of` (1 for the future)."""
    if at is None:
        return 0.0
    age_days = max(0.0, (as_of - at).total_seconds() / 86400.0)
    return 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)


def item_parameters(*, facts: ChallengeFacts, skill: str) -> tuple[float, float]:
    """(slope, location) of the challenge for `skill` (which it must train): the chance of a
    solve is sigma(slope * (theta - location)), and what one submit tells about the skill (its
    Fisher information) is slope^2 * p * (1 - p)."""
    share = facts.skills[skill]
    others = math.fsum(w * w for s, w in facts.skills.items() if s != skill and w > 0)
    return share / math.sqrt(1.0 + math.pi / 8.0 * others), facts.difficulty / share


def solve_chance(*, facts: ChallengeFacts, skill: str, theta: float) -> float:
    """The model's chance that a candidate of ability `theta` on `skill` solves the challenge
    (the challenge's other skills at their prior): sigma(slope * (theta - location))."""
    slope, location = item_parameters(facts=facts, skill=skill)
    return 1.0 / (1.0 + math.exp(-slope * (theta - location)))


def information(*, facts: ChallengeFacts, skill: str, theta: float) -> float:
    """What one submit of the challenge tells about `skill` at `theta`: slope^2 * p * (1 - p)."""
    slope, _ = item_parameters(facts=facts, skill=skill)
    p = solve_chance(facts=facts, skill=skill, theta=theta)
    return slope * slope * p * (1.0 - p)


def observation(
    *, evidence: Evidence, facts: ChallengeFacts, skill: str, as_of: datetime
) -> Observation:
    """One challenge's evidence about `skill`: masses scaled by recency, slope and location by
    the skill's share.

    The response model is compensatory, P(solve) = sigma(sum_j w_j * theta_j - b). Scoring one
    skill alone, the others are integrated out at their N(0, 1) prior (probit approximation), which
    gives sigma(a * (theta - b / w)) with a = w / sqrt(1 + pi/8 * sum of the others' w^2): a skill
    that is a small part of a challenge learns little from it, as the simulation requires for
    honest bands (benchmarks/readiness_simulation.py, docs/readiness.md).
    """
    if facts.skills.get(skill, 0.0) <= 0.0:
        return Observation(difficulty=facts.difficulty, success=0.0, failure=0.0)
    slope, location = item_parameters(facts=facts, skill=skill)
    return Observation(
        difficulty=location,
        success=evidence.success * recency(evidence.success_at, as_of),
        failure=evidence.failure * recency(evidence.failure_at, as_of),
        discrimination=slope,
    )


def skill_observations(
    *,
    evidence: Mapping[int, Evidence],
    facts: Mapping[int, ChallengeFacts],
    skill: str,
    as_of: datetime,
) -> list[tuple[int, Observation]]:
    """(challenge id, observation) for every challenge with evidence that trains `skill`."""
    found = []
    for challenge_id in sorted(evidence):
        challenge = facts.get(challenge_id)
        if challenge is None or skill not in challenge.skills:
            continue
        obs = observation(
            evidence=evidence[challenge_id], facts=challenge, skill=skill, as_of=as_of
        )
        if obs.success > 0.0 or obs.failure > 0.0:
            found.append((challenge_id, obs))
    return found


def score_skill(
    *,
    evidence: Mapping[int, Evidence],
    facts: Mapping[int, ChallengeFacts],
    skill: str,
    as_of: datetime,
    explain: bool = True,
) -> SkillResult:
    """The estimate for one skill and, if `explain`, the challenges that moved it most.

    A mover's delta is leave-one-out: the score with all evidence minus the score without that
    challenge's. Each challenge's log likelihood is computed once, so explaining costs one
    normalisation per challenge, not a new posterior.
    """
    pairs = skill_observations(evidence=evidence, facts=facts, skill=skill, as_of=as_of)
    total_mass = math.fsum(o.success + o.failure for _, o in pairs)
    if not explain:
        est = estimate_from_log_posterior(log_posterior(o for _, o in pairs), evidence=total_mass)
        return SkillResult(skill=skill, estimate=est, challenges=len(pairs), movers=())
    loglik = [log_likelihood(o) for _, o in pairs]
    full = log_posterior(())
    for values in loglik:
        for i in range(GRID_POINTS):
            full[i] += values[i]
    est = estimate_from_log_posterior(full, evidence=total_mass)
    movers = []
    for (challenge_id, obs), values in zip(pairs, loglik, strict=True):
        without = [full[i] - values[i] for i in range(GRID_POINTS)]
        rest = estimate_from_log_posterior(without, evidence=total_mass - obs.success - obs.failure)
        movers.append(
            Mover(
                challenge_id=challenge_id,
                submission_id=evidence[challenge_id].best_submission_id,
                delta=est.score - rest.score,
            )
        )
    movers.sort(key=lambda m: (-abs(m.delta), m.challenge_id))
    return SkillResult(
        skill=skill, estimate=est, challenges=len(pairs), movers=tuple(movers[:MOVERS])
    )


def score_skills(
    *,
    evidence: Mapping[int, Evidence],
    facts: Mapping[int, ChallengeFacts],
    skills: Iterable[str],
    as_of: datetime,
    explain: bool = True,
) -> dict[str, SkillResult]:
    """score_skill for each of `skills`."""
    return {
        skill: score_skill(
            evidence=evidence, facts=facts, skill=skill, as_of=as_of, explain=explain
        )
        for skill in skills
    }
