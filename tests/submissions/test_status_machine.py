"""The grading status machine: guarded single-query transitions, retries, exactly-once."""

import pytest

from challenges.grading import Grade, SandboxFailure, Verdict
from submissions import services
from submissions.models import Submission


@pytest.fixture
def submission(candidate, order_total, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        return services.submission_create(
            user=candidate, challenge=order_total, mode="submit", code="def order_total(): pass"
        )


@pytest.fixture
def engine_up(monkeypatch):
    """These tests fake the grading itself: the engine's state must not matter."""
    monkeypatch.setattr(services, "engine_status", lambda: (True, "ready"))


def accepted() -> Grade:
    return Grade(verdict=Verdict.ACCEPTED, score=1.0, cases=[{"passed": True}])


def test_create_enqueues_only_after_commit(
    candidate, order_total, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submission = services.submission_create(
            user=candidate, challenge=order_total, mode="run", code="x = 1"
        )
    assert len(callbacks) == 1
    assert submission.status == Submission.Status.QUEUED
    assert submission.version == order_total.current_version


def test_claim_is_exclusive(submission):
    assert services.submission_claim(submission_id=submission.pk) == 1
    assert services.submission_claim(submission_id=submission.pk) is None
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RUNNING
    assert submission.lease_expires_at is not None


def test_expired_lease_is_claimed_again_and_the_old_attempt_cannot_finish(submission):
    assert services.submission_claim(submission_id=submission.pk) == 1
    Submission.objects.filter(pk=submission.pk).update(lease_expires_at="2000-01-01T00:00:00Z")
    assert services.submission_claim(submission_id=submission.pk) == 2
    assert (
        services.submission_complete(submission_id=submission.pk, attempt=1, grade=accepted())
        is False
    )
    assert (
        services.submission_complete(submission_id=submission.pk, attempt=2, grade=accepted())
        is True
    )
    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.score) == ("done", "accepted", 1.0)
    assert services.submission_claim(submission_id=submission.pk) is None


@pytest.mark.usefixtures("engine_up")
def test_sandbox_failures_retry_then_end_as_internal_error(
    submission, monkeypatch, django_capture_on_commit_callbacks
):
    def failing_grade(**kwargs):
        raise SandboxFailure("engine unreachable")

    monkeypatch.setattr(services.kinds, "grade", failing_grade)
    for attempt in range(1, services.MAX_ATTEMPTS + 1):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.submission_grade(submission_id=submission.pk)
        submission.refresh_from_db()
        assert submission.attempts == attempt
        if attempt < services.MAX_ATTEMPTS:
            assert submission.status == Submission.Status.QUEUED
            assert len(callbacks) == 1  # the retry, enqueued with backoff
    assert submission.status == Submission.Status.ERROR
    assert submission.verdict == Verdict.INTERNAL_ERROR
    assert "problem on our side (engine unreachable)" in submission.message
    assert "does not count against you" in submission.message


@pytest.mark.usefixtures("engine_up")
def test_grading_a_finished_submission_again_does_nothing(submission, monkeypatch):
    calls = []
    monkeypatch.setattr(services.kinds, "grade", lambda **kw: calls.append(kw) or accepted())
    services.submission_grade(submission_id=submission.pk)
    services.submission_grade(submission_id=submission.pk)
    assert len(calls) == 1


def test_while_the_engine_is_down_submissions_wait_without_using_attempts(
    submission, settings, django_capture_on_commit_callbacks
):
    from runner import docker_engine

    settings.RUNNER = {**settings.RUNNER, "DOCKER_HOST": "unix:///nonexistent/docker.sock"}
    docker_engine.reset_client()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.submission_grade(submission_id=submission.pk)
        assert len(callbacks) == 1  # queued again, after a delay
    submission.refresh_from_db()
    assert (submission.status, submission.attempts, submission.verdict) == ("queued", 0, "")
