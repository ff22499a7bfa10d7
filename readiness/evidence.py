"""From a candidate's submits of one challenge to evidence masses: what they demonstrate.

A challenge's evidence is a pair of masses in [0, 1]: `success` (what the candidate showed they
can do) and `failure` (what they showed they couldn't yet). The graded submits are folded in time
order (ties by submission id, then by the submits' own values, so the order they are passed in
never matters):

- help once opened stays opened: a submit's assistance counts the most hints opened before it or
  any earlier submit, and the editorial once it was opened before any of them;
- assistance = EDITORIAL_FACTOR (0.05) once the editorial was opened, else HINT_FACTOR (0.8) **
  hints opened. It shrinks what a submit shows, never what it failed to show: a failure with the
  editorial open is still a failure, so opening help never raises a score;
- probing = 1 / (1 + PROBING_PENALTY * earlier graded submits of this challenge): ten failed
  submits and then an accept are worth 0.29 of a first-time accept;
- the first submit sets success = score * assistance and failure = 1 - score;
- a later submit can only raise success, to score * probing * assistance if that is higher; it
  never changes failure. What the first submit missed stays on the record (an accept after
  failed submits counts less than a first-time accept twice over: probing shrinks its success,
  and the earlier failure stays), so probing the hidden cases can't erase failures. A submit
  that doesn't beat the best shown success changes no mass, so resubmitting accepted code gains
  nothing;
- so, after the editorial is opened, every later submit of the challenge together raises success
  by at most EDITORIAL_FACTOR: solving after reading it gains almost nothing. Without any help
  this is exactly "success = the best of score * probing, failure = 1 - the first score".

Why failure stays: benchmarks/readiness_simulation.py measured both rules. Letting a later
accept wipe out the first submit's failure made probers look like first-time solvers, and the
90% band covered the truth only 86.4% of the time at 10 attempts per skill (78.1% at 20); with
the failure kept it covers 90.4% (88.5% at 20), and ranks better (docs/readiness.md).

Each mass keeps the time it last changed (success) or was set (failure), for recency
(readiness.scoring).

Hostile values (a buggy grader can store anything in a float column) are folded, never raised
on, and the masses are always in [0, 1]:

- a score that is NaN is not a grade: that submit is left out (it is neither a success, a
  failure, nor an earlier submit for probing);
- any other score is clamped into [0, 1] (negative and -inf -> 0, above 1 and +inf -> 1);
- a negative hint count counts as 0; any count, however large, is fine: counts above
  MAX_REPORTED_HINTS count as that many (0.8 ** 32767 is already 0), and so does the count
  reported in `hints_opened` (what ChallengeEvidence stores);
- the times must be all timezone-aware or all naive (as datetimes require to be compared).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

PROBING_PENALTY = 0.25
HINT_FACTOR = 0.8
EDITORIAL_FACTOR = 0.05
# ChallengeEvidence.hints_opened is a small integer; beyond this many the factor is 0 anyway.
MAX_REPORTED_HINTS = 32767


@dataclass(frozen=True)
class Attempt:
    """One graded submit of a challenge, with the help the candidate had opened before it."""

    at: datetime
    score: float  # 0..1, the graded share of the cases (partial credit)
    hints_before: int = 0
    editorial_before: bool = False
    submission_id: int | None = None


@dataclass(frozen=True)
class Evidence:
    success: float = 0.0
    success_at: datetime | None = None
    failure: float = 0.0
    failure_at: datetime | None = None
    submits: int = 0
    best_score: float = 0.0
    best_submission_id: int | None = None
    hints_opened: int = 0
    editorial_opened: bool = False


def assistance_factor(*, hints: int, editorial: bool) -> float:
    """How much a submit made with this help still shows (1 = unassisted)."""
    if editorial:
        return EDITORIAL_FACTOR
    # Capped so that any int is a valid count; 0.8 ** 32767 is already 0.0.
    return HINT_FACTOR ** min(max(0, hints), MAX_REPORTED_HINTS)


def probing_factor(earlier_submits: int) -> float:
    """How much an accept after `earlier_submits` earlier submits shows (1 = first time)."""
    # Capped so that any int converts to a float (the factor is ~1e-300 by then).
    return 1.0 / (1.0 + PROBING_PENALTY * float(min(max(0, earlier_submits), 10**300)))


def graded_score(score: float) -> float | None:
    """The score as folding takes it: None for NaN (not a grade), else clamped into [0, 1]."""
    if math.isnan(score):
        return None
    return min(1.0, max(0.0, float(score)))


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def graded_in_order(attempts: Sequence[Attempt]) -> list[tuple[Attempt, float]]:
    """The submits with a usable score, each with that score, in time order."""
    graded = [
        (attempt, score)
        for attempt in attempts
        if (score := graded_score(attempt.score)) is not None
    ]
    # A total order on what matters, so that shuffled input folds the same.
    graded.sort(
        key=lambda pair: (
            pair[0].at,
            -1 if pair[0].submission_id is None else pair[0].submission_id,
            pair[1],
            max(0, pair[0].hints_before),
            bool(pair[0].editorial_before),
        )
    )
    return graded


def fold_attempts(attempts: Sequence[Attempt]) -> Evidence:
    """The evidence of these submits, taken in time order (see the module docstring)."""
    graded = graded_in_order(attempts)
    evidence = Evidence()
    hints = 0
    editorial = False
    best = 0.0
    for earlier, (attempt, score) in enumerate(graded):
        hints = max(hints, attempt.hints_before)
        editorial = editorial or bool(attempt.editorial_before)
        assist = assistance_factor(hints=hints, editorial=editorial)
        shown = score * probing_factor(earlier) * assist
        if earlier == 0:
            success, success_at = shown, attempt.at
            failure, failure_at = 1.0 - score, attempt.at
            best_submission_id = attempt.submission_id
        else:
            success, success_at = evidence.success, evidence.success_at
            best_submission_id = evidence.best_submission_id
            if shown > success:
                success, success_at = shown, attempt.at
                best_submission_id = attempt.submission_id
            failure, failure_at = evidence.failure, evidence.failure_at
        best = max(best, score)
        evidence = Evidence(
            success=_clamp(success),
            success_at=success_at,
            failure=_clamp(failure),
            failure_at=failure_at,
            submits=earlier + 1,
            best_score=best,
            best_submission_id=best_submission_id,
            hints_opened=min(hints, MAX_REPORTED_HINTS),
            editorial_opened=editorial,
        )
    return evidence
