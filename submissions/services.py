"""Writes on submissions: create and enqueue, then the guarded status machine of grading."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import User
from challenges import kinds
from challenges.grading import Grade, SandboxFailure, Verdict
from challenges.models import Challenge, TestCase
from runner.facade import InvalidSource, engine_status, validate_source
from submissions.models import Submission

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_BACKOFF_S = (2, 5, 15, 45)


class QueueFull(Exception):
    """Back-pressure: too much is waiting to be graded; `retry_after_s` says when to retry."""

    def __init__(self, message: str, retry_after_s: int):
        self.retry_after_s = retry_after_s
        super().__init__(message)


def _check_queue(user: User) -> None:
    limits = settings.SUBMISSIONS
    waiting = Submission.objects.filter(
        status__in=[Submission.Status.QUEUED, Submission.Status.RUNNING]
    )
    mine = waiting.filter(user=user).count()
    if mine >= limits["MAX_IN_FLIGHT_PER_USER"]:
        raise QueueFull(
            f"You have {mine} submissions waiting to be graded; send more once they have finished.",
            retry_after_s=5,
        )
    total = waiting.count()
    if total >= limits["MAX_QUEUED"]:
        retry = min(120, 5 + total // max(1, limits["EXPECTED_GRADES_PER_S"]))
        raise QueueFull(f"The grading queue is busy; retry in {retry} s.", retry_after_s=retry)


class SubmissionRejected(ValueError):
    """Bad input at the boundary; `field` names what was wrong."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


@transaction.atomic
def submission_create(
    *,
    user: User,
    challenge: Challenge,
    mode: str,
    code: str = "",
    answers: dict | None = None,
) -> Submission:
    """Store the submission, then queue it for grading once the transaction commits.

    Code challenges take `code`; design challenges take `answers` keyed by question name.
    """
    if mode not in Submission.Mode.values:
        raise SubmissionRejected("mode", f"mode must be one of {Submission.Mode.values}")
    if challenge.current_version_id is None:
        raise SubmissionRejected("challenge", "this challenge has no published version")
    _check_queue(user)
    if challenge.kind == Challenge.Kind.DESIGN:
        if answers is None:
            raise SubmissionRejected("answers", "a design challenge is answered with `answers`")
        if mode != Submission.Mode.SUBMIT:
            raise SubmissionRejected("mode", "design challenges are submitted, not run")
        from challenges.kinds.design import answers_problems

        problems = answers_problems(list(challenge.current_version.cases.all()), answers)
        if problems:
            raise SubmissionRejected("answers", "; ".join(problems))
        code = ""
    else:
        if not code:
            raise SubmissionRejected("code", "this challenge is answered with `code`")
        try:
            validate_source(code)
        except InvalidSource as exc:
            raise SubmissionRejected("code", str(exc)) from None
        answers = None
    submission = Submission.objects.create(
        user=user,
        version_id=challenge.current_version_id,
        mode=mode,
        code=code,
        answers=answers,
    )
    submission_enqueue_on_commit(submission_id=submission.pk)
    return submission


def submission_enqueue_on_commit(*, submission_id: int, delay_s: float = 0) -> None:
    from submissions.tasks import grade_submission

    def enqueue() -> None:
        task = grade_submission
        if delay_s:
            task = task.using(run_after=timezone.now() + timedelta(seconds=delay_s))
        task.enqueue(submission_id)

    transaction.on_commit(enqueue)


def submission_claim(*, submission_id: int) -> int | None:
    """Take the grading lease in one guarded UPDATE; returns the attempt number, or None."""
    now = timezone.now()
    claimed = Submission.objects.filter(
        Q(status=Submission.Status.QUEUED)
        | Q(status=Submission.Status.RUNNING, lease_expires_at__lt=now),
        pk=submission_id,
    ).update(
        status=Submission.Status.RUNNING,
        attempts=F("attempts") + 1,
        lease_expires_at=now + timedelta(seconds=settings.SUBMISSIONS["LEASE_S"]),
        started_at=now,
    )
    if not claimed:
        return None
    return Submission.objects.values_list("attempts", flat=True).get(pk=submission_id)


def submission_complete(*, submission_id: int, attempt: int, grade: Grade) -> bool:
    """Record the grade if this attempt still holds the lease (no double grading)."""
    return bool(
        Submission.objects.filter(
            pk=submission_id, status=Submission.Status.RUNNING, attempts=attempt
        ).update(
            status=Submission.Status.DONE,
            verdict=grade.verdict,
            score=grade.score,
            message=grade.message,
            results=grade.cases,
            stdout=grade.stdout[:65536],
            stderr=grade.stderr[:65536],
            wall_time_ms=grade.wall_time_ms,
            cpu_time_ms=grade.cpu_time_ms,
            peak_memory_kb=grade.peak_memory_kb,
            lease_expires_at=None,
            finished_at=timezone.now(),
        )
    )


def submission_retry_later(*, submission_id: int, attempt: int, reason: str) -> bool:
    """A sandbox failure: back to the queue with backoff, or internal_error when out of tries."""
    if attempt >= MAX_ATTEMPTS:
        return bool(
            Submission.objects.filter(
                pk=submission_id, status=Submission.Status.RUNNING, attempts=attempt
            ).update(
                status=Submission.Status.ERROR,
                verdict=Verdict.INTERNAL_ERROR,
                message=(
                    "We could not grade this submission because of a problem on our side "
                    f"({reason}). It does not count against you; please try again later."
                ),
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


ENGINE_WAIT_S = 5


def submission_grade(*, submission_id: int) -> None:
    """Grade one submission exactly once; safe to call again for the same id.

    While the sandbox engine is unreachable the submission waits in the queue (no attempt is
    used up) and is graded when the engine returns.
    """
    kind = (
        Submission.objects.filter(pk=submission_id, status=Submission.Status.QUEUED)
        .values_list("version__challenge__kind", flat=True)
        .first()
    )
    if kind is not None and kinds.needs_sandbox(kind):
        ready, why = engine_status()
        if not ready:
            logger.warning("submission %s waits for the sandbox engine: %s", submission_id, why)
            with transaction.atomic():
                submission_enqueue_on_commit(submission_id=submission_id, delay_s=ENGINE_WAIT_S)
            return
    attempt = submission_claim(submission_id=submission_id)
    if attempt is None:
        return
    submission = Submission.objects.select_related("version__challenge").get(pk=submission_id)
    cases = submission.version.cases.order_by("ordinal")
    if submission.mode == Submission.Mode.RUN:
        cases = cases.filter(visibility=TestCase.Visibility.EXAMPLE)
    try:
        grade = kinds.grade(
            version=submission.version,
            code=submission.code,
            answers=submission.answers,
            cases=cases,
        )
    except SandboxFailure as exc:
        logger.warning("submission %s attempt %s: sandbox failure: %s", submission_id, attempt, exc)
        submission_retry_later(submission_id=submission_id, attempt=attempt, reason=str(exc))
        return
    if not submission_complete(submission_id=submission_id, attempt=attempt, grade=grade):
        logger.info(
            "submission %s attempt %s lost its lease; result dropped", submission_id, attempt
        )


def submissions_requeue_expired() -> list[int]:
    """Queue again the submissions whose grading lease expired (their worker died)."""
    now = timezone.now()
    ids = list(
        Submission.objects.filter(
            status=Submission.Status.RUNNING, lease_expires_at__lt=now
        ).values_list("pk", flat=True)
    )
    for submission_id in ids:
        submission_enqueue_on_commit(submission_id=submission_id)
    return ids


class ReviewRejected(ValueError):
    """The scores don't fit the rubric, or the submission is not waiting for review."""


@transaction.atomic
def submission_review(
    *, submission: Submission, reviewer: User, scores: dict, comment: str = ""
) -> Submission:
    """Score the free-text answers with their rubrics and settle the final score and verdict."""
    from submissions.models import Review

    if submission.user_id == reviewer.pk:
        raise ReviewRejected("you can't review your own submission")
    if submission.verdict != Verdict.PENDING_REVIEW:
        raise ReviewRejected("this submission is not waiting for review")
    questions = {
        case.name: case
        for case in submission.version.cases.all()
        if case.input.get("type") == "text"
    }
    if set(scores) != set(questions):
        raise ReviewRejected(f"score exactly these questions: {sorted(questions)}")
    earned_text = {}
    for name, points in scores.items():
        rubric = questions[name].input["rubric"]
        if not isinstance(points, list) or len(points) != len(rubric):
            raise ReviewRejected(f"{name}: give one score per rubric criterion ({len(rubric)})")
        for given, criterion in zip(points, rubric, strict=True):
            if not isinstance(given, int) or isinstance(given, bool):
                raise ReviewRejected(f"{name}: scores are whole numbers")
            if not 0 <= given <= int(criterion["points"]):
                raise ReviewRejected(
                    f"{name}: {criterion['criterion']!r} is worth 0 to {criterion['points']}"
                )
        earned_text[name] = sum(points)
    rows = []
    for row in submission.results:
        if row["name"] in earned_text:
            row = {
                **row,
                "status": "reviewed",
                "earned": earned_text[row["name"]],
                "passed": earned_text[row["name"]] == row["points"],
            }
        rows.append(row)
    total = sum(row["points"] for row in rows)
    earned = sum(row["earned"] or 0 for row in rows)
    score = round(earned / total, 4) if total else 0.0
    verdict = Verdict.ACCEPTED if earned == total else Verdict.WRONG_ANSWER
    settled = Submission.objects.filter(pk=submission.pk, verdict=Verdict.PENDING_REVIEW).update(
        verdict=verdict, score=score, results=rows, message="Reviewed."
    )
    if not settled:
        raise ReviewRejected("this submission was reviewed meanwhile")
    Review.objects.create(submission=submission, reviewer=reviewer, scores=scores, comment=comment)
    submission.refresh_from_db()
    return submission
