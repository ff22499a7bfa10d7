"""From a candidate's submits of one challenge to evidence masses: what they demonstrate.

A challenge's evidence is a pair of masses in [0, 1]: `success` (what the candidate showed they
can do) and `failure` (what they showed they couldn't yet). The submits are folded in order:

- the first submit sets failure = (1 - score) * assistance, success = score * probing * assistance;
- a later submit can only raise success (to score * probing * assistance, if higher) and only
  lower failure (by assistance * the improvement), so no submit ever lowers a score;
- probing = 1 / (1 + 0.25 * earlier submits of this challenge): ten failed submits and then an
  accept is worth 0.29 of a first-time accept;
- assistance = 0.05 once the editorial was opened, else 0.8 ** hints opened: an editorial-aided
  solve moves nothing much either way;
- resubmitting the same score changes nothing (success takes a maximum, failure a minimum).

Each mass keeps the time it last changed, for recency (readiness.scoring).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

PROBING_PENALTY = 0.25
HINT_FACTOR = 0.8
EDITORIAL_FACTOR = 0.05


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
    return HINT_FACTOR ** max(0, hints)


def probing_factor(earlier_submits: int) -> float:
    """How much an accept after `earlier_submits` earlier submits shows (1 = first time)."""
    return 1.0 / (1.0 + PROBING_PENALTY * max(0, earlier_submits))


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def fold_attempts(attempts: Sequence[Attempt]) -> Evidence:
    """The evidence of these submits, taken in time order (ties by submission id)."""
    ordered = sorted(attempts, key=lambda a: (a.at, a.submission_id or 0))
    evidence = Evidence()
    for earlier, attempt in enumerate(ordered):
        score = _clamp(attempt.score)
        assist = assistance_factor(hints=attempt.hints_before, editorial=attempt.editorial_before)
        shown = score * probing_factor(earlier) * assist
        if earlier == 0:
            success, success_at = shown, attempt.at
            failure, failure_at = (1.0 - score) * assist, attempt.at
            best_submission_id = attempt.submission_id
        else:
            success, success_at = evidence.success, evidence.success_at
            best_submission_id = evidence.best_submission_id
            if shown > success:
                success, success_at = shown, attempt.at
                best_submission_id = attempt.submission_id
            failure, failure_at = evidence.failure, evidence.failure_at
            failure -= assist * max(0.0, failure - (1.0 - score))
        evidence = Evidence(
            success=_clamp(success),
            success_at=success_at,
            failure=_clamp(failure),
            failure_at=failure_at,
            submits=earlier + 1,
            best_score=max(evidence.best_score, score),
            best_submission_id=best_submission_id,
            hints_opened=max(evidence.hints_opened, attempt.hints_before),
            editorial_opened=evidence.editorial_opened or attempt.editorial_before,
        )
    return evidence
