"""The scale-out path: the queue in Redis (django-tasks-rq), graded by an RQ worker process."""

import time

import pytest

from submissions.creation import submission_create
from submissions.models import Submission

REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own, flushed around the test

pytestmark = pytest.mark.docker


@pytest.fixture
def redis_queue(settings):
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.skip(f"no Redis at {REDIS_URL}: {exc}")
    client.flushdb()
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    yield
    client.flushdb()


def test_a_submission_is_graded_through_rq(
    transactional_db, redis_queue, candidate, order_total, order_total_solution
):
    from tests.worker_process import start_worker, stop_worker

    worker = start_worker(env={"TASKS_BACKEND": "rq", "REDIS_URL": REDIS_URL})
    try:
        submission = submission_create(
            user=candidate, challenge=order_total, mode="submit", code=order_total_solution
        )
        deadline = time.monotonic() + 60
        while not (graded := Submission.objects.get(pk=submission.pk)).is_finished:
            assert time.monotonic() < deadline, "not graded through RQ within 60 s"
            time.sleep(0.1)
    finally:
        output = stop_worker(worker)
    assert (graded.status, graded.verdict, graded.score) == ("done", "accepted", 1.0), output
