"""Grading through a real worker process and the database queue (django-tasks-db)."""

import time

import pytest

from submissions.creation import submission_create
from submissions.models import Submission

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


def test_a_worker_killed_mid_run_leaves_a_submission_graded_exactly_once_later(
    transactional_db, candidate, order_total, order_total_solution, settings
):
    import signal

    from tests.worker_process import start_worker, stop_worker

    # Slow enough to be caught in the middle (within its 2 s budget): the first case sleeps.
    slow = "import time\n_first = [True]\n" + order_total_solution.replace(
        "def order_total(items, coupon=None):\n",
        "def order_total(items, coupon=None):\n    if _first:\n        _first.clear()\n"
        "        time.sleep(1.5)\n",
    )
    lease = {"SUBMISSIONS_LEASE_S": "2"}
    first = start_worker(env=lease)
    submission = submission_create(user=candidate, challenge=order_total, mode="submit", code=slow)
    deadline = time.monotonic() + 30
    while Submission.objects.get(pk=submission.pk).status != "running":
        assert time.monotonic() < deadline, "the first worker never claimed it"
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    stop_worker(first)
    claimed = Submission.objects.get(pk=submission.pk)
    assert (claimed.status, claimed.attempts) == ("running", 1)
    time.sleep(2.5)  # the dead worker's lease expires
    second = start_worker(env=lease)
    try:
        graded = wait_finished(submission.pk)
    finally:
        output = stop_worker(second)
    assert (graded.status, graded.verdict, graded.score, graded.attempts) == (
        "done",
        "accepted",
        1.0,
        2,
    ), output
    assert "requeued 1 submission(s) with expired leases" in output


def test_while_the_engine_is_down_submissions_wait_and_are_graded_when_it_returns(
    transactional_db, candidate, order_total, order_total_solution, tmp_path
):
    from tests.engine_proxy import EngineProxy
    from tests.worker_process import start_worker, stop_worker

    proxy = EngineProxy(tmp_path / "engine.sock")
    proxy.start()
    worker = start_worker(env={"DOCKER_HOST": proxy.docker_host})
    try:
        proxy.stop()
        submission = submission_create(
            user=candidate, challenge=order_total, mode="submit", code=order_total_solution
        )
        time.sleep(6)  # longer than the worker's engine wait: it has looked and deferred
        waiting = Submission.objects.get(pk=submission.pk)
        assert (waiting.status, waiting.attempts, waiting.verdict) == ("queued", 0, "")
        proxy.start()
        graded = wait_finished(submission.pk)
    finally:
        output = stop_worker(worker)
        proxy.stop()
    assert (graded.status, graded.verdict, graded.attempts) == ("done", "accepted", 1), output
    assert "waits for the sandbox engine" in output


def test_a_running_worker_sweeps_up_submissions_whose_worker_died(
    transactional_db, candidate, order_total, order_total_solution
):
    from datetime import timedelta

    from django.utils import timezone

    from tests.worker_process import OutputReader, start_worker, stop_worker

    # Sweeps every second; unbuffered, so its start line can be waited for.
    worker = start_worker(env={"SUBMISSIONS_LEASE_S": "2", "PYTHONUNBUFFERED": "1"})
    reader = OutputReader(worker)
    try:
        # After its start-up cleanup, or that cleanup (not the running sweep) would find it.
        reader.wait_for("worker start")
        # As a worker that died mid-run leaves it: running, claimed once, lease expired.
        orphan = Submission.objects.create(
            user=candidate,
            version=order_total.current_version,
            mode="submit",
            code=order_total_solution,
            status="running",
            attempts=1,
            lease_expires_at=timezone.now() - timedelta(seconds=1),
        )
        graded = wait_finished(orphan.pk, timeout=30)
    finally:
        # Both read the same pipe: what either got is the worker's output.
        rest = stop_worker(worker)
        output = reader.close() + rest
    assert (graded.status, graded.verdict, graded.attempts) == ("done", "accepted", 2), output
    assert "requeued submissions with expired leases" in output


def test_the_same_submission_queued_twice_is_graded_once(
    worker_process, candidate, order_total, order_total_solution
):
    from django.db import transaction

    from submissions.tasks import grade_submission

    with transaction.atomic():
        submission = submission_create(
            user=candidate, challenge=order_total, mode="submit", code=order_total_solution
        )
        # A duplicate delivery of the same task (at-least-once queues do this).
        transaction.on_commit(lambda: grade_submission.enqueue(submission.pk))
    graded = wait_finished(submission.pk)
    time.sleep(1)  # let the duplicate task run too
    graded.refresh_from_db()
    assert (graded.status, graded.verdict, graded.attempts) == ("done", "accepted", 1)
