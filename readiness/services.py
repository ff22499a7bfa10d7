"""Readiness writes: assistance events, evidence and stored scores (recomputed, never patched)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from challenges.models import Challenge, Skill
from challenges.package_content import MAX_HINTS
from readiness.catalogue import challenge_facts
from readiness.evidence import Attempt, Evidence, fold_attempts
from readiness.explanation import explanation_for
from readiness.models import AssistEvent, ChallengeEvidence, SkillScore
from readiness.scoring import score_skills
from submissions.models import Submission


def assist_event_record(
    *, user_id: int, challenge_id: int, kind: str, index: int = 0
) -> tuple[AssistEvent, bool]:
    """Record that a candidate opened a hint or the editorial; only the first opening counts.

    Returns the event and whether it was new. Idempotent: opening it again changes nothing.
    ValueError for an unknown kind or a hint index outside 0..MAX_HINTS-1 (no challenge has
    more hints); the editorial's index is always 0, whatever is passed.
    """
    if kind not in AssistEvent.Kind.values:
        raise ValueError(f"unknown assistance kind {kind!r}")
    if kind == AssistEvent.Kind.EDITORIAL:
        index = 0
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < MAX_HINTS:
        raise ValueError(f"a hint index is 0 to {MAX_HINTS - 1}, not {index!r}")
    lookup = {"user_id": user_id, "challenge_id": challenge_id, "kind": kind, "index": index}
    existing = AssistEvent.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return AssistEvent.objects.create(**lookup, created_at=timezone.now()), True
    except IntegrityError:
        # Opened twice at once: the first writer's time stands.
        return AssistEvent.objects.get(**lookup), False


def attempts_for(*, user_id: int, challenge_id: int) -> list[Attempt]:
    """The candidate's graded submits of a challenge, with the help opened before each."""
    hint_times: list[datetime] = []
    editorial_times: list[datetime] = []
    for kind, at in AssistEvent.objects.filter(
        user_id=user_id, challenge_id=challenge_id
    ).values_list("kind", "created_at"):
        if kind == AssistEvent.Kind.HINT:
            hint_times.append(at)
        elif kind == AssistEvent.Kind.EDITORIAL:
            editorial_times.append(at)
    # Sorted, so each submit's help is two bisections: O((submits + events) log events).
    hint_times.sort()
    first_editorial = min(editorial_times, default=None)
    submits = Submission.objects.filter(
        user_id=user_id,
        version__challenge_id=challenge_id,
        mode=Submission.Mode.SUBMIT,
        status=Submission.Status.DONE,
        score__isnull=False,
    ).values_list("pk", "created_at", "score")
    attempts = []
    for pk, created_at, score in submits:
        attempts.append(
            Attempt(
                at=created_at,
                score=score,
                hints_before=bisect_left(hint_times, created_at),
                editorial_before=first_editorial is not None and first_editorial < created_at,
                submission_id=pk,
            )
        )
    return attempts


def _store_evidence(*, user_id: int, challenge_id: int, evidence: Evidence) -> None:
    if evidence.submits == 0:
        ChallengeEvidence.objects.filter(user_id=user_id, challenge_id=challenge_id).delete()
        return
    ChallengeEvidence.objects.update_or_create(
        user_id=user_id,
        challenge_id=challenge_id,
        defaults={
            "success": evidence.success,
            "success_at": evidence.success_at,
            "failure": evidence.failure,
            "failure_at": evidence.failure_at,
            "submits": evidence.submits,
            "best_score": evidence.best_score,
            "best_submission_id": evidence.best_submission_id,
            "hints_opened": evidence.hints_opened,
            "editorial_opened": evidence.editorial_opened,
        },
    )


def stored_evidence(*, user_id: int) -> dict[int, Evidence]:
    """The candidate's per-challenge evidence as scoring takes it."""
    return {
        row.challenge_id: Evidence(
            success=row.success,
            success_at=row.success_at,
            failure=row.failure,
            failure_at=row.failure_at,
            submits=row.submits,
            best_score=row.best_score,
            best_submission_id=row.best_submission_id,
            hints_opened=row.hints_opened,
            editorial_opened=row.editorial_opened,
        )
        for row in ChallengeEvidence.objects.filter(user_id=user_id)
    }


def _lock_user(user_id: int) -> None:
    # Two graded submits of one candidate may be scored at once: the row lock (PostgreSQL; SQLite
    # serialises writers anyway) makes the later update read the earlier one's evidence.
    get_user_model().objects.select_for_update().filter(pk=user_id).exists()


@transaction.atomic
def readiness_rescore(
    *, user_id: int, skills: Iterable[str] | None = None, as_of: datetime | None = None
) -> list[SkillScore]:
    """Recompute and store the candidate's scores for these skills (all when None).

    Reads only the candidate's own evidence rows and the facts of those challenges: the cost is
    O(their history), whatever the size of the platform.
    """
    _lock_user(user_id)
    as_of = as_of or timezone.now()
    evidence = stored_evidence(user_id=user_id)
    facts = challenge_facts(evidence.keys())
    skill_rows = {s.slug: s for s in Skill.objects.all()}
    wanted = sorted(skill_rows if skills is None else set(skills) & set(skill_rows))
    results = score_skills(evidence=evidence, facts=facts, skills=wanted, as_of=as_of)
    stored = []
    for slug in wanted:
        result = results[slug]
        est = result.estimate
        row, _ = SkillScore.objects.update_or_create(
            user_id=user_id,
            skill=skill_rows[slug],
            defaults={
                "score": est.score,
                "low": est.low,
                "high": est.high,
                "theta": est.theta,
                "challenges": result.challenges,
                "evidence": est.evidence,
                "explanation": explanation_for(
                    result=result, evidence=evidence, facts=facts, as_of=as_of
                ),
                "as_of": as_of,
            },
        )
        stored.append(row)
    return stored


@transaction.atomic
def readiness_refresh(
    *, user_id: int, challenge_id: int, as_of: datetime | None = None
) -> list[SkillScore]:
    """After a graded submit (or a review) of a challenge: refold that challenge's evidence from
    the candidate's submits, then rescore the skills it trains. Idempotent."""
    _lock_user(user_id)
    evidence = fold_attempts(attempts_for(user_id=user_id, challenge_id=challenge_id))
    _store_evidence(user_id=user_id, challenge_id=challenge_id, evidence=evidence)
    skills = Challenge.objects.filter(pk=challenge_id).values_list("skills__slug", flat=True)
    return readiness_rescore(
        user_id=user_id, skills=[s for s in skills if s], as_of=as_of or timezone.now()
    )


@transaction.atomic
def readiness_rebuild(*, user_id: int, as_of: datetime | None = None) -> list[SkillScore]:
    """Refold every challenge the candidate submitted and rescore all skills."""
    _lock_user(user_id)
    challenge_ids = set(
        Submission.objects.filter(user_id=user_id, mode=Submission.Mode.SUBMIT).values_list(
            "version__challenge_id", flat=True
        )
    ) | set(
        ChallengeEvidence.objects.filter(user_id=user_id).values_list("challenge_id", flat=True)
    )
    for challenge_id in sorted(challenge_ids):
        evidence = fold_attempts(attempts_for(user_id=user_id, challenge_id=challenge_id))
        _store_evidence(user_id=user_id, challenge_id=challenge_id, evidence=evidence)
    return readiness_rescore(user_id=user_id, as_of=as_of)
