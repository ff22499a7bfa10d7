"""The periodic re-fit: challenge difficulties from everyone's evidence, then every score."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from challenges.models import Challenge
from readiness.calibration import MIN_CANDIDATES, Response, fit_difficulty
from readiness.catalogue import challenge_facts, label_difficulty
from readiness.models import ChallengeCalibration, ChallengeEvidence, SkillScore
from readiness.services import readiness_rescore


@dataclass(frozen=True)
class RecalibrationReport:
    fitted: int  # challenges whose difficulty was re-fitted
    kept_label: int  # challenges with too few attempters, left at their label
    rescored: int  # candidates rescored


def readiness_recalibrate() -> RecalibrationReport:
    """Fit each challenge's difficulty (MAP, label prior) from attempters' current abilities,
    store it, then rescore every candidate with evidence against the new difficulties.

    One pass of joint maximum likelihood's alternation; run periodically (daily cron:
    `manage.py recalibrate_readiness`), each pass starts from the last one's scores.
    """
    facts = challenge_facts()
    thetas: dict[int, dict[str, float]] = defaultdict(dict)
    for user_id, slug, theta in SkillScore.objects.values_list("user_id", "skill__slug", "theta"):
        thetas[user_id][slug] = theta
    responses: dict[int, list[Response]] = defaultdict(list)
    for user_id, challenge_id, success, failure in ChallengeEvidence.objects.values_list(
        "user_id", "challenge_id", "success", "failure"
    ):
        challenge = facts.get(challenge_id)
        if challenge is None or not challenge.skills:
            continue
        theta = sum(
            share * thetas[user_id].get(skill, 0.0) for skill, share in challenge.skills.items()
        )
        responses[challenge_id].append(Response(theta=theta, success=success, failure=failure))
    fitted = kept = 0
    with transaction.atomic():
        for challenge in Challenge.objects.only("id", "difficulty"):
            label = label_difficulty(challenge.difficulty)
            found = responses.get(challenge.pk, [])
            if len(found) < MIN_CANDIDATES:
                ChallengeCalibration.objects.filter(challenge=challenge).delete()
                kept += 1
                continue
            ChallengeCalibration.objects.update_or_create(
                challenge=challenge,
                defaults={
                    "difficulty": fit_difficulty(label=label, responses=found),
                    "label_difficulty": label,
                    "candidates": len(found),
                },
            )
            fitted += 1
    as_of = timezone.now()
    users = sorted(set(ChallengeEvidence.objects.values_list("user_id", flat=True)))
    for user_id in users:
        readiness_rescore(user_id=user_id, as_of=as_of)
    return RecalibrationReport(fitted=fitted, kept_label=kept, rescored=len(users))
