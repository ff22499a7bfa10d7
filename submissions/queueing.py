"""The grading queue: enqueueing a submission after commit, priorities, attempts, the user lock."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from accounts.models import User
from submissions.models import Submission

logger = logging.getLogger(__name__)

# Runs (visible cases only: quick) are picked before submits by backends that order by priority.
RUN_PRIORITY = 10


def max_attempts() -> int:
    """Grading attempts (sandbox failures, dead workers) before a submission ends as
    internal_error."""
    return settings.SUBMISSIONS["MAX_ATTEMPTS"]


def lock_user(user_id: int) -> None:
    """Serialise one user's queue decisions (PostgreSQL row lock; SQLite serialises writers)."""
    list(User.objects.select_for_update().filter(pk=user_id).values_list("pk", flat=True))


def priority_for(mode: str) -> int:
    """A run's grading (custom runs too) goes before submits' (on backends that order by
    priority)."""
    return RUN_PRIORITY if mode in (Submission.Mode.RUN, Submission.Mode.CUSTOM) else 0


def submission_graded_on_commit(*, submission_id: int) -> None:
    """Tell the GRADED_HOOKS of a submit's new grade once the current transaction commits."""
    for path in settings.SUBMISSIONS["GRADED_HOOKS"]:
        hook = import_string(path)
        transaction.on_commit(lambda hook=hook, path=path: _call_hook(hook, path, submission_id))


def _call_hook(hook, path: str, submission_id: int) -> None:
    # The grade is committed whatever a hook does: a failing hook is logged, never turned into
    # a grading failure or a retry.
    try:
        hook(submission_id=submission_id)
    except Exception:
        logger.exception("graded hook %s failed for submission %s", path, submission_id)


def submission_enqueue_on_commit(
    *, submission_id: int, delay_s: float = 0, priority: int = 0
) -> None:
    """Queue the grading task once the current transaction commits (after `delay_s`)."""
    from submissions.tasks import grade_submission

    def enqueue() -> None:
        changes = {}
        if delay_s:
            changes["run_after"] = timezone.now() + timedelta(seconds=delay_s)
        if priority and grade_submission.get_backend().supports_priority:
            changes["priority"] = priority
        task = grade_submission.using(**changes) if changes else grade_submission
        task.enqueue(submission_id)

    transaction.on_commit(enqueue)
