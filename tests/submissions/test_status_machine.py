"""The grading status machine: guarded single-query transitions, retries, exactly-once."""

import pytest

from challenges.grading import Grade, SandboxFailure, Verdict
from submissions import creation, grading, queueing
from submissions.models import Submission
from tests.factories import UserFactory
from tests.runner.engine_settings import engine_options


@pytest.fixture
def submission(candidate, order_total, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        return creation.submission_create(
            user=candidate, challenge=order_total, mode="submit", code="def order_total(): pass"
        )


@pytest.fixture
def engine_up(monkeypatch):
    """These tests fake the grading itself: the engine's state must not matter."""
    monkeypatch.setattr(grading, "engine_status", lambda: (True, "ready"))


def accepted() -> Grade:
    return Grade(verdict=Verdict.ACCEPTED, score=1.0, cases=[{"passed": True}])


def test_create_enqueues_only_after_commit(
    candidate, order_total, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submission = creation.submission_create(
            user=candidate, challenge=order_total, mode="run", code="x = 1"
        )
    assert len(callbacks) == 1
    assert submission.status == Submission.Status.QUEUED
    assert submission.version == order_total.current_version


def test_claim_is_exclusive(submission):
    assert grading.submission_claim(submission_id=submission.pk) == 1
    assert grading.submission_claim(submission_id=submission.pk) is None
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RUNNING
    assert submission.lease_expires_at is not None


def test_expired_lease_is_claimed_again_and_the_old_attempt_cannot_finish(submission):
    assert grading.submission_claim(submission_id=submission.pk) == 1
    Submission.objects.filter(pk=submission.pk).update(lease_expires_at="2000-01-01T00:00:00Z")
    assert grading.submission_claim(submission_id=submission.pk) == 2
    assert (
        grading.submission_complete(submission_id=submission.pk, attempt=1, grade=accepted())
        is False
    )
    assert (
        grading.submission_complete(submission_id=submission.pk, attempt=2, grade=accepted())
        is True
    )
    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.score) == ("done", "accepted", 1.0)
    assert grading.submission_claim(submission_id=submission.pk) is None


@pytest.mark.usefixtures("engine_up")
def test_sandbox_failures_retry_then_end_as_internal_error(
    submission, monkeypatch, django_capture_on_commit_callbacks
):
    def failing_grade(**kwargs):
        raise SandboxFailure("engine unreachable")

    monkeypatch.setattr(grading.kinds, "grade", failing_grade)
    for attempt in range(1, grading.max_attempts() + 1):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            grading.submission_grade(submission_id=submission.pk)
        submission.refresh_from_db()
        assert submission.attempts == attempt
        if attempt < grading.max_attempts():
            assert submission.status == Submission.Status.QUEUED
            assert len(callbacks) == 1  # the retry, enqueued with backoff
    assert submission.status == Submission.Status.ERROR
    assert submission.verdict == Verdict.INTERNAL_ERROR
    assert "problem on our side (engine unreachable)" in submission.message
    assert "does not count against you" in submission.message


@pytest.mark.usefixtures("engine_up")
def test_grading_a_finished_submission_again_does_nothing(submission, monkeypatch):
    calls = []
    monkeypatch.setattr(grading.kinds, "grade", lambda **kw: calls.append(kw) or accepted())
    grading.submission_grade(submission_id=submission.pk)
    grading.submission_grade(submission_id=submission.pk)
    assert len(calls) == 1


def test_while_the_engine_is_down_submissions_wait_without_using_attempts(
    submission, settings, django_capture_on_commit_callbacks
):
    settings.RUNNER = engine_options(docker_host="unix:///nonexistent/docker.sock")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            grading.submission_grade(submission_id=submission.pk)
        assert len(callbacks) == 1  # queued again, after a delay
    submission.refresh_from_db()
    assert (submission.status, submission.attempts, submission.verdict) == ("queued", 0, "")


# --- crashes are bounded ------------------------------------------------------------------------


@pytest.mark.usefixtures("engine_up")
def test_a_crash_in_grading_is_retried_then_ends_as_internal_error_and_frees_the_caps(
    submission, monkeypatch, settings, django_capture_on_commit_callbacks, caplog
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "CRASH_ATTEMPTS": 2}

    def crashing_grade(**kwargs):
        raise TypeError("'<' not supported between instances of 'list' and 'int'")

    monkeypatch.setattr(grading.kinds, "grade", crashing_grade)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        grading.submission_grade(submission_id=submission.pk)
    submission.refresh_from_db()
    assert (submission.status, submission.attempts) == ("queued", 1)
    assert len(callbacks) == 1  # retried with backoff
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        grading.submission_grade(submission_id=submission.pk)
    submission.refresh_from_db()
    assert (submission.status, submission.verdict, submission.attempts) == (
        "error",
        "internal_error",
        2,
    )
    assert callbacks == []
    assert submission.message == (
        "We could not grade this submission because of a problem on our side (an error in our "
        "grading code; we have been told). It does not count against you; please try again later."
    )
    assert "not supported" not in submission.message  # our traceback stays in our logs
    assert "grading crashed" in caplog.text
    assert "TypeError" in caplog.text
    assert not creation._in_flight().exists()


def test_the_sweeper_finishes_what_used_up_its_attempts_instead_of_requeueing_it(
    candidate, order_total, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    expired = timezone.now() - timedelta(seconds=1)

    def orphan(attempts):
        return Submission.objects.create(
            user=candidate, version=order_total.current_version, mode="submit", code="x=1",
            status="running", attempts=attempts, lease_expires_at=expired,
        )  # fmt: skip

    spent, retryable = orphan(grading.max_attempts()), orphan(1)
    leased = Submission.objects.create(
        user=candidate, version=order_total.current_version, mode="submit", code="x=1",
        status="running", attempts=grading.max_attempts(),
        lease_expires_at=timezone.now() + timedelta(minutes=5),
    )  # fmt: skip
    # Before any sweep, the lost cause already holds no place in the queue.
    assert set(creation._in_flight().values_list("pk", flat=True)) == {retryable.pk, leased.pk}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert grading.submissions_requeue_expired() == [retryable.pk]
    assert len(callbacks) == 1
    spent.refresh_from_db()
    assert (spent.status, spent.verdict) == ("error", "internal_error")
    assert "does not count against you" in spent.message
    assert Submission.objects.get(pk=leased.pk).status == "running"  # its worker is alive
    # And a claim never takes it again.
    assert grading.submission_claim(submission_id=spent.pk) is None


# --- the fair queue -----------------------------------------------------------------------------


def another(candidate, order_total, django_capture_on_commit_callbacks, mode="submit"):
    with django_capture_on_commit_callbacks(execute=False):
        return creation.submission_create(
            user=candidate, challenge=order_total, mode=mode, code="x = 1"
        )


def test_a_user_runs_at_most_max_running_per_user_gradings_at_once(
    submission, candidate, order_total, settings, django_capture_on_commit_callbacks
):
    second = another(candidate, order_total, django_capture_on_commit_callbacks)
    stranger = another(
        UserFactory(username="stranger"), order_total, django_capture_on_commit_callbacks
    )
    assert grading.submission_claim(submission_id=submission.pk) == 1
    assert grading.submission_claim(submission_id=second.pk) is None
    assert grading.submission_claim(submission_id=stranger.pk) == 1  # others aren't held up
    second.refresh_from_db()
    assert (second.status, second.attempts) == ("queued", 0)

    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_RUNNING_PER_USER": 2}
    assert grading.submission_claim(submission_id=second.pk) == 1


def test_a_dead_workers_expired_lease_does_not_hold_the_users_place(
    submission, candidate, order_total, django_capture_on_commit_callbacks
):
    second = another(candidate, order_total, django_capture_on_commit_callbacks)
    assert grading.submission_claim(submission_id=submission.pk) == 1
    Submission.objects.filter(pk=submission.pk).update(lease_expires_at="2000-01-01T00:00:00Z")
    assert grading.submission_claim(submission_id=second.pk) == 1


def test_no_cap_when_max_running_per_user_is_zero(
    submission, candidate, order_total, settings, django_capture_on_commit_callbacks
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_RUNNING_PER_USER": 0}
    others = [another(candidate, order_total, django_capture_on_commit_callbacks) for _ in range(3)]
    assert grading.submission_claim(submission_id=submission.pk) == 1
    assert [grading.submission_claim(submission_id=s.pk) for s in others] == [1, 1, 1]


@pytest.mark.usefixtures("engine_up")
def test_a_busy_users_submission_waits_shortly_without_using_an_attempt(
    submission, candidate, order_total, monkeypatch, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    second = another(candidate, order_total, django_capture_on_commit_callbacks)
    assert grading.submission_claim(submission_id=submission.pk) == 1
    monkeypatch.setattr(grading.kinds, "grade", lambda **kw: pytest.fail("graded while busy"))
    with django_capture_on_commit_callbacks(execute=True):
        grading.submission_grade(submission_id=second.pk)
    second.refresh_from_db()
    assert (second.status, second.attempts) == ("queued", 0)
    (task,) = DBTaskResult.objects.all()
    assert task.args_kwargs == {"args": [second.pk], "kwargs": {}}
    assert 0 < (task.run_after - task.enqueued_at).total_seconds() <= 2


def test_runs_are_queued_before_submits(candidate, order_total, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        submit = creation.submission_create(
            user=candidate, challenge=order_total, mode="submit", code="x = 1"
        )
        run = creation.submission_create(
            user=candidate, challenge=order_total, mode="run", code="x = 1"
        )
    priorities = {task.args_kwargs["args"][0]: task.priority for task in DBTaskResult.objects.all()}
    assert priorities == {submit.pk: 0, run.pk: queueing.RUN_PRIORITY}
    first = DBTaskResult.objects.ready().first()  # the worker's own ordering
    assert first.args_kwargs["args"] == [run.pk]


# --- what is stored is bounded ------------------------------------------------------------------


def test_a_grade_of_any_size_and_shape_is_stored_bounded(submission):
    import json

    from submissions import result_caps

    def deep(depth):
        value = 1
        for _ in range(depth):
            value = [value]
        return value

    rows = [
        {"ordinal": n, "name": f"case {n}", "visibility": "example", "status": "wrong_answer",
         "passed": False, "actual": "x" * 3_000_000, "output": "y\x00" * 100_000,
         "error": "\ud800 lone surrogate", "expected": deep(975)}
        for n in range(20)
    ]  # fmt: skip
    grade = Grade(
        verdict=Verdict.WRONG_ANSWER, score=0.0, cases=rows, message="m" * 100_000,
        stdout="o" * 1_000_000, stderr="\x00" * 10,
    )  # fmt: skip
    attempt = grading.submission_claim(submission_id=submission.pk)
    assert grading.submission_complete(submission_id=submission.pk, attempt=attempt, grade=grade)
    stored = Submission.objects.get(pk=submission.pk)
    size = len(json.dumps(stored.results))
    assert size <= result_caps.MAX_RESULTS_BYTES
    first = stored.results[0]
    assert first["actual"]["__truncated__"] is True
    assert first["actual"]["bytes"] == 3_000_002
    assert first["actual"]["preview"].startswith('"xxx')
    assert first["expected"]["__truncated__"] is True  # 975 deep
    assert first["output"].endswith(result_caps.TEXT_MARKER)
    assert "\x00" not in first["output"]
    assert "\ud800" not in first["error"]
    assert (first["name"], first["status"], first["passed"]) == ("case 0", "wrong_answer", False)
    assert len(stored.stdout) == result_caps.MAX_OUTPUT_CHARS + len(result_caps.TEXT_MARKER)
    assert stored.stderr == "\ufffd" * 10
    assert len(stored.message) <= result_caps.MAX_MESSAGE_CHARS + len(result_caps.TEXT_MARKER)


def test_thousands_of_rows_keep_what_happened_to_each_within_the_cap():
    import json

    from submissions.result_caps import MAX_RESULTS_BYTES, bounded_results

    rows = [
        {"ordinal": n, "name": f"case {n}", "status": "passed", "passed": True, "actual": "z" * 500}
        for n in range(1500)
    ]
    bounded = bounded_results(rows)
    assert len(json.dumps(bounded)) <= MAX_RESULTS_BYTES
    assert len(bounded) == 1500
    assert bounded[0] == {"ordinal": 0, "name": "case 0", "status": "passed", "passed": True}
    many = bounded_results([{"name": "n" * 200, "status": "passed"}] * 5000)
    assert len(json.dumps(many)) <= MAX_RESULTS_BYTES
    assert many[-1]["status"] == "truncated"
    assert many[-1]["name"].endswith("more cases")
    (odd,) = bounded_results(
        [{"name": "odd", "actual": [float("nan"), float("-inf"), 10**5000], "bad": object()}]
    )
    assert odd["actual"][:2] == [{"__float__": "nan"}, {"__float__": "-inf"}]
    assert odd["actual"][2] == {
        "__truncated__": True,
        "preview": '"<16610-bit int>"',
        "bytes": 5002,
    }
    assert odd["bad"] == {"__truncated__": True, "preview": '"<object>"', "bytes": 8}
    assert bounded_results("not a list") == []
    assert bounded_results([1, None]) == [{"value": 1}, {"value": None}]


@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_one_users_submissions_at_once_take_one(candidate, order_total):
    import threading

    from django.db import connection, transaction

    first, second = (
        creation.submission_create(
            user=candidate, challenge=order_total, mode="submit", code="x = 1"
        )
        for _ in range(2)
    )
    claimed, claims = threading.Event(), {}

    def worker_one():
        try:
            # Its claim is made but not committed yet while the other worker claims.
            with transaction.atomic():
                claims["first"] = grading.submission_claim(submission_id=first.pk)
                claimed.set()
                threading.Event().wait(0.5)
        finally:
            claimed.set()
            connection.close()

    def worker_two():
        try:
            claimed.wait()
            claims["second"] = grading.submission_claim(submission_id=second.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker_one), threading.Thread(target=worker_two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Without the user's row lock, PostgreSQL's second claim counts the first as still queued.
    assert claims == {"first": 1, "second": None}
    assert Submission.objects.filter(status="running").count() == 1
