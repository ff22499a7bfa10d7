"""Grading a submission: the guarded status machine (claim, complete, retry), crash attempts,
the engine wait and the sweep of expired leases."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, IntegerField, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan
from django.utils import timezone

from challenges import kinds
from challenges.grading import Grade, SandboxFailure, Verdict
from challenges.models import ChallengeVersion, TestCase
from runner.facade import engine_status
from submissions.models import Submission
from submissions.queueing import (
    lock_user,
    max_attempts,
    priority_for,
    submission_enqueue_on_commit,
    submission_graded_on_commit,
)
from submissions.result_caps import (
    MAX_MESSAGE_CHARS,
    MAX_OUTPUT_CHARS,
    bounded_results,
    bounded_text,
)

logger = logging.getLogger(__name__)

RETRY_BACKOFF_S = (2, 5, 15, 45)
ENGINE_WAIT_S = 5
# A submission whose user already has MAX_RUNNING_PER_USER gradings running waits this long,
# then tries again (without using an attempt).
USER_BUSY_WAIT_S = 1.0
CRASH_REASON = "an error in our grading code; we have been told"


def _claimable(now) -> Q:
    return Q(status=Submission.Status.QUEUED) | Q(
        status=Submission.Status.RUNNING, lease_expires_at__lt=now
    )


@transaction.atomic
def submission_claim(*, submission_id: int) -> int | None:
    """Take the grading lease in one guarded UPDATE; returns the attempt number, or None.

    None when the submission is finished, leased to another worker, out of attempts, or when
    its user already has MAX_RUNNING_PER_USER gradings running (0: no cap): one user's slow
    submissions never hold more than that many sandbox slots.
    """
    user_id = Submission.objects.filter(pk=submission_id).values_list("user_id", flat=True).first()
    if user_id is None:
        return None
    now = timezone.now()
    claimable = Submission.objects.filter(
        _claimable(now), pk=submission_id, attempts__lt=max_attempts()
    )
    cap = settings.SUBMISSIONS["MAX_RUNNING_PER_USER"]
    if cap > 0:
        lock_user(user_id)
        running = (
            Submission.objects.filter(
                user_id=user_id, status=Submission.Status.RUNNING, lease_expires_at__gte=now
            )
            .exclude(pk=submission_id)
            .order_by()
            .values("user_id")
            .annotate(count=Count("pk"))
            .values("count")
        )
        claimable = claimable.filter(
            LessThan(Coalesce(Subquery(running), Value(0), output_field=IntegerField()), cap)
        )
    claimed = claimable.update(
        status=Submission.Status.RUNNING,
        attempts=F("attempts") + 1,
        lease_expires_at=now + timedelta(seconds=settings.SUBMISSIONS["LEASE_S"]),
        started_at=now,
    )
    if not claimed:
        return None
    return Submission.objects.values_list("attempts", flat=True).get(pk=submission_id)


def submission_complete(
    *, submission_id: int, attempt: int, grade: Grade, passed: bool = False
) -> bool:
    """Record the grade if this attempt still holds the lease (no double grading).

    What is stored is bounded (submissions.result_caps): whatever the candidate's code made
    the sandbox return, the row stays small and renders.
    """
    return bool(
        Submission.objects.filter(
            pk=submission_id, status=Submission.Status.RUNNING, attempts=attempt
        ).update(
            status=Submission.Status.DONE,
            verdict=grade.verdict,
            score=grade.score,
            passed=passed,
            message=bounded_text(grade.message, MAX_MESSAGE_CHARS),
            results=bounded_results(grade.cases),
            stdout=bounded_text(grade.stdout, MAX_OUTPUT_CHARS),
            stderr=bounded_text(grade.stderr, MAX_OUTPUT_CHARS),
            wall_time_ms=grade.wall_time_ms,
            cpu_time_ms=grade.cpu_time_ms,
            peak_memory_kb=grade.peak_memory_kb,
            lease_expires_at=None,
            finished_at=timezone.now(),
        )
    )


def _internal_error_message(reason: str) -> str:
    return bounded_text(
        "We could not grade this submission because of a problem on our side "
        f"({reason}). It does not count against you; please try again later.",
        MAX_MESSAGE_CHARS,
    )


def submission_retry_later(
    *, submission_id: int, attempt: int, reason: str, attempts: int | None = None
) -> bool:
    """Our failure: back to the queue with backoff, or internal_error once `attempts` (default
    MAX_ATTEMPTS) are used up."""
    if attempt >= (attempts or max_attempts()):
        return bool(
            Submission.objects.filter(
                pk=submission_id, status=Submission.Status.RUNNING, attempts=attempt
            ).update(
                status=Submission.Status.ERROR,
                verdict=Verdict.INTERNAL_ERROR,
                passed=False,
                message=_internal_error_message(reason),
                lease_expires_at=None,
                finished_at=timezone.now(),
            )
        )
    with transaction.atomic():
        requeued = Submission.objects.filter(
            pk=submission_id, status=Submission.Status.RUNNING, attempts=attempt
        ).update(status=Submission.Status.QUEUED, lease_expires_at=None, message="")
        if requeued:
            delay = RETRY_BACKOFF_S[min(attempt - 1, len(RETRY_BACKOFF_S) - 1)]
            submission_enqueue_on_commit(submission_id=submission_id, delay_s=delay)
    return bool(requeued)


def _passes(*, version: ChallengeVersion, mode: str, verdict: str, rows: object) -> bool:
    """Does a graded submit earn the editorial? The kind says (code: accepted; design: the
    pass mark)."""
    if mode != Submission.Mode.SUBMIT:
        return False
    return kinds.kind_for(version.challenge.kind).passed(
        version=version, verdict=verdict, rows=rows
    )


def submission_mark_passed(*, submission_id: int) -> bool:
    """Settle `passed` from the stored verdict, score and rows (call it after a review changed
    them). One guarded UPDATE: returns False if the grade changed meanwhile."""
    submission = Submission.objects.select_related("version__challenge").get(pk=submission_id)
    passed = submission.status == Submission.Status.DONE and _passes(
        version=submission.version,
        mode=submission.mode,
        verdict=submission.verdict,
        rows=submission.results,
    )
    return bool(
        Submission.objects.filter(
            pk=submission_id, verdict=submission.verdict, score=submission.score
        ).update(passed=passed)
    )


def _finish_exhausted(queryset: QuerySet[Submission]) -> list[int]:
    """End as internal_error what can't be claimed again: attempts used up (a crashed or
    killed worker each time). One guarded UPDATE per submission."""
    now = timezone.now()
    exhausted = queryset.filter(
        Q(status=Submission.Status.QUEUED)
        | Q(status=Submission.Status.RUNNING, lease_expires_at__lt=now),
        attempts__gte=max_attempts(),
    )
    finished = []
    for submission_id in exhausted.values_list("pk", flat=True):
        if Submission.objects.filter(
            Q(status=Submission.Status.QUEUED)
            | Q(status=Submission.Status.RUNNING, lease_expires_at__lt=now),
            pk=submission_id,
            attempts__gte=max_attempts(),
        ).update(
            status=Submission.Status.ERROR,
            verdict=Verdict.INTERNAL_ERROR,
            passed=False,
            message=_internal_error_message("its grading stopped too many times"),
            lease_expires_at=None,
            finished_at=now,
        ):
            finished.append(submission_id)
    if finished:
        logger.error("submissions out of grading attempts, ended as internal_error: %s", finished)
    return finished


def _defer_if_user_busy(submission_id: int) -> None:
    """A claim that failed while the submission is still claimable failed on its user's
    running cap: try again shortly, without using an attempt."""
    mode = (
        Submission.objects.filter(
            _claimable(timezone.now()), pk=submission_id, attempts__lt=max_attempts()
        )
        .values_list("mode", flat=True)
        .first()
    )
    if mode is None:
        _finish_exhausted(Submission.objects.filter(pk=submission_id))
        return
    with transaction.atomic():
        submission_enqueue_on_commit(
            submission_id=submission_id, delay_s=USER_BUSY_WAIT_S, priority=priority_for(mode)
        )


def submission_grade(*, submission_id: int) -> None:
    """Grade one submission exactly once; safe to call again for the same id.

    While the sandbox engine is unreachable the submission waits in the queue (no attempt is
    used up) and is graded when the engine returns. Sandbox failures are retried with backoff
    up to MAX_ATTEMPTS; any other exception in grading (our bug, or input nothing foresaw) up to
    CRASH_ATTEMPTS; then the submission ends as internal_error. It never stays running.
    """
    queued = (
        Submission.objects.filter(pk=submission_id, status=Submission.Status.QUEUED)
        .values_list("version__challenge__kind", "mode")
        .first()
    )
    if queued is not None and kinds.needs_sandbox(queued[0]):
        ready, why = engine_status()
        if not ready:
            logger.warning("submission %s waits for the sandbox engine: %s", submission_id, why)
            with transaction.atomic():
                submission_enqueue_on_commit(
                    submission_id=submission_id,
                    delay_s=ENGINE_WAIT_S,
                    priority=priority_for(queued[1]),
                )
            return
    attempt = submission_claim(submission_id=submission_id)
    if attempt is None:
        _defer_if_user_busy(submission_id)
        return
    try:
        _grade_attempt(submission_id, attempt)
    except SandboxFailure as exc:
        logger.warning("submission %s attempt %s: sandbox failure: %s", submission_id, attempt, exc)
        submission_retry_later(submission_id=submission_id, attempt=attempt, reason=str(exc))
    except Exception:
        logger.exception("submission %s attempt %s: grading crashed", submission_id, attempt)
        submission_retry_later(
            submission_id=submission_id,
            attempt=attempt,
            reason=CRASH_REASON,
            attempts=settings.SUBMISSIONS["CRASH_ATTEMPTS"],
        )


def _grade_attempt(submission_id: int, attempt: int) -> None:
    submission = Submission.objects.select_related("version__challenge").get(pk=submission_id)
    if submission.mode == Submission.Mode.CUSTOM:
        # The candidate's input against the reference solution; no case of the challenge.
        grade = kinds.grade_custom(
            version=submission.version,
            code=submission.code,
            custom_input=submission.custom_input,
        )
    else:
        cases = submission.version.cases.order_by("ordinal")
        if submission.mode == Submission.Mode.RUN:
            cases = cases.filter(visibility=TestCase.Visibility.EXAMPLE)
        grade = kinds.grade(
            version=submission.version,
            code=submission.code,
            answers=submission.answers,
            cases=cases,
        )
    passed = _passes(
        version=submission.version, mode=submission.mode, verdict=grade.verdict, rows=grade.cases
    )
    with transaction.atomic():
        if not submission_complete(
            submission_id=submission_id, attempt=attempt, grade=grade, passed=passed
        ):
            logger.info(
                "submission %s attempt %s lost its lease; result dropped", submission_id, attempt
            )
            return
        if submission.mode == Submission.Mode.SUBMIT:
            submission_graded_on_commit(submission_id=submission_id)


def submissions_requeue_expired() -> list[int]:
    """Queue again the submissions whose grading lease expired (their worker died), and end
    as internal_error those whose attempts are used up."""
    now = timezone.now()
    expired = Submission.objects.filter(status=Submission.Status.RUNNING, lease_expires_at__lt=now)
    _finish_exhausted(Submission.objects.all())
    requeue = list(expired.filter(attempts__lt=max_attempts()).values_list("pk", "mode"))
    for submission_id, mode in requeue:
        submission_enqueue_on_commit(submission_id=submission_id, priority=priority_for(mode))
    return [submission_id for submission_id, _ in requeue]
