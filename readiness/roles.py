"""Readiness for a role: the role's weighted skill scores against its threshold, band included."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

# "Almost": the median is within this many points below the threshold, or the band straddles it.
ALMOST_MARGIN = 10.0


@dataclass(frozen=True)
class Band:
    score: float
    low: float
    high: float


@dataclass(frozen=True)
class RoleVerdict:
    score: float
    low: float
    high: float
    threshold: float
    verdict: str  # "ready" | "almost" | "not_yet"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


VERDICT_LABELS = {"ready": "Ready", "almost": "Almost", "not_yet": "Not yet"}


def verdict_for(*, score: float, low: float, threshold: float) -> str:
    """Ready only when the whole band clears the threshold: a lucky streak with little evidence
    has a wide band and so stays "almost"."""
    if low >= threshold:
        return "ready"
    if score >= threshold - ALMOST_MARGIN:
        return "almost"
    return "not_yet"


def role_readiness(
    *, weights: Mapping[str, float], bands: Mapping[str, Band], threshold: float, prior: Band
) -> RoleVerdict:
    """The weighted mean of the role's skills; a skill with no evidence counts at the prior.

    The band is the weighted mean of the skills' bands: the band of a sum is never wider than
    this (quantiles are sub-additive only for comonotone parts, which is the worst case), so the
    role's band is conservative.
    """
    total = math.fsum(w for w in weights.values() if w > 0)
    if total <= 0:
        raise ValueError("a role profile needs at least one skill with a positive weight")
    score = low = high = 0.0
    for skill, weight in sorted(weights.items()):
        if weight <= 0:
            continue
        band = bands.get(skill, prior)
        share = weight / total
        score += share * band.score
        low += share * band.low
        high += share * band.high
    return RoleVerdict(
        score=score,
        low=low,
        high=high,
        threshold=float(threshold),
        verdict=verdict_for(score=score, low=low, threshold=threshold),
    )
