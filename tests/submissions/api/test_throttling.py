"""Runs and submits have separate per-user rate limits, answered with 429 and Retry-After."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _low_rates(db, settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"submission_run": "2/min", "submission_submit": "1/min"},
    }
    yield
    cache.clear()


def post(api_client, mode):
    return api_client.post(
        "/api/submissions/",
        {"challenge": "order-total", "mode": mode, "code": "x = 1"},
        format="json",
    )


def test_runs_and_submits_are_limited_separately(
    api_client, order_total, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        assert [post(api_client, "run").status_code for _ in range(2)] == [201, 201]
        limited = post(api_client, "run")
        assert post(api_client, "submit").status_code == 201
        assert post(api_client, "submit").status_code == 429
    assert limited.status_code == 429
    assert limited.json()["detail"].startswith("Request was throttled. Expected available in")
    assert 0 < int(limited["Retry-After"]) <= 60


def test_reading_is_not_limited(api_client, order_total):
    for _ in range(5):
        assert api_client.get("/api/submissions/").status_code == 200


def test_too_many_waiting_submissions_per_user_is_busy_not_an_error(
    api_client, order_total, settings, django_capture_on_commit_callbacks
):
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 1}
    with django_capture_on_commit_callbacks(execute=False):
        assert post(api_client, "run").status_code == 201
        busy = post(api_client, "run")
    assert busy.status_code == 503
    assert busy["Retry-After"] == "5"
    assert busy.json() == {
        "detail": "You have 1 submissions waiting to be graded; send more once they have finished."
    }


def test_a_full_queue_answers_with_retry_after(
    api_client, order_total, settings, django_capture_on_commit_callbacks
):
    settings.SUBMISSIONS = {
        **settings.SUBMISSIONS,
        "MAX_QUEUED": 1,
        "MAX_IN_FLIGHT_PER_USER": 10,
        "EXPECTED_GRADES_PER_S": 5,
    }
    with django_capture_on_commit_callbacks(execute=False):
        assert post(api_client, "run").status_code == 201
        busy = post(api_client, "run")
    assert busy.status_code == 503
    assert busy.json() == {"detail": "The grading queue is busy; retry in 5 s."}
    assert busy["Retry-After"] == "5"
