"""The ability model: a per-skill Rasch posterior computed exactly on a grid, on a 0-100 scale.

For one skill, ability theta has a normal prior N(0, 1). Each challenge that trains the skill
contributes a fractional Bernoulli likelihood

    sigma(a * (theta - b)) ** success  *  sigma(a * (b - theta)) ** failure

where b is the challenge's location for this skill, a its slope (both set from the skill's share
by readiness.scoring) and (success, failure) evidence masses already scaled by recency, probing
and assistance (readiness.evidence). The posterior
is evaluated on a fixed grid, so its median and 90% band are exact up to the grid step, with no
sampling and no iteration: the same evidence always gives the same numbers. docs/readiness.md
argues the choice (Rasch-type slopes fixed by the package's shares, never fitted as a 2PL would:
every solve moves a score up, so the monotonicity guarantees hold).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, fields

PRIOR_MEAN = 0.0
PRIOR_SD = 1.0
GRID_MIN = -5.0
GRID_MAX = 5.0
GRID_POINTS = 201
BAND = 0.90

# Author labels on the logit scale: an average candidate (theta 0) solves an easy challenge
# 73% of the time, a medium one 50%, a hard one 27%.
LABEL_DIFFICULTY = {"easy": -1.0, "medium": 0.0, "hard": 1.0}

_STEP = (GRID_MAX - GRID_MIN) / (GRID_POINTS - 1)
GRID: tuple[float, ...] = tuple(GRID_MIN + i * _STEP for i in range(GRID_POINTS))
_LOG_PRIOR: tuple[float, ...] = tuple(
    -0.5 * ((theta - PRIOR_MEAN) / PRIOR_SD) ** 2 for theta in GRID
)


@dataclass(frozen=True)
class Observation:
    """One challenge's evidence about one skill (masses >= 0, already weighted).

    The likelihood is sigma(discrimination * (theta - difficulty)) per unit of success mass;
    readiness.scoring sets the discrimination from the skill's share of the challenge.
    """

    difficulty: float
    success: float
    failure: float
    discrimination: float = 1.0


@dataclass(frozen=True)
class Estimate:
    theta: float  # posterior median, logit scale
    theta_low: float
    theta_high: float
    score: float  # 0-100
    low: float
    high: float
    evidence: float  # sum of the masses used


def to_scale(theta: float) -> float:
    """0-100: the chance, in percent, of solving a medium-labelled challenge unassisted."""
    return 100.0 / (1.0 + math.exp(-theta))


def from_scale(score: float) -> float:
    """The inverse of to_scale (score strictly between 0 and 100)."""
    return math.log(score / (100.0 - score))


def log_sigmoid(x: float) -> float:
    """log(1 / (1 + e^-x)) without overflow for any finite x."""
    if x >= 0:
        return -math.log1p(math.exp(-x))
    return x - math.log1p(math.exp(x))


def check_observation(obs: Observation) -> Observation:
    """The observation, if every number in it is finite and its masses are >= 0.

    Estimation is total by rejection: anything else is a ValueError, never a NaN score. (Scoring
    only builds finite masses >= 0 from folded evidence, readiness.evidence, so this guards the
    functions' other callers.)
    """
    for field in fields(obs):
        value = getattr(obs, field.name)
        if not math.isfinite(value):
            raise ValueError(f"an observation's {field.name} must be finite, not {value!r}")
    if obs.success < 0.0 or obs.failure < 0.0:
        raise ValueError(f"evidence masses must be >= 0, not {obs.success!r}, {obs.failure!r}")
    return obs


def log_likelihood(obs: Observation) -> list[float]:
    """One observation's log likelihood at each GRID point."""
    s, f, b, a = obs.success, obs.failure, obs.difficulty, obs.discrimination
    values = [0.0] * GRID_POINTS
    check_observation(obs)  # before the early return: a NaN mass isn't <= 0 either
    if s <= 0.0 and f <= 0.0:
        return values
    for i, theta in enumerate(GRID):
        d = a * (theta - b)
        # log sigma(d) and log sigma(-d) share one exp.
        if d >= 0:
            t = math.log1p(math.exp(-d))
            values[i] = s * -t + f * (-d - t)
        else:
            t = math.log1p(math.exp(d))
            values[i] = s * (d - t) + f * -t
    return values


def log_posterior(observations: Iterable[Observation]) -> list[float]:
    """The unnormalised log posterior on GRID."""
    values = list(_LOG_PRIOR)
    for obs in observations:
        check_observation(obs)
        if obs.success <= 0.0 and obs.failure <= 0.0:
            continue
        for i, v in enumerate(log_likelihood(obs)):
            values[i] += v
    return values


def _quantile(cdf: list[float], q: float) -> float:
    """Linear interpolation of the grid CDF (cdf[i] = P(theta <= GRID[i]), midpoint rule)."""
    if q <= cdf[0]:
        return GRID[0]
    if q >= cdf[-1]:
        return GRID[-1]
    lo, hi = 0, len(cdf) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if cdf[mid] < q:
            lo = mid
        else:
            hi = mid
    span = cdf[hi] - cdf[lo]
    frac = 0.0 if span <= 0 else (q - cdf[lo]) / span
    return GRID[lo] + frac * _STEP


def estimate(observations: Iterable[Observation]) -> Estimate:
    """The posterior median and 90% band for one skill from its observations."""
    observations = list(observations)
    return estimate_from_log_posterior(
        log_posterior(observations),
        evidence=math.fsum(o.success + o.failure for o in observations),
    )


def estimate_from_log_posterior(logp: list[float], *, evidence: float) -> Estimate:
    """Median and band of an unnormalised log posterior on GRID."""
    top = max(logp)
    if not math.isfinite(top) or any(math.isnan(v) for v in logp):
        # Only mass * |difficulty| beyond ~1e300 overflows (to -inf; -inf - -inf is NaN).
        raise ValueError("the evidence is too large to represent on the grid")
    weights = [math.exp(v - top) for v in logp]
    total = math.fsum(weights)
    # Each grid point holds a cell of mass centred on it: the CDF at a point counts half of its
    # own cell, so a symmetric posterior has its median exactly at its centre.
    cdf: list[float] = []
    running = 0.0
    for w in weights:
        share = w / total
        cdf.append(running + share / 2.0)
        running += share
    tail = (1.0 - BAND) / 2.0
    theta = _quantile(cdf, 0.5)
    theta_low = _quantile(cdf, tail)
    theta_high = _quantile(cdf, 1.0 - tail)
    return Estimate(
        theta=theta,
        theta_low=theta_low,
        theta_high=theta_high,
        score=to_scale(theta),
        low=to_scale(theta_low),
        high=to_scale(theta_high),
        evidence=evidence,
    )


PRIOR_ESTIMATE = estimate(())


def success_probability(theta: float, difficulty: float) -> float:
    """The Rasch model's chance of a full solve."""
    return 1.0 / (1.0 + math.exp(-(theta - difficulty)))
