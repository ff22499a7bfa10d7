"""What scoring needs from the catalogue: each challenge's skills, shares and difficulty."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from challenges.models import Challenge, ChallengeSkill
from readiness.estimation import LABEL_DIFFICULTY
from readiness.models import ChallengeCalibration
from readiness.scoring import ChallengeFacts


def label_difficulty(label: str) -> float:
    """The logit-scale difficulty an author's label starts from."""
    return LABEL_DIFFICULTY.get(label, 0.0)


def challenge_facts(challenge_ids: Iterable[int] | None = None) -> dict[int, ChallengeFacts]:
    """Facts for these challenges (all when None): calibrated difficulty where fitted."""
    challenges = Challenge.objects.all()
    links = ChallengeSkill.objects.select_related("skill")
    calibrations = ChallengeCalibration.objects.all()
    if challenge_ids is not None:
        ids = list(challenge_ids)
        challenges = challenges.filter(pk__in=ids)
        links = links.filter(challenge_id__in=ids)
        calibrations = calibrations.filter(challenge_id__in=ids)
    shares: dict[int, dict[str, float]] = defaultdict(dict)
    for link in links:
        shares[link.challenge_id][link.skill.slug] = link.weight
    fitted = dict(calibrations.values_list("challenge_id", "difficulty"))
    return {
        c.pk: ChallengeFacts(
            id=c.pk,
            slug=c.slug,
            title=c.title,
            difficulty=fitted.get(c.pk, label_difficulty(c.difficulty)),
            label=c.difficulty,
            skills=dict(shares.get(c.pk, {})),
        )
        for c in challenges.only("id", "slug", "title", "difficulty")
    }
