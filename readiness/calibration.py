"""Difficulty from the population: each challenge's b re-fitted to who solved it and who didn't.

For challenge c, each candidate u who submitted it gives (theta_u, success, failure), theta_u
being their current estimate on c's skills weighted by c's shares. b is the maximum a posteriori
value under the Rasch likelihood with a normal prior centred on the author's label (sd 0.5), so a
challenge with few attempters stays near its label and one with many follows the data. Newton's
method on a strictly concave objective: a handful of steps, always converges.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LABEL_PRIOR_SD = 0.5
MIN_CANDIDATES = 5  # fewer attempters than this: keep the label
MAX_STEPS = 50


@dataclass(frozen=True)
class Response:
    theta: float
    success: float
    failure: float


def fit_difficulty(*, label: float, responses: Sequence[Response]) -> float:
    """The MAP difficulty given the responses and the label prior."""
    b = label
    precision = 1.0 / LABEL_PRIOR_SD**2
    for _ in range(MAX_STEPS):
        # d/db log L = sum (f + s) * p - s  where p = sigma(theta - b)  (per response)
        grad = -(b - label) * precision
        hess = -precision
        for r in responses:
            n = r.success + r.failure
            if n <= 0:
                continue
            p = 1.0 / (1.0 + math.exp(-(r.theta - b)))
            grad += n * p - r.success
            hess -= n * p * (1.0 - p)
        step = grad / hess
        b -= step
        if abs(step) < 1e-9:
            break
    return b
