"""Grading through a real worker process and the database queue (django-tasks-db)."""

import time

import pytest

from submissions.models import Submission
from submissions.services import submission_create

pytestmark = pytest.mark.docker


def wait_finished(submission_id: int, timeout: float = 60) -> Submission:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        submission = Submission.objects.get(pk=submission_id)
        if submission.is_finished:
            return submission
        time.sleep(0.1)
    raise AssertionError(f"submission {submission_id} not graded within {timeout} s")


def test_worker_process_grades_queued_submissions(
    worker_process, candidate, order_total, order_total_solution
):
    wrong = submission_create(
        user=candidate, challenge=order_total, mode="submit", code="def order_total(*a): return {}"
    )
    right = submission_create(
        user=candidate, challenge=order_total, mode="submit", code=order_total_solution
    )
    wrong, right = wait_finished(wrong.pk), wait_finished(right.pk)
    assert (wrong.status, wrong.verdict, wrong.score) == ("done", "wrong_answer", 0.0)
    assert (right.status, right.verdict, right.score) == ("done", "accepted", 1.0)
    assert right.attempts == 1
    assert right.started_at <= right.finished_at
