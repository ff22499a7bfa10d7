"""Creating a submission: checking the answer, back-pressure (queue, per-user and per-challenge
budgets), then queueing it for grading."""

from __future__ import annotations

import math
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from challenges import kinds
from challenges.models import Challenge
from submissions.models import Submission
from submissions.queueing import (
    lock_user,
    max_attempts,
    priority_for,
    submission_enqueue_on_commit,
)

SUBMIT_WINDOW = timedelta(hours=1)


class QueueFull(Exception):
    """Back-pressure: too much is waiting to be graded; `retry_after_s` says when to retry."""

    def __init__(self, message: str, retry_after_s: int):
        self.retry_after_s = retry_after_s
        super().__init__(message)


class SubmitBudgetSpent(Exception):
    """Too many submits of one challenge in the last hour; `retry_after_s` says when to retry."""

    def __init__(self, message: str, retry_after_s: int):
        self.retry_after_s = retry_after_s
        super().__init__(message)


class SubmissionRejected(ValueError):
    """Bad input at the boundary; `field` names what was wrong, `detail` says what (a message,
    a list of them, or a message list per part, e.g. per design question)."""

    def __init__(self, field: str, detail: str | list[str] | dict[str, list[str]]):
        self.field = field
        self.detail = [detail] if isinstance(detail, str) else detail
        super().__init__(detail if isinstance(detail, str) else f"invalid {field}")


def _in_flight() -> QuerySet[Submission]:
    """What still holds a place in the queue: not finished, and not a lost cause waiting for
    the sweeper (lease expired, attempts used up)."""
    return Submission.objects.filter(
        status__in=[Submission.Status.QUEUED, Submission.Status.RUNNING]
    ).exclude(attempts__gte=max_attempts(), lease_expires_at__lt=timezone.now())


def _check_queue(user: User) -> None:
    limits = settings.SUBMISSIONS
    waiting = _in_flight()
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


def _check_submit_budget(user: User, challenge: Challenge) -> None:
    """At most SUBMITS_PER_CHALLENGE_PER_HOUR submits of one challenge in any hour (0: no cap).

    Each submit tells which hidden cases pass, so unlimited submits are an answer oracle. Runs
    (visible cases only) and submits that failed on our side (internal_error) don't count.
    """
    limit = settings.SUBMISSIONS["SUBMITS_PER_CHALLENGE_PER_HOUR"]
    if limit <= 0:
        return
    now = timezone.now()
    recent = list(
        Submission.objects.filter(
            user=user,
            version__challenge=challenge,
            mode=Submission.Mode.SUBMIT,
            created_at__gt=now - SUBMIT_WINDOW,
        )
        .exclude(status=Submission.Status.ERROR)
        .order_by("created_at")
        .values_list("created_at", flat=True)
    )
    if len(recent) < limit:
        return
    # The window has room again once enough of the oldest submits have left it.
    frees_at = recent[len(recent) - limit] + SUBMIT_WINDOW
    retry = max(1, math.ceil((frees_at - now).total_seconds()))
    minutes = max(1, math.ceil(retry / 60))
    raise SubmitBudgetSpent(
        f"You have submitted this challenge {len(recent)} times in the last hour (the limit is "
        f"{limit}); you can submit again in {minutes} min. Runs on the examples are not limited.",
        retry_after_s=retry,
    )


@transaction.atomic
def submission_create(
    *,
    user: User,
    challenge: Challenge,
    mode: str,
    code: str = "",
    answers: dict | None = None,
    custom_input: str | None = None,
) -> Submission:
    """Store the submission, then queue it for grading once the transaction commits.

    Code challenges take `code`; design challenges take `answers` keyed by question name; a
    custom run (mode "custom") also takes `custom_input`, checked by the challenge's kind.
    Raises SubmissionRejected (bad input), QueueFull (back-pressure) or SubmitBudgetSpent.
    """
    if mode not in Submission.Mode.values:
        raise SubmissionRejected("mode", f"mode must be one of {Submission.Mode.values}")
    if challenge.current_version_id is None:
        raise SubmissionRejected("challenge", "this challenge has no published version")
    custom = mode == Submission.Mode.CUSTOM
    if custom_input is not None and not custom:
        raise SubmissionRejected("custom_input", 'custom_input goes with mode "custom" only')
    kind = kinds.kind_for(challenge.kind)
    try:
        if custom:
            kind.clean_custom_input(version=challenge.current_version, text=custom_input or "")
        code, answers = kind.clean_answer(
            version=challenge.current_version, mode=mode, code=code, answers=answers
        )
    except kinds.AnswerRejected as exc:
        raise SubmissionRejected(exc.field, exc.detail) from None
    lock_user(user.pk)
    _check_queue(user)
    if mode == Submission.Mode.SUBMIT:
        _check_submit_budget(user, challenge)
    submission = Submission.objects.create(
        user=user,
        version_id=challenge.current_version_id,
        mode=mode,
        code=code,
        answers=answers,
        custom_input=(custom_input or "") if custom else "",
    )
    submission_enqueue_on_commit(submission_id=submission.pk, priority=priority_for(mode))
    return submission
